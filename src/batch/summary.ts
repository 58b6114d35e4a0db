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

export class SummaryBuilder {
  readonly scores: number[] = [];
  private allTurns = 0;
  private readonly dimensionSums = Object.fromEntries(DIMENSIONS.map((d) => [d, 0])) as Record<Dimension, number>;
  private readonly behaviours = Object.fromEntries(BEHAVIOUR_CODES.map((c) => [c, 0])) as Record<BehaviourCode, number>;
  private questions = 0;
  private adherent = 0;
  private nonAdherent = 0;
  private lastPermission = -Infinity;
  private readonly weakest: WeakTurn[] = [];
  private readonly issues = new Map<string, IssueCount>();
  private group: string | null = null;

  /** `full: false` keeps only the scores: streamed output prints no summary, and holding one per transcript would grow with the input. */
  constructor(
    readonly source: string,
    readonly transcript: string,
    private readonly full = true,
  ) {}

  /** The transcript has at least `count` turns (every speaker). */
  sawTurns(count: number): void {
    this.allTurns = Math.max(this.allTurns, count);
  }

  setGroup(value: string | null): void {
    if (this.group === null && value !== null && value.trim() !== '') this.group = value.trim();
  }

  add(record: BatchRecord): void {
    const turn = this.scores.length;
    this.scores.push(record.score);
    this.sawTurns(record.index + 1);
    if (!this.full) return;
    for (const d of DIMENSIONS) this.dimensionSums[d] += record.dimensions[d].score;

    const codes = new Map<BehaviourCode, number>();
    for (const b of record.behaviours) {
      this.behaviours[b.code] = (this.behaviours[b.code] ?? 0) + 1;
      codes.set(b.code, (codes.get(b.code) ?? 0) + 1);
    }
    const count = (code: BehaviourCode): number => codes.get(code) ?? 0;
    if (count('question.open') + count('question.closed') > 0) this.questions += 1;
    if (count('permission') > 0 || count('autonomy') > 0) this.lastPermission = turn;
    this.adherent += count('permission') + count('affirmation') + count('autonomy');
    const advicePermitted = turn - this.lastPermission <= PERMISSION_CARRIES;
    this.nonAdherent += count('directive') + (advicePermitted ? 0 : count('advice'));

    const counted = new Set<string>();
    for (const f of record.findings) {
      if (f.kind !== 'issue' || counted.has(f.ruleId)) continue;
      counted.add(f.ruleId);
      const entry = this.issues.get(f.ruleId);
      if (entry) entry.turns += 1;
      else this.issues.set(f.ruleId, { ruleId: f.ruleId, dimension: f.dimension, message: f.message, turns: 1 });
    }

    if (this.weakest.length < WEAKEST || record.score < this.weakest[this.weakest.length - 1]!.score) {
      const weak = weakTurn(record);
      let at = this.weakest.findIndex((w) => weak.score < w.score);
      if (at < 0) at = this.weakest.length;
      this.weakest.splice(at, 0, weak);
      if (this.weakest.length > WEAKEST) this.weakest.pop();
    }
  }

  finish(): TranscriptResult {
    const n = this.scores.length;
    const mean = (sum: number): number | null => (n === 0 ? null : round1(sum / n));
    const b = this.behaviours;
    const reflections = b['reflection.simple'] + b['reflection.complex'];
    const questionsAsked = b['question.open'] + b['question.closed'];
    const reason = tooFewReason(n, this.questions + reflections);
    const measure = (value: number | null, threshold: Threshold): Measure => ({
      value,
      rating: reason === null ? rate(value, threshold) : null,
      fair: threshold.fair,
      good: threshold.good,
      standard: threshold.standard,
    });
    const issues = [...this.issues.values()]
      .sort((x, y) => y.turns - x.turns || byCodeUnit(x.ruleId, y.ruleId))
      .slice(0, TOP_ISSUES);
    const summary: TranscriptSummary = {
      turns: n,
      allTurns: this.allTurns,
      score: {
        mean: mean(this.scores.reduce((s, v) => s + v, 0)),
        median: median(this.scores),
        min: n === 0 ? null : this.scores.reduce((m, v) => (v < m ? v : m), Infinity),
      },
      dimensions: Object.fromEntries(DIMENSIONS.map((d) => [d, mean(this.dimensionSums[d])])) as Record<Dimension, number | null>,
      behaviours: { ...b },
      miti: {
        judged: reason === null,
        note: reason,
        reflections,
        complexReflections: b['reflection.complex'],
        questions: this.questions,
        openQuestions: b['question.open'],
        closedQuestions: b['question.closed'],
        reflectionToQuestion: measure(ratio(reflections, this.questions), THRESHOLDS.reflectionToQuestion),
        percentComplexReflections: measure(percent(b['reflection.complex'], reflections), THRESHOLDS.percentComplexReflections),
        percentOpenQuestions: measure(percent(b['question.open'], questionsAsked), THRESHOLDS.percentOpenQuestions),
        adherent: this.adherent,
        nonAdherent: this.nonAdherent,
        percentAdherent: measure(percent(this.adherent, this.adherent + this.nonAdherent), THRESHOLDS.percentAdherent),
      },
      weakest: this.weakest.map((w) => ({ ...w })),
      issues,
      group: this.group,
    };
    return { source: this.source, transcript: this.transcript, summary, scores: this.scores };
  }
}
