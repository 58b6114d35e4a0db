// The batch pipeline: files → turns (streamed) → counsellor turns with client context → scores
// (inline or on workers, in chunks, results kept in input order) → records and summaries.
// Output is left to the caller through `onRecord`; memory is bounded by the chunks in flight,
// plus a small summary per transcript. Output that cannot keep up (`onFlush` still pending) holds
// back reading and scoring, workers included: nothing new is submitted until it resolves.
import { createReadStream, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { getOrAdd } from '../core/maps.js';
import { InputError } from '../io/errors.js';
import {
  counsellorTurnsAsync,
  isCounsellor,
  streamTranscript,
  TranscriptError,
  type ColumnOptions,
  type CounsellorTurn,
  type TranscriptTurn,
} from '../readers/transcripts/index.js';
import { groupFieldOf } from './cohort.js';
import type { Job, Scorer } from './pool.js';
import { SummaryBuilder } from './summary.js';
import type { BatchError, BatchRecord, TranscriptResult } from './types.js';

export interface Progress {
  files: number;
  filesDone: number;
  /** Bytes read so far, and in all (null when a source has no known size, e.g. standard input). */
  bytes: number;
  totalBytes: number | null;
  turns: number;
}

export interface RunOptions {
  scorer: Scorer;
  columns?: ColumnOptions;
  /** Counsellor speaker names (`--counsellor`), besides the default labels. */
  counsellor?: string[];
  /** The names are the only counsellors (`--only-counsellor`). */
  counsellorOnly?: boolean;
  /** Field to group transcripts by; else a known counsellor/student field when present. */
  groupBy?: string;
  /** Turns per scoring request. */
  chunkSize?: number;
  /** Scoring requests in flight at once (bounds memory). */
  inFlight?: number;
  onRecord?: (record: BatchRecord) => void;
  /** After each chunk of records: a moment to flush output. Reading and scoring wait for its promise. */
  onFlush?: () => void | Promise<void>;
  onError?: (error: BatchError) => void;
  /** A note that is not an error (e.g. a file without counsellor turns). */
  onNotice?: (message: string) => void;
  onProgress?: (progress: Progress) => void;
  /** Build full summaries (default), or only the scores (streamed output, which prints no summary). */
  summaries?: 'full' | 'scores';
  /** Standard input, for `-` (tests pass their own). */
  stdin?: NodeJS.ReadableStream;
}

export interface BatchOutcome {
  /** Each transcript's summary; empty when only scores were kept (`summaries: 'scores'`). */
  results: TranscriptResult[];
  /** The lowest mean score of any transcript (what --fail-under compares), or null without turns. */
  lowestMean: number | null;
  /** Every transcript's mean score (for --fail-under's message), in input order. */
  means: { source: string; transcript: string; mean: number }[];
  errors: BatchError[];
  turns: number;
}

interface Pending {
  metas: { source: string; job: CounsellorTurn }[];
  critiques: Promise<Awaited<ReturnType<Scorer['score']>>>;
}

function describeReadError(error: unknown): { line: number | null; message: string } {
  if (error instanceof TranscriptError) return { line: error.line, message: error.message };
  if (error instanceof InputError) return { line: error.line, message: error.detail };
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return { line: null, message: 'no such file' };
  if (code === 'EISDIR') return { line: null, message: 'a folder with no transcript files in it (.txt, .csv, .tsv, .jsonl, .json, .vtt, .md)' };
  if (code === 'EACCES' || code === 'EPERM') return { line: null, message: 'cannot read this file (permission denied)' };
  if (code) return { line: null, message: `cannot read this file (${code})` };
  throw error;
}

async function* counted(stream: NodeJS.ReadableStream, add: (bytes: number) => void): AsyncGenerator<Buffer | string> {
  for await (const chunk of stream) {
    add(typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length);
    yield chunk;
  }
}

/** `file:line: message`, the form every input error takes. */
export function formatError(error: BatchError): string {
  return `${error.source}${error.line !== null ? `:${error.line}` : ''}: ${error.message}`;
}

export async function runBatch(files: readonly string[], options: RunOptions): Promise<BatchOutcome> {
  const { scorer } = options;
  const chunkSize = options.chunkSize ?? 24;
  // Room for every worker's queue plus a few chunks scored on the main thread meanwhile.
  const inFlight = options.inFlight ?? (scorer.threads === 0 ? 1 : scorer.threads * 2 + 4);
  // Per file, per transcript: no key strings built per turn, and none kept per transcript.
  const builders = new Map<string, Map<string, SummaryBuilder>>();
  const errors: BatchError[] = [];
  const queue: Pending[] = [];
  let turns = 0;

  const sizes = files.map((file) => {
    if (file === '-') return null;
    try {
      return statSync(file).size;
    } catch {
      return 0;
    }
  });
  const progress: Progress = {
    files: files.length,
    filesDone: 0,
    bytes: 0,
    totalBytes: sizes.includes(null) ? null : sizes.reduce<number>((s, v) => s + (v ?? 0), 0),
    turns: 0,
  };
  const report = (): void => options.onProgress?.({ ...progress });

  const builderFor = (source: string, transcript: string): SummaryBuilder => {
    const ofSource = getOrAdd(builders, source, () => new Map<string, SummaryBuilder>());
    return getOrAdd(ofSource, transcript, () => new SummaryBuilder(source, transcript, options.summaries !== 'scores'));
  };

  const drain = async (): Promise<void> => {
    const pending = queue.shift()!;
    const critiques = await pending.critiques;
    pending.metas.forEach(({ source, job }, i) => {
      const { turn, index } = job;
      const record: BatchRecord = {
        ...critiques[i]!,
        source,
        transcript: turn.transcript,
        id: turn.id ?? index + 1,
        index,
        speaker: turn.speaker,
      };
      builderFor(source, turn.transcript).add(record);
      options.onRecord?.(record);
    });
    turns += pending.metas.length;
    progress.turns = turns;
    await options.onFlush?.();
    report();
  };

  const submit = async (metas: Pending['metas']): Promise<void> => {
    if (metas.length === 0) return;
    const jobs: Job[] = metas.map(({ job }) => ({ text: job.turn.text, client: job.client }));
    const critiques = scorer.score(jobs);
    critiques.catch(() => {}); // handled when drained
    queue.push({ metas, critiques });
    while (queue.length >= inFlight) await drain();
  };

  const counsellor = (speaker: string): boolean => isCounsellor(speaker, options.counsellor, options.counsellorOnly);

  for (const [fileIndex, source] of files.entries()) {
    const speakers = new Set<string>();
    let counsellorSeen = 0;
    let anyTurn = false;
    const observed = async function* (stream: AsyncIterable<TranscriptTurn>): AsyncGenerator<TranscriptTurn> {
      let groupField: string | null | undefined;
      for await (const turn of stream) {
        anyTurn = true;
        const builder = builderFor(source, turn.transcript);
        builder.sawTurn();
        if (groupField === undefined) groupField = groupFieldOf(turn.fields, options.groupBy);
        if (groupField) builder.setGroup(turn.fields?.[groupField] ?? null);
        if (speakers.size < 12) speakers.add(turn.speaker);
        yield turn;
      }
    };
    let chunk: Pending['metas'] = [];
    try {
      const raw = source === '-' ? (options.stdin ?? process.stdin) : createReadStream(source);
      const before = progress.bytes;
      // Counting bytes costs a stream hop: only when someone watches the progress.
      const stream = options.onProgress ? Readable.from(counted(raw, (n) => (progress.bytes += n))) : raw;
      const reopen = source === '-' ? undefined : () => createReadStream(source);
      const turnsOf = streamTranscript(stream, source, { defaultTranscript: source, columns: options.columns }, reopen);
      for await (const job of counsellorTurnsAsync(observed(turnsOf), counsellor)) {
        counsellorSeen++;
        chunk.push({ source, job });
        if (chunk.length >= chunkSize) {
          const full = chunk;
          chunk = [];
          await submit(full);
        }
      }
      await submit(chunk);
      chunk = [];
      progress.bytes = before + (sizes[fileIndex] ?? progress.bytes - before);
      if (!anyTurn) {
        // Nothing to score is bad input, as the README promises (exit 2), not a quiet success.
        const empty = { source, line: null, message: 'no turns found (the file is empty or has no speaker-labelled lines)' };
        errors.push(empty);
        options.onError?.(empty);
      } else if (counsellorSeen === 0) {
        const named = options.counsellor && options.counsellor.length > 0;
        options.onNotice?.(
          `${source}: no counsellor turns found (speakers: ${[...speakers].join(', ')}); ${named ? 'check the --counsellor names' : 'name the counsellor with --counsellor NAME'}`,
        );
      }
    } catch (error) {
      // Turns read before the error are still scored; the error says where reading stopped.
      await submit(chunk);
      chunk = [];
      const { line, message } = describeReadError(error);
      const batchError = { source, line, message };
      errors.push(batchError);
      options.onError?.(batchError);
    }
    progress.filesDone++;
    report();
  }
  while (queue.length > 0) await drain();
  const everyBuilder = [...builders.values()].flatMap((ofSource) => [...ofSource.values()]);
  let lowestMean: number | null = null;
  const means: BatchOutcome['means'] = [];
  for (const builder of everyBuilder) {
    const mean = builder.meanScore();
    if (mean === null) continue;
    means.push({ source: builder.source, transcript: builder.transcript, mean });
    if (lowestMean === null || mean < lowestMean) lowestMean = mean;
  }
  // Streamed output prints no summaries: building thousands at the end was the run's peak of memory.
  const results = options.summaries === 'scores' ? [] : everyBuilder.map((b) => b.finish());
  return { results, lowestMean, means, errors, turns };
}
