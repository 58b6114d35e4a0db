// CSV / TSV transcripts, one row per turn (AnnoMI's layout works as it is).
//
// Parsing is csv-parse's: RFC 4180 quoting, quoted fields with embedded newlines, doubled quotes,
// BOM, CRLF; a stray quote inside an unquoted field is kept literally (relax_quotes), but a quote
// that is never closed is an error. Columns are found by name (see columns.ts); other columns are
// kept in `fields`. Line endings are normalised to "\n" before parsing, which also makes
// csv-parse's line count exact (it counts an embedded CRLF twice), so each turn's `line` is the
// line where its record starts.
import { Readable } from 'node:stream';
import { CsvError, parse, type Info, type Options } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import { resolveColumns, type ColumnMap } from './columns.js';
import { TranscriptError, type ReadOptions, type TranscriptTurn } from './types.js';
import { assertText, assertTextChunks, lfChunks, normaliseNewlines, stripBom } from './util.js';

interface ParsedRecord {
  record: string[];
  lines: number;
}

function parserOptions(delimiter: string): Options {
  return {
    delimiter,
    bom: true,
    relax_quotes: true,
    relax_column_count: true, // checked here, to report the record's first line
    skip_empty_lines: true,
  };
}

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

function newlines(record: readonly string[]): number {
  let n = 0;
  for (const field of record) for (let i = field.indexOf('\n'); i >= 0; i = field.indexOf('\n', i + 1)) n++;
  return n;
}

/** Turns parsed records (header first) into turns. */
class CsvRows {
  private header: string[] | null = null;
  private columns: ColumnMap | null = null;
  /** Last source line of the last record seen. */
  lastLine = 0;

  constructor(private readonly options: ReadOptions) {}

  take(record: string[], endLine: number): TranscriptTurn | null {
    const line = endLine - newlines(record);
    this.lastLine = endLine;
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

  /** A csv-parse failure as a TranscriptError; other errors are returned unchanged. */
  failure(err: unknown): unknown {
    if (err instanceof TranscriptError || !(err instanceof CsvError)) return err;
    if (err.code === 'CSV_QUOTE_NOT_CLOSED') {
      return new TranscriptError(
        'a quoted field is never closed (unbalanced "): the record starting here runs to the end of the file',
        this.lastLine + 1,
      );
    }
    const lines = (err as CsvError & { lines?: unknown }).lines;
    const message = err.message.replace(/\s+(?:at|on) line \d+/g, '').replace(/\s+/g, ' ').trim();
    return new TranscriptError(`malformed CSV: ${message}`, typeof lines === 'number' ? lines : null);
  }
}

/** Stable grouping: each transcript's turns together, transcripts in order of first appearance. */
function groupByTranscript(turns: TranscriptTurn[]): TranscriptTurn[] {
  const groups = new Map<string, TranscriptTurn[]>();
  for (const turn of turns) {
    const group = groups.get(turn.transcript);
    if (group) group.push(turn);
    else groups.set(turn.transcript, [turn]);
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
  const turns: TranscriptTurn[] = [];
  try {
    parseSync(source, {
      ...parserOptions(delimiter ?? detectDelimiter(source)),
      on_record: (record: string[], context: Info) => {
        const turn = rows.take(record, context.lines);
        if (turn) turns.push(turn);
        return null;
      },
    });
  } catch (err) {
    const converted = rows.failure(err);
    if (!(converted instanceof TranscriptError)) {
      throw new TranscriptError(`malformed CSV: ${err instanceof Error ? err.message : String(err)}`, null);
    }
    if (err instanceof CsvError && err.code === 'CSV_QUOTE_NOT_CLOSED' && converted.line !== null) {
      // Skip blank lines between the last complete record and the broken one.
      const lines = source.split('\n');
      let index = converted.line - 1;
      while (index < lines.length - 1 && lines[index]!.trim() === '') index++;
      throw new TranscriptError(converted.message, index + 1);
    }
    throw converted;
  }
  return groupByTranscript(turns);
}

/**
 * Streams a CSV/TSV transcript, yielding each turn as its record is parsed (memory stays bounded
 * by the largest record). Rows come in file order, without the grouping `readCsv` does.
 */
export async function* streamCsv(
  chunks: AsyncIterable<string>,
  options: ReadOptions,
  delimiter = ',',
): AsyncGenerator<TranscriptTurn> {
  const rows = new CsvRows(options);
  let parsedLine = 0;
  // Called as records are parsed (maybe ahead of consumption): keeps error lines exact.
  const onRecord = (record: string[], context: Info): ParsedRecord => {
    parsedLine = context.lines;
    return { record, lines: context.lines };
  };
  const parser = parse({
    ...parserOptions(delimiter),
    on_record: onRecord as unknown as Options['on_record'],
  });
  const source = Readable.from(assertTextChunks(lfChunks(chunks)));
  source.on('error', (err) => parser.destroy(err));
  source.pipe(parser);
  try {
    for await (const { record, lines } of parser as AsyncIterable<ParsedRecord>) {
      const turn = rows.take(record, lines);
      if (turn) yield turn;
    }
  } catch (err) {
    rows.lastLine = Math.max(rows.lastLine, parsedLine);
    throw rows.failure(err);
  } finally {
    source.destroy();
    parser.destroy();
  }
}
