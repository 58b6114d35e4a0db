import { describe, expect, it } from 'vitest';
import { ExtractError, extractExamples } from '../../../src/readers/training/index.js';
import { byText, expectFaithful, fixture, mapOf, posOf } from './helpers.js';

const yml = (s: string, opts?: Parameters<typeof extractExamples>[2]) => extractExamples(s, 'bank.yaml', opts);

describe('YAML scenario bank fixture', () => {
  const src = fixture('scenarios.yaml');
  const examples = extractExamples(src, 'scenarios.yaml');

  it('finds replies under the configured keys, with their client statements', () => {
    expect(examples.map((e) => [e.speaker, e.text, e.client])).toEqual([
      ['model_replies', 'It sounds like the pressure is keeping you awake.', "I've got three exams next week and I can't sleep."],
      ['model_replies', "You're worried there won't be enough time.", "I've got three exams next week and I can't sleep."],
      ['counsellor', 'You need to make a revision plan.', "I've got three exams next week and I can't sleep."],
      ['therapist', "Why don't you join a club?", "Since I moved here I don't really talk to anyone."],
      ['model_reply', 'Moving somewhere new can be really isolating.\n  What has that been like for you?', "Since I moved here I don't really talk to anyone."],
      ['Counsellor', 'That must really sting, "lazy" is a heavy word.', "My dad says I'm lazy."],
    ]);
    for (const e of examples) expectFaithful(src, e);
  });

  it('positions plain, quoted and block scalars exactly', () => {
    const quoted = byText(examples, "You're worried");
    expect({ line: quoted.line, column: quoted.column }).toEqual(posOf(src, "You're worried"));
    const block = byText(examples, 'Moving somewhere');
    expect({ line: block.line, column: block.column }).toEqual(posOf(src, 'Moving somewhere'));
    expect(mapOf(block, 'What has')).toEqual(posOf(src, 'What has'));
    const escaped = byText(examples, 'That must really');
    expect(mapOf(escaped, 'is a heavy')).toEqual(posOf(src, 'is a heavy'));
  });

  it('applies disable-next-line comments', () => {
    expect(byText(examples, "Why don't you").disabled).toBe('all');
    expect(byText(examples, 'You need to make').disabled).toBeNull();
  });
});

describe('YAML details', () => {
  it('maps every line start of a literal block and words in a folded block', () => {
    const src = [
      'reply: |',
      '    First line.',
      '',
      '      Indented more.',
      '    Last line.',
      'counsellor: >',
      '  You seem',
      '  tired today.',
      '',
    ].join('\n');
    const [lit, folded] = yml(src);
    expect(lit!.text).toBe('First line.\n\n  Indented more.\nLast line.');
    expect(mapOf(lit!, 'First')).toEqual({ line: 2, column: 5 });
    expect(mapOf(lit!, '  Indented')).toEqual({ line: 4, column: 5 });
    expect(mapOf(lit!, 'Indented')).toEqual({ line: 4, column: 7 });
    expect(mapOf(lit!, 'Last')).toEqual({ line: 5, column: 5 });
    expect(folded!.text).toBe('You seem tired today.');
    expect({ line: folded!.line, column: folded!.column }).toEqual({ line: 7, column: 3 });
    expect(mapOf(folded!, 'tired')).toEqual({ line: 8, column: 3 });
  });

  it('handles escapes in double quotes, doubled quotes in single quotes, multi-line plain scalars and CRLF', () => {
    const src = 'a:\r\n  response: "Caf\\u00e9 \\"time\\"\\tnow"\r\n  reply: \'It\'\'s hard\'\r\n  counsellor: That sounds\r\n    really hard.\r\n';
    const [d, s, p] = yml(src);
    expect(d!.text).toBe('Café "time"\tnow');
    expect(mapOf(d!, 'é')).toEqual({ line: 2, column: 17 });
    expect(mapOf(d!, '"time')).toEqual({ line: 2, column: 24 });
    expect(mapOf(d!, 'time')).toEqual({ line: 2, column: 26 });
    expect(mapOf(d!, 'now')).toEqual({ line: 2, column: 34 });
    expect(s!.text).toBe("It's hard");
    expect(mapOf(s!, "'")).toEqual({ line: 3, column: 13 });
    expect(mapOf(s!, 'hard')).toEqual({ line: 3, column: 17 });
    expect(p!.text).toBe('That sounds really hard.');
    expect(mapOf(p!, 'really')).toEqual({ line: 5, column: 5 });
  });

  it('uses the nearest earlier client item in a list of turns', () => {
    const src = 'turns:\n  - client: I feel awful.\n  - counsellor: What happened?\n  - note: not a turn\n  - counsellor: Tell me more.\n';
    expect(yml(src).map((e) => e.client)).toEqual(['I feel awful.', 'I feel awful.']);
  });

  it('honours custom keys and disable comments above list items and keys', () => {
    const src = [
      'suggested:',
      '  # rapport-disable-next-line directive.x',
      '  - You have to stop.',
      '  - Go on.',
      '# rapport-disable-next-line',
      'other:',
      '  - Not checked either way.',
    ].join('\n');
    const got = yml(src, { yamlKeys: ['suggested', 'other'] });
    expect(got.map((e) => [e.text, e.disabled])).toEqual([
      ['You have to stop.', new Set(['directive.x'])],
      ['Go on.', null],
      ['Not checked either way.', 'all'],
    ]);
  });

  it('ignores directive-looking text inside block scalars', () => {
    const src = 'reply: |\n  # rapport-disable-next-line\n  Text.\n';
    const [e] = yml(src);
    expect(e!.disabled).toBeNull();
    expect(e!.text).toBe('# rapport-disable-next-line\nText.');
  });

  it('reports syntax errors with their line', () => {
    const bad = 'scenarios:\n  - client: ok\n    reply: [unclosed\n  - x: 1\n';
    let err: unknown;
    try {
      yml(bad);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ExtractError);
    expect((err as ExtractError).line).toBeGreaterThanOrEqual(3);
  });

  it('rejects alias bombs', () => {
    const rows = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (const [name, prev] of [['b', 'a'], ['c', 'b'], ['d', 'c'], ['e', 'd']]) {
      rows.push(`${name}: &${name} [${Array(10).fill('*' + prev).join(', ')}]`);
    }
    expect(() => yml(rows.join('\n') + '\nreply: hi\n')).toThrow(ExtractError);
    try {
      yml(rows.join('\n'));
    } catch (e) {
      expect((e as ExtractError).line).toBe(2);
    }
  });

  it('follows an alias used as a reply to its anchored text', () => {
    const src = 'shared: &poor You need to relax.\nscenario:\n  reply: *poor\n';
    const got = yml(src);
    expect(got.map((e) => [e.text, e.line, e.column])).toEqual([['You need to relax.', 1, 15]]);
  });
});
