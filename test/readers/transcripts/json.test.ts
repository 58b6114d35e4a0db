import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readJson } from '../../../src/readers/transcripts/index.js';
import { fixture, opts, speakers, transcriptError } from './helpers.js';

describe('JSON transcripts', () => {
  it('reads a JSON array with each turn at the line its object starts', () => {
    const turns = readJson(readFileSync(fixture('session.json'), 'utf8'), opts);
    expect(turns).toHaveLength(9);
    expect(speakers(turns).filter((s) => s === 'Counsellor')).toHaveLength(5);
    expect(turns[0]).toEqual({
      transcript: 'file',
      speaker: 'Counsellor',
      text: 'Thanks for coming in today. What would you like to talk about?',
      id: 't0',
      line: 2,
    });
    expect(turns.map((t) => t.line)).toEqual([2, 3, 4, 5, 6, 11, 12, 13, 14]);
  });

  it('reads JSON Lines, skipping blank lines; numeric ids become strings', () => {
    const turns = readJson(readFileSync(fixture('session.jsonl'), 'utf8'), opts);
    expect(turns).toHaveLength(9);
    expect(turns[5]).toMatchObject({ transcript: 's1', id: '5', speaker: 'Client', line: 7 });
  });

  it('handles a BOM and CRLF, keeps other properties as fields, and accepts the CSV aliases', () => {
    const turns = readJson(
      '\uFEFF{"Interlocutor":"therapist","utterance_text":"Hi","conversation_id":9,"quality":"high","tags":["a"]}\r\n' +
        '{"speaker":"client","text":"Hello","extra":null}\r\n',
      opts,
    );
    expect(turns[0]).toEqual({
      transcript: '9',
      speaker: 'therapist',
      text: 'Hi',
      id: null,
      line: 1,
      fields: { quality: 'high', tags: '["a"]' },
    });
    expect(turns[1]).toMatchObject({ line: 2, transcript: 'file', fields: { extra: '' } });
  });

  it('lets options name the properties', () => {
    const turns = readJson('[{"who":"T","said":"Hi"}]', { ...opts, columns: { speaker: 'who', text: 'said' } });
    expect(turns[0]).toMatchObject({ speaker: 'T', text: 'Hi' });
  });

  it('gives no turns for an empty file or an empty array', () => {
    expect(readJson('', opts)).toEqual([]);
    expect(readJson(' [ ] ', opts)).toEqual([]);
  });

  it('reports malformed JSON at its line', () => {
    const array = transcriptError(() => readJson('[\n  {"speaker": "T", "text": "a"},\n  {"speaker": "C" "text": "b"}\n]', opts));
    expect(array.line).toBe(3);
    expect(array.message).toMatch(/^invalid JSON/);
    const truncated = transcriptError(() => readJson('[\n{"speaker": "T", "text": "a"}', opts));
    expect(truncated.line).toBe(2);
    const lines = transcriptError(() => readJson('{"speaker":"T","text":"a"}\n\n{"speaker":"C","text":\n', opts));
    expect(lines.line).toBe(3);
  });

  it('reports the line of a bad array element', () => {
    const e = transcriptError(() =>
      readJson('[\n  {"speaker": "T", "text": "a"},\n  {\n    "speaker": "C",\n    "words": "b"\n  }\n]', opts),
    );
    expect(e.line).toBe(3);
    expect(e.message).toMatch(/no text property.*speaker, words/);
    expect(transcriptError(() => readJson('[{"speaker":"T","text":"a"},\n "oops"]', opts)).line).toBe(2);
  });

  it('reports wrong value types and an empty speaker', () => {
    expect(transcriptError(() => readJson('{"speaker":{"n":1},"text":"a"}', opts)).message).toMatch(/"speaker" must be/);
    expect(transcriptError(() => readJson('{"speaker":"T","text":"a"}\n{"speaker":" ","text":"b"}', opts)).line).toBe(2);
    expect(transcriptError(() => readJson('{"speaker":"T","text":"a"}\n[1]', opts)).message).toMatch(/found an array/);
  });

  it('explains a single pretty-printed object', () => {
    const e = transcriptError(() => readJson('{\n  "speaker": "T",\n  "text": "a"\n}\n', opts));
    expect(e.message).toMatch(/one JSON object per line/);
  });

  it('rejects content that is neither an array nor objects', () => {
    expect(transcriptError(() => readJson('"just a string"', opts)).line).toBe(1);
  });
});
