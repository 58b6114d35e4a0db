// Reading what the user points at: files or standard input, as UTF-8 text.
import { readFileSync } from 'node:fs';
import { InputError } from './errors.js';
import { noteInput } from './output.js';

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
    throw new InputError(name, 'this file is not valid UTF-8 text', (before.match(/\n/g)?.length ?? 0) + 1);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function readTextFile(path: string): string {
  noteInput(path);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(path, code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : 'cannot read this file');
  }
  return decodeText(bytes, path);
}

export async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new InputError('<stdin>', 'nothing to read: give the reply as words, with --file, or pipe it in');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return decodeText(Buffer.concat(chunks), '<stdin>');
}
