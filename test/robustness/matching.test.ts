// Patterns compile to automata and match in time linear in the reply: hostile packs within the size cap
// finish on the longest reply rapport accepts, and a pack past the cap is refused at load with its file and line.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_PACK_SIZE } from '../../src/core/rules/patterns/index.js';
import { expectClean, run } from './helpers.js';
import { BUILTIN_ALLOWANCE, filling, HOSTILE_PACKS, patternSize, writePack } from './hostile-packs.js';
import { builtinPack } from '../helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'rapport-matching-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const pack = (name: string, patterns: string[], examples?: string): string => writePack(join(tmp, name), patterns, examples);

function checkCompletes(rules: string, reply: string): void {
  const result = run(['check', '--rules', rules, '--format', 'json', reply]);
  expectClean(result, [0, 1]);
  expect(JSON.parse(result.stdout).text).toBe(reply);
}

describe('hostile patterns within the caps', () => {
  it('leaves the room the hostile packs take beside the built-in pack', async () => {
    expect((await builtinPack()).patterns.totalSize).toBeLessThanOrEqual(BUILTIN_ALLOWANCE);
  });

  // Backtracking tried every spelling of every pattern at every word: 100 s for 3,000 characters of the first.
  for (const [i, hostile] of HOSTILE_PACKS.entries()) {
    it(`${hostile.name} checks the longest reply`, { timeout: 30_000 }, () => {
      checkCompletes(pack(`hostile-${i}`, hostile.patterns()), hostile.reply);
    });
  }

  it('a pattern with thousands of spellings compiles small and matches each', () => {
    const pattern = `${Array.from({ length: 16 }, () => '(a|b c)?').join(' ')} zzzz`;
    expect(patternSize(pattern)).toBeLessThan(1_000);
    const dir = pack('spellings', [pattern], 'flag: [a zzzz, b c a b c zzzz]\n      pass: [a b zzz, hello there]');
    expectClean(run(['rules', 'test', dir]), [0]);
  });
});

describe('packs past the size cap', () => {
  it('are refused at load with the file and line of the rule that crosses it', () => {
    const dir = pack('too-big', filling('* ... * ... *? *? *? *? *? *? *? *? *? *? *? ZZ', MAX_PACK_SIZE));
    const result = run(['check', '--rules', dir, 'hello there']);
    expectClean(result, [2]);
    expect(result.stderr).toMatch(/rules\.yaml:2:5: rule "custom\.hostile": pattern ".*" takes the rule packs' patterns past a size of 40,000/);
  });
});
