// Findings -> scores: the one scoring model. `check`, `--explain`, batch and
// the rewrite's re-check all call `score`, so they cannot disagree.
//
// - Each rule that fired counts once per reply, however often it matched.
// - Strengths saturate. Within a dimension the strongest counts in full and
//   each further one for half of the one before; across dimensions the best
//   dimension counts in full and each further one for three quarters. One
//   skill done well reaches "good", two reach "strong", and piling coaching
//   phrases onto one move buys little.
// - Issues count in full: a fault is not averaged away by a strength. But one
//   fault that several rules see ("Have you thought about a group?" is a
//   closed question, a suggestion and advice nobody asked for) is one fault:
//   where issues' spans overlap, the heaviest counts in full and each other
//   for OVERLAPPING of its weight.
// - A reply that does something well and nothing badly earns CLEAN_BONUS on
//   top: one skill done well, with no fault beside it, is "good".
// - Faults alone bottom out at FAULT_FLOOR. Advice nobody asked for, three
//   closed questions or a long lecture make a poor reply, a supervisor's
//   15-45, however many of them pile up; only harm goes lower.
// - A real fault keeps a reply out of "good". While an issue of weight
//   REAL_FAULT or more (and severity above info) fires, the score is at most
//   MIXED_CEILING: one good move plus one real fault (a reflection, then advice
//   nobody asked for) is a mixed reply, a supervisor's 40-69, however strong
//   the good move was.
// - Harm dominates. An issue may carry a `cap`: while it fires the overall
//   score cannot exceed it, whatever else the reply does. Harm's caps sit at
//   or below the floor, so a harmful reply ranks below every merely poor one.
// - A reply with nothing to praise or fault sits at the baseline, not at 100.
import { DIMENSIONS, type Band, type Dimension, type Finding } from '../types.js';

export const BASELINE = 50;
export const WITHIN_DIMENSION = 0.5;
export const ACROSS_DIMENSIONS = 0.75;
export const FAULT_FLOOR = 25;
export const CLEAN_BONUS = 8;
export const REAL_FAULT = 15;
export const MIXED_CEILING = 66;
/** where "good" begins: one skill done well */
export const GOOD = 70;
/** below this a reply "needs work" */
export const POOR = 45;

export interface RuleWeighting {
  weight: number;
  cap?: number | undefined;
  severity?: 'info' | 'warning' | 'error' | undefined;
}

/** The most an issue lets the score reach: its own cap, or MIXED_CEILING for a real fault. */
export function ceilingOf({ weight, cap, severity }: RuleWeighting): number | undefined {
  const mixed = severity !== undefined && severity !== 'info' && weight >= REAL_FAULT ? MIXED_CEILING : undefined;
  return cap === undefined ? mixed : mixed === undefined ? cap : Math.min(cap, mixed);
}

export interface Contribution {
  ruleId: string;
  dimension: Dimension;
  /** the rule's weight, signed: + for a strength, − for an issue */
  weight: number;
  /** what it added to the overall score after saturation */
  points: number;
}

export interface Cap {
  ruleId: string;
  cap: number;
}

export interface Scores {
  score: number;
  band: Band;
  dimensions: Record<Dimension, { score: number }>;
  contributions: Contribution[];
  /** the lowest cap among the issues that fired, when one held the score down */
  cap: Cap | null;
  /** the overall score before the cap */
  uncapped: number;
  /** CLEAN_BONUS when a strength fired and no issue did, else 0 */
  clean: number;
  /** the faults alone would have gone below FAULT_FLOOR */
  floored: boolean;
}

export function bandOf(score: number): Band {
  if (score >= 85) return 'strong';
  if (score >= GOOD) return 'good';
  if (score >= POOR) return 'developing';
  return 'needs work';
}

const clamp = (value: number): number => Math.max(0, Math.min(100, Math.round(value)));
const round1 = (value: number): number => Math.round(value * 10) / 10;

export type Fired = Pick<Finding, 'ruleId' | 'dimension' | 'kind' | 'start' | 'end'>;

export const OVERLAPPING = 0.5;

