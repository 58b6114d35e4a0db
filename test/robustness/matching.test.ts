// Patterns compile to automata and match in time linear in the reply: hostile packs within the size cap
// finish on the longest reply rapport accepts, and a pack past the cap is refused at load with its file and line.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_PACK_SIZE } from '../../src/core/rules/patterns/index.js';
import { compilePattern, sizeOf } from '../../src/core/rules/patterns/parse.js';
import { MAX_REPLY_LENGTH } from '../../src/core/limits.js';
import { expectClean, run } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'rapport-matching-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A pack folder with one rule holding `patterns`. */
function pack(name: string, patterns: string[], examples = 'flag: [z0 z1, z0 z0]\n      pass: [hello there, what now]'): string {
  const dir = join(tmp, name);
  mkdirSync(dir);
  const rule = [
    'rules:',
    '  - id: custom.hostile',
    '    type: pattern',
    '    dimension: openness',
    '    kind: issue',
    '    severity: warning',
    '    weight: 1',
    '    message: m',
    '    rationale: r',
    '    examples:',
    `      ${examples}`,
    `    patterns: [${patterns.map((pattern) => JSON.stringify(pattern)).join(', ')}]`,
  ];
  writeFileSync(join(dir, 'rules.yaml'), `${rule.join('\n')}\n`);
  return dir;
}

/** The longest reply accepted, as one sentence of one-letter words every pattern below can read. */
const longest = (words: string): string => `${words} `.repeat(MAX_REPLY_LENGTH).slice(0, MAX_REPLY_LENGTH - 1);

const size = (pattern: string): number => sizeOf(compilePattern(pattern, new Map()).automaton);

/** Copies of `pattern` (its ZZ numbered) filling `budget` of the size cap. */
function filling(pattern: string, budget: number): string[] {
  const count = Math.floor(budget / size(pattern.replace('ZZ', 'z0')));
  return Array.from({ length: count }, (_, i) => pattern.replace('ZZ', `z${i}`));
}

/** Room left in the cap beside the built-in pack, which every check loads. */
const ROOM = MAX_PACK_SIZE - 15_000;

function checkCompletes(rules: string, reply: string): void {
  const result = run(['check', '--rules', rules, '--format', 'json', reply]);
  expectClean(result, [0, 1]);
  expect(JSON.parse(result.stdout).text).toBe(reply);
}

describe('hostile patterns within the caps', () => {
  // Backtracking tried every spelling of every pattern at every word: minutes for a 3,000-character reply.
  it('100 patterns of wildcards, gaps and eleven optionals check the longest reply', { timeout: 30_000 }, () => {
    const letters = 'abcdefghijk'.split('');
    const patterns = Array.from({ length: 100 }, (_, i) => `* ... * ... ${letters.map((letter) => `${letter}?`).join(' ')} z${i}`);
    checkCompletes(pack('heavy', patterns), longest(letters.join(' ')));
  });

  it('packs filling the size cap with patterns tried at every word check the longest reply', { timeout: 60_000 }, () => {
    checkCompletes(pack('stars', filling('* ... * ... *? *? *? *? *? *? *? *? *? *? *? ZZ', ROOM)), longest('a'));
    checkCompletes(pack('pairs', filling('a a ZZ', ROOM)), longest('a'));
    checkCompletes(pack('gaps', filling('a ... ZZ', ROOM)), longest('a'));
  });

  it('a pattern with thousands of spellings compiles small and matches each', () => {
    const pattern = `${Array.from({ length: 16 }, () => '(a|b c)?').join(' ')} zzzz`;
    expect(size(pattern)).toBeLessThan(1_000);
    const dir = pack('spellings', [pattern], 'flag: [a zzzz, b c a b c zzzz]\n      pass: [a b zzz, hello there]');
    expectClean(run(['rules', 'test', dir]), [0]);
  });
});

describe('packs past the size cap', () => {
  it('are refused at load with the file and line of the rule that crosses it', () => {
    const dir = pack('too-big', filling('* ... * ... *? *? *? *? *? *? *? *? *? *? *? ZZ', MAX_PACK_SIZE));
    const result = run(['check', '--rules', dir, 'hello there']);
    expectClean(result, [2]);
    expect(result.stderr).toMatch(/rules\.yaml:2:5: rule "custom\.hostile": pattern ".*" takes the rule packs' patterns past a size of 35,000/);
  });
});
