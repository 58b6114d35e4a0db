// `rapport eval`'s engine: coded turns -> utterances with combined human
// codes and client context -> rapport's codes -> agreement report. Pure: the
// command reads the file and prints; everything here is computation.
import { critiqueReply } from '../core/critique.js';
import { getOrAdd } from '../core/maps.js';
import type { CompiledPack } from '../core/rules/pack.js';
import type { BehaviourCode } from '../core/types.js';
import { counsellorTurns } from '../readers/transcripts/pairing.js';
import type { TranscriptTurn } from '../readers/transcripts/types.js';
import { baselineCodes, baselineScore } from './baseline.js';
import { COMBINATION_RULE, combineAnnotators, predictedFacets, type Coder, type Combined, type GoldLabel, type Predicted } from './codes.js';
import type { EsconvDetails } from './esconv.js';
import { addBinary, aucMannWhitney, binaryScores, emptyBinary, type Binary, type BinaryScores } from './metrics.js';

export const EVAL_SCHEMA_VERSION = 1;

export interface Utterance {
  transcript: string;
  id: string;
  line: number;
  text: string;
  /** The client turn(s) just before, joined with a space, or null. */
  client: string | null;
  gold: Combined;
}

export interface Collected {
  utterances: Utterance[];
  /** Transcript id -> its quality label (lower case), where the file has one. */
  quality: Map<string, string>;
  /** Counsellor rows read, one per annotator. */
  rows: number;
  /** Which subtypes the file codes at all (a layout without them cannot be scored on them). */
  coded: { questionSubtype: boolean; reflectionSubtype: boolean; advice: boolean; information: boolean };
}

/**
 * Rows -> one utterance per (transcript, id), annotators combined, each with
 * the client turns before it. Rows of one utterance (one per annotator) need
 * not be adjacent; client rows repeated per annotator count once.
 */
export function collectUtterances(turns: Iterable<TranscriptTurn>, coder: Coder, counsellor: (speaker: string) => boolean): Collected {
  // An utterance is its first row; the annotators' codings hang off that row.
  const firstRows = new Map<string, TranscriptTurn>();
  const codings = new Map<TranscriptTurn, Set<GoldLabel>[]>();
  const quality = new Map<string, string>();
  let rows = 0;
  const seen = new Set<GoldLabel>();
  for (const turn of turns) {
    const fields = turn.fields ?? {};
    const level = coder.quality(fields);
    if (level !== null && !quality.has(turn.transcript)) quality.set(turn.transcript, level);
    const first = getOrAdd(firstRows, `${turn.transcript}\u0000${turn.id ?? `line ${turn.line}`}`, () => turn);
    if (!counsellor(turn.speaker)) continue;
    rows += 1;
    const labels = coder.labels(fields);
    labels.forEach((label) => seen.add(label));
    getOrAdd(codings, first, (): Set<GoldLabel>[] => []).push(labels);
  }
  const utterances: Utterance[] = [];
  for (const { turn, client } of counsellorTurns(firstRows.values(), counsellor)) {
    utterances.push({
      transcript: turn.transcript,
      id: turn.id ?? String(turn.line),
      line: turn.line,
      text: turn.text,
      client,
      gold: combineAnnotators(codings.get(turn) ?? []),
    });
  }
  const full = coder.layout === 'annomi-full';
  return {
    utterances,
    quality,
    rows,
    coded: {
      questionSubtype: full || seen.has('question.open') || seen.has('question.closed'),
      reflectionSubtype: full || seen.has('reflection.simple') || seen.has('reflection.complex'),
      advice: full || seen.has('advice'),
      information: full || seen.has('information'),
    },
  };
}

/** What the rules need of a coded turn: its words and the client turn(s) before it. */
export interface Reply {
  text: string;
  client: string | null;
}

export interface Assessed<U extends Reply = Utterance> {
  utterance: U;
  predicted: Predicted;
  codes: BehaviourCode[];
  /** Rule ids that matched, once each. */
  rules: string[];
  score: number;
}

