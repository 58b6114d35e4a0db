// Per-transcript summary, built one record at a time so memory stays bounded: it keeps counts,
// sums, each turn's score (for the median and the timeline) and the three weakest turns. Pure.
import { byCodeUnit } from '../core/compare.js';
import { BEHAVIOUR_CODES, DIMENSIONS, SEVERITIES, type BehaviourCode, type Dimension } from '../core/types.js';
import { percent, rate, ratio, round1, THRESHOLDS, tooFewReason, type Threshold } from './miti.js';
import type { BatchRecord, IssueCount, Measure, TranscriptResult, TranscriptSummary, WeakTurn } from './types.js';

export const WEAKEST = 3;
export const TOP_ISSUES = 5;
/** Permission, once given, covers advice for this many following counsellor turns (docs/miti.md). */
const PERMISSION_CARRIES = 3;

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : round1((sorted[middle - 1]! + sorted[middle]!) / 2);
}

const severityRank = (severity: string): number => SEVERITIES.indexOf(severity as (typeof SEVERITIES)[number]);

function weakTurn(record: BatchRecord): WeakTurn {
  const seen = new Set<string>();
  const issues = record.findings
    .filter((f) => f.kind === 'issue')
    .sort((a, b) => severityRank(a.severity) - severityRank(b.severity) || a.start - b.start)
    .filter((f) => (seen.has(f.ruleId) ? false : (seen.add(f.ruleId), true)))
    .map((f) => ({ ruleId: f.ruleId, message: f.message }));
  return {
    id: record.id,
    index: record.index,
    speaker: record.speaker,
    score: record.score,
    text: record.text,
    client: record.client,
    issues,
    rewrite: record.rewrite,
  };
}

/** What a full summary keeps beyond the count and sum of the scores. */
class Detail {
  /** each turn's score, in order: the median and the timeline */
  readonly scores: number[] = [];
  readonly dimensionSums = Object.fromEntries(DIMENSIONS.map((d) => [d, 0])) as Record<Dimension, number>;
  readonly behaviours = Object.fromEntries(BEHAVIOUR_CODES.map((c) => [c, 0])) as Record<BehaviourCode, number>;
  questions = 0;
  adherent = 0;
  nonAdherent = 0;
  lastPermission = -Infinity;
  readonly weakest: WeakTurn[] = [];
  readonly issues = new Map<string, IssueCount>();
}

export class SummaryBuilder {
  private turns = 0;
  private allTurns = 0;
  private scoreSum = 0;
  private group: string | null = null;
  /**
   * Null when only the mean is wanted: streamed output prints no summary, and a summary's
   * counters for each of an archive's thousands of transcripts would grow with the input.
   */
  private readonly detail: Detail | null;

  constructor(
    readonly source: string,
    readonly transcript: string,
    full = true,
  ) {
    this.detail = full ? new Detail() : null;
  }

  /** The mean score so far, or null before the first turn (what --fail-under compares). */
  meanScore(): number | null {
    return this.turns === 0 ? null : round1(this.scoreSum / this.turns);
  }

  /** One more turn of the transcript was read (every speaker). */
  sawTurn(): void {
    this.allTurns += 1;
  }

  setGroup(value: string | null): void {
    if (this.group === null && value !== null && value.trim() !== '') this.group = value.trim();
  }

