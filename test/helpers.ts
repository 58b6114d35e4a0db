// Shared by the tests: the built-in pack, loaded once per test file.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CompiledPack } from '../src/core/rules/pack.js';
import { loadPack } from '../src/io/packs.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BIN = fileURLToPath(new URL('../bin/rapport', import.meta.url));
/**
 * Node's flags for the rapport processes the tests start. One GC thread each: hundreds of short
 * runs on a two-core CI machine otherwise spend a quarter of their CPU on parallel GC threads
 * fighting each other for the cores. It changes when memory is reclaimed, not what rapport does.
 */
export const NODE_FLAGS = ['--single-threaded-gc'];

let builtin: Promise<CompiledPack> | undefined;
export function builtinPack(): Promise<CompiledPack> {
  return (builtin ??= loadPack());
}

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Run bin/rapport as a user would: a whole process, no colour unless asked. */
export function rapport(args: string[], options: SpawnSyncOptions & { input?: string } = {}): RunResult {
  const result = spawnSync(process.execPath, [...NODE_FLAGS, BIN, ...args], {
    encoding: 'utf8',
    cwd: ROOT,
    ...options,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...options.env },
  });
  return { status: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}
