// `rapport batch` from its options to its exit code: how many threads, where output goes, what a
// signal does, which transcripts do not look English, and --fail-under. The pipeline itself is
// run.ts; the command file parses options and picks the formatter.
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { LanguageCheck } from '../core/language.js';
import { getOrAdd } from '../core/maps.js';
import type { CompiledPack } from '../core/rules/pack.js';
import { emit } from '../io/output.js';
import type { LoadPacksOptions } from '../io/packs.js';
import type { ColumnOptions } from '../readers/transcripts/index.js';
import type { SortKey } from './cohort.js';
import { defaultThreads, pooledScorer } from './pool.js';
import { progressBar } from './progress.js';
import { formatError, runBatch, type BatchOutcome } from './run.js';
import { fileSink, stdoutSink, type Sink } from './sink.js';
import type { BatchError, BatchRecord, TranscriptResult } from './types.js';

/** Everything a whole-report format is given once the run ends. */
export interface FinishedBatch {
  results: TranscriptResult[];
  errors: BatchError[];
  sort: SortKey;
  /** A transcript's records, in order; empty unless the formatter keeps turns. */
  turnsOf: (result: TranscriptResult) => BatchRecord[];
}

/**
 * A format is written line by line as turns are scored (memory stays flat however long the
 * input), or whole at the end; only a report that lists every turn keeps them until then.
 */
export type BatchFormatter =
  | { kind: 'lines'; header?: () => string; line: (record: BatchRecord) => string }
  | { kind: 'report'; keepsTurns: boolean; format: (batch: FinishedBatch) => string };

export interface BatchSettings {
  pack: CompiledPack;
  /** How workers load the same pack. */
  packOptions: LoadPacksOptions;
  jobs: number | 'auto';
  counsellor: string[];
  counsellorOnly: boolean;
  columns: ColumnOptions;
  groupBy?: string;
  sort: SortKey;
  failUnder?: number;
  out?: string;
  formatter: BatchFormatter;
}

/**
 * Worker threads can pay off from about this much input (bytes; ~4,000 counsellor turns of
 * AnnoMI-like CSV). Each worker pays ~150 ms to load the bundle and its rule pack and ~0.4 s of
 * CPU before the scoring code is warm; on AnnoMI dev-simple (1.7 MB) --jobs 1 was no faster than
 * --jobs 0 here, so smaller inputs are scored on the main thread alone.
 */
export const WORKER_MIN_BYTES = 2_000_000;

function threadsFor(jobs: number | 'auto', files: readonly string[]): number {
  // More helpers than cores only queue for them, each with its own heap: --jobs 1000 took 5 GB for one turn.
  if (jobs !== 'auto') return Math.min(jobs, availableParallelism());
  if (files.includes('-')) return 0;
  let bytes = 0;
  for (const file of files) {
    try {
      bytes += statSync(file).size;
    } catch {
      // reported when read
    }
  }
  return bytes >= WORKER_MIN_BYTES ? defaultThreads() : 0;
}

/**
 * With memory to spare, V8 lets the heap grow to about four times what survived its last full
 * collection. A streamed batch keeps little alive (records stream out, memos are bounded, each
 * transcript keeps a count and a sum), yet peak RSS climbed from 113 MiB on AnnoMI to 170 MiB on
 * ten copies of it. Growing by 30% instead keeps a hundred copies within 20% of one at about the
 * same speed (the marking runs concurrently, on the other core). It is a growth policy, not a
 * cap: a run that needs more (a json report of a whole archive) gets it. V8 reads this flag at
 * each collection, so setting it after start-up takes effect.
 */
function keepHeapNearLiveSize(): void {
  setFlagsFromString('--heap-growing-percent=30');
}

/** Per file, per transcript: a sample of its words, until it has settled on English. */
class TranscriptLanguages {
  private readonly checks = new Map<string, Map<string, LanguageCheck | null>>();

  add(record: BatchRecord): void {
    const ofSource = getOrAdd(this.checks, record.source, () => new Map<string, LanguageCheck | null>());
    const check = getOrAdd(ofSource, record.transcript, (): LanguageCheck | null => new LanguageCheck());
    if (!check) return;
    check.add(record.text);
    if (check.settled() && !check.notEnglish()) ofSource.set(record.transcript, null);
  }

  /** The transcripts that do not look English, named as the report names them. */
  foreign(): string[] {
    const names: string[] = [];
    for (const [source, ofSource] of this.checks) {
      for (const [transcript, check] of ofSource) if (check?.notEnglish()) names.push(transcript === source ? source : `${source} (${transcript})`);
    }
    return names;
  }
}

class Interrupted extends Error {}

const oneDecimal = (value: number): string => String(Math.round(value * 10) / 10);

