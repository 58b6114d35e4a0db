// `type: count`: a measure of the whole reply, inside [min, max].
import { describe, expect, it } from 'vitest';
import { FILE, ID, lineOf, matched, messageOf, packWith, problemWith } from './rule-file.js';

const LONG = 'That sounds really hard, and I can hear how much it weighs on you every day.';

describe('count rules', () => {
  it('fire when the measure is in range, over the span it counted, with {count} in the message', async () => {
    const pack = await packWith({ type: 'count', metric: 'questions', min: 2, message: '{count} questions at once' });
    expect(matched(pack, 'How are you? What happened? I see.')).toEqual(['How are you? What happened?']);
    expect(messageOf(pack, 'How are you? What happened? I see.')).toBe('2 questions at once');
    expect(matched(pack, 'How are you? I see.')).toEqual([]);
  });

  it('measure the reply against the client for length-ratio, and skip a client who said too little', async () => {
    const pack = await packWith({ type: 'count', metric: 'length-ratio', min: 3, minClientWords: 3 });
    expect(matched(pack, LONG, 'I am tired.')).toEqual([LONG]);
    expect(matched(pack, LONG, 'Tired.')).toEqual([]);
    expect(matched(pack, LONG)).toEqual([]);
  });

  it('count every match of the patterns for `matches`, and the most of any one for `repeats`', async () => {
    const matches = await packWith({ type: 'count', metric: 'matches', patterns: ['i wonder', 'it sounds like'], min: 2, message: '{count} frames' });
    expect(messageOf(matches, 'I wonder if it sounds like a lot.')).toBe('2 frames');
    expect(matched(matches, 'I wonder what helps.')).toEqual([]);
    const repeats = await packWith({ type: 'count', metric: 'repeats', patterns: ['i hear you', 'it sounds like'], min: 2 });
    expect(matched(repeats, 'I hear you. I hear you.')).toEqual(['I hear you. I hear you.']);
    expect(matched(repeats, 'I hear you. It sounds like a lot.')).toEqual([]);
  });

  it('stay quiet when an `unless` pattern occurs anywhere in the reply', async () => {
    const pack = await packWith({ type: 'count', metric: 'words', max: 3, unless: ['thank you'] });
    expect(matched(pack, 'Go on.')).toEqual(['Go on.']);
    expect(matched(pack, 'Thank you, go.')).toEqual([]);
  });

  it('are refused at load with an unknown metric or a negative bound, at the line of the key', async () => {
    const metric = { type: 'count', metric: 'paragraphs', min: 1 };
    expect(await problemWith(metric)).toMatchObject({ file: FILE, line: lineOf(metric, 'metric:'), ruleId: ID, message: expect.stringMatching(/^metric: .*"length-ratio"/) });
    const bound = { type: 'count', metric: 'words', min: -1 };
    expect(await problemWith(bound)).toMatchObject({ file: FILE, line: lineOf(bound, 'min:'), ruleId: ID, message: expect.stringMatching(/^min: /) });
  });
});
