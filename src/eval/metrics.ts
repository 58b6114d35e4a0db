// Agreement metrics, pure: confusion tables, precision/recall/F1, Cohen's
// kappa, and the Mann-Whitney AUC. No I/O; every function takes counts or
// scores and returns numbers (null where a figure is undefined, e.g. a
// precision with nothing predicted).

/** A 2x2 table: rows are the human code, columns rapport's. */
export interface Binary {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export const emptyBinary = (): Binary => ({ tp: 0, fp: 0, fn: 0, tn: 0 });

export function addBinary(table: Binary, gold: boolean, predicted: boolean): void {
  if (gold && predicted) table.tp += 1;
  else if (predicted) table.fp += 1;
  else if (gold) table.fn += 1;
  else table.tn += 1;
}

const ratio = (num: number, den: number): number | null => (den === 0 ? null : num / den);

export interface BinaryScores {
  n: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
  accuracy: number | null;
  kappa: number | null;
}

export function binaryScores(t: Binary): BinaryScores {
  const n = t.tp + t.fp + t.fn + t.tn;
  const precision = ratio(t.tp, t.tp + t.fp);
  const recall = ratio(t.tp, t.tp + t.fn);
  const f1 = ratio(2 * t.tp, 2 * t.tp + t.fp + t.fn);
  return {
    n,
    precision,
    recall,
    f1,
    accuracy: ratio(t.tp + t.tn, n),
    kappa: cohensKappa([
      [t.tp, t.fn],
      [t.fp, t.tn],
    ]),
  };
}

/**
 * Cohen's kappa of a square table (rows: rater A, columns: rater B):
 * (observed - chance) / (1 - chance). Null for an empty table; 1 when both
 * raters put everything in one and the same class (perfect, chance = 1).
 */
export function cohensKappa(table: readonly (readonly number[])[]): number | null {
  const k = table.length;
  let n = 0;
  let agree = 0;
  const rows = new Array<number>(k).fill(0);
  const cols = new Array<number>(k).fill(0);
  for (let i = 0; i < k; i += 1) {
    for (let j = 0; j < k; j += 1) {
      const count = table[i]![j] ?? 0;
      n += count;
      rows[i]! += count;
      cols[j]! += count;
      if (i === j) agree += count;
    }
  }
  if (n === 0) return null;
  const observed = agree / n;
  const chance = rows.reduce((sum, row, i) => sum + (row / n) * (cols[i]! / n), 0);
  if (chance === 1) return observed === 1 ? 1 : 0;
  return (observed - chance) / (1 - chance);
}

/**
 * Area under the ROC curve by Mann-Whitney: the chance that a random
 * positive scores above a random negative, ties counting one half. Null
 * when either class is empty.
 */
export function aucMannWhitney(positives: readonly number[], negatives: readonly number[]): number | null {
  if (positives.length === 0 || negatives.length === 0) return null;
  // Rank-sum form, O(n log n): average ranks for ties.
  const all = [...positives.map((score) => ({ score, positive: true })), ...negatives.map((score) => ({ score, positive: false }))];
  all.sort((a, b) => a.score - b.score);
  let rankSum = 0;
  for (let i = 0; i < all.length; ) {
    let j = i;
    while (j < all.length && all[j]!.score === all[i]!.score) j += 1;
    const rank = (i + 1 + j) / 2; // mean of ranks i+1 .. j
    for (let m = i; m < j; m += 1) if (all[m]!.positive) rankSum += rank;
    i = j;
  }
  const p = positives.length;
  return (rankSum - (p * (p + 1)) / 2) / (p * negatives.length);
}
