// Output that cannot keep up holds back the run: the sink reports when its stream is full, and
// runBatch reads and scores nothing more (on workers or the main thread) until there is room.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { inlineScorer, type Scorer } from '../../src/batch/pool.js';
import { runBatch } from '../../src/batch/run.js';
import { stdoutSink } from '../../src/batch/sink.js';
import { builtinPack } from '../helpers.js';
import { FIXTURES } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'rapport-backpressure-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 50));

/** A stream that takes one write at a time and finishes it only when told. */
function heldStream(): { stream: Writable; finishWrite: () => void; written: () => string } {
  let pending: (() => void) | null = null;
  let text = '';
  const stream = new Writable({
    highWaterMark: 4,
    write(chunk: Buffer, _encoding, callback) {
      text += chunk.toString();
      pending = callback;
    },
  });
  return { stream, finishWrite: () => pending?.(), written: () => text };
}

describe('stdout sink', () => {
  it('flush waits until a full stream drains', async () => {
    const { stream, finishWrite, written } = heldStream();
    const sink = stdoutSink(stream);
    sink.write('{"index":0}\n');
    let flushed = false;
    const flush = sink.flush().then(() => (flushed = true));
    await settle();
    expect(written()).toBe('{"index":0}\n');
    expect(flushed).toBe(false);
    finishWrite();
    await flush;
    expect(flushed).toBe(true);
  });

  it('flush does not wait on a stream with room', async () => {
    const chunks: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        chunks.push(chunk.toString());
        callback();
      },
    });
    const sink = stdoutSink(stream);
    sink.write('a,b\n');
    await sink.flush();
    expect(chunks).toEqual(['a,b\n']);
  });

  it('a reader that closes while the run waits ends it quietly', async () => {
    const { stream } = heldStream();
    let closed = false;
    const sink = stdoutSink(stream, () => (closed = true));
    sink.write('{"index":0}\n');
    const flush = sink.flush();
    stream.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    await flush;
    expect(closed).toBe(true);
  });
});

describe('runBatch', () => {
  it('reads and scores no more turns while output waits for room, then scores the rest', async () => {
    const session = `${readFileSync(join(FIXTURES, 'session.txt'), 'utf8').trimEnd()}\n\n`;
    const file = join(tmp, 'long.txt');
    writeFileSync(file, session.repeat(40)); // 200 counsellor turns
    const inline = inlineScorer(await builtinPack());
    let submitted = 0;
    // As the worker pool looks to runBatch: several requests may be in flight at once.
    const scorer: Scorer = {
      threads: 2,
      scored: inline.scored,
      score: (jobs) => {
        submitted += jobs.length;
        return inline.score(jobs);
      },
      close: inline.close,
    };
    let release = (): void => {};
    let full = (): void => {};
    const outputFull = new Promise<void>((resolve) => (full = resolve));
    let flushes = 0;
    let submittedWhenFull = 0;
    const outcome = runBatch([file], {
      scorer,
      chunkSize: 5,
      summaries: 'scores',
      onFlush: () => {
        if (flushes++ > 0) return;
        submittedWhenFull = submitted;
        full();
        return new Promise<void>((resolve) => (release = resolve));
      },
    });
    await outputFull;
    // Time for the run to carry on, were it not waiting.
    await settle();
    expect(flushes).toBe(1);
    expect(submitted).toBe(submittedWhenFull);
    expect(submitted).toBeLessThan(200);
    release();
    expect((await outcome).turns).toBe(200);
    expect(submitted).toBe(200);
  });
});
