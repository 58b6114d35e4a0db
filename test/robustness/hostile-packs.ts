// Rule packs made to be slow to match, within the size cap, and the longest reply to check them on.
// Shared by test/robustness/matching.test.ts (they finish) and `npm run bench` (how fast).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_REPLY_LENGTH } from '../../src/core/limits.js';
import { MAX_PACK_SIZE } from '../../src/core/rules/patterns/index.js';
import { compilePattern, sizeOf } from '../../src/core/rules/patterns/parse.js';

/** Writes a pack folder `dir` with one rule holding `patterns`. */
export function writePack(dir: string, patterns: string[], examples = 'flag: [z0 z1, z0 z0]\n      pass: [hello there, what now]'): string {
  mkdirSync(dir, { recursive: true });
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

/** The longest reply accepted: one sentence of `words` over and over. */
export const longestReply = (words: string): string => `${words} `.repeat(MAX_REPLY_LENGTH).slice(0, MAX_REPLY_LENGTH - 1);

export const patternSize = (pattern: string): number => sizeOf(compilePattern(pattern, new Map()).automaton);

/** Copies of `pattern` (its ZZ numbered) filling `budget` of the size cap. */
export function filling(pattern: string, budget: number): string[] {
  const count = Math.floor(budget / patternSize(pattern.replace('ZZ', 'z0')));
  return Array.from({ length: count }, (_, i) => pattern.replace('ZZ', `z${i}`));
}

/** What the built-in pack may take of the cap; matching.test.ts checks that it still fits. */
export const BUILTIN_ALLOWANCE = 29_000;

/** Room left in the cap beside the built-in pack, which every check loads. */
export const ROOM = MAX_PACK_SIZE - BUILTIN_ALLOWANCE;

const LETTERS = 'abcdefghijk'.split('');

/** Each hostile pack with the reply that makes it work hardest. */
export const HOSTILE_PACKS: { name: string; patterns: () => string[]; reply: string }[] = [
  // Issue 16's: backtracking tried every spelling of every pattern at every word.
  // As many as the cap leaves room for beside the built-in pack (about 85; the issue's example was 100).
  {
    name: 'the cap of "* ... * ... a? b? … k? zN"',
    patterns: () => filling(`* ... * ... ${LETTERS.map((letter) => `${letter}?`).join(' ')} ZZ`, ROOM),
    reply: longestReply(LETTERS.join(' ')),
  },
  { name: 'the cap of "* ... * ... *? ×11 zN"', patterns: () => filling('* ... * ... *? *? *? *? *? *? *? *? *? *? *? ZZ', ROOM), reply: longestReply('a') },
  { name: 'the cap of "a a zN"', patterns: () => filling('a a ZZ', ROOM), reply: longestReply('a') },
  { name: 'the cap of "a ... zN"', patterns: () => filling('a ... ZZ', ROOM), reply: longestReply('a') },
  // Every pattern matches at every word: thousands of matches per word, but for the budget.
  { name: 'the cap of "(a|zN)"', patterns: () => filling('(a|ZZ)', ROOM), reply: longestReply('a') },
];
