// Where streamed output (jsonl, csv) goes: standard output, or --out through a temporary file
// renamed into place only when the run finishes, so a report file is never half-written.
import { closeSync, fsyncSync, openSync, realpathSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../io/errors.js';

export interface Sink {
  write(text: string): void;
  /** Push what is buffered out (after each scored chunk). */
  flush(): void;
  /** Finish: the file appears under its name only now. */
  commit(): void;
  /** Give up: remove the temporary file. */
  abort(): void;
}

function real(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/** Refuses an --out that is one of the inputs. */
export function checkOut(out: string, inputs: readonly string[]): void {
  if (inputs.some((input) => input !== '-' && real(input) === real(out))) throw new InputError(out, '--out would overwrite an input file');
}

const FLUSH_AT = 1 << 16;

export function stdoutSink(stream: NodeJS.WritableStream = process.stdout, onClosed: () => void = () => process.exit(0)): Sink {
  let buffer = '';
  let closed = false;
  // A reader that stops early (`| head`) is not an error: stop scoring, quietly.
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    closed = true;
    onClosed();
  });
  const flush = (): void => {
    if (buffer !== '' && !closed) stream.write(buffer);
    buffer = '';
  };
  return {
    write(text) {
      buffer += text;
      if (buffer.length >= FLUSH_AT) flush();
    },
    flush,
    commit: flush,
    abort: flush,
  };
}

export function fileSink(out: string): Sink {
  const target = resolve(out);
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  let fd: number;
  try {
    fd = openSync(temporary, 'w', 0o644);
  } catch (error) {
    throw new InputError(out, `cannot write the report: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  let buffer = '';
  let open = true;
  const fail = (error: unknown): never => {
    if (open) closeSync(fd);
    open = false;
    rmSync(temporary, { force: true });
    throw new InputError(out, `cannot write the report: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  };
  const flush = (): void => {
    if (buffer === '' || !open) return;
    try {
      writeSync(fd, buffer);
    } catch (error) {
      fail(error);
    }
    buffer = '';
  };
  return {
    write(text) {
      buffer += text;
      if (buffer.length >= FLUSH_AT) flush();
    },
    flush,
    commit() {
      flush();
      if (!open) return;
      try {
        fsyncSync(fd);
        closeSync(fd);
        open = false;
        renameSync(temporary, target);
      } catch (error) {
        fail(error);
      }
    },
    abort() {
      if (open) closeSync(fd);
      open = false;
      rmSync(temporary, { force: true });
    },
  };
}
