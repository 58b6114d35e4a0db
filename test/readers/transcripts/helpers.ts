import { expect } from 'vitest';
import { TranscriptError, type ReadOptions } from '../../../src/readers/transcripts/index.js';

export const opts: ReadOptions = { defaultTranscript: 'file' };

export function fixture(name: string): URL {
  return new URL(`../../../fixtures/transcripts/${name}`, import.meta.url);
}

/** Runs `fn`, expects a TranscriptError, and returns it. */
export function transcriptError(fn: () => unknown): TranscriptError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(TranscriptError);
    const e = err as TranscriptError;
    expect(e.message).not.toMatch(/\n/);
    return e;
  }
  throw new Error('expected a TranscriptError, nothing was thrown');
}

export async function transcriptErrorAsync(fn: () => Promise<unknown>): Promise<TranscriptError> {
  try {
    await fn();
  } catch (err) {
    expect(err).toBeInstanceOf(TranscriptError);
    return err as TranscriptError;
  }
  throw new Error('expected a TranscriptError, nothing was thrown');
}

export function speakers(turns: { speaker: string }[]): string[] {
  return turns.map((t) => t.speaker);
}
