// Properties every critique keeps, whatever the text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { critique } from '../../src/core/critique.js';
import { BEHAVIOUR_CODES, DIMENSIONS } from '../../src/core/types.js';
import { builtinPack } from '../helpers.js';

const pack = await builtinPack();

// Text that looks like replies often enough to make rules fire, mixed with anything at all.
const phrase = fc.constantFrom(
  'You need to calm down.', 'It sounds like', 'you feel scared', 'but', 'just', 'Why did you leave?', 'What happened?',
  'at least', 'I know exactly how you feel', 'Would it be okay if', '😀', 'é', '\u200b', 'مرحبا', '\n', '   ', '?', 'Did you?',
);
const replyText = fc.oneof(fc.string(), fc.array(fc.oneof(phrase, fc.string({ maxLength: 8 })), { maxLength: 12 }).map((parts) => parts.join(' ')));
const clientText = fc.option(replyText, { nil: null });

describe('critique properties', () => {
  it('never throws, keeps scores in range and spans exact', () => {
    fc.assert(
      fc.property(replyText, clientText, (text, client) => {
        const result = critique(pack, text, client);
        expect(Number.isInteger(result.score) && result.score >= 0 && result.score <= 100).toBe(true);
        for (const dimension of DIMENSIONS) {
          const score = result.dimensions[dimension].score;
          expect(Number.isInteger(score) && score >= 0 && score <= 100).toBe(true);
        }
        for (const finding of result.findings) {
          expect(finding.start).toBeGreaterThanOrEqual(0);
          expect(finding.end).toBeLessThanOrEqual(text.length);
          expect(text.slice(finding.start, finding.end)).toBe(finding.match);
        }
        for (const behaviour of result.behaviours) {
          expect(BEHAVIOUR_CODES).toContain(behaviour.code);
          expect(behaviour.end).toBeLessThanOrEqual(text.length);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(replyText, clientText, (text, client) => {
        expect(critique(pack, text, client)).toEqual(critique(pack, text, client));
      }),
      { numRuns: 150 },
    );
  });

  it('only offers a rewrite that re-scores higher than the draft, and reports the re-check score', () => {
    fc.assert(
      fc.property(replyText, clientText, (text, client) => {
        const result = critique(pack, text, client);
        if (result.rewrite) {
          expect(result.rewrite.score).toBeGreaterThan(result.score);
          expect(critique(pack, result.rewrite.text, client).score).toBe(result.rewrite.score);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('scoring', () => {
  it('does not give 100 to a reply with nothing to praise or fault', () => {
    const result = critique(pack, 'The bus leaves at nine.', null);
    expect(result.findings.filter((f) => f.kind === 'strength')).toEqual([]);
    expect(result.score).toBeLessThan(100);
  });
});
