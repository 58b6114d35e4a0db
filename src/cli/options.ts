// Every option, declared once. Commands pick the ones they take by name, so a
// flag means the same thing, with the same help text, everywhere.
import { InvalidArgumentError, Option, type Command } from 'commander';

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** A bad number is a usage error (exit 2) through commander, which names the option. */
export function integerIn(min: number, max: number) {
  return (value: string): number => {
    const number = value.trim() === '' ? Number.NaN : Number(value);
    if (!Number.isInteger(number) || number < min || number > max) throw new InvalidArgumentError(`It takes a whole number from ${min} to ${max}.`);
    return number;
  };
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
} as const;

export type OptionName = Exclude<keyof typeof OPTIONS, 'format'>;

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
