// Findings -> scores. Each rule that fired counts once per reply, however
// often it matched: a strength adds its weight, an issue takes it away.
// A dimension is BASELINE plus its rules' points; the overall score is
// BASELINE plus three quarters of all points, so a reply need not excel in all four
// dimensions at once to score well (most good replies do two or three things
// well). Both are clamped to 0..100. A reply with nothing to praise or fault
// sits at the baseline, not at 100: silence is not skill.
import { DIMENSIONS, type Band, type Dimension, type Finding } from '../types.js';

export const BASELINE = 50;
export const OVERALL_SHARE = 0.75;

export interface Contribution {
  ruleId: string;
  dimension: Dimension;
  points: number;
}

export interface Scores {
  score: number;
  band: Band;
  dimensions: Record<Dimension, { score: number }>;
  contributions: Contribution[];
}

export function bandOf(score: number): Band {
  if (score >= 85) return 'strong';
  if (score >= 70) return 'good';
  if (score >= 45) return 'developing';
  return 'needs work';
}

const clamp = (value: number): number => Math.max(0, Math.min(100, Math.round(value)));

export function score(findings: readonly Pick<Finding, 'ruleId' | 'dimension' | 'kind'>[], weightOf: (ruleId: string) => number): Scores {
  const counted = new Map<string, Contribution>();
  for (const finding of findings) {
    if (counted.has(finding.ruleId)) continue;
    const weight = weightOf(finding.ruleId);
    counted.set(finding.ruleId, { ruleId: finding.ruleId, dimension: finding.dimension, points: finding.kind === 'strength' ? weight : -weight });
  }
  const contributions = [...counted.values()];
  const dimensions = Object.fromEntries(
    DIMENSIONS.map((dimension) => {
      const total = contributions.filter((c) => c.dimension === dimension).reduce((sum, c) => sum + c.points, BASELINE);
      return [dimension, { score: clamp(total) }];
    }),
  ) as Record<Dimension, { score: number }>;
  const overall = clamp(BASELINE + OVERALL_SHARE * contributions.reduce((sum, c) => sum + c.points, 0));
  return { score: overall, band: bandOf(overall), dimensions, contributions };
}
