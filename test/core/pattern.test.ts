import { describe, expect, it } from 'vitest';
import type { Lexicons } from '../../src/core/rules/lexicons.js';
import { findMatches, MAX_MATCHES_PER_WORD, PatternIndex } from '../../src/core/rules/patterns/index.js';
import { compilePattern, PatternError } from '../../src/core/rules/patterns/parse.js';
import { analyse } from '../../src/core/tokens/analyse.js';

const lexicons: Lexicons = new Map([
  ['feelings', { words: new Set(['scared', 'angry']), stems: new Set(['scare', 'angri']) }],
  ['fillers', { words: new Set(['so', 'well']), stems: new Set(['so', 'well']) }],
]);

function matched(pattern: string, text: string): string[] {
  const compiled = compilePattern(pattern, lexicons);
  return analyse(text).sentences.flatMap((sentence) =>
    findMatches(compiled, sentence.words, lexicons).map((range) => text.slice(sentence.words[range.first]!.start, sentence.words[range.last - 1]!.end)),
  );
}

describe('token patterns', () => {
  it('match words case-insensitively and either apostrophe', () => {
    expect(matched("you don't have to", 'You don’t have to decide.')).toEqual(['You don’t have to']);
  });

  it('support alternatives, optional words and stems', () => {
    expect(matched('you (need|have) to', 'You have to go.')).toEqual(['You have to']);
    expect(matched('makes (complete)? sense', 'It makes complete sense. It makes sense.')).toEqual(['makes complete sense', 'makes sense']);
    expect(matched('~feel', 'She feels it.')).toEqual(['feels']);
  });

  it('support lexicons, prefixes, wildcards and bounded gaps', () => {
    expect(matched('you ... @feelings', 'You seem really quite scared.')).toEqual(['You seem really quite scared']);
    expect(matched('you ... @feelings', 'You seem to me in a way that is scared.')).toEqual([]);
    expect(matched('overwhelm*', 'It was overwhelming.')).toEqual(['overwhelming']);
    expect(matched('i * you', 'I hear you.')).toEqual(['I hear you']);
  });

  it('match "A&E" as "a e", since an ampersand is punctuation, not a word', () => {
    expect(matched('go to (a e|casualty)', 'Please go to A&E tonight.')).toEqual(['go to A&E']);
    expect(() => compilePattern('go to a&e', lexicons)).toThrow(PatternError);
  });

  it('anchor at sentence start, skipping fillers, and at sentence end', () => {
    expect(matched('^ what', 'So, what happened? And what then?')).toEqual(['what']);
    expect(matched('^ what', 'Tell me what happened.')).toEqual([]);
    expect(matched('right $', 'That is right. Right now it hurts.')).toEqual(['right']);
  });

  it('never matches across sentences', () => {
    expect(matched('hard what', 'That is hard. What now?')).toEqual([]);
  });

  it('find lexicon words at the start or second place of a pattern, by form or by stem', () => {
    expect(matched('@feelings and @feelings', 'I was scared and angry.')).toEqual(['scared and angry']);
    expect(matched('@feelings', 'It scares me.')).toEqual(['scares']);
    expect(matched('so @feelings', 'So scares.')).toEqual(['So scares']);
  });

  it('an index finds patterns added after it has scanned (as rule packs load in turn)', () => {
    const index = new PatternIndex(lexicons);
    const first = index.add(compilePattern('you @feelings', lexicons));
    const words = analyse('You angry you scared').sentences[0]!.words;
    expect(index.scan(words, 'first').get(first)).toHaveLength(2);
    const later = index.add(compilePattern('@feelings you', lexicons));
    const again = index.add(compilePattern('you scared', lexicons));
    const found = index.scan(words, 'second');
    expect(found.get(later)).toEqual([{ first: 1, last: 3 }]);
    expect(found.get(again)).toEqual([{ first: 2, last: 4 }]);
  });

  it('a sentence scanned before a pattern was compiled is scanned again for it', () => {
    const index = new PatternIndex(lexicons);
    index.compile('you @feelings');
    const words = analyse('You need to rest now').sentences[0]!.words;
    expect(index.scan(words, 'You need to rest now').size).toBe(0);
    const later = index.compile('rest now');
    expect(index.scan(words, 'You need to rest now').get(later)).toEqual([{ first: 3, last: 5 }]);
  });

  it('a sentence keeps a bounded number of matches, however many patterns match every word', () => {
    const index = new PatternIndex(lexicons);
    for (let i = 0; i < 3 * MAX_MATCHES_PER_WORD; i += 1) index.compile(`(you|z${i})`);
    const words = analyse('You you.').sentences[0]!.words;
    const found = [...index.scan(words).values()];
    expect(found.reduce((sum, ranges) => sum + ranges.length, 0)).toBe(2 * MAX_MATCHES_PER_WORD);
    expect(found.every((ranges) => ranges.length === 2)).toBe(true);
  });

  it('rejects malformed patterns at load time with the pattern in the message', () => {
    expect(() => compilePattern('(you need', lexicons)).toThrow(PatternError);
    expect(() => compilePattern('you)', lexicons)).toThrow(/unbalanced/);
    expect(() => compilePattern('@nosuch', lexicons)).toThrow(/unknown lexicon/);
    expect(() => compilePattern("you('re)", lexicons)).toThrow(/contractions/);
    expect(() => compilePattern('...', lexicons)).toThrow(/match nothing/);
    expect(() => compilePattern('a ^ b', lexicons)).toThrow(/only start or end/);
  });
});
