import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  counsellorTurnsAsync,
  detectFormat,
  isCounsellor,
  readTranscript,
  streamTranscript,
  TranscriptError,
  type TranscriptTurn,
} from '../../../src/readers/transcripts/index.js';
import { fixture, opts, transcriptErrorAsync } from './helpers.js';

const FIXTURES = ['session.txt', 'session.vtt', 'session.csv', 'session.json', 'session.jsonl'];

async function collect(stream: NodeJS.ReadableStream, name: string): Promise<TranscriptTurn[]> {
  const turns: TranscriptTurn[] = [];
  for await (const turn of streamTranscript(stream, name, opts)) turns.push(turn);
  return turns;
}

/** A stream that delivers `content` in tiny Buffer chunks (splitting lines, quotes and UTF-8 sequences). */
function trickle(content: string, size = 3): Readable {
  const bytes = Buffer.from(content, 'utf8');
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return Readable.from(chunks);
}

describe('readTranscript', () => {
  it('reads every fixture format to the same conversation', () => {
    const reads = FIXTURES.map((name) => readTranscript(readFileSync(fixture(name), 'utf8'), name, opts));
    const shape = (turns: TranscriptTurn[]) =>
      turns.map((t) => [isCounsellor(t.speaker, undefined), t.text.replace(/\s+/g, ' ')]);
    for (const turns of reads) expect(shape(turns)).toEqual(shape(reads[0]!));
    expect(reads[0]).toHaveLength(9);
  });

  it('picks the format by extension, case-insensitively', () => {
    expect(detectFormat('', 'a.TXT')).toBe('text');
    expect(detectFormat('', 'a.vtt')).toBe('vtt');
    expect(detectFormat('', 'dir.v2/a.csv')).toBe('csv');
    expect(detectFormat('', 'a.tsv')).toBe('tsv');
    expect(detectFormat('', 'a.json')).toBe('json');
    expect(detectFormat('', 'a.jsonl')).toBe('json');
    expect(detectFormat('', 'a.ndjson')).toBe('json');
    // a .txt file is text even if it looks like CSV
    expect(detectFormat('speaker,text\n', 'notes.txt')).toBe('text');
  });

  it('sniffs the content for stdin and unknown extensions', () => {
    expect(detectFormat('\uFEFFWEBVTT\n\n', '-')).toBe('vtt');
    expect(detectFormat('  [{"speaker":"T","text":"a"}]', '-')).toBe('json');
    expect(detectFormat('{"speaker":"T","text":"a"}\n', 'export.log')).toBe('json');
    expect(detectFormat('Transcript_ID,Interlocutor,Utterance_Text\n', '-')).toBe('csv');
    expect(detectFormat('"speaker","text"\r\n', 'data')).toBe('csv');
    expect(detectFormat('speaker\ttext\n', '-')).toBe('tsv');
    expect(detectFormat('[00:00:01] Therapist: Hi, how are you?\n', '-')).toBe('text');
    expect(detectFormat('Therapist: Hi, text, commas\n', 'session.md')).toBe('text');
    expect(detectFormat('who,said\nT,hi\n', '-', { ...opts, columns: { text: 'said' } })).toBe('csv');
  });

  it('reads sniffed content with the right reader', () => {
    expect(readTranscript('speaker,text\nT,"Hi, you"\n', '-', opts)[0]).toMatchObject({ text: 'Hi, you', line: 2 });
    expect(readTranscript('Therapist: Hi, you\n', '-', opts)[0]).toMatchObject({ text: 'Hi, you' });
  });

  it('gives zero turns for an empty file in every format', () => {
    for (const name of [...FIXTURES, '-']) expect(readTranscript('', name, opts)).toEqual([]);
  });

  it('throws only TranscriptError on arbitrary input, whatever the format', () => {
    const names = [...FIXTURES, 'x.tsv', '-', 'x.bin'];
    const content = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.array(fc.constantFrom('T: ', 'C:', '"', ',', '\n', '\r\n', '[', ']', '{', '}', '-->', 'WEBVTT', '<v A>', 'text', 'speaker', ' '), { maxLength: 40 }).map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(content, fc.constantFrom(...names), (text, name) => {
        try {
          const turns = readTranscript(text, name, opts);
          for (const t of turns) {
            expect(typeof t.speaker).toBe('string');
            expect(t.line).toBeGreaterThanOrEqual(1);
          }
        } catch (err) {
          expect(err).toBeInstanceOf(TranscriptError);
          const e = err as TranscriptError;
          expect(e.line === null || (Number.isInteger(e.line) && e.line >= 1)).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('streamTranscript', () => {
  it('streams each fixture to the same turns readTranscript gives (by name and by sniffing)', async () => {
    for (const name of FIXTURES) {
      const content = readFileSync(fixture(name), 'utf8');
      const expected = readTranscript(content, name, opts);
      expect(await collect(trickle(content), name)).toEqual(expected);
      expect(await collect(trickle(content, 7), '-')).toEqual(expected);
    }
  });

  it('streams CSV with CRLF, a BOM and multi-byte characters split across chunks', async () => {
    const csv = '\uFEFFspeaker,text\r\nT,"Café\r\nnaïve"\r\nC,ok\r\n';
    const turns = await collect(trickle(csv, 1), 'a.csv');
    expect(turns.map((t) => [t.text, t.line])).toEqual([
      ['Café\nnaïve', 2],
      ['ok', 4],
    ]);
  });

  it('yields turns as they arrive, before the stream ends', async () => {
    const input = new Readable({ read() {} });
    input.push('speaker,text\nT,first\nC,second\n');
    const iterator = streamTranscript(input, 'big.csv', opts);
    const first = await iterator.next();
    expect(first.value).toMatchObject({ text: 'first' });
    input.push('T,third\n');
    input.push(null);
    const rest: string[] = [];
    for await (const turn of iterator) rest.push(turn.text);
    expect(rest).toEqual(['second', 'third']);
  });

  it('streams a large JSONL file with bounded work per record and can stop early', async () => {
    let produced = 0;
    function* lines() {
      for (let i = 0; i < 100000; i++) {
        produced++;
        yield `{"speaker":"${i % 2 ? 'T' : 'C'}","text":"turn ${i}","id":${i}}\n`;
      }
    }
    const jobs: number[] = [];
    for await (const job of counsellorTurnsAsync(streamTranscript(Readable.from(lines()), 'big.jsonl', opts), (s) => s === 'T')) {
      jobs.push(job.index);
      if (jobs.length === 5) break;
    }
    expect(jobs).toEqual([1, 3, 5, 7, 9]);
    expect(produced).toBeLessThan(100000);
  });

  it('reports errors as TranscriptError with lines', async () => {
    const csv = await transcriptErrorAsync(() => collect(trickle('speaker,text\nT,ok\nC,"open\n', 4), 'a.csv'));
    expect(csv.line).toBe(3);
    const jsonl = await transcriptErrorAsync(() => collect(trickle('{"speaker":"T","text":"a"}\n{bad}\n'), 'a.jsonl'));
    expect(jsonl.line).toBe(2);
    const missing = await transcriptErrorAsync(() => collect(trickle('name,text\nT,a\n'), 'a.csv'));
    expect(missing.message).toMatch(/columns found: name, text/);
    const vtt = await transcriptErrorAsync(() => collect(trickle('not vtt\n'), 'a.vtt'));
    expect(vtt.line).toBe(1);
    const binary = await transcriptErrorAsync(() => collect(Readable.from([Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 0])]), 'a.csv'));
    expect(binary.message).toMatch(/binary/);
  });

  it('gives zero turns for an empty stream', async () => {
    expect(await collect(Readable.from([]), '-')).toEqual([]);
    expect(await collect(Readable.from([]), 'a.csv')).toEqual([]);
    expect(await collect(Readable.from([]), 'a.jsonl')).toEqual([]);
  });
});