  add(record: BatchRecord): void {
    const turn = this.turns;
    this.turns += 1;
    this.scoreSum += record.score;
    this.allTurns = Math.max(this.allTurns, record.index + 1);
    const detail = this.detail;
    if (!detail) return;
    detail.scores.push(record.score);
    for (const d of DIMENSIONS) detail.dimensionSums[d] += record.dimensions[d].score;

    const codes = new Map<BehaviourCode, number>();
    for (const b of record.behaviours) {
      detail.behaviours[b.code] = (detail.behaviours[b.code] ?? 0) + 1;
      codes.set(b.code, (codes.get(b.code) ?? 0) + 1);
    }
    const count = (code: BehaviourCode): number => codes.get(code) ?? 0;
    if (count('question.open') + count('question.closed') > 0) detail.questions += 1;
    if (count('permission') > 0 || count('autonomy') > 0) detail.lastPermission = turn;
    detail.adherent += count('permission') + count('affirmation') + count('autonomy');
    const advicePermitted = turn - detail.lastPermission <= PERMISSION_CARRIES;
    detail.nonAdherent += count('directive') + (advicePermitted ? 0 : count('advice'));

    const counted = new Set<string>();
    for (const f of record.findings) {
      if (f.kind !== 'issue' || counted.has(f.ruleId)) continue;
      counted.add(f.ruleId);
      const entry = detail.issues.get(f.ruleId);
      if (entry) entry.turns += 1;
      else detail.issues.set(f.ruleId, { ruleId: f.ruleId, dimension: f.dimension, message: f.message, turns: 1 });
    }

    if (detail.weakest.length < WEAKEST || record.score < detail.weakest[detail.weakest.length - 1]!.score) {
      const weak = weakTurn(record);
      let at = detail.weakest.findIndex((w) => weak.score < w.score);
      if (at < 0) at = detail.weakest.length;
      detail.weakest.splice(at, 0, weak);
      if (detail.weakest.length > WEAKEST) detail.weakest.pop();
    }
  }

  /** The full summary. Only a builder that kept the detail has one. */
  finish(): TranscriptResult {
    const detail = this.detail;
    if (!detail) throw new Error('SummaryBuilder.finish: this builder kept only the mean score');
    const n = this.turns;
    const mean = (sum: number): number | null => (n === 0 ? null : round1(sum / n));
    const b = detail.behaviours;
    const reflections = b['reflection.simple'] + b['reflection.complex'];
    const questionsAsked = b['question.open'] + b['question.closed'];
    const reason = tooFewReason(n, detail.questions + reflections);
    const measure = (value: number | null, threshold: Threshold): Measure => ({
      value,
      rating: reason === null ? rate(value, threshold) : null,
      fair: threshold.fair,
      good: threshold.good,
      standard: threshold.standard,
    });
    const issues = [...detail.issues.values()]
      .sort((x, y) => y.turns - x.turns || byCodeUnit(x.ruleId, y.ruleId))
      .slice(0, TOP_ISSUES);
    const summary: TranscriptSummary = {
      turns: n,
      allTurns: this.allTurns,
      score: {
        mean: this.meanScore(),
        median: median(detail.scores),
        min: n === 0 ? null : detail.scores.reduce((m, v) => (v < m ? v : m), Infinity),
      },
      dimensions: Object.fromEntries(DIMENSIONS.map((d) => [d, mean(detail.dimensionSums[d])])) as Record<Dimension, number | null>,
      behaviours: { ...b },
      miti: {
        judged: reason === null,
        note: reason,
        reflections,
        complexReflections: b['reflection.complex'],
        questions: detail.questions,
        openQuestions: b['question.open'],
        closedQuestions: b['question.closed'],
        reflectionToQuestion: measure(ratio(reflections, detail.questions), THRESHOLDS.reflectionToQuestion),
        percentComplexReflections: measure(percent(b['reflection.complex'], reflections), THRESHOLDS.percentComplexReflections),
        percentOpenQuestions: measure(percent(b['question.open'], questionsAsked), THRESHOLDS.percentOpenQuestions),
        adherent: detail.adherent,
        nonAdherent: detail.nonAdherent,
        percentAdherent: measure(percent(detail.adherent, detail.adherent + detail.nonAdherent), THRESHOLDS.percentAdherent),
      },
      weakest: detail.weakest.map((w) => ({ ...w })),
      issues,
      group: this.group,
    };
    return { source: this.source, transcript: this.transcript, summary, scores: detail.scores };
  }
}
