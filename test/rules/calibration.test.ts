// The separation users rely on, measured on replies written without sight of
// the rules (fixtures/calibration): good replies score 70 or more, poor ones
// 45 or less, and rewrites of poor replies gain at least 20 points. Heuristic
// rules will not get every reply right; these floors catch a rule change
// that makes the separation worse.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { critique } from '../../src/core/critique.js';
import { builtinPack } from '../helpers.js';

interface Labelled {
  client: string;
  reply: string;
  label: 'good' | 'poor';
}

const pack = await builtinPack();
const { replies } = parse(readFileSync(new URL('../../fixtures/calibration/replies.yaml', import.meta.url), 'utf8')) as { replies: Labelled[] };
const scored = replies.map((reply) => ({ ...reply, critique: critique(pack, reply.reply, reply.client) }));
const good = scored.filter((r) => r.label === 'good');
const poor = scored.filter((r) => r.label === 'poor');
const share = (items: unknown[], total: unknown[]): number => items.length / total.length;

describe('calibration set', () => {
  it('has good and poor replies to measure', () => {
    expect(good.length).toBeGreaterThanOrEqual(50);
    expect(poor.length).toBeGreaterThanOrEqual(50);
  });

  it('scores most good replies 70 or more', () => {
    expect(share(good.filter((r) => r.critique.score >= 70), good)).toBeGreaterThanOrEqual(0.8);
  });

  it('scores nearly all poor replies 45 or less', () => {
    expect(share(poor.filter((r) => r.critique.score <= 45), poor)).toBeGreaterThanOrEqual(0.93);
  });

  it('never ranks the average poor reply near the average good one', () => {
    const mean = (xs: { critique: { score: number } }[]) => xs.reduce((sum, r) => sum + r.critique.score, 0) / xs.length;
    expect(mean(good) - mean(poor)).toBeGreaterThanOrEqual(45);
  });

  it('rewrites most poor replies into ones that score at least 20 points higher', () => {
    const gains = poor.map((r) => (r.critique.rewrite ? r.critique.rewrite.score - r.critique.score : 0));
    expect(share(gains.filter((gain) => gain >= 20), gains)).toBeGreaterThanOrEqual(0.83);
  });
});
