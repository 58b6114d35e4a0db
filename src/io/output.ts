// Writing a report. --out goes through a temporary file and a rename, so a
// failed run never leaves a half-written report or truncates an old one, and
// it refuses to write over a file the run is reading.
import { closeSync, fsyncSync, openSync, realpathSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from './errors.js';

function sameFile(a: string, b: string): boolean {
  const real = (path: string): string => {
    try {
      return realpathSync(path);
    } catch {
      return resolve(path);
    }
  };
  return real(a) === real(b);
}

export function writeAtomic(path: string, content: string, inputs: string[] = []): void {
  if (inputs.some((input) => input !== '-' && sameFile(input, path))) throw new InputError(path, '--out would overwrite an input file');
  const temporary = join(dirname(resolve(path)), `.${basename(path)}.${process.pid}.tmp`);
  try {
    const fd = openSync(temporary, 'w', 0o600);
    try {
      writeSync(fd, content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new InputError(path, `cannot write the report: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/** Print to stdout, or write to --out. */
export function emit(content: string, out: string | undefined, inputs: string[] = []): void {
  const text = content.endsWith('\n') || content === '' ? content : `${content}\n`;
  if (out) writeAtomic(out, text, inputs);
  else process.stdout.write(text);
}
