// Pull-request mode (--changed-since REF): the lines of each file that differ
// from a git ref, so only the examples on them are linted.
import { execFileSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { UsageError } from '../io/errors.js';
import { toPosix } from './files.js';

/** Added or changed line numbers (new side) of each file in a `git diff --unified=0` output, keyed by its path after `+++ b/`. */
export function parseUnifiedDiff(diff: string): Map<string, Set<number>> {
  const files = new Map<string, Set<number>>();
  let current: Set<number> | null = null;
  for (const line of diff.split('\n')) {
    if (line.startsWith('+++ ')) {
      const target = line.slice(4).replace(/\t$/, '');
      if (target === '/dev/null') {
        current = null;
        continue;
      }
      const name = target.startsWith('b/') ? target.slice(2) : target;
      current = files.get(name) ?? new Set<number>();
      files.set(name, current);
      continue;
    }
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (hunk && current) {
      const start = Number(hunk[1]);
      const count = hunk[2] === undefined ? 1 : Number(hunk[2]);
      for (let n = start; n < start + count; n++) current.add(n);
    }
  }
  return files;
}

/** What a file's changed lines are: a set of line numbers, or 'all' for a file git does not track yet. */
export type ChangedLines = (path: string) => ReadonlySet<number> | 'all';

function git(args: string[], cwd: string): string {
  return execFileSync('git', ['-c', 'core.quotepath=off', ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
}

/**
 * The changed lines of `paths` since `ref`: compared with the merge base of the
 * ref and HEAD (what a pull request changes, even when the target branch has
 * moved on), working-tree edits included. Files git does not track count as all new.
 */
export function changedSince(ref: string, paths: string[], cwd: string): ChangedLines {
  let root: string;
  try {
    root = git(['rev-parse', '--show-toplevel'], cwd).trim();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? '--changed-since needs git, which is not installed' : '--changed-since needs a git repository, and this folder is not in one');
  }
  try {
    git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], cwd);
  } catch {
    throw new UsageError(`--changed-since: git knows no commit "${ref}" (fetch it first, e.g. git fetch origin main)`);
  }
  let base = ref;
  try {
    base = git(['merge-base', ref, 'HEAD'], cwd).trim() || ref;
  } catch {
    // No common history (or no HEAD yet): compare with the ref itself.
  }
  // git names files from the real top-level folder: resolve symlinks (e.g. /tmp on macOS) the same way.
  const realRoot = realpathSync(root);
  const nameOf = (path: string): string => {
    const full = resolve(cwd, path);
    let real = full;
    try {
      real = realpathSync(full);
    } catch {
      // a missing file keeps its name
    }
    return toPosix(relative(realRoot, real));
  };
  if (paths.length === 0) return () => new Set();
  const changed = new Map<string, Set<number>>();
  const tracked = new Set<string>();
  // In batches, so a very long list of files stays under the command-line limit.
  const inside = paths.map(nameOf).filter((name) => !name.startsWith('../') && name !== '..');
  for (let i = 0; i < inside.length; i += 500) {
    const batch = inside.slice(i, i + 500);
    const run = (args: string[]): string => {
      try {
        return git(args, root);
      } catch (error) {
        const detail = String((error as { stderr?: unknown }).stderr ?? '').trim().split('\n')[0] || (error as Error).message;
        throw new UsageError(`--changed-since: git failed: ${detail}`);
      }
    };
    const diff = run(['diff', '--unified=0', '--no-color', '--no-ext-diff', '--no-renames', '--src-prefix=a/', '--dst-prefix=b/', base, '--', ...batch.map((p) => `:(literal)${p}`)]);
    for (const [name, lines] of parseUnifiedDiff(diff)) changed.set(name, lines);
    const listed = run(['ls-files', '-z', '--', ...batch.map((p) => `:(literal)${p}`)]);
    for (const name of listed.split('\0')) if (name) tracked.add(name);
  }
  return (path) => {
    const name = nameOf(path);
    // Outside the repository, or not tracked yet: every line is new.
    if (!tracked.has(name)) return 'all';
    return changed.get(name) ?? new Set();
  };
}
