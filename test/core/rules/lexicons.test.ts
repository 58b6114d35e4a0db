import { describe, expect, it } from 'vitest';
import { buildLexicons, lexiconStems } from '../../../src/core/rules/lexicons.js';
import { stemOf } from '../../../src/core/tokens/analyse.js';

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
