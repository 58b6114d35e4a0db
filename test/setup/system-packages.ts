// Vitest global setup: on a fresh Debian machine, as root, install the system packages the tests drive
// (test/setup/system.ts) before any test runs, so `npm ci && npm test` needs nothing done by hand.
// Elsewhere (not root, no apt-get, no network) nothing is installed, and only the tests that need a
// missing package fail, each with one line saying what to install.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { missingPackages, SYSTEM_PACKAGES } from './system.js';

function apt(args: string[]): boolean {
  const result = spawnSync('apt-get', ['-qq', '-o', 'DPkg::Lock::Timeout=300', ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.status !== 0) process.stderr.write(`test setup: apt-get ${args[0]} failed: ${(result.stderr || String(result.error ?? '')).trim().split('\n').pop()}\n`);
  return result.status === 0;
}

export default function setup(): void {
  const missing = missingPackages();
  if (missing.length === 0) return;
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get') && process.env.RAPPORT_TEST_NO_APT === undefined;
  const list = missing.map((name) => `${name} (${SYSTEM_PACKAGES[name].usedBy})`).join(', ');
  if (!canInstall) {
    process.stderr.write(`test setup: missing ${list}; install with \`apt-get install -y ${missing.join(' ')}\` as root\n`);
    return;
  }
  process.stderr.write(`test setup: installing ${list} with apt-get\n`);
  if (apt(['update']) && apt(['install', '-y', '--no-install-recommends', ...missing])) {
    const still = missingPackages();
    if (still.length > 0) process.stderr.write(`test setup: apt-get ran, but ${still.join(', ')} is still missing\n`);
  }
}
