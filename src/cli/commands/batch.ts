// rapport batch: score every counsellor turn of transcript files, with session summaries.
import { Command } from 'commander';
import { scoreBatch, type BatchFormatter } from '../../batch/batch.js';
import { SORT_KEYS, type SortKey } from '../../batch/cohort.js';
import { expandInputs } from '../../batch/inputs.js';
import { csvHeader, csvRow } from '../../formatters/batch/csv.js';
import { formatHtml } from '../../formatters/batch/html.js';
import { formatJson } from '../../formatters/batch/json.js';
import { jsonlLine } from '../../formatters/batch/jsonl.js';
import { formatMarkdown } from '../../formatters/batch/markdown.js';
import { formatText } from '../../formatters/batch/text.js';
import { UsageError } from '../../io/errors.js';
import { refuseInputs } from '../../io/output.js';
import { OPTIONS, withRuleOptions, type CommonOptions, type Jobs } from '../options.js';
import { packOptions, setup } from '../setup.js';

export const BATCH_FORMATS = ['text', 'json', 'jsonl', 'csv', 'markdown', 'html'] as const;

const FORMATTERS: Record<(typeof BATCH_FORMATS)[number], BatchFormatter> = {
  text: { kind: 'report', keepsTurns: false, format: formatText },
  json: { kind: 'report', keepsTurns: true, format: ({ results, turnsOf, errors }) => formatJson(results, turnsOf, errors) },
  jsonl: { kind: 'lines', line: jsonlLine },
  csv: { kind: 'lines', header: csvHeader, line: csvRow },
  markdown: { kind: 'report', keepsTurns: false, format: formatMarkdown },
  html: { kind: 'report', keepsTurns: false, format: formatHtml },
};

interface BatchOptions extends CommonOptions {
  format: (typeof BATCH_FORMATS)[number];
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

async function run(args: string[], options: BatchOptions): Promise<void> {
  if (args.length === 0) throw new UsageError('give transcript files, folders or globs to score (or - for standard input)');
  const files = expandInputs(args);
  if (files.filter((f) => f === '-').length > 1) throw new UsageError('standard input (-) can be read only once');
  if (options.out) refuseInputs(options.out, files);
  // The main thread loads the pack too (it scores as well, and reports a bad rule file).
  const { config, pack } = await setup(options);
  // The config and rule files are read now: the report must not replace one either.
  if (options.out) refuseInputs(options.out, files);
  process.exitCode = await scoreBatch(files, {
    pack,
    packOptions: packOptions(config, options),
    jobs: options.jobs,
    counsellor: options.onlyCounsellor
      ? [...options.onlyCounsellor, ...(options.counsellor ?? [])]
      : [...(config.batch?.counsellor ?? []), ...(options.counsellor ?? [])],
    counsellorOnly: options.onlyCounsellor !== undefined,
    columns: { speaker: options.speakerColumn, text: options.textColumn, transcript: options.transcriptColumn, id: options.idColumn },
    groupBy: options.groupBy,
    sort: options.sort,
    failUnder: options.failUnder,
    out: options.out,
    formatter: FORMATTERS[options.format],
  });
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
