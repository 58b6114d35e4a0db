// Transcript readers for `rapport batch`: file contents → turns (docs/contract.md, "Transcript inputs").
import { extname } from 'node:path';
import { replyTooLong } from '../../core/limits.js';
import { COLUMN_ALIASES, normaliseColumnName } from './columns.js';
import { detectDelimiter, readCsv, streamCsv } from './csv.js';
import { readJson, streamJsonLines } from './json.js';
import { parseLabel, stripLeadingTimestamps } from './labels.js';
import { readText, streamText } from './text.js';
import { TranscriptError, type ReadOptions, type TranscriptFormat, type TranscriptTurn } from './types.js';
import { stripBom } from './util.js';
import { readWebVtt } from './webvtt.js';

export { TranscriptError } from './types.js';
export type { ColumnOptions, ReadOptions, TranscriptFormat, TranscriptTurn } from './types.js';
export { COLUMN_ALIASES } from './columns.js';
export { readText } from './text.js';
export { readWebVtt } from './webvtt.js';
export { readCsv, streamCsv, detectDelimiter } from './csv.js';
export { readJson, streamJsonLines } from './json.js';
export {
  DEFAULT_COUNSELLOR_LABELS,
  counsellorTurns,
  counsellorTurnsAsync,
  isCounsellor,
  type CounsellorTurn,
} from './pairing.js';

const BY_EXTENSION: Record<string, TranscriptFormat> = {
  '.txt': 'text',
  '.text': 'text',
  '.vtt': 'vtt',
  '.webvtt': 'vtt',
  '.csv': 'csv',
  '.tsv': 'tsv',
  '.tab': 'tsv',
  '.json': 'json',
  '.jsonl': 'json',
  '.ndjson': 'json',
};

/** The format a file name's extension names, or null (`-`, no or unknown extension). */
export function formatFromName(fileName: string): TranscriptFormat | null {
  if (fileName === '-') return null;
  return BY_EXTENSION[extname(fileName).toLowerCase()] ?? null;
}

function firstLine(head: string): string {
  return stripBom(head).split(/\r\n|\r|\n/).find((l) => l.trim() !== '') ?? '';
}

/**
 * Guesses the format from the start of the content: a WEBVTT header → vtt; `[` or `{` opening a
 * JSON value → json; a first line with a delimiter and a known text column → csv; else text.
 */
export function sniffFormat(head: string, options?: ReadOptions): TranscriptFormat {
  const source = stripBom(head).trimStart();
  if (/^WEBVTT(?:[ \t\r\n]|$)/.test(source)) return 'vtt';
  // "[00:01:02] Therapist: ..." is text; "[{" / "[]" / '{"' is JSON.
  if (/^\[\s*(?:[{\]"]|$)/.test(source) || /^\{\s*(?:["}]|$)/.test(source)) return 'json';
  const line = firstLine(source);
  const delimiter = detectDelimiter(line);
  // A header: delimited short names, one of them a text column, and not a "Speaker: words" line.
  if (line.includes(delimiter) && parseLabel(stripLeadingTimestamps(line)) === null) {
    const names = line.split(delimiter).map((cell) => normaliseColumnName(cell.replace(/^\s*"|"\s*$/g, '')));
    const wanted = options?.columns?.text ? [normaliseColumnName(options.columns.text)] : COLUMN_ALIASES.text;
    if (names.every((name) => name.length <= 60) && names.some((name) => wanted.includes(name))) {
      return delimiter === '\t' ? 'tsv' : 'csv';
    }
  }
  return 'text';
}

/** The format used for `fileName` with this content: by extension, else by sniffing. */
export function detectFormat(content: string, fileName: string, options?: ReadOptions): TranscriptFormat {
  return formatFromName(fileName) ?? sniffFormat(content.slice(0, 65536), options);
}

function readAs(format: TranscriptFormat, content: string, options: ReadOptions): TranscriptTurn[] {
  try {
    switch (format) {
      case 'text':
        return readText(content, options);
      case 'vtt':
        return readWebVtt(content, options);
      case 'csv':
        return readCsv(content, options);
      case 'tsv':
        return readCsv(content, options, '\t');
      case 'json':
        return readJson(content, options);
    }
  } catch (err) {
    if (err instanceof TranscriptError) throw err;
    // A safety net: whatever else goes wrong on odd input is still reported as bad input.
    throw new TranscriptError(`could not read the transcript: ${err instanceof Error ? err.message : String(err)}`, null);
  }
}