const overlaps = (a: readonly Fired[], b: readonly Fired[]): boolean =>
  a.some((x) => b.some((y) => x.start < y.end && y.start < x.end));

export function score(findings: readonly Fired[], ruleOf: (ruleId: string) => RuleWeighting): Scores {
  const fired = new Map<string, Fired>();
  const spansOf = new Map<string, Fired[]>();
  for (const finding of findings) {
    if (!fired.has(finding.ruleId)) fired.set(finding.ruleId, finding);
    spansOf.set(finding.ruleId, [...(spansOf.get(finding.ruleId) ?? []), finding]);
  }
  // One fault seen by several rules is one fault: the heaviest counts in full, the others for OVERLAPPING.
  const issueShare = new Map<string, number>();
  const counted: Fired[][] = [];
  for (const finding of [...fired.values()].filter((f) => f.kind === 'issue').sort((a, b) => ruleOf(b.ruleId).weight - ruleOf(a.ruleId).weight || (a.ruleId < b.ruleId ? -1 : 1))) {
    const spans = spansOf.get(finding.ruleId)!;
    issueShare.set(finding.ruleId, counted.some((other) => overlaps(spans, other)) ? OVERLAPPING : 1);
    counted.push(spans);
  }

  const contributions: Contribution[] = [];
  const dimensionStrength = new Map<Dimension, number>();
  const dimensionIssues = new Map<Dimension, number>();
  let cap: Cap | null = null;
  for (const dimension of DIMENSIONS) {
    const here = [...fired.values()].filter((finding) => finding.dimension === dimension);
    const strengths = here
      .filter((finding) => finding.kind === 'strength')
      .map((finding) => ({ finding, weight: ruleOf(finding.ruleId).weight }))
      .sort((a, b) => b.weight - a.weight || (a.finding.ruleId < b.finding.ruleId ? -1 : 1));
    let strength = 0;
    strengths.forEach(({ finding, weight }, k) => {
      const points = weight * WITHIN_DIMENSION ** k;
      strength += points;
      contributions.push({ ruleId: finding.ruleId, dimension, weight, points });
    });
    dimensionStrength.set(dimension, strength);
    let issues = 0;
    for (const finding of here.filter((f) => f.kind === 'issue')) {
      const weighting = ruleOf(finding.ruleId);
      const { weight } = weighting;
      const limit = ceilingOf(weighting);
      const points = weight * issueShare.get(finding.ruleId)!;
      issues += points;
      contributions.push({ ruleId: finding.ruleId, dimension, weight: -weight, points: -points });
      if (limit !== undefined && (cap === null || limit < cap.cap)) cap = { ruleId: finding.ruleId, cap: limit };
    }
    dimensionIssues.set(dimension, issues);
  }

  // Across dimensions: the best dimension in full, the next for three quarters of it, and so on.
  const order = [...DIMENSIONS].sort((a, b) => dimensionStrength.get(b)! - dimensionStrength.get(a)!);
  const share = new Map(order.map((dimension, k) => [dimension, ACROSS_DIMENSIONS ** k]));
  for (const contribution of contributions) {
    if (contribution.points > 0) contribution.points = round1(contribution.points * share.get(contribution.dimension)!);
  }
  const dimensions = Object.fromEntries(
    DIMENSIONS.map((dimension) => [dimension, { score: clamp(BASELINE + dimensionStrength.get(dimension)! - dimensionIssues.get(dimension)!) }]),
  ) as Record<Dimension, { score: number }>;
  const clean = contributions.length > 0 && contributions.every((c) => c.points > 0) ? CLEAN_BONUS : 0;
  const sum = clamp(BASELINE + clean + contributions.reduce((total, c) => total + c.points, 0));
  const uncapped = Math.max(FAULT_FLOOR, sum);
  const capped = cap !== null && cap.cap < uncapped ? cap.cap : uncapped;
  return { score: capped, band: bandOf(capped), dimensions, contributions, cap: capped < uncapped ? cap : null, uncapped, clean, floored: sum < FAULT_FLOOR };
}