/** The simple baseline's codes and scores for the same utterances. */
export function assessBaseline(utterances: readonly Utterance[]): Assessed[] {
  return utterances.map((utterance) => {
    const predicted = baselineCodes(utterance.text);
    return { utterance, predicted, codes: [], rules: [], score: utterance.text.trim() === '' ? NaN : baselineScore(predicted) };
  });
}

/** Run the rules on every utterance, with its client context, as `batch` does. */
export function assessAll<U extends Reply>(pack: CompiledPack, utterances: readonly U[]): Assessed<U>[] {
  return utterances.map((utterance) => {
    if (utterance.text.trim() === '') {
      return { utterance, predicted: predictedFacets([]), codes: [], rules: [], score: NaN };
    }
    const { critique, hits } = critiqueReply(pack, utterance.text, utterance.client);
    const codes = [...new Set(critique.behaviours.map((behaviour) => behaviour.code))];
    return { utterance, predicted: predictedFacets(codes), codes, rules: [...new Set(hits.map((hit) => hit.rule.definition.id))], score: critique.score };
  });
}

export interface Example {
  transcript: string;
  id: string;
  line: number;
  text: string;
  client: string | null;
  /** The human label (combined) and rapport's, as words. */
  human: string;
  rapport: string;
  /** Share of annotators who agree with the combined human label. */
  agreement: number;
  annotators: number;
  rules: string[];
}

export interface Measure extends BinaryScores {
  id: string;
  title: string;
  /** Which utterances count, in words. */
  scope: string;
  /** The class counted as positive, and the other. */
  positive: string;
  negative: string;
  /** False when the file does not code this; then the figures are all null/0. */
  measured: boolean;
  confusion: Binary;
  examples?: { falsePositives: Example[]; falseNegatives: Example[] };
}

export interface RuleFigure {
  id: string;
  codes: BehaviourCode[];
  fired: number;
  rate: number;
  /** Which human code the precision is against, or null when the rule maps to none. */
  against: string | null;
  precision: number | null;
}

export interface TranscriptFigures {
  measured: boolean;
  n: number;
  high: number;
  low: number;
  meanHigh: number | null;
  meanLow: number | null;
  auc: number | null;
}

export interface EvalReport {
  schemaVersion: typeof EVAL_SCHEMA_VERSION;
  file: string;
  layout: string;
  combination: string;
  counts: { transcripts: number; utterances: number; rows: number; multiAnnotated: number };
  measures: Measure[];
  transcripts: TranscriptFigures;
  rules: RuleFigure[];
  /** The same figures for the simple phrase baseline (baseline.ts), for scale. */
  baseline?: { measures: Measure[]; transcripts: TranscriptFigures };
  /** ESConv's layout only: the strategy-to-code mapping used, how precision is scored, and what was read. */
  esconv?: EsconvDetails;
}

interface MeasureSpec {
  id: string;
  title: string;
  scope: string;
  positive: string;
  negative: string;
  measured: boolean;
  /** null: the utterance does not count for this measure. */
  gold: (u: Utterance) => boolean | null;
  predicted: (a: Assessed) => boolean | null;
  /** Votes for the gold label shown, for the agreement share. */
  goldVotes: (u: Utterance, gold: boolean) => number;
}

const votes = (u: Utterance, label: GoldLabel): number => u.gold.votes[label] ?? 0;