/** Which transcripts fell below --fail-under, and by how much: the lowest by name. */
function failUnderMessage(below: BatchOutcome['means'], failUnder: number): string {
  const lowest = below.reduce((a, b) => (b.mean < a.mean ? b : a));
  const name = lowest.transcript === lowest.source ? lowest.source : `${lowest.source} (${lowest.transcript})`;
  const count = below.length === 1 ? '1 transcript has' : `${below.length} transcripts have`;
  return `${count} a mean score below --fail-under ${failUnder}; the lowest is ${name} at ${oneDecimal(lowest.mean)} (${oneDecimal(failUnder - lowest.mean)} short)`;
}

/** Scores the files and writes the report; resolves to the exit code (docs/contract.md). */
export async function scoreBatch(files: readonly string[], settings: BatchSettings): Promise<number> {
  keepHeapNearLiveSize();
  const { formatter } = settings;
  const scorer = pooledScorer(settings.pack, threadsFor(settings.jobs, files), settings.packOptions, process.env.RAPPORT_MAIN_THREAD_SCORES !== '0');
  // Ctrl-C stops scoring at the next chunk and lets what was written drain, so
  // streamed output ends on a whole line; a second Ctrl-C leaves at once.
  // The exit code says which signal stopped the run, as a shell's would: 130 for SIGINT, 143 for SIGTERM.
  let stopping: 130 | 143 | null = null;
  const interrupt = (code: 130 | 143) => (): void => {
    if (stopping !== null) process.exit(code);
    stopping = code;
  };
  const onInt = interrupt(130);
  const onTerm = interrupt(143);
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  let sink: Sink | null = null;
  const turns = new Map<string, Map<string, BatchRecord[]>>();
  const keepTurns = formatter.kind === 'report' && formatter.keepsTurns;

  // Told once at the end: the rules are English.
  const languages = new TranscriptLanguages();
  const bar = progressBar();
  const say = (message: string): void => {
    bar.clear();
    process.stderr.write(`rapport: ${message}\n`);
  };
  let outcome: BatchOutcome;
  try {
    // After the handlers, so a signal as the report's temporary file appears still finds them.
    if (formatter.kind === 'lines') {
      sink = settings.out ? fileSink(settings.out) : stdoutSink();
      if (formatter.header) sink.write(formatter.header());
    }
    outcome = await runBatch(files, {
      scorer,
      counsellor: settings.counsellor,
      counsellorOnly: settings.counsellorOnly,
      columns: settings.columns,
      groupBy: settings.groupBy,
      summaries: formatter.kind === 'lines' ? 'scores' : 'full',
      onRecord: (record) => {
        languages.add(record);
        if (formatter.kind === 'lines') sink!.write(formatter.line(record));
        else if (keepTurns) getOrAdd(getOrAdd(turns, record.source, () => new Map<string, BatchRecord[]>()), record.transcript, (): BatchRecord[] => []).push(record);
      },
      onFlush: async () => {
        await sink?.flush();
        if (stopping !== null) throw new Interrupted();
      },
      onError: (error) => say(formatError(error)),
      onNotice: (message) => say(message),
      onProgress: bar.active ? (progress) => bar.update(progress) : undefined,
    });
  } catch (error) {
    sink?.abort();
    if (!(error instanceof Interrupted)) throw error;
    return stopping ?? 130;
  } finally {
    bar.clear();
    await scorer.close();
    process.off('SIGINT', onInt);
    process.off('SIGTERM', onTerm);
  }

  const { results, errors, lowestMean, means } = outcome;
  const foreign = languages.foreign();
  if (foreign.length > 0) {
    const shown = foreign.slice(0, 5).join(', ') + (foreign.length > 5 ? ` and ${foreign.length - 5} more` : '');
    say(`note: the rules are written for English, and ${foreign.length === 1 ? 'this transcript does' : 'these transcripts do'} not look like English: ${shown}; their scores mean little`);
  }
  if (process.env.RAPPORT_DEBUG) {
    process.stderr.write(`rapport: scored ${scorer.scored.workers} turns on ${scorer.threads} worker threads, ${scorer.scored.main} on the main thread\n`);
  }
  if (sink) sink.commit();
  else if (formatter.kind === 'report') {
    const turnsOf = (result: TranscriptResult): BatchRecord[] => turns.get(result.source)?.get(result.transcript) ?? [];
    emit(formatter.format({ results, errors, sort: settings.sort, turnsOf }), settings.out, [...files]);
  }
  const { failUnder } = settings;
  if (failUnder !== undefined) {
    const below = means.filter(({ mean }) => mean < failUnder);
    if (below.length > 0) say(failUnderMessage(below, failUnder));
  }
  if (errors.length > 0) return 2;
  return failUnder !== undefined && lowestMean !== null && lowestMean < failUnder ? 1 : 0;
}
