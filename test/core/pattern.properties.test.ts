// The pattern automaton against a reference that knows nothing of automata: a regular expression
// for the same pattern, tried on every span of the sentence, keeping the longest from each start.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Lexicons } from '../../src/core/rules/lexicons.js';
import { findMatches } from '../../src/core/rules/patterns/index.js';
import { compilePattern } from '../../src/core/rules/patterns/parse.js';
import { analyse } from '../../src/core/tokens/analyse.js';

const lexicons: Lexicons = new Map([
  ['fillers', { words: new Set(['so']), stems: new Set(['so']) }],
  ['ab', { words: new Set(['a', 'b']), stems: new Set(['a', 'b']) }],
]);

/** A random pattern, as its source and as a regular expression over words that each end in a space. */
interface Spelled {
  source: string;
  regex: string;
}

const atom: fc.Arbitrary<Spelled> = fc.constantFrom(
  { source: 'a', regex: 'a ' },
  { source: 'b', regex: 'b ' },
  { source: 'so', regex: 'so ' },
  { source: '*', regex: '\\S+ ' },
  { source: '@ab', regex: '(?:a|b) ' },
);

const { element } = fc.letrec<{ element: Spelled; sequence: Spelled }>((tie) => ({
  element: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    atom,
    atom.map(({ source, regex }) => ({ source: `${source}?`, regex: `(?:${regex})?` })),
    fc.array(tie('sequence'), { minLength: 2, maxLength: 3 }).map((alternatives) => ({
      source: `(${alternatives.map((alternative) => alternative.source).join('|')})`,
      regex: `(?:${alternatives.map((alternative) => alternative.regex).join('|')})`,
    })),
  ),
  sequence: fc.array(tie('element'), { minLength: 1, maxLength: 3 }).map((parts) => ({
    source: parts.map((part) => part.source).join(' '),
    regex: parts.map((part) => part.regex).join(''),
  })),
}));

const GAP: Spelled = { source: '...', regex: '(?:\\S+ ){0,4}' };

const pattern = fc
  .tuple(fc.boolean(), fc.array(fc.oneof({ weight: 4, arbitrary: element }, { weight: 1, arbitrary: fc.constant(GAP) }), { minLength: 1, maxLength: 5 }), fc.boolean())
  .filter(([, parts]) => parts.filter((part) => part === GAP).length <= 2)
  .map(([start, parts, end]) => ({
    start,
    end,
    source: `${start ? '^ ' : ''}${parts.map((part) => part.source).join(' ')}${end ? ' $' : ''}`,
    regex: new RegExp(`^${parts.map((part) => part.regex).join('')}$`),
  }));

const sentence = fc.array(fc.constantFrom('a', 'b', 'c', 'so'), { minLength: 1, maxLength: 9 });

/** Non-overlapping, leftmost-longest matches, from every span the regular expression accepts. */
function reference(words: string[], { start, end, regex }: { start: boolean; end: boolean; regex: RegExp }): [number, number][] {
  let fillers = 0;
  while (fillers < words.length && words[fillers] === 'so') fillers += 1;
  const ranges: [number, number][] = [];
  for (let first = 0; first < words.length; first += 1) {
    if (start && first > fillers) break;
    let longest = -1;
    for (let last = first + 1; last <= words.length; last += 1) {
      if (end && last !== words.length) continue;
      if (regex.test(words.slice(first, last).map((word) => `${word} `).join(''))) longest = last;
    }
    if (longest < 0) continue;
    ranges.push([first, longest]);
    if (start) break;
    first = longest - 1;
  }
  return ranges;
}

describe('pattern automata', () => {
  it('find the same matches as trying every span', () => {
    fc.assert(
      fc.property(pattern, sentence, (spelled, words) => {
        let compiled;
        try {
          compiled = compilePattern(spelled.source, lexicons);
        } catch {
          return; // patterns of gaps alone are refused
        }
        const tokens = analyse(`${words.join(' ')}.`).sentences[0]!.words;
        const found = findMatches(compiled, tokens, lexicons).map(({ first, last }) => [first, last]);
        expect(found).toEqual(reference(words, spelled));
      }),
      { numRuns: 2_000 },
    );
  });
});
