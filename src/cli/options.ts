// Every option, declared once. Commands pick the ones they take by name, so a
// flag means the same thing, with the same help text, everywhere.
import { Option, type Command } from 'commander';

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

function integerIn(min: number, max: number, name: string) {
  return (value: string): number => {
    const number = Number(value);
    if (!Number.isInteger(number) || number < min || number > max) {
      throw new Error(`${name} takes a whole number from ${min} to ${max}, not "${value}"`);
    }
    return number;
  };
}

export const OPTIONS = {
  rules: () => new Option('--rules <dir>', 'add a rule pack folder (repeatable)').argParser(collect),
  config: () => new Option('--config <file>', 'config file (default: nearest .rapportrc.yaml upward)'),
  out: () => new Option('--out <file>', 'write the report to a file instead of standard output'),
  color: () => new Option('--no-color', 'plain output without colour (also NO_COLOR=1)'),
  failUnder: (description = 'exit 1 when a score is below this') => new Option('--fail-under <score>', description).argParser(integerIn(0, 100, '--fail-under')),
  maxWarnings: () => new Option('--max-warnings <n>', 'exit 1 when there are more warnings than this').argParser(integerIn(0, 1_000_000, '--max-warnings')),
  explain: () => new Option('--explain', 'show why each finding matters and how the score adds up'),
  client: () => new Option('--client <text>', 'the client statement the reply answers'),
  clientFile: () => new Option('--client-file <file>', 'read the client statement from a file'),
  file: () => new Option('--file <file>', 'read the reply from a file'),
  counsellor: () => new Option('--counsellor <name>', 'speaker name that is the counsellor (repeatable)').argParser(collect),
  speakerColumn: () => new Option('--speaker-column <name>', 'CSV column / JSON property holding the speaker (default: speaker, interlocutor, role)'),
  textColumn: () => new Option('--text-column <name>', 'CSV column / JSON property holding the words (default: text, utterance, utterance_text, content)'),
  transcriptColumn: () => new Option('--transcript-column <name>', 'CSV column / JSON property naming the transcript (default: transcript, transcript_id, session, conversation_id)'),
  idColumn: () => new Option('--id-column <name>', "CSV column / JSON property holding each turn's id (default: id, utterance_id, turn)"),
  format: (values: readonly string[]) => new Option('--format <format>', 'output format').choices(values as string[]).default(values[0]),
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
