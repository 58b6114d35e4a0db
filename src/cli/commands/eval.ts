// rapport eval: agreement of the rules with human behaviour codes.
import { Command } from 'commander';
import { CodingError, makeCoder, parseValueMap, type CodeColumns } from '../../eval/codes.js';
import type { CompiledPack } from '../../core/rules/pack.js';
import { assessEsconvBaseline, evaluateEsconv } from '../../eval/esconv.js';
import { assessAll, assessBaseline, collectUtterances, evaluate, type EvalReport } from '../../eval/evaluate.js';
import { formatEvalJson } from '../../formatters/eval/json.js';
import { formatEsconvText } from '../../formatters/eval/esconv-text.js';
import { formatEvalText } from '../../formatters/eval/text.js';
import { InputError, UsageError } from '../../io/errors.js';
import { readStdin, readTextFile } from '../../io/input.js';
import { emit } from '../../io/output.js';
import { looksLikeEsconv, readEsconv } from '../../readers/esconv.js';
import { isCalibrationFile, readCalibration } from '../../readers/calibration.js';
import { calibrate, type CalibrationReport } from '../../eval/calibration.js';
import { formatCalibrationJson, formatCalibrationText } from '../../formatters/eval/calibration.js';
import { isCounsellor, readTranscript, TranscriptError, type ColumnOptions } from '../../readers/transcripts/index.js';
import { OPTIONS, withRuleOptions, type CommonOptions } from '../options.js';
import { noteLanguage } from '../language.js';
import { setup } from '../setup.js';

export const EVAL_FORMATS = ['text', 'json'] as const;
type Format = (typeof EVAL_FORMATS)[number];

/** Each layout gives its own report, with a formatter per format. */
const CODED: Record<Format, (report: EvalReport) => string> = { text: formatEvalText, json: formatEvalJson };
const ESCONV: Record<Format, (report: EvalReport) => string> = { text: formatEsconvText, json: formatEvalJson };
const CALIBRATION: Record<Format, (report: CalibrationReport, file: string, examples: number) => string> = {
  text: formatCalibrationText,
  json: formatCalibrationJson,
};
/** `auto` reads ESConv's layout when the first line opens with `WEIGHT SPEAKER TURN`, else a coded CSV/TSV. */
export const EVAL_LAYOUTS = ['auto', 'csv', 'esconv', 'calibration'] as const;

const ESCONV_LAYOUT = "ESConv strategy layout (WEIGHT SPEAKER TURN [Strategy] text turns joined by ' EOS '), one label per supporter turn";

const TEXT_ROLES = ['speaker', 'text', 'transcript', 'id'] as const;
const CODE_ROLES = ['code', 'quality', 'annotator'] as const;
type Role = (typeof TEXT_ROLES)[number] | (typeof CODE_ROLES)[number];

interface EvalOptions extends CommonOptions {
  format: Format;
  examples: number;
  column?: string[];
  map?: string[];
  high: string;
  counsellor?: string[];
  layout: (typeof EVAL_LAYOUTS)[number];
  onlyCounsellor?: string[];
}

function parseColumns(entries: readonly string[]): { text: ColumnOptions; codes: Partial<CodeColumns> } {
  const text: ColumnOptions = {};
  const codes: Partial<CodeColumns> = {};
  for (const entry of entries) {
    const at = entry.indexOf('=');
    const role = entry.slice(0, at).trim().toLowerCase() as Role;
    const name = entry.slice(at + 1).trim();
    if (at <= 0 || name === '') throw new UsageError(`--column takes ROLE=NAME, not "${entry}"`);
    if ((TEXT_ROLES as readonly string[]).includes(role)) text[role as (typeof TEXT_ROLES)[number]] = name;
    else if ((CODE_ROLES as readonly string[]).includes(role)) codes[role as (typeof CODE_ROLES)[number]] = name;
    else throw new UsageError(`--column "${entry}": the role must be one of ${[...TEXT_ROLES, ...CODE_ROLES].join(', ')}`);
  }
  return { text, codes };
}

/** ESConv: every distinct supporter turn against its strategy label. */
function runEsconv(pack: CompiledPack, content: string, name: string, options: EvalOptions): string {
  const read = readEsconv(content);
  if (read.turns.length === 0) throw new InputError(name, 'no supporter turns: the file is empty');
  noteLanguage(read.turns.map((turn) => turn.text));
  const report = evaluateEsconv(pack, read, assessAll(pack, read.turns), { file: name, layout: ESCONV_LAYOUT, examples: options.examples }, assessEsconvBaseline(read.turns));
  return ESCONV[options.format](report);
}

