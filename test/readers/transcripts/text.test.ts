import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readText } from '../../../src/readers/transcripts/index.js';
import { streamText } from '../../../src/readers/transcripts/text.js';
import { fixture, opts, speakers, transcriptError } from './helpers.js';

describe('text transcripts', () => {
  it('reads "Speaker: words" lines with the line each turn starts on', () => {
    const turns = readText('Counsellor: Hello there.\nClient: Hi.\n', opts);
    expect(turns).toEqual([
      { transcript: 'file', speaker: 'Counsellor', text: 'Hello there.', id: null, line: 1 },
      { transcript: 'file', speaker: 'Client', text: 'Hi.', id: null, line: 2 },
    ]);
  });

  it('reads the fixture: timestamps stripped, continuation lines kept in the turn, blank lines ignored', () => {
    const turns = readText(readFileSync(fixture('session.txt'), 'utf8'), opts);
    expect(turns).toHaveLength(9);
    expect(speakers(turns).filter((s) => s === 'Counsellor')).toHaveLength(5);
    expect(turns[0]!.text).toBe('Thanks for coming in today. What would you like to talk about?');
    expect(turns[4]).toMatchObject({
      speaker: 'Counsellor',
      line: 5,
      text: "It sounds like you've already been working hard to cope,\nand it's frustrating when nothing seems to shift.",
    });
    expect(turns[5]).toMatchObject({ speaker: 'Client', line: 8 });
    expect(turns.every((t) => !t.text.includes('[00:'))).toBe(true);
  });

  it('strips [hh:mm:ss] and (mm:ss) timestamps, ranges, and stamps after the label', () => {
    const turns = readText(
      '(00:01) Therapist: One.\n[00:00:05 - 00:00:09] Client: Two.\nTherapist [00:12]: Three.\nClient: (00:15) Four.\n',
      opts,
    );
    expect(turns.map((t) => [t.speaker, t.text])).toEqual([
      ['Therapist', 'One.'],
      ['Client', 'Two.'],
      ['Therapist', 'Three.'],
      ['Client', 'Four.'],
    ]);
  });

  it('handles CRLF, a BOM and lone CR line endings', () => {
    const crlf = readText('\uFEFFT: Hi.\r\nC: Hello.\r\nStill me.\r\n', opts);
    expect(crlf.map((t) => [t.speaker, t.text, t.line])).toEqual([
      ['T', 'Hi.', 1],
      ['C', 'Hello.\nStill me.', 2],
    ]);
    expect(readText('T: a\rC: b\r', opts).map((t) => t.line)).toEqual([1, 2]);
  });

  it('does not split a turn at "Note:"-style phrases or sentences containing a colon', () => {
    const content = [
      'Therapist: Let us make a plan.',
      'Note: this is just a first step.',
      'The thing is: you decide.',
      'My suggestion: start small.',
      'Homework: keep a sleep diary.',
      'We meet at 10:30 next week.',
      'See https://example.org for more.',
      'Client: Okay.',
    ].join('\n');
    const turns = readText(content, opts);
    expect(speakers(turns)).toEqual(['Therapist', 'Client']);
    expect(turns[0]!.text.split('\n')).toHaveLength(7);
    expect(turns[0]!.text).toContain('Note: this is just a first step.');
  });

  it('accepts named speakers, a one-off Title-Case speaker and numbered speakers', () => {
    const turns = readText(
      'Dr. Amy Lee: How are things?\nSam: Not great.\nMum: He has been low.\nSpeaker 3: Sorry I am late.\nsam: Anyway.\n',
      opts,
    );
    expect(speakers(turns)).toEqual(['Dr. Amy Lee', 'Sam', 'Mum', 'Speaker 3', 'sam']);
  });

  it('accepts a lower-case label used more than once', () => {
    const turns = readText('coach a: hi\ncoachee b: hello\ncoach a: how are you?\ncoachee b: fine\n', opts);
    expect(speakers(turns)).toEqual(['coach a', 'coachee b', 'coach a', 'coachee b']);
  });

  it('tolerates **Markdown** labels', () => {
    const turns = readText('**Therapist:** Hello.\n**Client**: Hi.\n', opts);
    expect(turns.map((t) => [t.speaker, t.text])).toEqual([
      ['Therapist', 'Hello.'],
      ['Client', 'Hi.'],
    ]);
  });

  it('keeps a label with nothing after it and takes the next lines as its words', () => {
    const turns = readText('Counsellor:\nWhat brings you here?\nClient: Stress.\n', opts);
    expect(turns[0]).toMatchObject({ speaker: 'Counsellor', text: 'What brings you here?', line: 1 });
  });

  it('gives no turns for an empty or blank file', () => {
    expect(readText('', opts)).toEqual([]);
    expect(readText('\n  \r\n\t\n', opts)).toEqual([]);
    expect(readText('\uFEFF', opts)).toEqual([]);
  });

  it('reports text before any speaker label with its line', () => {
    const e = transcriptError(() => readText('\n\nthis has no label at all\nClient: hi\n', opts));
    expect(e.line).toBe(3);
    expect(e.message).toMatch(/Speaker: words/);
  });

  it('rejects binary data', () => {
    const e = transcriptError(() => readText('PK\u0003\u0004\u0000\u0000garbage', opts));
    expect(e.message).toMatch(/binary/);
  });
});

describe('a text transcript streamed in two passes', () => {
  // The file as a stream cut into chunks at the given places, CR and LF split apart included.
  const chunked = (text: string, cuts: number[]) =>
    async function* (): AsyncGenerator<string> {
      let from = 0;
      for (const cut of [...cuts, text.length]) {
        if (cut > from) yield text.slice(from, cut);
        from = Math.max(from, cut);
      }
    };
  const streamed = async (text: string, cuts: number[]) => {
    const turns = [];
    for await (const turn of streamText(chunked(text, cuts)(), chunked(text, cuts), opts)) turns.push(turn);
    return turns;
  };

  it('gives the same turns, lines included, as reading the file whole, wherever the chunks fall', async () => {
    const text = '\uFEFFClient: I feel awful.\r\nand alone\r\nCounsellor: You should stop.\r\rClient [00:01]: ok\rmum: said so\nCounsellor: That sounds hard.\n';
    const whole = readText(text, opts);
    for (let cut = 1; cut < text.length; cut += 1) expect(await streamed(text, [cut]), `cut at ${cut}`).toEqual(whole);
    expect(await streamed(text, [...Array(text.length).keys()])).toEqual(whole);
  });

  it('refuses a turn that never ends before holding the file, at the line it starts', async () => {
    const text = `Client: hi\nCounsellor: ${'and then more words\n'.repeat(40_000)}`;
    await expect(streamed(text, [])).rejects.toMatchObject({ line: 2 });
  });
});

describe('a text transcript too big to hold', () => {
  it('refuses a line longer than any turn at its line number, before reading the rest of it', async () => {
    let served = 0;
    const endless = async function* (): AsyncGenerator<string> {
      yield 'Client: hi\nCounsellor: ';
      for (;;) {
        served += 1;
        yield 'x'.repeat(65_536);
      }
    };
    await expect((async () => { for await (const _ of streamText(endless(), endless, opts)); })()).rejects.toMatchObject({ line: 2 });
    expect(served).toBeLessThan(10);
  });
});
