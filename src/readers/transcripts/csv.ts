// CSV / TSV transcripts, one row per turn (AnnoMI's layout works as it is).
//
// Records come from CsvRecordSplitter (csv-records.ts): RFC 4180 quoting, quoted fields with
// embedded newlines, doubled quotes; a stray quote inside an unquoted field is kept literally, but a
// quote that is never closed is an error. Line endings are normalised to "\n" and a BOM dropped
// first. Columns are found by name (see columns.ts); other columns are kept in `fields`.
import { getOrAdd } from '../../core/maps.js';
import { CsvRecordSplitter, UnclosedQuoteError, type CsvRecord } from './csv-records.js';
import { resolveColumns, type ColumnMap } from './columns.js';
import { TranscriptError, type ReadOptions, type TranscriptTurn } from './types.js';
import { assertText, assertTextChunks, lfChunks, normaliseNewlines, stripBom } from './util.js';

/** The most frequent of `,` `\t` `;` in the first non-blank line (outside quotes); `,` by default. */
export function detectDelimiter(head: string): string {
  const line = stripBom(head).split(/\r\n|\r|\n/).find((l) => l.trim() !== '') ?? '';
  const counts = new Map<string, number>([[',', 0], ['\t', 0], [';', 0]]);
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best = ',';
  for (const [c, n] of counts) if (n > counts.get(best)!) best = c;
  return best;
}

/** Turns parsed records (header first) into turns. */
class CsvRows {
  private header: string[] | null = null;
  private columns: ColumnMap | null = null;

  constructor(private readonly options: ReadOptions) {}

  take(record: string[], line: number): TranscriptTurn | null {
    if (record.every((field) => field.trim() === '')) return null;
    if (!this.header || !this.columns) {
      this.columns = resolveColumns(record, this.options.columns, 'column', line);
      this.header = record;
      return null;
    }
    const header = this.header;
    if (record.length !== header.length) {
      const extraEmpty = record.length > header.length && record.slice(header.length).every((f) => f.trim() === '');
      if (!extraEmpty) {
        throw new TranscriptError(
          `record has ${record.length} field${record.length === 1 ? '' : 's'} but the header has ${header.length} (check quotes and delimiters)`,
          line,
        );
      }
    }
    const c = this.columns;
    const speaker = (record[c.speaker] ?? '').trim();
    if (speaker === '') {
      throw new TranscriptError(`empty speaker in column "${header[c.speaker]!.trim()}"`, line);
    }
    const transcript = c.transcript === null ? '' : (record[c.transcript] ?? '').trim();
    const id = c.id === null ? '' : (record[c.id] ?? '').trim();
    const turn: TranscriptTurn = {
      transcript: transcript === '' ? this.options.defaultTranscript : transcript,
      speaker,
      text: (record[c.text] ?? '').trim(),
      id: id === '' ? null : id,
      line,
    };
    const used = new Set([c.speaker, c.text, c.transcript, c.id]);
    const fields: Record<string, string> = {};
    let any = false;
    header.forEach((name, i) => {
      if (used.has(i)) return;
      const key = name.replace(/^\uFEFF/, '').trim() || `column_${i + 1}`;
      fields[key] = record[i] ?? '';
      any = true;
    });
    if (any) turn.fields = fields;
    return turn;
  }
}

function unclosed(error: UnclosedQuoteError): TranscriptError {
  return new TranscriptError('a quoted field is never closed (unbalanced "): the record starting here runs to the end of the file', error.line);
}

/** Stable grouping: each transcript's turns together, transcripts in order of first appearance. */
function groupByTranscript(turns: TranscriptTurn[]): TranscriptTurn[] {
  const groups = new Map<string, TranscriptTurn[]>();
  for (const turn of turns) {
    getOrAdd(groups, turn.transcript, (): TranscriptTurn[] => []).push(turn);
  }
  return groups.size <= 1 ? turns : [...groups.values()].flat();
}

/**
 * Reads a whole CSV (or, with `delimiter: "\t"`, TSV) transcript. Rows of one transcript are
 * grouped together (in order of first appearance) if the file interleaves them; order within a
 * transcript is the file's.
 */
export function readCsv(content: string, options: ReadOptions, delimiter?: string): TranscriptTurn[] {
  const source = normaliseNewlines(stripBom(content));
  assertText(source);
  if (source.trim() === '') return [];
  const rows = new CsvRows(options);
  const splitter = new CsvRecordSplitter(delimiter ?? detectDelimiter(source));
  const turns: TranscriptTurn[] = [];
  const take = (records: CsvRecord[]): void => {
    for (const { fields, line } of records) {
      const turn = rows.take(fields, line);
      if (turn) turns.push(turn);
    }
  };
  try {
    take(splitter.push(source));
    take(splitter.end());
  } catch (error) {
    throw error instanceof UnclosedQuoteError ? unclosed(error) : error;
  }
  return groupByTranscript(turns);
}

/**
 * Streams a CSV/TSV transcript, yielding each turn as its record is read (memory stays bounded
 * by the largest record). Rows come in file order, without the grouping `readCsv` does.
 */
export async function* streamCsv(
  chunks: AsyncIterable<string>,
  options: ReadOptions,
  delimiter = ',',
): AsyncGenerator<TranscriptTurn> {
  const rows = new CsvRows(options);
  const splitter = new CsvRecordSplitter(delimiter);
  try {
    for await (const chunk of assertTextChunks(lfChunks(chunks))) {
      for (const { fields, line } of splitter.push(chunk)) {
        const turn = rows.take(fields, line);
        if (turn) yield turn;
      }
    }
    for (const { fields, line } of splitter.end()) {
      const turn = rows.take(fields, line);
      if (turn) yield turn;
    }
  } catch (error) {
    throw error instanceof UnclosedQuoteError ? unclosed(error) : error;
  }
}
