import { describe, expect, it } from 'vitest';
import { addBinary, aucMannWhitney, binaryScores, cohensKappa, emptyBinary } from '../../src/eval/metrics.js';

describe('binary agreement figures', () => {
  it('computes precision, recall, F1 and accuracy from a 2x2 table', () => {
    const scores = binaryScores({ tp: 8, fp: 2, fn: 4, tn: 6 });
    expect(scores.n).toBe(20);
    expect(scores.precision).toBeCloseTo(0.8);
    expect(scores.recall).toBeCloseTo(8 / 12);
    expect(scores.f1).toBeCloseTo(16 / 22);
    expect(scores.accuracy).toBeCloseTo(0.7);
  });

  it("computes Cohen's kappa against chance agreement", () => {
    // observed .7; chance = .5*.6 + .5*.4 = .5; kappa = .2/.5
    expect(binaryScores({ tp: 8, fp: 2, fn: 4, tn: 6 }).kappa).toBeCloseTo(0.4);
    // the textbook table: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no -> 0.4
    expect(cohensKappa([[20, 5], [10, 15]])).toBeCloseTo(0.4);
    expect(cohensKappa([[10, 0], [0, 10]])).toBe(1);
    expect(cohensKappa([[0, 10], [10, 0]])).toBeCloseTo(-1);
  });

  it('leaves undefined figures null instead of dividing by zero', () => {
    const scores = binaryScores({ tp: 0, fp: 0, fn: 3, tn: 7 });
    expect(scores.precision).toBeNull();
    expect(scores.recall).toBe(0);
    expect(binaryScores(emptyBinary()).kappa).toBeNull();
  });

  it('files each pair of codes in the right cell', () => {
    const table = emptyBinary();
    addBinary(table, true, true);
    addBinary(table, false, true);
    addBinary(table, true, false);
    addBinary(table, false, false);
    addBinary(table, false, false);
    expect(table).toEqual({ tp: 1, fp: 1, fn: 1, tn: 2 });
  });
});

describe('AUC by Mann-Whitney', () => {
  it('is 1 for perfect separation and 0 for the reverse', () => {
    expect(aucMannWhitney([3, 4, 5], [1, 2])).toBe(1);
    expect(aucMannWhitney([1, 2], [3, 4, 5])).toBe(0);
  });

  it('counts ties as one half', () => {
    expect(aucMannWhitney([1], [1])).toBe(0.5);
    // pairs: (2>1) 1, (2=2) .5, (3>1) 1, (3>2) 1 -> 3.5 of 4
    expect(aucMannWhitney([2, 3], [1, 2])).toBeCloseTo(0.875);
  });

  it('is null when a class is empty', () => {
    expect(aucMannWhitney([], [1])).toBeNull();
    expect(aucMannWhitney([1], [])).toBeNull();
  });
});
