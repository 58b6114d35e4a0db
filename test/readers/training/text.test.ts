import { describe, expect, it } from 'vitest';
import { extractExamples } from '../../../src/readers/training/index.js';
import { byText, expectFaithful, fixture, mapOf, posOf } from './helpers.js';

const txt = (s: string) => extractExamples(s, 'notes.txt');

describe('plain-text notes fixture', () => {
  const src = fixture('notes.txt');
  const examples = extractExamples(src, 'notes.txt');

  it('finds the counsellor lines only', () => {
    expect(examples.map((e) => [e.speaker, e.text])).toEqual([
      ['Counsellor', 'Just give it a chance, you have to stay positive.'],
      ['Counsellor', 'Part of you is wondering whether this can help. What would make it feel worth your time?'],
      ['T', 'What gets in the way of remembering it?'],
      ['Counsellor', 'You must set an alarm on your phone.'],
      ['Counsellor', 'Did you ever think about why that is?'],
    ]);
    for (const e of examples) expectFaithful(src, e);
  });

  it('joins continuation lines and keeps exact positions on each', () => {
    const e = byText(examples, 'Part of you');
    expect({ line: e.line, column: e.column }).toEqual(posOf(src, 'Part of you'));
    expect(mapOf(e, 'What would')).toEqual(posOf(src, 'What would'));
    expect(e.client).toBe("I don't really see the point of coming here.");
  });

  it('skips timestamps and removes *em*/**bold** markup', () => {
    const t = byText(examples, 'What gets');
    expect(t.client).toBe('I keep forgetting my medication.');
    expect({ line: t.line, column: t.column }).toEqual(posOf(src, 'What gets'));
    const e = byText(examples, 'Did you ever');
    expect(mapOf(e, 'think')).toEqual(posOf(src, 'think'));
    expect(mapOf(e, 'why')).toEqual(posOf(src, 'why'));
  });

  it('drops client context after prose and applies disable-next-line', () => {
    expect(byText(examples, 'Did you ever').client).toBeNull();
    expect(byText(examples, 'You must set').disabled).toEqual(new Set(['directive.must']));
    expect(byText(examples, 'Just give').disabled).toBeNull();
  });
});

describe('plain-text details', () => {
  it('handles CRLF, tabs and unlabelled continuation', () => {
    const src = 'Client:\tI lost my job.\r\nCounsellor:\tThat is a big\r\n\tloss.\r\n';
    const [e] = txt(src);
    expect(e!.text).toBe('That is a big loss.');
    expect(e!.client).toBe('I lost my job.');
    expect({ line: e!.line, column: e!.column }).toEqual({ line: 2, column: 13 });
    expect(mapOf(e!, 'loss')).toEqual({ line: 3, column: 2 });
    expect(e!.map(e!.text.length)).toEqual({ line: 3, column: 7 });
  });

  it('a blank line ends a turn; later unlabelled text is not part of the reply', () => {
    const [e] = txt('Counsellor: Tell me more.\n\nThis reply is a good open question.\n');
    expect(e!.text).toBe('Tell me more.');
  });

  it('treats other speaker names as client context and ignores "Note:" lines', () => {
    const examples = txt('Note: role play.\nMaria: I feel stuck.\nCounselor: Stuck how?\n');
    expect(examples).toHaveLength(1);
    expect(examples[0]!.client).toBe('I feel stuck.');
  });

  it('supports disable/enable regions and the "all" form', () => {
    const src = '# rapport-disable\nT: a\n# rapport-enable\n# rapport-disable-next-line\nT: b\nT: c\n';
    expect(txt(src).map((e) => e.disabled)).toEqual(['all', 'all', null]);
  });

  it('files with other extensions are read as text', () => {
    expect(extractExamples('Therapist: Hello there.', 'session.log')[0]!.text).toBe('Hello there.');
  });
});
