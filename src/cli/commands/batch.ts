// rapport batch: score every counsellor turn of transcript files, with session summaries.
import { Command } from 'commander';
import { SORT_KEYS, type SortKey } from '../../batch/cohort.js';
import { getOrAdd } from '../../core/maps.js';
import { expandInputs } from '../../batch/inputs.js';
import { defaultThreads, pooledScorer } from '../../batch/pool.js';
import { progressBar } from '../../batch/progress.js';
import { formatError, runBatch, type BatchOutcome } from '../../batch/run.js';
import { fileSink, stdoutSink, type Sink } from '../../batch/sink.js';
import type { BatchRecord, TranscriptResult } from '../../batch/types.js';
import { csvHeader, csvRow } from '../../formatters/batch/csv.js';
import { formatHtml } from '../../formatters/batch/html.js';
import { formatJson } from '../../formatters/batch/json.js';
import { jsonlLine } from '../../formatters/batch/jsonl.js';
import { formatMarkdown } from '../../formatters/batch/markdown.js';
import { formatText } from '../../formatters/batch/text.js';
import { loadConfig } from '../../io/config.js';
import { UsageError } from '../../io/errors.js';
import { emit, refuseInputs } from '../../io/output.js';
import { loadPack, type LoadPacksOptions } from '../../io/packs.js';
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { OPTIONS, withRuleOptions, type CommonOptions, type Jobs } from '../options.js';
import { packOptions as packOptionsOf, useColour } from '../setup.js';
import { LanguageCheck } from '../language.js';

export const BATCH_FORMATS = ['text', 'json', 'jsonl', 'csv', 'markdown', 'html'] as const;
const STREAMED = new Set(['jsonl', 'csv']);

/**
 * Worker threads can pay off from about this much input (bytes; ~4,000 counsellor turns of
 * AnnoMI-like CSV). Each worker pays ~150 ms to load the bundle and its rule pack and ~0.4 s of
 * CPU before the scoring code is warm; on AnnoMI dev-simple (1.7 MB) --jobs 1 was no faster than
 * --jobs 0 here, so smaller inputs are scored on the main thread alone.
 */
export const WORKER_MIN_BYTES = 2_000_000;

interface BatchOptions extends CommonOptions {
  counsellor?: string[];
  onlyCounsellor?: string[];
  speakerColumn?: string;
  textColumn?: string;
  transcriptColumn?: string;
  idColumn?: string;
  failUnder?: number;
  sort: SortKey;
  groupBy?: string;
  jobs: Jobs;
}

