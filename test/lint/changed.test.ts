// --changed-since: parsing git's zero-context diff, and a real repository.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changedSince, parseUnifiedDiff } from '../../src/lint/changed.js';

describe('parseUnifiedDiff', () => {
  it('collects the new-side lines of each hunk, per file', () => {
    const diff = [
      'diff --git a/docs/a.md b/docs/a.md',
      '--- a/docs/a.md',
      '+++ b/docs/a.md',
      '@@ -3 +3 @@ heading',
      '-old',
      '+new',
      '@@ -10,0 +11,2 @@',
      '+one',
      '+two',
      '@@ -20,2 +21,0 @@',
      '-gone',
      '-gone',
      'diff --git a/old.md b/old.md',
      '--- a/old.md',
      '+++ /dev/null',
      '@@ -1 +0,0 @@',
      '-x',
    ].join('\n');
    const files = parseUnifiedDiff(diff);
    expect([...files.keys()]).toEqual(['docs/a.md']);
    expect([...files.get('docs/a.md')!]).toEqual([3, 11, 12]);
  });
});

const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });

describe('changedSince', () => {
  it('gives the lines changed since a ref, and all lines of untracked files', () => {
    const root = mkdtempSync(join(tmpdir(), 'rapport-lint-git-'));
    git(root, 'init', '-q');
    writeFileSync(join(root, 'a.md'), 'one\ntwo\nthree\n');
    git(root, 'add', '.');
    git(root, 'commit', '-q', '-m', 'first');
    writeFileSync(join(root, 'a.md'), 'one\nTWO\nthree\nfour\n');
    writeFileSync(join(root, 'new.md'), 'fresh\n');
    const lines = changedSince('HEAD', [join(root, 'a.md'), join(root, 'new.md')], root);
    expect([...(lines(join(root, 'a.md')) as Set<number>)].sort()).toEqual([2, 4]);
    expect(lines(join(root, 'new.md'))).toBe('all');
    expect(() => changedSince('no-such-ref', [], root)).toThrow(/no commit "no-such-ref"/);
  });

  it('is a clear usage error outside a git repository', () => {
    const outside = mkdtempSync(join(tmpdir(), 'rapport-lint-nogit-'));
    expect(() => changedSince('HEAD', [], outside)).toThrow(/needs a git repository/);
  });
});
