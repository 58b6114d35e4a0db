// Where streamed output (jsonl, csv) goes: standard output, or --out through a temporary file
// renamed into place only when the run finishes, so a report file is never half-written (or,
// for a device or FIFO, straight into it).
import { closeSync, fsyncSync, realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { cannotWrite, destinationOf, discardTemporary, openTemporary, openThrough, putInPlace, writeAll, type Destination } from '../io/output.js';

export interface Sink {
  write(text: string): void;
  /**
   * Push what is buffered out (after each scored chunk). Resolves once the destination has room
   * for more: scoring waits on it, so a slow reader holds back the run, not its memory.
   */
  flush(): Promise<void>;
  /** Finish: the file appears under its name only now. */
  commit(): void;
  /** Give up: remove the temporary file. */
  abort(): void;
}


const FLUSH_AT = 1 << 16;

/** Collects writes and passes them on in large pieces (whole lines, as written). */
function buffered(flushTo: (text: string) => void): { write(text: string): void; flush(): void } {
  let buffer = '';
  const flush = (): void => {
    if (buffer === '') return;
    const text = buffer;
    buffer = '';
    flushTo(text);
  };
  return {
    write(text) {
      buffer += text;
      if (buffer.length >= FLUSH_AT) flush();
    },
    flush,
  };
}

export function stdoutSink(stream: NodeJS.WritableStream = process.stdout, onClosed: () => void = () => process.exit(0)): Sink {
  let closed = false;
  // A reader that stops early (`| head`) is not an error: stop scoring, quietly.
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    closed = true;
    onClosed();
  });
  // Set while the stream holds more than its high-water mark, until it drains (or closes).
  let room: Promise<void> | null = null;
  const waitForRoom = (): Promise<void> =>
    new Promise((resolve) => {
      const done = (): void => {
        stream.off('drain', done);
        stream.off('close', done);
        stream.off('error', done);
        room = null;
        resolve();
      };
      stream.on('drain', done);
      stream.on('close', done);
      stream.on('error', done);
    });
  const { write, flush } = buffered((text) => {
    if (!closed && !stream.write(text)) room ??= waitForRoom();
  });
  return {
    write,
    flush: async () => {
      flush();
      await room;
    },
    commit: flush,
    abort: flush,
  };
}

export function fileSink(out: string): Sink {
  let destination: Destination;
  let fd: number;
  let temporary: string | null = null;
  try {
    destination = destinationOf(out);
    if (destination.kind === 'through') fd = openThrough(out);
    else {
      const target = destination.existing ? resolve(realpathSync(out)) : resolve(out);
      destination = { ...destination, path: target };
      ({ fd, temporary } = openTemporary(target, destination.existing));
    }
  } catch (error) {
    throw cannotWrite(out, error);
  }
  let open = true;
  const close = (): void => {
    if (open) closeSync(fd);
    open = false;
  };
  const fail = (error: unknown): never => {
    close();
    if (temporary) discardTemporary(temporary);
    throw cannotWrite(out, error);
  };
  const { write, flush } = buffered((text) => {
    if (!open) return;
    try {
      writeAll(fd, text);
    } catch (error) {
      fail(error);
    }
  });
  return {
    write,
    // Written synchronously: the disk's pace is already the run's.
    flush: async () => flush(),
    commit() {
      flush();
      if (!open) return;
      try {
        if (temporary) fsyncSync(fd);
        close();
        if (temporary) putInPlace(temporary, destination.path);
      } catch (error) {
        fail(error);
      }
    },
    abort() {
      close();
      if (temporary) discardTemporary(temporary);
    },
  };
}
