// Folder walks and empty inputs: a link that loops is followed once, each real file is scored once, and a
// folder or file with nothing to score is an error naming it (exit 2) while the files beside it are scored.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectClean, run } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'rapport-walks-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const SESSION = 'Client: I feel stuck at work.\nCounsellor: It sounds like work has you stuck.\n';
const records = (stdout: string) => stdout.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as { source: string });

describe('folder walks', () => {
  it('follow a link back up or to the folder itself once, and score each real file once', () => {
    const dir = join(tmp, 'loops');
    mkdirSync(join(dir, 'inner'), { recursive: true });
    writeFileSync(join(dir, 'a.txt'), SESSION);
    writeFileSync(join(dir, 'inner', 'b.txt'), SESSION);
    symlinkSync('..', join(dir, 'inner', 'up'));
    symlinkSync('.', join(dir, 'self'));
    symlinkSync('a.txt', join(dir, 'also-a.txt'));
    const result = run(['batch', dir, '--format', 'jsonl']);
    expectClean(result, [0]);
    const sources = records(result.stdout).map((record) => record.source);
    expect(new Set(sources).size).toBe(2);
    expect(sources).toHaveLength(2);
  });
});

describe('nothing to score', () => {
  it.each([
    ['an empty .txt file', (dir: string) => writeFileSync(join(dir, 'empty.txt'), ''), 'empty.txt', /no turns found/],
    ['an empty folder', (dir: string) => mkdirSync(join(dir, 'nothing')), 'nothing', /no transcript files/],
    ['a folder named x.txt', (dir: string) => mkdirSync(join(dir, 'x.txt')), 'x.txt', /no transcript files/],
  ])('%s: exit 2 naming it, and the good file beside it still scored', (_, make, name, message) => {
    const dir = mkdtempSync(join(tmp, 'empty-'));
    make(dir);
    writeFileSync(join(dir, 'good.txt'), SESSION);
    const result = run(['batch', join(dir, name), join(dir, 'good.txt'), '--format', 'jsonl']);
    expectClean(result, [2]);
    expect(result.stderr).toContain(join(dir, name));
    expect(result.stderr).toMatch(message);
    expect(records(result.stdout).map((record) => record.source)).toEqual([join(dir, 'good.txt')]);
  });
});