function specs(coded: Collected['coded']): MeasureSpec[] {
  const n = (u: Utterance): number => u.gold.annotators;
  return [
    {
      id: 'question',
      title: 'question present',
      scope: 'all counsellor utterances',
      positive: 'question',
      negative: 'no question',
      measured: true,
      gold: (u) => u.gold.question !== null,
      predicted: (a) => a.predicted.question !== null,
      goldVotes: (u, gold) => (gold ? votes(u, 'question') : n(u) - votes(u, 'question')),
    },
    {
      id: 'question.open',
      title: 'open vs closed question',
      scope: 'utterances both the humans and rapport coded as a question',
      positive: 'open',
      negative: 'closed',
      measured: coded.questionSubtype,
      gold: (u) => (u.gold.question === 'open' ? true : u.gold.question === 'closed' ? false : null),
      predicted: (a) => (a.predicted.question === null ? null : a.predicted.question === 'open'),
      goldVotes: (u, gold) => votes(u, gold ? 'question.open' : 'question.closed'),
    },
    {
      id: 'reflection',
      title: 'reflection present',
      scope: 'all counsellor utterances',
      positive: 'reflection',
      negative: 'no reflection',
      measured: true,
      gold: (u) => u.gold.reflection !== null,
      predicted: (a) => a.predicted.reflection !== null,
      goldVotes: (u, gold) => (gold ? votes(u, 'reflection') : n(u) - votes(u, 'reflection')),
    },
    {
      id: 'reflection.complex',
      title: 'simple vs complex reflection',
      scope: 'utterances both the humans and rapport coded as a reflection',
      positive: 'complex',
      negative: 'simple',
      measured: coded.reflectionSubtype,
      gold: (u) => (u.gold.reflection === 'complex' ? true : u.gold.reflection === 'simple' ? false : null),
      predicted: (a) => (a.predicted.reflection === null ? null : a.predicted.reflection === 'complex'),
      goldVotes: (u, gold) => votes(u, gold ? 'reflection.complex' : 'reflection.simple'),
    },
    {
      id: 'advice',
      title: 'advice or directive',
      scope: 'all counsellor utterances',
      positive: 'advice',
      negative: 'no advice',
      measured: coded.advice,
      gold: (u) => u.gold.advice,
      predicted: (a) => a.predicted.advice,
      goldVotes: (u, gold) => (gold ? votes(u, 'advice') : n(u) - votes(u, 'advice')),
    },
    {
      id: 'information',
      title: 'giving information',
      scope: 'all counsellor utterances',
      positive: 'information',
      negative: 'no information',
      measured: coded.information,
      gold: (u) => u.gold.information,
      predicted: (a) => a.predicted.information,
      goldVotes: (u, gold) => (gold ? votes(u, 'information') : n(u) - votes(u, 'information')),
    },
  ];
}

/** Which human code a rapport behaviour code is checked against, for per-rule precision. */
function ruleTarget(codes: readonly BehaviourCode[], coded: Collected['coded']): { against: string; hit: (u: Utterance) => boolean } | null {
  const checks: { name: string; hit: (u: Utterance) => boolean }[] = [];
  for (const code of codes) {
    if (code === 'question.open') checks.push(coded.questionSubtype ? { name: 'open question', hit: (u) => u.gold.question === 'open' } : { name: 'question', hit: (u) => u.gold.question !== null });
    else if (code === 'question.closed') checks.push(coded.questionSubtype ? { name: 'closed question', hit: (u) => u.gold.question === 'closed' } : { name: 'question', hit: (u) => u.gold.question !== null });
    else if (code === 'reflection.simple' || code === 'reflection.complex') checks.push({ name: 'reflection', hit: (u) => u.gold.reflection !== null });
    else if ((code === 'advice' || code === 'directive') && coded.advice) checks.push({ name: 'advice', hit: (u) => u.gold.advice });
    else if (code === 'information' && coded.information) checks.push({ name: 'information', hit: (u) => u.gold.information });
  }
  if (checks.length === 0) return null;
  const names = [...new Set(checks.map((check) => check.name))];
  return { against: names.join(' or '), hit: (u) => checks.some((check) => check.hit(u)) };
}

const describe = (value: boolean, spec: MeasureSpec): string => (value ? spec.positive : spec.negative);

function toExample(a: Assessed, spec: MeasureSpec, gold: boolean, predicted: boolean): Example {
  const u = a.utterance;
  return {
    transcript: u.transcript,
    id: u.id,
    line: u.line,
    text: u.text,
    client: u.client,
    human: describe(gold, spec),
    rapport: describe(predicted, spec),
    agreement: u.gold.annotators === 0 ? 0 : spec.goldVotes(u, gold) / u.gold.annotators,
    annotators: u.gold.annotators,
    rules: a.rules,
  };
}

/** Worst first: the humans most agreed, then the most annotators, then file order. */
export function worst(list: Example[], limit: number): Example[] {
  return [...list]
    .sort((x, y) => y.agreement - x.agreement || y.annotators - x.annotators || x.line - y.line)
    .slice(0, limit);
}

