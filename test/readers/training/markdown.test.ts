import { describe, expect, it } from 'vitest';
import { extractExamples } from '../../../src/readers/training/index.js';
import { byText, expectFaithful, fixture, mapOf, posOf } from './helpers.js';

const md = (s: string) => extractExamples(s, 'x.md');

describe('markdown handbook fixture', () => {
  const src = fixture('handbook.md');
  const examples = extractExamples(src, 'handbook.md');

  it('finds every counsellor example and nothing from prose, headings or other code', () => {
    expect(examples.map((e) => e.text)).toEqual([
      'You need to calm down and make a revision timetable.',
      'It sounds like the pressure is keeping you awake at night.',
      'That must feel really intrusive. What is that like for you?',
      "Why don't you just hide it?",
      "That's okay. We can go at whatever pace feels right for you.",
      'You should talk to your tutor.',
      'Have you tried talking to them more?',
      'It sounds like you feel invisible at home.',
      "You're not failing, everyone feels like that.",
      'Failing at everything... tell me more about what a day like that looks like.',
      'Just get over it.',
    ]);
    expect(examples.some((e) => e.text.includes('You must stop'))).toBe(false);
    expect(examples.some((e) => e.text.includes('headings are not examples'))).toBe(false);
  });

  it('maps every character back to the file', () => {
    for (const e of examples) expectFaithful(src, e);
  });

  it('gives exact positions inside blockquotes and after bold labels', () => {
    const e = examples[0]!;
    expect(e.speaker).toBe('Counsellor');
    expect({ line: e.line, column: e.column }).toEqual(posOf(src, 'You need to calm down'));
    expect(mapOf(e, 'revision')).toEqual(posOf(src, 'revision timetable'));
  });

  it('maps words after emphasis in a nested list item', () => {
    const e = byText(examples, 'That must feel');
    expect(e.speaker).toBe('Therapist');
    expect(mapOf(e, 'really')).toEqual(posOf(src, 'really_'));
    expect(mapOf(e, 'intrusive')).toEqual(posOf(src, 'intrusive'));
    expect(e.client).toBe('My mum keeps checking my phone.');
  });

  it('keeps client context within a dialogue and drops it across prose and quote boundaries', () => {
    expect(examples[0]!.client).toBe("I've got three exams next week and I can't even sleep.");
    expect(examples[1]!.client).toBeNull();
    expect(byText(examples, "That's okay").client).toBe("I don't want to talk about it.");
  });

  it('reads speaker/line tables', () => {
    const e = byText(examples, 'Have you tried');
    expect(e.speaker).toBe('Counsellor');
    expect(e.client).toBe('Nobody listens to me at home.');
    expect({ line: e.line, column: e.column }).toEqual(posOf(src, 'Have you tried'));
    expect(mapOf(e, 'talking')).toEqual(posOf(src, 'talking to them'));
  });

  it('reads dialogue code blocks, joining continuation lines', () => {
    const e = byText(examples, 'Failing at everything');
    expect(e.speaker).toBe('Helper');
    expect(e.client).toBe("I just feel like I'm failing at everything.");
    expect(mapOf(e, 'what a day')).toEqual(posOf(src, 'what a day'));
    expect(e.map(e.text.length)).toEqual(posAt2(src, 'looks like.'));
  });

  it('applies suppression comments', () => {
    expect([...(byText(examples, 'You should talk') .disabled as Set<string>)]).toEqual(['directive.you-should']);
    expect(byText(examples, 'Just get over it').disabled).toBe('all');
    expect(byText(examples, "Why don't you").disabled).toBeNull();
    expect(byText(examples, 'You should talk').speaker).toBe('Counsellor (poor, kept for contrast)');
  });
});

/** Position just after `needle`. */
function posAt2(src: string, needle: string) {
  const p = posOf(src, needle);
  return { line: p.line, column: p.column + needle.length };
}

