// Agreement with supervisors on replies written without sight of the rules
// (fixtures/calibration). The rules were tuned on `tuning*.yaml` and
// `replies.yaml`, so these floors are regression guards, not evidence:
// `held-out.yaml` was kept out of all tuning, and its figures are reported in
// the README by `rapport eval fixtures/calibration/held-out.yaml`, not asserted here.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { calibrate, spearman, type CalibrationCase } from '../../src/eval/calibration.js';
import { builtinPack } from '../helpers.js';

const pack = await builtinPack();
const read = (name: string): unknown => parse(readFileSync(new URL(`../../fixtures/calibration/${name}`, import.meta.url), 'utf8'));
const set = (name: string) => calibrate(pack, (read(name) as { cases: CalibrationCase[] }).cases);
const sets = { A: set('tuning.yaml'), C: set('tuning-c.yaml'), D: set('tuning-d.yaml'), E: set('tuning-e.yaml'), J: set('tuning-j.yaml'), K: set('tuning-k.yaml'), P: set('tuning-p.yaml'), V: set('held-out-v.yaml') };
const older = calibrate(
  pack,
  (read('replies.yaml') as { replies: { client: string; reply: string; label: 'good' | 'poor' }[] }).replies.map((r) => ({
    client: r.client,
    reply: r.reply,
    score: r.label === 'good' ? 85 : 25,
    band: r.label,
  })),
);
const rate = ({ hits, of }: { hits: number; of: number }): number => hits / of;
// A little below what each set reaches today: a drop past these is a regression worth looking at.
const floors = {
  A: { spearman: 0.83, good: 0.88, poor: 0.87, gaming: 0.88 },
  C: { spearman: 0.75, good: 0.93, poor: 0.8, gaming: 0.82 },
  D: { spearman: 0.72, good: 0.85, poor: 0.78, gaming: 0.83 },
  E: { spearman: 0.7, good: 0.82, poor: 0.74, gaming: 0.64 },
  J: { spearman: 0.68, good: 0.7, poor: 0.76, gaming: 0.82 },
  K: { spearman: 0.7, good: 0.8, poor: 0.9, gaming: 0.9 },
  P: { spearman: 0.7, good: 0.65, poor: 0.8, gaming: 0.9 },
  // V was held out until its first scoring, then tuned on (its file keeps the name it was written under).
  V: { spearman: 0.55, good: 0.5, poor: 0.84, gaming: 0.88 },
};
// J, K and P are half sets (their other halves are held out), with fewer gaming replies to count.
const gamingReplies = { A: 40, C: 40, D: 40, E: 40, J: 20, K: 12, P: 15, V: 18 };

describe('calibration against a supervisor', () => {
  it.each(Object.keys(sets) as (keyof typeof sets)[])('set %s: ranks replies much as the supervisor did', (name) => {
    expect(sets[name].spearman).toBeGreaterThanOrEqual(floors[name].spearman);
  });

  it.each(Object.keys(sets) as (keyof typeof sets)[])('set %s: good replies score 70 or more, poor and harmful ones 45 or less', (name) => {
    expect(rate(sets[name].good)).toBeGreaterThanOrEqual(floors[name].good);
    expect(rate(sets[name].poor)).toBeGreaterThanOrEqual(floors[name].poor);
  });

  it.each(Object.keys(sets) as (keyof typeof sets)[])('set %s: is not fooled by coaching phrases that carry contempt, blame or a directive', (name) => {
    expect(sets[name].gaming.of).toBeGreaterThanOrEqual(gamingReplies[name]);
    expect(rate(sets[name].gaming)).toBeGreaterThanOrEqual(floors[name].gaming);
  });

  it('still separates the older calibration set', () => {
    expect(older.spearman).toBeGreaterThanOrEqual(0.75);
    expect(rate(older.good)).toBeGreaterThanOrEqual(0.85);
    expect(rate(older.poor)).toBeGreaterThanOrEqual(0.9);
  });
});

describe('spearman', () => {
  it('is 1 for the same order, -1 for the reverse, and gives ties their mean rank', () => {
    expect(spearman([1, 2, 3, 4], [10, 20, 30, 40])).toBeCloseTo(1);
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1);
    expect(spearman([1, 1, 2], [5, 5, 9])).toBeCloseTo(1);
    expect(spearman([1, 1, 1], [1, 2, 3])).toBeNull();
  });
});
