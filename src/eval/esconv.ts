// `rapport eval` on ESConv's strategy labels: each supporter turn carries the
// one strategy it mainly used, and each strategy is compared with the rapport
// codes that mean it (the mapping below, shown in the report). Pure.
import type { CompiledPack } from '../core/rules/pack.js';
import { BEHAVIOUR_CODES, type BehaviourCode } from '../core/types.js';
import { ESCONV_STRATEGIES, type EsconvRead, type Strategy, type SupporterTurn } from '../readers/esconv.js';
import { baselineBehaviours } from './baseline.js';
import { predictedFacets } from './codes.js';
import { EVAL_SCHEMA_VERSION, worst, type Assessed, type EvalReport, type Example, type Measure, type RuleFigure, type TranscriptFigures } from './evaluate.js';
import { addBinary, binaryScores, emptyBinary } from './metrics.js';

/**
 * Which rapport codes stand for each strategy, as contract.md states them. A
 * code named here that rapport does not have (yet) is listed in the report as
 * unused, never guessed at. Validation counts for Affirmation and Reassurance
 * because ESConv's supporters file legitimising ("anyone would be worn down by
 * that") under it; without it, its recall on the dev split is .03.
 */
export const STRATEGY_CODES: Readonly<Record<Strategy, readonly string[]>> = {
  Questions: ['question.open', 'question.closed'],
  'Restatement or Paraphrasing': ['reflection.simple', 'reflection.complex'],
  'Reflection of feelings': ['reflection.simple', 'reflection.complex'],
  'Self-disclosure': [],
  'Affirmation and Reassurance': ['affirmation', 'validation', 'reassurance'],
  'Providing Suggestions': ['advice', 'directive'],
  Information: ['information'],
  Other: [],
};

export const ESCONV_SCORING =
  'one label names a turn’s main strategy, so a code on a turn labelled another strategy counts as a false positive ' +
  '(a question inside a turn labelled Reflection of feelings is one for Questions): precision is a floor, recall is not';

export const ESCONV_COMBINATION = 'one strategy label per supporter turn, given by the crowd worker who wrote it: no annotators to combine';

export interface StrategyFigure {
  strategy: Strategy;
  /** The measure's id. */
  id: string;
  /** Distinct supporter turns with this label. */
  turns: number;
  /** The rapport codes compared with it. */
  codes: BehaviourCode[];
  /** Codes the mapping names that rapport does not have. */
  unused: string[];
}

export interface EsconvDetails {
  strategies: StrategyFigure[];
  scoring: string;
  /** Lines read, dialogues found, supporter turns read (repeats included) and kept. */
  reading: { lines: number; dialogues: number; supporterTurns: number; distinct: number };
}

const isCode = (code: string): code is BehaviourCode => (BEHAVIOUR_CODES as readonly string[]).includes(code);
const slug = (strategy: string): string => strategy.toLowerCase().replace(/[^a-z]+/g, '-');

export function strategyFigures(turns: readonly SupporterTurn[]): StrategyFigure[] {
  return ESCONV_STRATEGIES.map((strategy) => ({
    strategy,
    id: slug(strategy),
    turns: turns.filter((turn) => turn.strategy === strategy).length,
    codes: STRATEGY_CODES[strategy].filter(isCode),
    unused: STRATEGY_CODES[strategy].filter((code) => !isCode(code)),
  }));
}

/** The simple baseline's codes for the same turns. */
export function assessEsconvBaseline(turns: readonly SupporterTurn[]): Assessed<SupporterTurn>[] {
  return turns.map((utterance) => {
    const codes = baselineBehaviours(utterance.text);
    return { utterance, predicted: predictedFacets(codes), codes, rules: [], score: NaN };
  });
}

const codesIn = (a: Assessed<SupporterTurn>, codes: readonly BehaviourCode[]): boolean => codes.some((code) => a.codes.includes(code));

