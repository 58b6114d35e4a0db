// Shared by the robustness tests: run bin/rapport with a timeout, and check it behaved.
import { expect } from 'vitest';
import { rapport, type RunResult } from '../helpers.js';
import type { SpawnSyncOptions } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const CORPUS = fileURLToPath(new URL('../../fixtures/bad-input/', import.meta.url));
export const corpus = (path: string): string => `${CORPUS}${path}`;

/** A whole run that never hangs: killed after 60 s (and then fails `expectClean`). */
export function run(args: string[], options: SpawnSyncOptions & { input?: string } = {}): RunResult {
  return rapport(args, { timeout: 60_000, killSignal: 'SIGKILL', maxBuffer: 64 * 1024 * 1024, ...options });
}

/** Exit 0, 1 or 2; no stack trace, no internal error; every stderr line is rapport's own. */
export function expectClean(result: RunResult, codes: number[] = [0, 1, 2]): void {
  expect(result.status, `killed or crashed; stderr: ${result.stderr}`).not.toBeNull();
  expect(codes, result.stderr).toContain(result.status);
  expect(result.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(result.stderr).not.toMatch(/internal error|Unhandled|node:internal/);
  for (const line of result.stderr.split('\n').filter((l) => l.trim() !== '')) expect(line).toMatch(/^(rapport[: ]|[✖⚠ℹ✔]|\s)/u);
}
