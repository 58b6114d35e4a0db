import { describe, expect, it } from 'vitest';
import { buildLexicons, lexiconStems, negatedAt, RESERVED } from '../../../src/core/rules/lexicons.js';
import { compilePack, RuleCompileError } from '../../../src/core/rules/pack.js';
import { analyse, stemOf } from '../../../src/core/tokens/analyse.js';

describe('lexicon stems passed as values', () => {
  it('stems stored by a build give the same lexicons as stemming afresh', () => {
    const sources = { worries: ['Worried', 'anxious ', 'panicking'] };
    const fresh = buildLexicons(sources);
    const stored = buildLexicons(sources, lexiconStems(sources));
    expect(stored.get('worries')).toEqual(fresh.get('worries'));
    expect([...fresh.get('worries')!.stems]).toContain(stemOf('worried'));
  });

  it('uses the stems it is given and leaves no state behind for the next pack', () => {
    const sources = { moods: ['gloomy'] };
    expect([...buildLexicons(sources, { gloomy: 'marked' }).get('moods')!.stems]).toEqual(['marked']);
    expect([...buildLexicons(sources).get('moods')!.stems]).toEqual([stemOf('gloomy')]);
  });

  it('always defines the stopwords', () => {
    expect(buildLexicons({}).get('stopwords')?.words.size).toBeGreaterThan(0);
  });
});

describe('the lexicons the engine reads by name', () => {
  const rule = { definition: { id: 'x.frame', type: 'pattern', dimension: 'attunement', kind: 'strength', severity: 'info', weight: 5, message: 'A frame.', rationale: 'Why.', patterns: ['^ sounds like'] }, file: 'pack/x.yaml', line: 3, column: 5 } as never;
  const reserved = { fillers: ['so'], feelings: ['sad'], negations: ['not'] };

  it('refuses a pack that leaves one undefined, naming the file and what to define', () => {
    const { feelings: _renamed, ...rest } = reserved;
    expect(() => compilePack([{ rules: [rule], lexicons: { ...rest, moods: ['sad'] } }])).toThrow(RuleCompileError);
    expect(() => compilePack([{ rules: [rule], lexicons: rest }])).toThrow(/lexicon "feelings"/);
  });

  it('reads negation from the pack: a feeling after one of its words is not the client’s', () => {
    const pack = compilePack([{ rules: [], lexicons: { ...reserved, negations: ['hardly'] } }]);
    const client = analyse('I am hardly sad today');
    expect(negatedAt(client, client.words.findIndex((word) => word.norm === 'sad'), pack.lexicons.get(RESERVED.negations))).toBe(true);
    const plain = analyse('I am not sad today');
    expect(negatedAt(plain, plain.words.findIndex((word) => word.norm === 'sad'), pack.lexicons.get(RESERVED.negations))).toBe(false);
  });
});