function threadsFor(jobs: Jobs, files: string[]): number {
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

class Interrupted extends Error {}

const oneDecimal = (value: number): string => String(Math.round(value * 10) / 10);

/** Which transcripts fell below --fail-under, and by how much: the lowest by name. */
function failUnderMessage(below: BatchOutcome['means'], failUnder: number): string {
  const lowest = below.reduce((a, b) => (b.mean < a.mean ? b : a));
  const name = lowest.transcript === lowest.source ? lowest.source : `${lowest.source} (${lowest.transcript})`;
  const count = below.length === 1 ? '1 transcript has' : `${below.length} transcripts have`;
  return `${count} a mean score below --fail-under ${failUnder}; the lowest is ${name} at ${oneDecimal(lowest.mean)} (${oneDecimal(failUnder - lowest.mean)} short)`;
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

async function run(args: string[], options: BatchOptions): Promise<void> {
  if (args.length === 0) throw new UsageError('give transcript files, folders or globs to score (or - for standard input)');
  keepHeapNearLiveSize();
  const files = expandInputs(args);
  if (files.filter((f) => f === '-').length > 1) throw new UsageError('standard input (-) can be read only once');
  if (options.out) refuseInputs(options.out, files);

  const config = await loadConfig(options.config, process.cwd());
  const packOptions: LoadPacksOptions = packOptionsOf(config, options);
  useColour(options);
  const threads = threadsFor(options.jobs, files);
  // The main thread loads the pack too (it scores as well, and reports a bad rule file).
  const pack = await loadPack(packOptions);
  // The config and rule files are read now: the report must not replace one either.
  if (options.out) refuseInputs(options.out, files);
  const scorer = pooledScorer(pack, threads, packOptions, process.env.RAPPORT_MAIN_THREAD_SCORES !== '0');

  const streamed = STREAMED.has(options.format);
  let sink: Sink | null = null;
  const turnsByTranscript = new Map<string, BatchRecord[]>();
  const keep = options.format === 'json';
  if (streamed) {
    sink = options.out ? fileSink(options.out) : stdoutSink();
    if (options.format === 'csv') sink.write(csvHeader());
  }
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
  process.once('SIGINT', onInt);
  process.once('SIGTERM', onTerm);

  // Which transcripts do not look English, told once at the end (the rules are English). Per file,
  // per transcript: the sample so far, or null once it has settled on English.
  const languages = new Map<string, Map<string, LanguageCheck | null>>();
  const bar = progressBar();
  const say = (message: string): void => {
    bar.clear();
    process.stderr.write(`rapport: ${message}\n`);
  };
  let outcome;
  try {
    outcome = await runBatch(files, {
      scorer,
      counsellor: options.onlyCounsellor
        ? [...options.onlyCounsellor, ...(options.counsellor ?? [])]
        : [...(config.batch?.counsellor ?? []), ...(options.counsellor ?? [])],
      counsellorOnly: options.onlyCounsellor !== undefined,
      columns: { speaker: options.speakerColumn, text: options.textColumn, transcript: options.transcriptColumn, id: options.idColumn },
      groupBy: options.groupBy,
      summaries: streamed ? 'scores' : 'full',
      onRecord: (record) => {
        const ofSource = getOrAdd(languages, record.source, () => new Map<string, LanguageCheck | null>());
        const language = getOrAdd(ofSource, record.transcript, (): LanguageCheck | null => new LanguageCheck());
        if (language) {
          language.add(record.text);
          if (language.settled() && !language.notEnglish()) ofSource.set(record.transcript, null);
        }
        if (sink) sink.write(options.format === 'csv' ? csvRow(record) : jsonlLine(record));
        else if (keep) {
          const key = `${record.source}\u0000${record.transcript}`;
          getOrAdd(turnsByTranscript, key, (): BatchRecord[] => []).push(record);
        }
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
    process.exitCode = stopping ?? 130;
    return;
  } finally {
    bar.clear();
    await scorer.close();
    process.off('SIGINT', onInt);
    process.off('SIGTERM', onTerm);
  }

  const { results, errors, lowestMean, means } = outcome;
  const foreign: string[] = [];
  for (const [source, ofSource] of languages) {
    for (const [transcript, language] of ofSource) if (language?.notEnglish()) foreign.push(transcript === source ? source : `${source} (${transcript})`);
  }
  if (foreign.length > 0) {
    const shown = foreign.slice(0, 5).join(', ') + (foreign.length > 5 ? ` and ${foreign.length - 5} more` : '');
    say(`note: the rules are written for English, and ${foreign.length === 1 ? 'this transcript does' : 'these transcripts do'} not look like English: ${shown}; their scores mean little`);
  }
  if (process.env.RAPPORT_DEBUG) {
    process.stderr.write(`rapport: scored ${scorer.scored.workers} turns on ${scorer.threads} worker threads, ${scorer.scored.main} on the main thread\n`);
  }
  if (sink) sink.commit();
  else {
    const report = { results, errors, sort: options.sort };
    const turnsOf = (r: TranscriptResult): BatchRecord[] => turnsByTranscript.get(`${r.source}\u0000${r.transcript}`) ?? [];
    const content =
      options.format === 'json'
        ? formatJson(results, turnsOf, errors)
        : options.format === 'markdown'
          ? formatMarkdown(report)
          : options.format === 'html'
            ? formatHtml(report)
            : formatText(report);
    emit(content, options.out, files);
  }
  if (errors.length > 0) process.exitCode = 2;
  else if (options.failUnder !== undefined && lowestMean !== null && lowestMean < options.failUnder) {
    process.exitCode = 1;
  }
  if (options.failUnder !== undefined) {
    const below = means.filter(({ mean }) => mean < options.failUnder!);
    if (below.length > 0) say(failUnderMessage(below, options.failUnder));
  }
}

export function command(): Command {
  return withRuleOptions(
    new Command('batch')
      .description('score every counsellor turn of transcript files, with session summaries (MITI-style) and a cohort view')
      .argument('<files...>', 'transcript files, folders or globs (text, WebVTT, CSV/TSV, JSON/JSONL); - reads standard input')
      .addOption(OPTIONS.format(BATCH_FORMATS))
      .addOption(OPTIONS.out())
      .addOption(OPTIONS.counsellor())
      .addOption(OPTIONS.onlyCounsellor())
      .addOption(OPTIONS.speakerColumn())
      .addOption(OPTIONS.textColumn())
      .addOption(OPTIONS.transcriptColumn())
      .addOption(OPTIONS.idColumn())
      .addOption(OPTIONS.sort(SORT_KEYS))
      .addOption(OPTIONS.groupBy())
      .addOption(OPTIONS.failUnder("exit 1 when a transcript's mean score is below this"))
      .addOption(OPTIONS.jobs()),
  )
    .addHelpText(
      'after',
      `
Examples:
  rapport batch sessions/*.txt
  rapport batch sessions/ --format html --out supervision.html
  rapport batch annomi/dev-simple.csv --format jsonl > turns.jsonl
  rapport batch recordings/*.vtt --counsellor "Dr Ada Lee" --format markdown
  rapport batch cohort.csv --group-by student --sort name -f csv -o turns.csv
  rapport batch exports/*.csv --speaker-column who --text-column said \\
      --fail-under 50
  cat session.jsonl | rapport batch - --format json

Speakers labelled counsellor, counselor, therapist, practitioner, helper,
worker, interviewer, supporter or T are the counsellor, and so are the names
given with --counsellor; --only-counsellor names the only ones. Each counsellor
turn is scored with the client turn(s) just before it. Exit codes: 0 ok, 1 a
transcript's mean is below --fail-under, 2 a file could not be read (the others
are still scored) or a bad option.`,
    )
    .action(run);
}