async function run(file: string, options: EvalOptions): Promise<void> {
  const columns = parseColumns(options.column ?? []);
  let valueMap;
  try {
    valueMap = parseValueMap(options.map ?? []);
  } catch (error) {
    if (error instanceof CodingError) throw new UsageError(error.message);
    throw error;
  }
  const { pack } = await setup(options);
  const content = file === '-' ? await readStdin('eval') : readTextFile(file, 'eval');
  const name = file === '-' ? '(stdin)' : file;
  try {
    if (options.layout === 'calibration' || (options.layout === 'auto' && isCalibrationFile(file))) {
      const report = calibrate(pack, readCalibration(content, name));
      emit(CALIBRATION[options.format](report, name, options.examples), options.out, file === '-' ? [] : [file]);
      return;
    }
    if (options.layout === 'esconv' || (options.layout === 'auto' && looksLikeEsconv(content))) {
      const csvOnly = (['column', 'map', 'counsellor'] as const).filter((option) => options[option] !== undefined);
      if (csvOnly.length) throw new UsageError(`--${csvOnly[0]} applies to coded CSV files, not to ESConv's layout`);
      emit(runEsconv(pack, content, name, options), options.out, file === '-' ? [] : [file]);
      return;
    }
    const turns = readTranscript(content, file === '-' ? 'stdin.csv' : file, { defaultTranscript: name, columns: columns.text });
    if (turns.length === 0) throw new InputError(name, 'no coded rows: the file is empty');
    const coder = makeCoder(Object.keys(turns[0]!.fields ?? {}), columns.codes, valueMap);
    const names = [...(options.onlyCounsellor ?? []), ...(options.counsellor ?? [])];
    const collected = collectUtterances(turns, coder, (speaker) => isCounsellor(speaker, names, options.onlyCounsellor !== undefined));
    if (collected.utterances.length === 0) throw new InputError(name, 'no counsellor rows (speakers: therapist, counsellor, ...; or name them with --counsellor)');
    noteLanguage(collected.utterances.map((utterance) => utterance.text));
    const assessed = assessAll(pack, collected.utterances);
    const layout = coder.layout === 'annomi-full' ? "AnnoMI per-annotator columns (question_exists/_subtype, reflection_exists/_subtype, therapist_input_exists/_subtype)" : `one code per row in column "${coder.columns.code}"`;
    const report = evaluate(pack, collected, assessed, { file: name, layout, examples: options.examples, highQuality: options.high }, assessBaseline(collected.utterances));
    emit(CODED[options.format](report), options.out, file === '-' ? [] : [file]);
  } catch (error) {
    if (error instanceof TranscriptError) throw new InputError(name, error.message, error.line);
    if (error instanceof CodingError) throw new InputError(name, error.message);
    throw error;
  }
}

export function command(): Command {
  return withRuleOptions(
    new Command('eval')
      .description('agreement of the rules with human behaviour codes (MITI-style, e.g. AnnoMI) or ESConv\'s strategy labels')
      .argument('<coded.csv>', 'a coded transcript CSV/TSV, one row per utterance (per annotator), or ESConv\'s dialogue TSV; - reads standard input')
      .addOption(OPTIONS.format(EVAL_FORMATS))
      .addOption(OPTIONS.examples())
      .addOption(OPTIONS.column())
      .addOption(OPTIONS.map())
      .addOption(OPTIONS.layout(EVAL_LAYOUTS))
      .addOption(OPTIONS.high())
      .addOption(OPTIONS.counsellor())
      .addOption(OPTIONS.onlyCounsellor())
      .addOption(OPTIONS.out()),
  )
    .addHelpText(
      'after',
      `
AnnoMI's files work as they are: dev-full.csv (one row per annotator, with
question/reflection/therapist-input subtypes) or dev-simple.csv
(main_therapist_behaviour only). Several annotators of one utterance are
combined by majority, ties counting as present.

ESConv's dialogue file (dev.tsv: one line per dialogue prefix, turns joined
by " EOS ") is read when its first line opens with WEIGHT SPEAKER TURN, or
with --layout esconv. Each distinct supporter turn's strategy is compared
with the rapport codes that stand for it.

A calibration set (.yaml: cases of client, reply, score 0-100 and band
good/mixed/poor/harmful, as a supervisor scored them) is read as such: the
report is the rank correlation and how many replies land in the right band.

Examples:
  rapport eval annomi/dev-full.csv
  rapport eval annomi/dev-full.csv --examples 10 --format json --out eval.json
  rapport eval esconv/dev.tsv --examples 5
  rapport eval new-scores.yaml --examples 5
  rapport eval coded.csv --column code=miti --map SR=reflection.simple \\
      --map "Q+=question.open"`,
    )
    .action(run);
}
