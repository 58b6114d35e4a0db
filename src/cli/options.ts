// Every option, declared once. Commands pick the ones they take by name, so a
// flag means the same thing, with the same help text, everywhere.
import { InvalidArgumentError, Option, type Command } from 'commander';

/** A repeatable option: commander hands each value with the list so far. */
const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** A bad number is a usage error (exit 2) through commander, which names the option. */
function integerIn(min: number, max: number, expected = `a whole number from ${min} to ${max}`) {
  return (value: string): number => {
    const number = value.trim() === '' ? Number.NaN : Number(value);
    if (!Number.isInteger(number) || number < min || number > max) throw new InvalidArgumentError(`It takes ${expected}.`);
    return number;
  };
}

export type Jobs = number | 'auto';

/** No upper bound: more threads than cores are capped where they are started. */
function jobs(value: string): Jobs {
  if (value.trim() === 'auto') return 'auto';
  return integerIn(0, Number.POSITIVE_INFINITY, 'a number of worker threads (more than one per core counts as one per core) or "auto"')(value);
}

export const SEVERITIES = ['info', 'warning', 'error'] as const;
export type MinSeverity = (typeof SEVERITIES)[number];

/** `warn` is what ESLint and Vale users type. */
function severity(value: string): MinSeverity {
  const name = value.toLowerCase() === 'warn' ? 'warning' : value.toLowerCase();
  if (!(SEVERITIES as readonly string[]).includes(name)) throw new InvalidArgumentError(`It takes one of ${SEVERITIES.join(', ')} (or warn).`);
  return name as MinSeverity;
}

/** -1 is ESLint's "no limit" (commander turns an undefined from a parser into '', so Infinity). */
function maxWarnings(value: string): number {
  if (value.trim() === '-1') return Number.POSITIVE_INFINITY;
  return integerIn(-1, 1_000_000)(value);
}