describe('markdown details', () => {
  it('position of a word after **bold** markup in a blockquote list item', () => {
    const src = '# Tips\n\n> - **Counsellor:** It **really** sounds *hard*, and `maybe` [lonely](https://x.org) too.\n';
    const [e] = md(src);
    expect(e!.text).toBe('It really sounds hard, and maybe lonely too.');
    expect(mapOf(e!, 'sounds')).toEqual(posOf(src, 'sounds'));
    expect(mapOf(e!, 'hard')).toEqual(posOf(src, 'hard'));
    expect(mapOf(e!, 'maybe')).toEqual(posOf(src, 'maybe'));
    expect(mapOf(e!, 'lonely')).toEqual(posOf(src, 'lonely'));
    expect(mapOf(e!, 'too')).toEqual(posOf(src, 'too.'));
    expect(e!.map(e!.text.length)).toEqual({ line: 3, column: src.split('\n')[2]!.length + 1 });
  });

  it('handles several labelled lines in one paragraph, continuation lines and *Label*: form', () => {
    const src = 'Client: I failed again.\n*Counsellor*: You feel\n  disappointed in yourself.\nClient: Yes.\n';
    const [e] = md(src);
    expect(e!.text).toBe('You feel disappointed in yourself.');
    expect(e!.speaker).toBe('Counsellor');
    expect(e!.client).toBe('I failed again.');
    expect(mapOf(e!, 'disappointed')).toEqual({ line: 3, column: 3 });
    expect(e!.map(e!.text.indexOf('feel') + 4).line).toBe(2);
  });

  it('is exact with CRLF line endings, tabs and nested list indentation', () => {
    const src = '- Scenario A\r\n\r\n    - Client: My\tboss shouts.\r\n    - Counsellor: That\tsounds\r\n      frightening.\r\n';
    const [e] = md(src);
    expect(e!.text).toBe('That\tsounds frightening.');
    expect(e!.client).toBe('My\tboss shouts.');
    expect({ line: e!.line, column: e!.column }).toEqual({ line: 4, column: 19 });
    expect(mapOf(e!, 'sounds')).toEqual({ line: 4, column: 24 });
    expect(mapOf(e!, 'frightening')).toEqual({ line: 5, column: 7 });
  });

  it('is exact with blockquote continuation lines, escapes and entities', () => {
    const src = '> Therapist: You\n> seem \\*so\\* tired &amp; low.\n';
    const [e] = md(src);
    expect(e!.text).toBe('You seem *so* tired & low.');
    expect(mapOf(e!, 'seem')).toEqual({ line: 2, column: 3 });
    expect(mapOf(e!, '*so')).toEqual({ line: 2, column: 9 });
    expect(mapOf(e!, 'tired')).toEqual({ line: 2, column: 15 });
    expect(mapOf(e!, 'low')).toEqual({ line: 2, column: 27 });
  });

  it('skips prose, headings and code blocks of other languages', () => {
    const src = [
      '# Counsellor: a heading',
      '',
      'The counsellor said nothing: silence can help.',
      '',
      '```text',
      'Counsellor: not checked',
      '```',
      '',
      '    Counsellor: indented code is not checked',
      '',
      '```transcript',
      'T: checked',
      '```',
    ].join('\n');
    expect(md(src).map((e) => e.text)).toEqual(['checked']);
  });

  it('reads cells that start with a label and tables with speaker-named columns', () => {
    const cells = '| Step | Line |\n|---|---|\n| 1 | Client: I hate school. |\n| 2 | Counsellor: School feels *awful* right now. |\n';
    const [a] = md(cells);
    expect(a!.text).toBe('School feels awful right now.');
    expect(a!.client).toBe('I hate school.');
    expect(mapOf(a!, 'right')).toEqual(posOf(cells, 'right'));

    const cols = '| Client says | Counsellor reply |\n|---|---|\n| I am tired. | You sound exhausted. |\n| I quit. | Why would you do that? |\n';
    const got = md(cols);
    expect(got.map((e) => [e.text, e.client, e.speaker])).toEqual([
      ['You sound exhausted.', 'I am tired.', 'Counsellor reply'],
      ['Why would you do that?', 'I quit.', 'Counsellor reply'],
    ]);
    expect(mapOf(got[1]!, 'would')).toEqual(posOf(cols, 'would'));
  });

  it('supports rule ids, regions with ids, and enable', () => {
    const src = [
      '<!-- rapport-disable openness.a -->',
      '',
      'Counsellor: one.',
      '',
      '<!-- rapport-disable-next-line pacing.b, pacing.c -->',
      'Counsellor: two.',
      '',
      '<!-- rapport-enable -->',
      '',
      'Counsellor: three.',
    ].join('\n');
    const [one, two, three] = md(src);
    expect(one!.disabled).toEqual(new Set(['openness.a']));
    expect(two!.disabled).toEqual(new Set(['openness.a', 'pacing.b', 'pacing.c']));
    expect(three!.disabled).toBeNull();
  });

  it('a disable-next-line comment does not leak past prose into a later example', () => {
    const src = '<!-- rapport-disable-next-line -->\n\nSome explanation.\n\nCounsellor: still checked.\n';
    expect(md(src)[0]!.disabled).toBeNull();
  });

  it('uses custom labels', () => {
    const src = 'Sam: I am fine.\nAlex: Are you?\n';
    const [e] = extractExamples(src, 'x.md', { counsellorLabels: ['alex'] });
    expect(e!.speaker).toBe('Alex');
    expect(e!.client).toBe('I am fine.');
  });
});
