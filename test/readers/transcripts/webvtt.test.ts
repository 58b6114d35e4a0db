import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readWebVtt } from '../../../src/readers/transcripts/index.js';
import { fixture, opts, speakers, transcriptError } from './helpers.js';

describe('WebVTT transcripts', () => {
  it('reads the fixture: <v> voices and "Name:" cues, NOTE skipped, same-speaker cues merged', () => {
    const turns = readWebVtt(readFileSync(fixture('session.vtt'), 'utf8'), opts);
    expect(turns).toHaveLength(9);
    expect(speakers(turns)).toEqual([
      'Counsellor', 'Client', 'Counsellor', 'Client', 'Counsellor', 'Client', 'Counsellor', 'Client', 'Counsellor',
    ]);
    expect(turns[1]!.text).toBe("Work has been really stressful. I can't sleep, and I keep snapping at my kids.");
    // cues 5 and 6 are one turn, starting at cue 5's text line
    expect(turns[4]).toMatchObject({
      text: "It sounds like you've already been working hard to cope, and it's frustrating when nothing seems to shift.",
      line: 25,
      id: null,
      transcript: 'file',
    });
    expect(turns.every((t) => !/[<>]|-->/.test(t.text))).toBe(true);
  });

  it('handles cues without ids, CRLF, a BOM, classes on <v>, other tags and entities', () => {
    const vtt =
      '\uFEFFWEBVTT\r\n\r\n00:01.000 --> 00:04.000 align:start\r\n<v.loud Jane Doe><i>Hi</i> &amp; welcome &lt;3</v>\r\n\r\n' +
      '00:05.000 --> 00:06.000\r\n<v Sam><c.yellow>Thanks</c> <00:05.500>a lot</v>\r\n';
    const turns = readWebVtt(vtt, opts);
    expect(turns.map((t) => [t.speaker, t.text, t.line])).toEqual([
      ['Jane Doe', 'Hi & welcome <3', 4],
      ['Sam', 'Thanks a lot', 7],
    ]);
  });

  it('splits a cue with two voices into two turns', () => {
    const turns = readWebVtt('WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v T>Ready?</v>\n<v C>Yes.</v>\n', opts);
    expect(turns.map((t) => [t.speaker, t.text])).toEqual([
      ['T', 'Ready?'],
      ['C', 'Yes.'],
    ]);
  });

  it('continues the previous speaker on a cue without a speaker', () => {
    const vtt = 'WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nClient: I was late\n\n2\n00:00:02.000 --> 00:00:04.000\nagain today.\n';
    expect(readWebVtt(vtt, opts).map((t) => [t.speaker, t.text])).toEqual([['Client', 'I was late again today.']]);
  });

  it('skips header lines, STYLE and REGION blocks', () => {
    const vtt =
      'WEBVTT\nKind: captions\nLanguage: en\n\nSTYLE\n::cue { color: red }\n\nREGION\nid:fred\n\n' +
      '00:00:01.000 --> 00:00:02.000\nTherapist: Hello.\n';
    expect(readWebVtt(vtt, opts).map((t) => t.speaker)).toEqual(['Therapist']);
  });

  it('gives no turns for an empty file or a header alone', () => {
    expect(readWebVtt('', opts)).toEqual([]);
    expect(readWebVtt('WEBVTT\n', opts)).toEqual([]);
  });

  it('requires the WEBVTT header', () => {
    const e = transcriptError(() => readWebVtt('1\n00:00:01.000 --> 00:00:02.000\nT: hi\n', opts));
    expect(e.line).toBe(1);
    expect(e.message).toMatch(/WEBVTT/);
  });

  it('reports a block without a timing line, a malformed timing, and text without a speaker', () => {
    const noTiming = transcriptError(() => readWebVtt('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nT: hi\n\njust text\n', opts));
    expect(noTiming.line).toBe(6);
    const badTiming = transcriptError(() => readWebVtt('WEBVTT\n\n7\n00:00:01 --> soon\nT: hi\n', opts));
    expect(badTiming.line).toBe(4);
    const noSpeaker = transcriptError(() => readWebVtt('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nhello everyone\n', opts));
    expect(noSpeaker.line).toBe(4);
    expect(noSpeaker.message).toMatch(/speaker/);
  });
});