export const OPTIONS = {
  rules: () => new Option('-r, --rules <dir>', 'add a rule pack folder (repeatable)').argParser(collect),
  config: () => new Option('-c, --config <file>', 'config file (default: nearest .rapportrc.yaml upward, up to the project root)'),
  out: () => new Option('-o, --out <file>', 'write the report to a file instead of standard output'),
  color: () => new Option('--no-color', 'plain output without colour (also NO_COLOR=1)'),
  failUnder: (description = 'exit 1 when a score is below this') => new Option('--fail-under <score>', description).argParser(integerIn(0, 100)),
  maxWarnings: () => new Option('--max-warnings <n>', 'exit 1 when there are more warnings than this (-1: no limit)').argParser(maxWarnings),
  minSeverity: () => new Option('--min-severity <level>', 'show only findings at this severity or above: info, warning (or warn), error').argParser(severity),
  quiet: () => new Option('-q, --quiet', 'show errors only (same as --min-severity error)'),
  explain: () => new Option('--explain', 'show why each finding matters and how the score adds up'),
  client: () => new Option('--client <text>', 'the client statement the reply answers'),
  clientFile: () => new Option('--client-file <file>', 'read the client statement from a file'),
  file: () => new Option('--file <file>', 'read the reply from a file'),
  counsellor: () => new Option('--counsellor <name>', 'a speaker name that is the counsellor, besides the default labels (repeatable)').argParser(collect),
  onlyCounsellor: () =>
    new Option('--only-counsellor <name>', 'the only speaker name that is the counsellor: replaces the default labels (repeatable)').argParser(collect),
  speakerColumn: () => new Option('--speaker-column <name>', 'CSV column / JSON property holding the speaker (default: speaker, interlocutor, role)'),
  textColumn: () => new Option('--text-column <name>', 'CSV column / JSON property holding the words (default: text, utterance, utterance_text, content)'),
  transcriptColumn: () =>
    new Option('--transcript-column <name>', 'CSV column / JSON property naming the transcript (default: transcript, transcript_id, session, conversation_id)'),
  idColumn: () => new Option('--id-column <name>', "CSV column / JSON property holding each turn's id (default: id, utterance_id, turn)"),
  format: (values: readonly string[]) => new Option('-f, --format <format>', 'output format').choices(values as string[]).default(values[0]),
  // batch. Choices are passed in by the command, so `check`'s bundle does not carry other commands' modules.
  sort: (keys: readonly string[]) =>
    new Option('--sort <key>', 'order of the cohort table: score (lowest mean first), name, turns (most first)').choices(keys as string[]).default(keys[0]),
  groupBy: () => new Option('--group-by <field>', 'group transcripts by this CSV column / JSON property (default: a counsellor or student column when there is one)'),
  jobs: () =>
    new Option('--jobs <n>', 'worker threads helping the main thread score: a number (0: none) or auto (one per idle core beyond the first when that makes two or more, for inputs from 2 MB)')
      .argParser(jobs)
      .default('auto'),
  // eval
  examples: () => new Option('--examples <n>', 'list the n worst false positives and false negatives per measure').argParser(integerIn(0, 10_000)).default(0),
  column: () => new Option('--column <role=name>', 'the column for a role: speaker, text, transcript, id, code, quality, annotator (repeatable)').argParser(collect),
  map: () => new Option('--map <value=code>', 'what a value of the code column means: question.open, reflection.simple, advice, none, ... (repeatable)').argParser(collect),
  layout: (layouts: readonly string[]) =>
    new Option('--layout <layout>', "how the file is coded: a coded CSV/TSV (AnnoMI), ESConv's strategy layout, or a calibration set of supervisor-scored replies (YAML)")
      .choices(layouts as string[])
      .default(layouts[0]),
  high: () => new Option('--high <value>', 'the quality value that marks a high-quality transcript, for the AUC').default('high'),
  // lint
  stdinFilename: () => new Option('--stdin-filename <name>', 'the file name standard input stands for: it picks the reader (.md, .yaml, .txt) and names it in the report'),
  changedSince: () => new Option('--changed-since <ref>', 'lint only the examples on lines changed since this git ref (pull requests)'),
  baseline: () => new Option('--baseline <file>', 'findings recorded in this baseline do not fail the run; new ones do'),
  writeBaseline: () => new Option('--write-baseline <file>', 'record every current finding in a baseline file'),
  // practice
  list: () => new Option('--list', 'print the scenario bank (id, setting, difficulty, title) and exit'),
  scenario: () => new Option('--scenario <id>', 'start with this scenario (see --list)'),
  setting: (settings: readonly string[]) => new Option('--setting <setting>', 'only scenarios from this setting').choices(settings as string[]),
  difficulty: (levels: readonly string[]) => new Option('--difficulty <level>', 'only scenarios of this difficulty').choices(levels as string[]),
  scenarios: () => new Option('--scenarios <path>', 'add your own scenario files: a folder of *.yaml or one file (repeatable)').argParser(collect),
  save: () => new Option('--save <file>', 'save the session as JSON for supervisor review (updated after every reply; rapport batch reads it)'),
  // rules fit
  holdOut: () => new Option('--hold-out <file>', 'a calibration set to report on without fitting to it (repeatable)').argParser(collect),
  write: () => new Option('--write', "set the fitted weights in the rules' own files"),
} as const;

/** The options every command that reads rules shares, as commander hands them over. */
export interface CommonOptions {
  rules?: string[];
  config?: string;
  out?: string;
  color: boolean;
  format: string;
}

/** The options of every command that reads rules: packs, config and colour. */
export function withRuleOptions(command: Command): Command {
  return command.addOption(OPTIONS.rules()).addOption(OPTIONS.config()).addOption(OPTIONS.color());
}

/** The lowest severity shown: --quiet wins over --min-severity, as in ESLint. */
export function minSeverityOf(options: { quiet?: boolean; minSeverity?: MinSeverity }): MinSeverity {
  return options.quiet ? 'error' : (options.minSeverity ?? 'info');
}

export const atLeast = (severity: string, min: MinSeverity): boolean => SEVERITIES.indexOf(severity as MinSeverity) >= SEVERITIES.indexOf(min);
