// Which files lint reads: folders walked, globs expanded, ignore globs applied.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discover, ignoreMatcher } from '../../src/lint/files.js';

function tree(files: string[]): string {
  const root = mkdtempSync(join(tmpdir(), 'rapport-lint-files-'));
  for (const file of files) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), 'Counsellor: Hello.\n');
  }
  return root;
}

const TREE = [
  'course/a.md',
  'course/b.markdown',
  'course/c.mdx',
  'course/notes.txt',
  'course/bank.yaml',
  'course/bank2.yml',
  'course/image.png',
  'course/script.js',
  'course/deep/er/d.md',
  'course/node_modules/pkg/readme.md',
  'course/.drafts/e.md',
  'course/drafts/f.md',
  'other/g.md',
];

describe('discover', () => {
  const root = tree(TREE);
  const names = (paths: string[], ignore: string[] = []) => discover(paths, { cwd: root, ignore }).files.map((f) => f.file);

  it('walks folders for training material, skipping node_modules and dot-folders', () => {
    expect(names(['course'])).toEqual([
      'course/a.md',
      'course/b.markdown',
      'course/bank.yaml',
      'course/bank2.yml',
      'course/c.mdx',
      'course/deep/er/d.md',
      'course/drafts/f.md',
      'course/notes.txt',
    ]);
  });

  it('expands globs and reads files named explicitly whatever their extension', () => {
    expect(names(['course/**/*.md'])).toEqual(['course/a.md', 'course/deep/er/d.md', 'course/drafts/f.md']);
    expect(names(['*/*.{yaml,yml}'])).toEqual(['course/bank.yaml', 'course/bank2.yml']);
    expect(names(['course/script.js', 'course/a.md', 'course/a.md'])).toEqual(['course/script.js', 'course/a.md']);
  });

  it('reports paths that match nothing, and still finds the rest', () => {
    mkdirSync(join(root, 'empty'), { recursive: true });
    const found = discover(['nope.md', 'course/*.nothing', 'empty', 'other'], { cwd: root });
    expect(found.files.map((f) => f.file)).toEqual(['other/g.md']);
    expect(found.missing).toEqual([
      { path: 'nope.md', message: 'no such file or folder' },
      { path: 'course/*.nothing', message: 'no files matching: nothing matches this glob' },
      { path: 'empty', message: 'no files matching: the folder holds no .md .markdown .mdx .txt .yaml .yml files' },
    ]);
  });

  it('applies ignore globs relative to the config folder, and bare names anywhere', () => {
    expect(names(['course'], ['course/drafts/**', '**/*.yml', 'deep'])).toEqual(['course/a.md', 'course/b.markdown', 'course/bank.yaml', 'course/c.mdx', 'course/notes.txt']);
    const found = discover(['course/a.md', 'other'], { cwd: root, ignore: ['*.md'] });
    expect(found.files).toEqual([]);
    expect(found.ignored).toBe(2);
    expect(found.missing).toEqual([
      { path: 'course/a.md', message: 'no files matching: the file is ignored (lint.ignore)' },
      { path: 'other', message: 'no files matching: every file it matches is ignored (lint.ignore)' },
    ]);
  });

  it('reads ignore globs as .gitignore lines: anchored, negated, folders anywhere', () => {
    expect(names(['course'], ['/course/*.md', '!course/a.md', 'er/'])).toEqual([
      'course/a.md',
      'course/b.markdown',
      'course/bank.yaml',
      'course/bank2.yml',
      'course/c.mdx',
      'course/drafts/f.md',
      'course/notes.txt',
    ]);
    // Anchored to the config's folder: the same glob from a folder above matches nothing.
    expect(names(['course'], ['/a.md'])).toContain('course/a.md');
  });
});

describe('ignoreMatcher', () => {
  it('matches a folder glob against the files inside it', () => {
    const ignored = ignoreMatcher(['archive/', 'legacy'], '/repo');
    expect(ignored('/repo/archive/x.md')).toBe(true);
    expect(ignored('/repo/docs/legacy/y.md')).toBe(true);
    expect(ignored('/repo/docs/current.md')).toBe(false);
  });
});
