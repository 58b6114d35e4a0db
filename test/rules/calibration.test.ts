// Agreement with supervisors on replies written without sight of the rules
// (fixtures/calibration). The rules were tuned on `tuning.yaml` and
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
const tuning = set('tuning.yaml');
const setC = set('tuning-c.yaml');
const setD = set('tuning-d.yaml');
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

describe('calibration against a supervisor', () => {
  it('ranks replies much as the supervisor did', () => {
    expect(tuning.spearman).toBeGreaterThanOrEqual(0.7);
    expect(older.spearman).toBeGreaterThanOrEqual(0.75);
    expect(setC.spearman).toBeGreaterThanOrEqual(0.5);
    expect(setD.spearman).toBeGreaterThanOrEqual(0.45);
  });

  it('scores good replies 70 or more, in plain words as well as in coaching phrases', () => {
    expect(rate(tuning.good)).toBeGreaterThanOrEqual(0.78);
    expect(rate(older.good)).toBeGreaterThanOrEqual(0.85);
  });

  it('scores poor and harmful replies 45 or less', () => {
    expect(rate(tuning.poor)).toBeGreaterThanOrEqual(0.88);
    expect(rate(older.poor)).toBeGreaterThanOrEqual(0.9);
  });

  it('is not fooled by coaching phrases that carry contempt, blame or a directive', () => {
    expect(tuning.gaming.of).toBeGreaterThanOrEqual(40);
    expect(rate(tuning.gaming)).toBeGreaterThanOrEqual(0.88);
    expect(rate(setC.gaming)).toBeGreaterThanOrEqual(0.6);
    expect(rate(setD.gaming)).toBeGreaterThanOrEqual(0.72);
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