/**
 * Reads a whole transcript. The format comes from the extension (.txt/.text, .vtt, .csv, .tsv,
 * .json/.jsonl/.ndjson), or from the content when the name is `-` or the extension is unknown.
 * Bad input throws TranscriptError only; an empty file gives no turns.
 */
export function readTranscript(content: string, fileName: string, options: ReadOptions): TranscriptTurn[] {
  return readAs(detectFormat(content, fileName, options), content, options).map(scorable);
}

/** A turn too long to score as one reply is bad input, reported at its line. */
function scorable(turn: TranscriptTurn): TranscriptTurn {
  const tooLong = replyTooLong(turn.text, 'turn');
  if (tooLong) throw new TranscriptError(tooLong, turn.line);
  return turn;
}

/** Bytes → text; bytes that are not UTF-8 are bad input, reported at their line (never turned into U+FFFD). */
async function* decode(stream: NodeJS.ReadableStream): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let lines = 1;
  // "\r\n", "\n" and a lone "\r" each end a line, and a chunk may end between "\r" and "\n".
  let afterCr = false;
  const counted = (text: string): string => {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 || (c === 10 && !afterCr)) lines++;
      afterCr = c === 13;
    }
    return text;
  };
  const invalid = (bytes: Uint8Array | null): TranscriptError => {
    // Where in this chunk: the lines before the first byte a lenient decoder had to replace.
    const lenient = bytes ? new TextDecoder('utf-8').decode(bytes) : '';
    const at = lenient.search(/\uFFFD/);
    const before = at < 0 ? '' : lenient.slice(0, at);
    return new TranscriptError('the file is not valid UTF-8 text', lines + (before.match(/\r\n|\r|\n/g)?.length ?? 0) - (afterCr && before.startsWith('\n') ? 1 : 0));
  };
  for await (const chunk of stream) {
    if (typeof chunk === 'string') {
      if (chunk !== '') yield counted(chunk);
    } else {
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        throw invalid(chunk as Uint8Array);
      }
      if (text !== '') yield counted(text);
    }
  }
  let tail: string;
  try {
    tail = decoder.decode();
  } catch {
    throw invalid(null);
  }
  if (tail !== '') yield tail;
}

async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let content = '';
  for await (const chunk of chunks) content += chunk;
  return content;
}

const SNIFF_LIMIT = 65536;

/** The first non-blank line is complete, and a leading `[` / `{` has something after it. */
function enoughToSniff(head: string): boolean {
  if (!/\S[^\n]*\n/.test(head)) return false;
  const start = stripBom(head).trimStart();
  return !/^[[{]\s*$/.test(start);
}

/**
 * Streams a transcript. CSV/TSV and JSON Lines yield each turn as its record arrives, so memory
 * stays bounded on big files (rows come in file order; `readTranscript` additionally groups
 * interleaved CSV transcripts). Text files stream too, when `reopen` gives the file again for
 * a second pass; WebVTT, JSON arrays and text on stdin are read whole, then yielded.
 */
export async function* streamTranscript(
  stream: NodeJS.ReadableStream,
  fileName: string,
  options: ReadOptions,
  reopen?: () => NodeJS.ReadableStream,
): AsyncGenerator<TranscriptTurn> {
  for await (const turn of streamTurns(stream, fileName, options, reopen)) yield scorable(turn);
}

async function* streamTurns(stream: NodeJS.ReadableStream, fileName: string, options: ReadOptions, reopen?: () => NodeJS.ReadableStream): AsyncGenerator<TranscriptTurn> {
  const source = decode(stream);
  let format = formatFromName(fileName);
  let head = '';
  let ended = false;
  if (format === null || format === 'csv' || format === 'json') {
    // Enough to sniff: the first non-blank line, complete.
    while (!ended && head.length < SNIFF_LIMIT && !enoughToSniff(head)) {
      const next = await source.next();
      if (next.done) ended = true;
      else head += next.value;
    }
  }
  format ??= sniffFormat(head, options);
  const rest = async function* (): AsyncGenerator<string> {
    try {
      if (head !== '') yield head;
      if (!ended) yield* source;
    } finally {
      await source.return(undefined);
    }
  };

  if (format === 'csv' || format === 'tsv') {
    yield* streamCsv(rest(), options, format === 'tsv' ? '\t' : detectDelimiter(head));
    return;
  }
  if (format === 'json' && stripBom(head).trimStart().startsWith('{')) {
    yield* streamJsonLines(rest(), options);
    return;
  }
  // A text file that can be read again streams in two passes (see text.ts); stdin is read whole.
  if (format === 'text' && reopen) {
    yield* streamText(rest(), () => decode(reopen()), options);
    return;
  }
  yield* readAs(format, await collect(rest()), options);
}
