// The Debian packages some tests drive for real: a headless browser for the HTML report and tmux as the
// pseudo-terminal for `rapport practice`. The global setup (system-packages.ts) installs the missing ones
// with apt-get when it can; a test that needs one calls `needs` and, without it, fails with one line.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const SYSTEM_PACKAGES = {
  chromium: { usedBy: 'the HTML report tests in a browser', present: () => existsSync(CHROMIUM) },
  tmux: { usedBy: 'the practice tests in a terminal', present: () => spawnSync('tmux', ['-V'], { stdio: 'ignore' }).status === 0 },
} as const;

export type SystemPackage = keyof typeof SYSTEM_PACKAGES;

export function missingPackages(): SystemPackage[] {
  return (Object.keys(SYSTEM_PACKAGES) as SystemPackage[]).filter((name) => !SYSTEM_PACKAGES[name].present());
}

/** Fails the calling test (or hook) with one line naming what to install, when `name` is missing. */
export function needs(name: SystemPackage): void {
  if (SYSTEM_PACKAGES[name].present()) return;
  const where = name === 'chromium' ? ` (or set CHROMIUM_PATH to a Chromium binary; looked for ${CHROMIUM})` : '';
  const error = new Error(`${name} is not installed: run \`apt-get install -y ${name}\` as root${where}, then run the tests again`);
  // The message says everything: a stack would only point here.
  error.stack = error.message;
  throw error;
}
