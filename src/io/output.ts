// Writing a report. --out goes through a temporary file and a rename, so a
// failed run never leaves a half-written report or truncates an old one, and
// it refuses to write over a file the run is reading.
import { closeSync, fsyncSync, openSync, realpathSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from './errors.js';

function real(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/** Refuses an --out that is one of the run's inputs. */
export function refuseInputs(out: string, inputs: readonly string[]): void {
  if (inputs.some((input) => input !== '-' && real(input) === real(out))) throw new InputError(out, '--out would overwrite an input file');
}

/** Where a report is written before it is renamed into place. */
export function temporaryFor(path: string): string {
  return join(dirname(resolve(path)), `.${basename(path)}.${process.pid}.tmp`);
}

export function cannotWrite(path: string, error: unknown): InputError {
  return new InputError(path, `cannot write the report: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
}

export function writeAtomic(path: string, content: string, inputs: string[] = []): void {
  refuseInputs(path, inputs);
  const temporary = temporaryFor(path);
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
    throw cannotWrite(path, error);
  }
}

/** Print to stdout, or write to --out. */
export function emit(content: string, out: string | undefined, inputs: string[] = []): void {
  const text = content.endsWith('\n') || content === '' ? content : `${content}\n`;
  if (out) writeAtomic(out, text, inputs);
  else process.stdout.write(text);
}
