// Running the built CLI (npm test builds dist/ first) the way users do.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NODE_FLAGS } from '../helpers.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const FIXTURES = join(ROOT, 'fixtures/transcripts');
export const ANNOMI = join(ROOT, 'fixtures/eval/annomi-sample.csv');

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function rapport(args: string[], options: { input?: string; cwd?: string; env?: Record<string, string> } = {}): Run {
  const result = spawnSync(process.execPath, [...NODE_FLAGS, join(ROOT, 'bin/rapport'), ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...options.env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'rapport-batch-'));
}

export const jsonl = (text: string): Record<string, unknown>[] =>
  text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
