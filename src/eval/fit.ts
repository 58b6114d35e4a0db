// Fitting rule weights to supervisors' scores. Which rules fire on a reply
// does not depend on the weights, so each case is run through the rules once
// and only the arithmetic (findings/score.ts) is repeated while the weights
// move. Coordinate descent over a small grid of multiples of each starting
// weight: every step must improve the objective, so the result is never
// worse on the sets it was fitted to, and a rule nobody's data touches keeps
// its weight. Pure: the caller reads the sets and writes the weights back.
import { firedRules } from '../core/critique.js';
import { score, type Fired, type RuleWeighting } from '../core/findings/score.js';
import { analyse } from '../core/tokens/analyse.js';
import type { CompiledPack } from '../core/rules/pack.js';
import { MAX_WEIGHT } from '../core/rules/schema.js';
import { spearman, type CalibrationCase } from './calibration.js';

export interface FitCase {
  case: CalibrationCase;
  fired: Fired[];
}

export interface SetFigures {
  name: string;
  n: number;
  spearman: number | null;
  /** share of good replies at 70 or more */
  good: number;
  /** share of poor and harmful replies at 45 or less */
  poor: number;
}

export interface WeightChange {
  ruleId: string;
  from: number;
  to: number;
}

export interface FitResult {
  changes: WeightChange[];
  before: { fitted: SetFigures[]; heldOut: SetFigures[] };
  after: { fitted: SetFigures[]; heldOut: SetFigures[] };
}

/**
 * Multiples of a rule's starting weight that the fit may choose from. Never zero: a rule that
 * still fires and shows its finding must still count, or the critique would say one thing and
 * the score another.
 */
export const STEPS = [0.25, 0.5, 0.75, 1, 1.25, 1.5, 2, 3] as const;
const PASSES = 3;

export function firedIn(pack: CompiledPack, cases: readonly CalibrationCase[]): FitCase[] {
  return cases.map((item) => ({ case: item, fired: firedRules(pack, item.reply, item.client?.trim() ? analyse(item.client) : null) }));
}

function figures(name: string, cases: readonly FitCase[], weighting: (ruleId: string) => RuleWeighting): SetFigures {
  const scores = cases.map((item) => score(item.fired, weighting).score);
  const share = (wanted: (item: FitCase) => boolean, ok: (value: number) => boolean): number => {
    const picked = cases.flatMap((item, i) => (wanted(item) ? [scores[i]!] : []));
    return picked.length ? picked.filter(ok).length / picked.length : 0;
  };
  return {
    name,
    n: cases.length,
    spearman: spearman(
      scores,
      cases.map((item) => item.case.score),
    ),
    good: share((item) => item.case.band === 'good', (value) => value >= 70),
    poor: share((item) => item.case.band === 'poor' || item.case.band === 'harmful', (value) => value <= 45),
  };
}

/** What the fit maximises: rank agreement first, then the share of replies in the right band. */
const objective = (all: readonly SetFigures[]): number =>
  all.reduce((sum, set) => sum + (set.spearman ?? 0) + 0.25 * set.good + 0.25 * set.poor, 0) / Math.max(1, all.length);

export function fitWeights(
  pack: CompiledPack,
  fitted: readonly { name: string; cases: FitCase[] }[],
  heldOut: readonly { name: string; cases: FitCase[] }[] = [],
  fittable: ReadonlySet<string> = new Set(pack.sourceOf.keys()),
): FitResult {
  const start = new Map<string, number>();
  const definitions = new Map([...pack.sourceOf].map(([id, { definition }]) => [id, definition]));
  for (const [id, definition] of definitions) start.set(id, definition.weight);
  const weights = new Map(start);
  const weighting = (ruleId: string): RuleWeighting => ({ weight: weights.get(ruleId) ?? 0, cap: definitions.get(ruleId)?.cap, severity: definitions.get(ruleId)?.severity });
  const measure = (sets: readonly { name: string; cases: FitCase[] }[]): SetFigures[] => sets.map((set) => figures(set.name, set.cases, weighting));
  const before = { fitted: measure(fitted), heldOut: measure(heldOut) };

  const seen = new Set(fitted.flatMap((set) => set.cases.flatMap((item) => item.fired.map((f) => f.ruleId))));
  const candidates = [...start.keys()].filter((id) => fittable.has(id) && seen.has(id) && pack.sourceOf.get(id)!.definition.kind !== 'coding').sort();
  let best = objective(before.fitted);
  for (let pass = 0; pass < PASSES; pass += 1) {
    let improved = false;
    for (const id of candidates) {
      const current = weights.get(id)!;
      let chosen = current;
      for (const step of STEPS) {
        const weight = Math.min(MAX_WEIGHT, Math.max(1, Math.round(start.get(id)! * step)));
        if (weight === current) continue;
        weights.set(id, weight);
        const value = objective(measure(fitted));
        // A margin, so that noise-level gains do not move a weight.
        if (value > best + 1e-4) {
          best = value;
          chosen = weight;
        }
      }
      weights.set(id, chosen);
      if (chosen !== current) improved = true;
    }
    if (!improved) break;
  }
  const changes = candidates.filter((id) => weights.get(id) !== start.get(id)).map((ruleId) => ({ ruleId, from: start.get(ruleId)!, to: weights.get(ruleId)! }));
  return { changes, before, after: { fitted: measure(fitted), heldOut: measure(heldOut) } };
}
