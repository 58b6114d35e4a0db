// Agreement with a supervisor's scores: a calibration set is (client, reply,
// score, band) cases, and the question is whether rapport ranks and bands the
// replies as the supervisor did. Pure: the caller reads the file.
import { critique } from '../core/critique.js';
import type { CompiledPack } from '../core/rules/pack.js';

export const SUPERVISOR_BANDS = ['good', 'mixed', 'poor', 'harmful'] as const;
export type SupervisorBand = (typeof SUPERVISOR_BANDS)[number];

export interface CalibrationCase {
  id?: string;
  client?: string | null;
  reply: string;
  score: number;
  band: SupervisorBand;
  /** the reply uses coaching phrases to carry harm or a directive */
  gaming?: boolean;
}

export interface CalibrationScored {
  case: CalibrationCase;
  score: number;
}

export interface Share {
  hits: number;
  of: number;
}

export interface CalibrationReport {
  n: number;
  /** Spearman's rank correlation of rapport's scores with the supervisor's */
  spearman: number | null;
  /** good replies scoring 70 or more */
  good: Share;
  /** poor and harmful replies scoring 45 or less */
  poor: Share;
  /** gaming replies scoring 45 or less */
  gaming: Share;
  /** mixed replies scoring 40 to 69 */
  mixed: Share;
  scored: CalibrationScored[];
}

function ranks(values: readonly number[]): number[] {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  const result = new Array<number>(values.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]!.value === order[i]!.value) j += 1;
    for (let k = i; k <= j; k += 1) result[order[k]!.index] = (i + j) / 2;
    i = j + 1;
  }
  return result;
}

/** Pearson's correlation of the ranks, ties given their mean rank. */
export function spearman(a: readonly number[], b: readonly number[]): number | null {
  if (a.length !== b.length || a.length < 2) return null;
  const [ra, rb] = [ranks(a), ranks(b)];
  const mean = (xs: number[]): number => xs.reduce((sum, x) => sum + x, 0) / xs.length;
  const [ma, mb] = [mean(ra), mean(rb)];
  let num = 0;
  let da = 0;
  let db = 0;
  for (let i = 0; i < ra.length; i += 1) {
    num += (ra[i]! - ma) * (rb[i]! - mb);
    da += (ra[i]! - ma) ** 2;
    db += (rb[i]! - mb) ** 2;
  }
  return da === 0 || db === 0 ? null : num / Math.sqrt(da * db);
}

const share = (items: readonly CalibrationScored[], hit: (item: CalibrationScored) => boolean): Share => ({
  hits: items.filter(hit).length,
  of: items.length,
});

export function calibrate(pack: CompiledPack, cases: readonly CalibrationCase[]): CalibrationReport {
  const scored = cases.map((item) => ({ case: item, score: critique(pack, item.reply, item.client ?? null).score }));
  const inBand = (...bands: SupervisorBand[]) => scored.filter((item) => bands.includes(item.case.band));
  return {
    n: scored.length,
    spearman: spearman(
      scored.map((item) => item.score),
      scored.map((item) => item.case.score),
    ),
    good: share(inBand('good'), (item) => item.score >= 70),
    poor: share(inBand('poor', 'harmful'), (item) => item.score <= 45),
    gaming: share(
      scored.filter((item) => item.case.gaming),
      (item) => item.score <= 45,
    ),
    mixed: share(inBand('mixed'), (item) => item.score >= 40 && item.score <= 69),
    scored,
  };
}