function toExample(a: Assessed<SupporterTurn>): Example {
  const u = a.utterance;
  return {
    transcript: `dialogue ${u.dialogue}`,
    id: `turn ${u.turn}`,
    line: u.line,
    text: u.text,
    client: u.client,
    human: u.strategy,
    rapport: a.codes.length ? a.codes.join(', ') : 'no code',
    agreement: 1,
    annotators: 1,
    rules: a.rules,
  };
}

function measureAll(strategies: readonly StrategyFigure[], assessed: readonly Assessed<SupporterTurn>[], limit: number): Measure[] {
  return strategies.map((figure): Measure => {
    const measured = figure.codes.length > 0;
    const confusion = emptyBinary();
    const fps: Example[] = [];
    const fns: Example[] = [];
    if (measured) {
      for (const a of assessed) {
        if (a.utterance.text.trim() === '') continue;
        const gold = a.utterance.strategy === figure.strategy;
        const predicted = codesIn(a, figure.codes);
        addBinary(confusion, gold, predicted);
        if (limit > 0 && gold !== predicted) (predicted ? fps : fns).push(toExample(a));
      }
    }
    return {
      id: figure.id,
      title: figure.strategy,
      scope: 'all supporter turns',
      positive: figure.strategy,
      negative: 'another strategy',
      measured,
      confusion,
      ...binaryScores(confusion),
      ...(limit > 0 && measured ? { examples: { falsePositives: worst(fps, limit), falseNegatives: worst(fns, limit) } } : {}),
    };
  });
}

const NO_TRANSCRIPT_FIGURES: TranscriptFigures = { measured: false, n: 0, high: 0, low: 0, meanHigh: null, meanLow: null, auc: null };

export interface EsconvOptions {
  file: string;
  layout: string;
  examples?: number;
}

export function evaluateEsconv(
  pack: CompiledPack,
  read: EsconvRead,
  assessed: readonly Assessed<SupporterTurn>[],
  options: EsconvOptions,
  baseline?: readonly Assessed<SupporterTurn>[],
): EvalReport {
  const strategies = strategyFigures(read.turns);
  const total = assessed.length;
  // Per rule: how often it fires, and how often on a turn labelled a strategy its codes stand for.
  const rules = pack.rules
    .map((rule): RuleFigure => {
      const codes = [...(rule.definition.behaviours ?? [])] as BehaviourCode[];
      const targets = strategies.filter((figure) => figure.codes.some((code) => codes.includes(code))).map((figure) => figure.strategy);
      let fired = 0;
      let right = 0;
      for (const a of assessed) {
        if (!a.rules.includes(rule.definition.id)) continue;
        fired += 1;
        if (targets.includes(a.utterance.strategy)) right += 1;
      }
      return {
        id: rule.definition.id,
        codes,
        fired,
        rate: total === 0 ? 0 : fired / total,
        against: targets.length ? targets.join(' or ') : null,
        precision: targets.length && fired > 0 ? right / fired : null,
      };
    })
    .sort((x, y) => y.fired - x.fired || x.id.localeCompare(y.id));
  return {
    schemaVersion: EVAL_SCHEMA_VERSION,
    file: options.file,
    layout: options.layout,
    combination: ESCONV_COMBINATION,
    counts: { transcripts: read.dialogues, utterances: read.turns.length, rows: read.lines, multiAnnotated: 0 },
    measures: measureAll(strategies, assessed, options.examples ?? 0),
    transcripts: NO_TRANSCRIPT_FIGURES,
    rules,
    ...(baseline ? { baseline: { measures: measureAll(strategies, baseline, 0), transcripts: NO_TRANSCRIPT_FIGURES } } : {}),
    esconv: {
      strategies,
      scoring: ESCONV_SCORING,
      reading: { lines: read.lines, dialogues: read.dialogues, supporterTurns: read.supporterTurns, distinct: read.turns.length },
    },
  };
}
