// Inputs of legal shape that once took time quadratic in their size: one long JSON line, a CSV
// quote that never closes, a Markdown paragraph of emphasis markers. Generated here, big enough that
// quadratic time would not finish within the test's timeout (50 MB took 13 s before; now about 1 s).
import { describe, expect, it } from 'vitest';
import { extractMarkdown, MAX_EMPHASIS_RUNS } from '../../src/readers/training/markdown.js';
import { ExtractError } from '../../src/readers/training/types.js';
import { CsvRecordSplitter, UnclosedQuoteError } from '../../src/readers/transcripts/csv-records.js';
import { streamJsonLines, type TranscriptTurn } from '../../src/readers/transcripts/index.js';

const CHUNK = 64 * 1024;
const MB = 1024 * 1024;
const QUADRATIC_WOULD_TIME_OUT = { timeout: 15_000 };

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return null;
}

async function* chunked(text: string): AsyncGenerator<string> {
  for (let at = 0; at < text.length; at += CHUNK) yield text.slice(at, at + CHUNK);
}

describe('linear in the input', () => {
  it('one JSON line of 50 MB streams to its turn', QUADRATIC_WOULD_TIME_OUT, async () => {
    const padding = 'word '.repeat((50 * MB) / 5);
    const text = `${JSON.stringify({ speaker: 'counsellor', text: 'How are you?', note: padding })}\n${JSON.stringify({ speaker: 'client', text: 'fine' })}\n`;
    const turns: TranscriptTurn[] = [];
    for await (const turn of streamJsonLines(chunked(text), { defaultTranscript: 't' })) turns.push(turn);
    expect(turns.map((turn) => [turn.line, turn.speaker])).toEqual([[1, 'counsellor'], [2, 'client']]);
    expect(turns[0]!.fields?.note).toHaveLength(padding.length);
  });

  it('a CSV quote that never closes, 50 MB on, is reported at the line its record starts', QUADRATIC_WOULD_TIME_OUT, () => {
    const splitter = new CsvRecordSplitter(',');
    const text = `speaker,text\ncounsellor,hello\nclient,"${'word '.repeat((50 * MB) / 5)}`;
    const records = [];
    for (let at = 0; at < text.length; at += CHUNK) records.push(...splitter.push(text.slice(at, at + CHUNK)));
    expect(records.map((record) => record.fields)).toEqual([['speaker', 'text'], ['counsellor', 'hello']]);
    const error = thrown(() => splitter.end());
    expect(error).toBeInstanceOf(UnclosedQuoteError);
    expect(error).toMatchObject({ line: 3 });
  });

  it('a Markdown paragraph of more emphasis runs than the parser pairs quickly is refused at its first line', () => {
    const hostile = `# Notes\n\nCounsellor: ${'*_'.repeat(20_000)}\nmore\n`;
    const error = thrown(() => extractMarkdown(hostile));
    expect(error).toBeInstanceOf(ExtractError);
    expect(error).toMatchObject({ line: 3, message: expect.stringMatching(/more than 2,000 runs of emphasis markers/) });
    // Just under the limit, spread over lines of one paragraph, it parses.
    const lines = Math.floor(MAX_EMPHASIS_RUNS / 20);
    const heavy = Array.from({ length: lines }, () => `Counsellor: ${'*_'.repeat(10)}`).join('\n');
    expect(extractMarkdown(heavy).length).toBeGreaterThan(0);
    // Table rows are parsed cell by cell, so they do not add up.
    const table = ['| Speaker | Line |', '| --- | --- |', ...Array.from({ length: 3_000 }, () => '| Counsellor | *It* sounds _hard_. |')].join('\n');
    expect(extractMarkdown(table)).toHaveLength(3_000);
  });
});
