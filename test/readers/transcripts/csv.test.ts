import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCsv, readTranscript } from '../../../src/readers/transcripts/index.js';
import { fixture, opts, speakers, transcriptError } from './helpers.js';

// AnnoMI's real header, with synthetic rows.
const ANNOMI_HEADER =
  'transcript_id,mi_quality,video_title,video_url,topic,utterance_id,interlocutor,timestamp,utterance_text,main_therapist_behaviour,client_talk_type';
const annomi = [
  ANNOMI_HEADER,
  '3,high,"Demo: ""Sam"" talks",https://example.org/v1,sleep,0,therapist,00:00:01,How have your nights been?,question,n/a',
  '3,high,"Demo: ""Sam"" talks",https://example.org/v1,sleep,1,client,00:00:04,"Short, mostly.",n/a,neutral',
  '3,high,"Demo: ""Sam"" talks",https://example.org/v1,sleep,2,therapist,00:00:07,Short nights have been wearing you down.,reflection,n/a',
  '4,low,Demo two,https://example.org/v2,smoking,0,therapist,00:00:01,You need to quit.,therapist_input,n/a',
  '4,low,Demo two,https://example.org/v2,smoking,1,client,00:00:03,I know.,n/a,sustain',
].join('\n');

describe('CSV transcripts', () => {
  it("reads AnnoMI's layout: interlocutor, utterance_text, transcript_id, utterance_id, other columns as fields", () => {
    const turns = readCsv(annomi, opts);
    expect(turns).toHaveLength(5);
    expect(turns[0]).toEqual({
      transcript: '3',
      speaker: 'therapist',
      text: 'How have your nights been?',
      id: '0',
      line: 2,
      fields: {
        mi_quality: 'high',
        video_title: 'Demo: "Sam" talks',
        video_url: 'https://example.org/v1',
        topic: 'sleep',
        timestamp: '00:00:01',
        main_therapist_behaviour: 'question',
        client_talk_type: 'n/a',
      },
    });
    expect(turns[1]!.text).toBe('Short, mostly.');
    expect(turns.map((t) => t.transcript)).toEqual(['3', '3', '3', '4', '4']);
    expect(turns[4]).toMatchObject({ id: '1', line: 6, fields: { client_talk_type: 'sustain' } });
  });

  it('reads the fixture: quoted fields, embedded newlines and doubled quotes, with record start lines', () => {
    const turns = readCsv(readFileSync(fixture('session.csv'), 'utf8'), opts);
    expect(turns).toHaveLength(9);
    expect(speakers(turns).filter((s) => s === 'therapist')).toHaveLength(5);
    expect(turns[4]).toMatchObject({
      id: '4',
      line: 6,
      text: "It sounds like you've already been working hard to cope,\nand it's frustrating when nothing seems to shift.",
    });
    expect(turns[5]!.line).toBe(8);
    expect(turns[6]!.fields).toEqual({ timestamp: '00:00:50', note: '"why" question' });
  });

  it('handles a BOM and CRLF, normalising embedded CRLF to \\n', () => {
    const csv = '\uFEFFSpeaker,Text\r\nT,"one\r\ntwo"\r\nC,three\r\nT,four\r\n';
    const turns = readCsv(csv, opts);
    expect(turns.map((t) => [t.speaker, t.text, t.line])).toEqual([
      ['T', 'one\ntwo', 2],
      ['C', 'three', 4],
      ['T', 'four', 5],
    ]);
    expect(turns[0]!.transcript).toBe('file');
    expect(turns[0]!.id).toBeNull();
  });

  it('finds columns case-insensitively and accepts each alias', () => {
    const turns = readCsv('ROLE,Content,Session,Turn\nhelper,Hi,a,1\n', opts);
    expect(turns[0]).toMatchObject({ speaker: 'helper', text: 'Hi', transcript: 'a', id: '1' });
    expect(readCsv('Utterance,Speaker\nhello,T\n', opts)[0]).toMatchObject({ speaker: 'T', text: 'hello' });
  });

  it('lets options name the columns', () => {
    const csv = 'who,said,call,n,counsellor\nAna,Hello,c1,7,Ana\nBo,Hi,c1,8,Ana\n';
    const turns = readCsv(csv, {
      defaultTranscript: 'x',
      columns: { speaker: 'WHO', text: 'said', transcript: 'call', id: 'n' },
    });
    expect(turns[1]).toEqual({ transcript: 'c1', speaker: 'Bo', text: 'Hi', id: '8', line: 3, fields: { counsellor: 'Ana' } });
  });

  it('groups interleaved transcripts, keeping file order within each', () => {
    const csv = 'transcript,speaker,text\nA,T,a1\nB,T,b1\nA,C,a2\nB,C,b2\n';
    expect(readCsv(csv, opts).map((t) => t.text)).toEqual(['a1', 'a2', 'b1', 'b2']);
  });

  it('reads TSV and semicolon-separated files', () => {
    expect(readCsv('speaker\ttext\nT\tHello, you.\n', opts, '\t')[0]).toMatchObject({ text: 'Hello, you.' });
    expect(readTranscript('speaker\ttext\nT\tHi "there"\n', 'a.tsv', opts)[0]).toMatchObject({ text: 'Hi "there"' });
    expect(readCsv('speaker;text\nT;Hello, you.\n', opts)[0]).toMatchObject({ text: 'Hello, you.' });
  });

  it('skips blank lines and keeps a stray quote inside an unquoted field', () => {
    const turns = readCsv('speaker,text\n\nT,He said "no" twice\n\n\nC,ok\n', opts);
    expect(turns.map((t) => [t.text, t.line])).toEqual([
      ['He said "no" twice', 3],
      ['ok', 6],
    ]);
  });

  it('gives no turns for an empty file or a header alone', () => {
    expect(readCsv('', opts)).toEqual([]);
    expect(readCsv('speaker,text\n', opts)).toEqual([]);
  });

  it('names the columns found when a required column is missing', () => {
    const e = transcriptError(() => readCsv('who,utterance_text\nT,hi\n', opts));
    expect(e.line).toBe(1);
    expect(e.message).toMatch(/speaker/);
    expect(e.message).toContain('who, utterance_text');
    const override = transcriptError(() => readCsv('speaker,text\nT,hi\n', { ...opts, columns: { text: 'words' } }));
    expect(override.message).toMatch(/"words".*speaker, text/);
  });

  it('reports an unclosed quote at the line of the record that opens it', () => {
    const e = transcriptError(() => readCsv('speaker,text\nT,fine\n\nC,"never closed\nT,more\n', opts));
    expect(e.line).toBe(4);
    expect(e.message).toMatch(/quote/);
  });

  it('reports a record with the wrong number of fields at its first line', () => {
    const e = transcriptError(() => readCsv('speaker,text,id\nT,"a\nb",1\nC,oops\n', opts));
    expect(e.line).toBe(4);
    expect(e.message).toMatch(/2 fields.*header has 3/);
  });

  it('reports an empty speaker', () => {
    expect(transcriptError(() => readCsv('speaker,text\n,hello\n', opts)).line).toBe(2);
  });
});
