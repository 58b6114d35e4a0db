// Small helpers shared by the readers.
import { TranscriptError } from './types.js';

export function stripBom(content: string): string {
  return content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
}

export function splitLines(content: string): string[] {
  return content.split(/\r\n|\r|\n/);
}

/** CRLF and lone CR become LF. */
export function normaliseNewlines(content: string): string {
  return content.replace(/\r\n?/g, '\n');
}

// C0 controls other than tab, LF, VT, FF, CR (and ESC, which terminal logs contain).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000e-\u001a\u001c-\u001f]/g;

/** Throws when `sample` looks like binary data rather than text. */
export function assertText(sample: string): void {
  if (sample.includes('\u0000')) {
    throw new TranscriptError('not a text transcript: the file holds binary data (NUL bytes)', null);
  }
  const head = sample.slice(0, 8192);
  const controls = head.match(CONTROL)?.length ?? 0;
  if (head.length > 0 && controls / head.length > 0.05) {
    throw new TranscriptError('not a text transcript: the file holds binary data (control characters)', null);
  }
}

/** A short, printable, one-line excerpt of `text` for error messages. */
export function excerpt(text: string, max = 40): string {
  const clean = text.replace(CONTROL, '?').replace(/\s+/g, ' ').trim();
  return JSON.stringify(clean.length > max ? `${clean.slice(0, max - 3)}...` : clean);
}

/** 1-based line of character offset `offset` in `content`. */
export function lineAt(content: string, offset: number): number {
  let line = 1;
  const end = Math.min(offset, content.length);
  for (let i = 0; i < end; i++) {
    const c = content.charCodeAt(i);
    if (c === 10) line++;
    else if (c === 13 && content.charCodeAt(i + 1) !== 10) line++;
  }
  return line;
}

/** Chunks with the BOM removed and CRLF / lone CR turned into LF, even when split across chunks. */
export async function* lfChunks(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let first = true;
  let pendingCr = false;
  for await (let chunk of chunks) {
    if (first && chunk !== '') {
      chunk = stripBom(chunk);
      first = false;
    }
    if (pendingCr) {
      chunk = `\r${chunk}`;
      pendingCr = false;
    }
    if (chunk.endsWith('\r')) {
      pendingCr = true;
      chunk = chunk.slice(0, -1);
    }
    if (chunk !== '') yield normaliseNewlines(chunk);
  }
  if (pendingCr) yield '\n';
}

/** Passes chunks through, throwing a TranscriptError on binary data. */
export async function* assertTextChunks(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  for await (const chunk of chunks) {
    assertText(chunk);
    yield chunk;
  }
}
