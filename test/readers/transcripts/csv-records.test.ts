import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvRecordSplitter, UnclosedQuoteError, type CsvRecord } from '../../../src/readers/transcripts/csv-records.js';

/** Split `text` fed in the given chunk sizes. */
function split(text: string, delimiter = ',', cuts: number[] = []): CsvRecord[] {
  const splitter = new CsvRecordSplitter(delimiter);
  const records: CsvRecord[] = [];
  let at = 0;
  for (const cut of cuts) {
    records.push(...splitter.push(text.slice(at, at + cut)));
    at += cut;
  }
  records.push(...splitter.push(text.slice(at)));
  records.push(...splitter.end());
  return records;
}

const newlines = (fields: string[]): number => fields.join('').split('\n').length - 1;

/** What csv-parse, with the options rapport used it with, makes of `text`: records and start lines, or 'unclosed'. */
function oracle(text: string, delimiter: string): { fields: string[]; line: number }[] | 'unclosed' {
  const records: { fields: string[]; line: number }[] = [];
  try {
    parse(text, {
      delimiter,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
      on_record: (fields: string[], info: { lines: number }) => {
        records.push({ fields, line: info.lines - newlines(fields) });
        return null;
      },
    });
  } catch (error) {
    if ((error as { code?: string }).code === 'CSV_QUOTE_NOT_CLOSED') return 'unclosed';
    throw error;
  }
  return records;
}

describe('CSV records', () => {
  it('reads quoted fields with delimiters, doubled quotes and line breaks, with each record’s start line', () => {
    expect(split('a,"b, ""c""\nd",e\n\nf\n')).toEqual([
      { fields: ['a', 'b, "c"\nd', 'e'], line: 1 },
      { fields: ['f'], line: 4 },
    ]);
  });

  it('keeps stray quotes as written, and a last record needs no line end', () => {
    expect(split('say "hi",x\n"a"b,c')).toEqual([
      { fields: ['say "hi"', 'x'], line: 1 },
      { fields: ['"a"b', 'c'], line: 2 },
    ]);
  });

  it('reports a quote never closed at the line its record starts', () => {
    expect(() => split('a,b\n\nc,"d\ne\n')).toThrow(UnclosedQuoteError);
    try {
      split('a,b\n\nc,"d\ne\n');
    } catch (error) {
      expect((error as UnclosedQuoteError).line).toBe(3);
    }
  });

  it('splits exactly as csv-parse did, however the text arrives in chunks', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', ' ', ',', ';', '"', '\n', 'é'), maxLength: 40 });
    fc.assert(
      fc.property(text, fc.constantFrom(',', ';'), fc.array(fc.nat(12), { maxLength: 5 }), (input, delimiter, cuts) => {
        const expected = oracle(input, delimiter);
        if (expected === 'unclosed') expect(() => split(input, delimiter, cuts)).toThrow(UnclosedQuoteError);
        else expect(split(input, delimiter, cuts)).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
  });
});