export interface EvaluateOptions {
  file: string;
  layout: string;
  /** How many worst false positives and false negatives to keep per measure (0: none). */
  examples?: number;
  /** The quality label counted as positive for the AUC. */
  highQuality?: string;
}

function measureAll(collected: Collected, assessed: readonly Assessed[], limit: number): Measure[] {
  return specs(collected.coded).map((spec): Measure => {
    const confusion = emptyBinary();
    const fps: Example[] = [];
    const fns: Example[] = [];
    if (spec.measured) {
      for (const a of assessed) {
        const gold = spec.gold(a.utterance);
        const predicted = spec.predicted(a);
        if (gold === null || predicted === null) continue;
        addBinary(confusion, gold, predicted);
        if (limit > 0 && gold !== predicted) (predicted ? fps : fns).push(toExample(a, spec, gold, predicted));
      }
    }
    const { id, title, scope, positive, negative, measured } = spec;
    return {
      id,
      title,
      scope,
      positive,
      negative,
      measured,
      confusion,
      ...binaryScores(confusion),
      ...(limit > 0 ? { examples: { falsePositives: worst(fps, limit), falseNegatives: worst(fns, limit) } } : {}),
    };
  });
}

/** Transcript level: mean turn score against the quality label. */
function transcriptFigures(collected: Collected, assessed: readonly Assessed[], highQuality: string): TranscriptFigures {
  const high = highQuality.toLowerCase();
  const byTranscript = new Map<string, number[]>();
  for (const a of assessed) {
    if (Number.isNaN(a.score)) continue;
    getOrAdd(byTranscript, a.utterance.transcript, (): number[] => []).push(a.score);
  }
  const positives: number[] = [];
  const negatives: number[] = [];
  for (const [transcript, scores] of byTranscript) {
    const level = collected.quality.get(transcript);
    if (level === undefined) continue;
    const mean = scores.reduce((sum, s) => sum + s, 0) / scores.length;
    (level === high ? positives : negatives).push(mean);
  }
  const mean = (list: number[]): number | null => (list.length ? list.reduce((s, x) => s + x, 0) / list.length : null);
  return {
    measured: positives.length > 0 && negatives.length > 0,
    n: positives.length + negatives.length,
    high: positives.length,
    low: negatives.length,
    meanHigh: mean(positives),
    meanLow: mean(negatives),
    auc: aucMannWhitney(positives, negatives),
  };
}

export function evaluate(
  pack: CompiledPack,
  collected: Collected,
  assessed: readonly Assessed[],
  options: EvaluateOptions,
  baseline?: readonly Assessed[],
): EvalReport {
  const measures = measureAll(collected, assessed, options.examples ?? 0);
  const transcripts = transcriptFigures(collected, assessed, options.highQuality ?? 'high');

  // Per rule: how often it fires, and how often a human gave the code it maps to.
  const total = assessed.length;
  const rules = pack.rules
    .map((rule): RuleFigure => {
      const codes = [...(rule.definition.behaviours ?? [])] as BehaviourCode[];
      const target = ruleTarget(codes, collected.coded);
      let fired = 0;
      let right = 0;
      for (const a of assessed) {
        if (!a.rules.includes(rule.definition.id)) continue;
        fired += 1;
        if (target?.hit(a.utterance)) right += 1;
      }
      return {
        id: rule.definition.id,
        codes,
        fired,
        rate: total === 0 ? 0 : fired / total,
        against: target?.against ?? null,
        precision: target && fired > 0 ? right / fired : null,
      };
    })
    .sort((x, y) => y.fired - x.fired || x.id.localeCompare(y.id));

  return {
    schemaVersion: EVAL_SCHEMA_VERSION,
    file: options.file,
    layout: options.layout,
    combination: COMBINATION_RULE,
    counts: {
      transcripts: new Set(collected.utterances.map((u) => u.transcript)).size,
      utterances: collected.utterances.length,
      rows: collected.rows,
      multiAnnotated: collected.utterances.filter((u) => u.gold.annotators > 1).length,
    },
    measures,
    transcripts,
    rules,
    ...(baseline
      ? { baseline: { measures: measureAll(collected, baseline, 0), transcripts: transcriptFigures(collected, baseline, options.highQuality ?? 'high') } }
      : {}),
  };
}
