// Reading what the user points at: files or standard input, as UTF-8 text, never more than the kind of
// input can sensibly be. The limit is counted in bytes while reading, so /dev/zero or a 5 GB file stops at
// the limit instead of filling memory first. (Transcripts for batch are streamed and limited per line.)
import { closeSync, openSync, readSync } from 'node:fs';
import { InputError } from './errors.js';
import { noteInput } from './output.js';

const MiB = 1024 * 1024;

/** The most rapport reads of each kind of input, in bytes. */
export const READ_LIMITS = {
  /** a reply or a client statement: 20,000 characters at most, four bytes each in the worst case */
  reply: 1 * MiB,
  config: 2 * MiB,
  rules: 2 * MiB,
  baseline: 64 * MiB,
  /** training material for lint: a handbook or a folder's file */
  lint: 32 * MiB,
  /** AnnoMI's or ESConv's whole files, or a calibration set */
  eval: 64 * MiB,
} as const;
export type InputKind = keyof typeof READ_LIMITS;

const WHAT: Record<InputKind, string> = {
  reply: 'a reply or client statement',
  config: 'a config file',
  rules: 'a rule file',
  baseline: 'a lint baseline',
  lint: 'a file of training material',
  eval: 'a coded or scored file',
};

export function tooLarge(name: string, kind: InputKind): InputError {
  return new InputError(name, `larger than ${READ_LIMITS[kind] / MiB} MiB, the most rapport reads as ${WHAT[kind]}`);
}

/** The bytes of `path`, refusing past the limit for `kind` as soon as it is passed; `name` is how errors name it. Every read is noted, so --out never replaces what was read. */
export function readBounded(path: string, kind: InputKind, name = path): Buffer {
  noteInput(path);
  const limit = READ_LIMITS[kind];
  const fd = openSync(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1 * MiB, limit + 1 - total));
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      chunks.push(read === chunk.length ? chunk : chunk.subarray(0, read));
      total += read;
      if (total > limit) throw tooLarge(name, kind);
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

const decoder = new TextDecoder('utf-8', { fatal: true });

export function decodeText(bytes: Uint8Array, name: string): string {
  if (bytes.includes(0)) throw new InputError(name, 'this looks like a binary file, not text');
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    // The line of the first byte sequence a lenient decoder has to replace.
    const lenient = new TextDecoder('utf-8').decode(bytes);
    const before = lenient.slice(0, Math.max(0, lenient.search(/\uFFFD/)));
    throw new InputError(name, 'this file is not valid UTF-8 text', (before.match(/\r\n|\r|\n/g)?.length ?? 0) + 1);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function readTextFile(path: string, kind: InputKind): string {
  noteInput(path);
  let bytes: Buffer;
  try {
    bytes = readBounded(path, kind);
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(path, code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : 'cannot read this file');
  }
  return decodeText(bytes, path);
}

export async function readStdin(kind: InputKind): Promise<string> {
  if (process.stdin.isTTY) throw new InputError('<stdin>', 'nothing to read: give the reply as words, with --file, or pipe it in');
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    total += (chunk as Buffer).length;
    if (total > READ_LIMITS[kind]) {
      process.stdin.destroy();
      throw tooLarge('<stdin>', kind);
    }
  }
  return decodeText(Buffer.concat(chunks), '<stdin>');
}
