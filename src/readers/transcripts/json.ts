// JSON transcripts: a JSON array of turn objects, or JSON Lines (one object per line).
//
// Objects need `speaker` and `text` (optional `transcript`, `id`); property names are found like
// CSV columns (case-insensitive, same aliases, overridable). Other properties go to `fields`.
// Each turn's `line` is the line where its object starts; errors name that line.
import { resolveColumns } from './columns.js';
import { TranscriptError, type ReadOptions, type TranscriptTurn } from './types.js';
import { assertText, assertTextChunks, excerpt, lfChunks, lineAt, stripBom } from './util.js';

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function scalar(value: unknown, name: string, line: number): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  throw new TranscriptError(`"${name}" must be a string or number, found ${describe(value)}`, line);
}

/** One parsed JSON value (an array element or a JSONL line) as a turn. */
export function objectToTurn(value: unknown, line: number, options: ReadOptions): TranscriptTurn {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new TranscriptError(`expected an object with "speaker" and "text", found ${describe(value)}`, line);
  }
  const object = value as Record<string, unknown>;
  const keys = Object.keys(object);
  const map = resolveColumns(keys, options.columns, 'property', line);
  const speakerKey = keys[map.speaker]!;
  const textKey = keys[map.text]!;
  const speaker = scalar(object[speakerKey], speakerKey, line);
  if (speaker === null || speaker === '') {
    throw new TranscriptError(`empty "${speakerKey}"`, line);
  }
  const text = scalar(object[textKey], textKey, line) ?? '';
  const transcriptKey = map.transcript === null ? null : keys[map.transcript]!;
  const transcript = transcriptKey === null ? null : scalar(object[transcriptKey], transcriptKey, line);
  const idKey = map.id === null ? null : keys[map.id]!;
  const id = idKey === null ? null : scalar(object[idKey], idKey, line);
  const turn: TranscriptTurn = {
    transcript: transcript === null || transcript === '' ? options.defaultTranscript : transcript,
    speaker,
    text,
    id: id === null || id === '' ? null : id,
    line,
  };
  const used = new Set([speakerKey, textKey, transcriptKey, idKey]);
  const fields: Record<string, string> = {};
  let any = false;
  for (const key of keys) {
    if (used.has(key)) continue;
    const v = object[key];
    fields[key] = v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
    any = true;
  }
  if (any) turn.fields = fields;
  return turn;
}

/** "Unexpected token ... in JSON at position 12" → message without the position, and its line. */
function syntaxError(err: unknown, source: string, baseLine: number): TranscriptError {
  const message = err instanceof Error ? err.message : String(err);
  const position = /at position (\d+)/.exec(message);
  let line: number | null = null;
  if (position) line = baseLine + lineAt(source, Number(position[1])) - 1;
  else if (/end of JSON input/i.test(message)) line = baseLine + lineAt(source, source.length) - 1;
  const clean = message
    .replace(/\s*(?:in JSON )?at position \d+(?:\s*\(line \d+ column \d+\))?/, '')
    .replace(/, ".*" is not valid JSON$/s, '');
  return new TranscriptError(`invalid JSON: ${clean}`, line);
}

/** Start line of each element of a (valid) top-level JSON array. */
function elementLines(source: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let expecting = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\n' || (c === '\r' && source[i + 1] !== '\n')) line++;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') continue;
    if (depth === 1 && expecting) {
      if (c !== ']') lines.push(line);
      expecting = false;
    }
    if (c === '"') inString = true;
    else if (c === '[' || c === '{') {
      depth++;
      if (depth === 1) expecting = true;
    } else if (c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 1) expecting = true;
  }
  return lines;
}

/**
 * Arrays and objects nested deeper than this are refused: a turn is a flat object, and copying a
 * deeply nested property into `fields` (JSON.stringify) recurses once per level.
 */
export const MAX_JSON_DEPTH = 256;

/** The line (counted from `baseLine`) where `source` first nests deeper than MAX_JSON_DEPTH, or null. */
function tooDeep(source: string, baseLine: number): number | null {
  let depth = 0;
  let line = baseLine;
  let inString = false;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 10) line++;
    else if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > MAX_JSON_DEPTH) return line;
    } else if (c === 93 || c === 125) depth--;
  }
  return null;
}

function assertShallow(source: string, baseLine: number): void {
  const line = tooDeep(source, baseLine);
  if (line !== null) throw new TranscriptError(`JSON nested more than ${MAX_JSON_DEPTH} levels deep`, line);
}

/** One JSONL line as a turn, or null for a blank line. */
export function parseJsonLine(text: string, line: number, options: ReadOptions): TranscriptTurn | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  assertShallow(trimmed, line);
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch (err) {
    const e = syntaxError(err, trimmed, line);
    throw new TranscriptError(e.message, line);
  }
  return objectToTurn(value, line, options);
}

/** Reads a JSON array of turns, or JSON Lines, whichever the content is (by its first character). */
export function readJson(content: string, options: ReadOptions): TranscriptTurn[] {
  const source = stripBom(content);
  assertText(source);
  const start = source.search(/\S/);
  if (start < 0) return [];
  const first = source[start];
  if (first === '[') {
    assertShallow(source, 1);
    let value: unknown;
    try {
      value = JSON.parse(source);
    } catch (err) {
      throw syntaxError(err, source, 1);
    }
    if (!Array.isArray(value)) {
      throw new TranscriptError('expected a JSON array of turns', lineAt(source, start));
    }
    const lines = elementLines(source);
    return value.map((element, i) => objectToTurn(element, lines[i] ?? lineAt(source, start), options));
  }
  if (first !== '{') {
    throw new TranscriptError(
      `expected a JSON array of turns or one JSON object per line, found ${excerpt(source.slice(start, start + 20))}`,
      lineAt(source, start),
    );
  }
  const turns: TranscriptTurn[] = [];
  const lines = source.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    try {
      const turn = parseJsonLine(lines[i]!, i + 1, options);
      if (turn) turns.push(turn);
    } catch (err) {
      if (turns.length === 0 && err instanceof TranscriptError && /^invalid JSON/.test(err.message)) {
        // A single pretty-printed object rather than JSONL?
        let whole: unknown;
        try {
          whole = JSON.parse(source);
        } catch {
          throw err;
        }
        if (whole !== null && typeof whole === 'object') {
          throw new TranscriptError(
            'expected a JSON array of turns or one JSON object per line (JSONL), found a single multi-line object',
            lineAt(source, start),
          );
        }
      }
      throw err;
    }
  }
  return turns;
}

/** Streams JSON Lines, yielding each turn as its line arrives (memory bounded by the longest line). */
export async function* streamJsonLines(
  chunks: AsyncIterable<string>,
  options: ReadOptions,
): AsyncGenerator<TranscriptTurn> {
  // The pieces of a line whose end has not arrived: searching only each new chunk for a line end
  // keeps one long line linear (searching the whole line again per chunk was quadratic).
  let pieces: string[] = [];
  let line = 0;
  for await (const chunk of assertTextChunks(lfChunks(chunks))) {
    let from = 0;
    let at: number;
    while ((at = chunk.indexOf('\n', from)) >= 0) {
      pieces.push(chunk.slice(from, at));
      const text = pieces.length === 1 ? pieces[0]! : pieces.join('');
      pieces = [];
      from = at + 1;
      line++;
      const turn = parseJsonLine(text, line, options);
      if (turn) yield turn;
    }
    if (from < chunk.length) pieces.push(chunk.slice(from));
  }
  if (pieces.length > 0) {
    line++;
    const turn = parseJsonLine(pieces.join(''), line, options);
    if (turn) yield turn;
  }
}
