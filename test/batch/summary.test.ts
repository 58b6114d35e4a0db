// Per-transcript summaries: MITI measures, thresholds, the "too few turns" rule, weakest turns.
import { describe, expect, it } from 'vitest';
import { groupResults, sortResults } from '../../src/batch/cohort.js';
import { rate, THRESHOLDS, tooFewReason } from '../../src/batch/miti.js';
import { defaultThreads } from '../../src/batch/pool.js';
import { median, SummaryBuilder } from '../../src/batch/summary.js';
import type { BatchRecord } from '../../src/batch/types.js';
import type { BehaviourCode, Finding } from '../../src/core/types.js';

let turn = 0;
function record(score: number, codes: BehaviourCode[] = [], issues: string[] = []): BatchRecord {
  const index = turn * 2;
  turn++;
  const findings: Finding[] = issues.map((ruleId) => ({
    ruleId,
    dimension: 'openness',
    kind: 'issue',
    severity: 'warning',
    message: `message of ${ruleId}`,
    start: 0,
    end: 1,
    line: 1,
    column: 1,
    match: 'x',
    suggestion: null,
  }));
  return {
    schemaVersion: 1,
    text: `reply ${turn}`,
    client: `client ${turn}`,
    score,
    band: 'developing',
    dimensions: { validation: { score }, openness: { score }, pacing: { score: 50 }, attunement: { score: 50 } },
    findings,
    behaviours: codes.map((code) => ({ code, start: 0, end: 1 })),
    rewrite: score < 40 ? { text: `better ${turn}`, score: 80, changes: [] } : null,
    source: 'f.csv',
    transcript: 't1',
    id: index + 1,
    index,
    speaker: 'therapist',
  };
}

function build(records: BatchRecord[]) {
  const builder = new SummaryBuilder('f.csv', 't1');
  for (const r of records) builder.add(r);
  return builder.finish();
}

describe('a builder that keeps only the mean score (streamed output)', () => {
  it('gives the same mean as a full summary, and no summary', () => {
    const records = [record(30, ['directive']), record(71), record(55)];
    const light = new SummaryBuilder('f.csv', 't1', false);
    for (const r of records) light.add(r);
    expect(light.meanScore()).toBe(build(records).summary.score.mean);
    expect(light.meanScore()).toBe(52);
    expect(new SummaryBuilder('f.csv', 't2', false).meanScore()).toBeNull();
    expect(() => light.finish()).toThrow(/only the mean score/);
  });
});

describe('MITI thresholds', () => {
  it('rates reflection:question against 1:1 fair and 2:1 good', () => {
    expect(rate(0.9, THRESHOLDS.reflectionToQuestion)).toBe('below fair');
    expect(rate(1, THRESHOLDS.reflectionToQuestion)).toBe('fair');
    expect(rate(2, THRESHOLDS.reflectionToQuestion)).toBe('good');
    expect(rate(null, THRESHOLDS.reflectionToQuestion)).toBeNull();
  });

  it('rates complex reflections against 40% fair and 50% good', () => {
    expect(rate(39.9, THRESHOLDS.percentComplexReflections)).toBe('below fair');
    expect(rate(40, THRESHOLDS.percentComplexReflections)).toBe('fair');
    expect(rate(50, THRESHOLDS.percentComplexReflections)).toBe('good');
  });

  it('says too few turns below 10 counsellor turns or 5 questions and reflections', () => {
    expect(tooFewReason(9, 20)).toMatch(/too few turns to judge/);
    expect(tooFewReason(10, 4)).toMatch(/too few turns to judge/);
    expect(tooFewReason(10, 5)).toBeNull();
  });
});

describe('SummaryBuilder', () => {
  it('counts, averages and judges a long enough transcript', () => {
    // 12 turns: 4 questions (3 open, 1 closed), 8 reflections (4 complex) → R:Q 2:1 good, CR 50% good, open 75% good.
    const records = [
      ...Array.from({ length: 3 }, () => record(60, ['question.open'])),
      record(40, ['question.closed']),
      ...Array.from({ length: 4 }, () => record(70, ['reflection.simple'])),
      ...Array.from({ length: 4 }, () => record(80, ['reflection.complex'])),
    ];
    const { summary, scores } = build(records);
    expect(summary.turns).toBe(12);
    expect(scores).toHaveLength(12);
    expect(summary.score.min).toBe(40);
    expect(summary.score.mean).toBe(Math.round(((3 * 60 + 40 + 4 * 70 + 4 * 80) / 12) * 10) / 10);
    expect(summary.score.median).toBe(70);
    expect(summary.dimensions.pacing).toBe(50);
    expect(summary.behaviours['question.open']).toBe(3);
    expect(summary.behaviours['reflection.complex']).toBe(4);
    const m = summary.miti;
    expect(m.judged).toBe(true);
    expect(m.note).toBeNull();
    expect(m.reflectionToQuestion.value).toBe(2);
    expect(m.reflectionToQuestion.rating).toBe('good');
    expect(m.percentComplexReflections.value).toBe(50);
    expect(m.percentComplexReflections.rating).toBe('good');
    expect(m.percentOpenQuestions.value).toBe(75);
    expect(m.percentOpenQuestions.rating).toBe('good');
  });

  it('counts a turn with several questions as one question (MITI 4)', () => {
    const { summary } = build([record(50, ['question.open', 'question.closed'])]);
    expect(summary.miti.questions).toBe(1);
  });

  it('gives no verdicts for a short transcript, and says why', () => {
    const { summary } = build(Array.from({ length: 6 }, () => record(50, ['reflection.complex'])));
    expect(summary.miti.judged).toBe(false);
    expect(summary.miti.note).toMatch(/too few turns to judge: 6 counsellor turns/);
    expect(summary.miti.percentComplexReflections.value).toBe(100);
    expect(summary.miti.percentComplexReflections.rating).toBeNull();
    expect(summary.miti.reflectionToQuestion.rating).toBeNull();
  });

  it('gives no verdicts with enough turns but too few questions and reflections', () => {
    const { summary } = build([...Array.from({ length: 10 }, () => record(50)), record(50, ['question.open'])]);
    expect(summary.miti.judged).toBe(false);
    expect(summary.miti.note).toMatch(/1 question and reflections/);
  });

  it('keeps the three weakest turns, lowest first, with rewrites', () => {
    const { summary } = build([record(70), record(20), record(90), record(35), record(30), record(60)]);
    expect(summary.weakest.map((w) => w.score)).toEqual([20, 30, 35]);
    expect(summary.weakest[0]!.rewrite).toEqual({ text: expect.stringMatching(/^better/), score: 80, changes: [] });
    expect(summary.weakest[0]!.client).toMatch(/^client/);
  });

  it('ranks the most frequent issues by the turns they appear in', () => {
    const { summary } = build([record(50, [], ['a.one', 'b.two']), record(50, [], ['b.two', 'b.two']), record(50, [], ['c.three', 'b.two'])]);
    expect(summary.issues[0]).toMatchObject({ ruleId: 'b.two', turns: 3 });
    expect(summary.issues.map((i) => i.ruleId)).toEqual(['b.two', 'a.one', 'c.three']);
  });

  it('counts MI-adherent and non-adherent behaviour, letting permission cover the advice after it', () => {
    const { summary } = build([
      record(50, ['advice']), // persuade: non-adherent
      record(50, ['directive']), // non-adherent
      record(50, ['permission']), // adherent
      record(50, ['advice']), // covered by the permission just before
      record(50, ['affirmation', 'autonomy']), // adherent ×2
    ]);
    expect(summary.miti.adherent).toBe(3);
    expect(summary.miti.nonAdherent).toBe(2);
    expect(summary.miti.percentAdherent.value).toBe(60);
  });

  it('computes the median of even and odd counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});

describe('cohort', () => {
  it('sorts by score (lowest first), name and turns, and groups by the group field', () => {
    const a = build([record(80), record(80)]);
    const b = build([record(30)]);
    const c = build([record(60), record(60), record(60)]);
    a.transcript = 'alpha';
    b.transcript = 'beta';
    c.transcript = 'gamma';
    a.summary.group = 'Sam';
    c.summary.group = 'Sam';
    b.summary.group = 'Ada';
    expect(sortResults([a, b, c], 'score').map((r) => r.transcript)).toEqual(['beta', 'gamma', 'alpha']);
    expect(sortResults([c, b, a], 'name').map((r) => r.transcript)).toEqual(['alpha', 'beta', 'gamma']);
    expect(sortResults([a, b, c], 'turns').map((r) => r.transcript)).toEqual(['gamma', 'alpha', 'beta']);
    const groups = groupResults(sortResults([a, b, c], 'score'));
    expect(groups.map((g) => [g.name, g.transcripts.map((r) => r.transcript), g.turns, g.mean])).toEqual([
      ['Ada', ['beta'], 1, 30],
      ['Sam', ['gamma', 'alpha'], 5, 68],
    ]);
  });
});

describe('worker threads for --jobs auto', () => {
  it('uses one per idle core beyond the main thread when that makes two or more; none on a 2-core, busy or one-core machine', () => {
    expect(defaultThreads(4, 2, 0.1)).toBe(0);
    expect(defaultThreads(4, 4, 0.5)).toBe(3);
    expect(defaultThreads(4, 8, 0.2)).toBe(4);
    expect(defaultThreads(4, 8, 5)).toBe(2);
    expect(defaultThreads(4, 2, 4.6)).toBe(0);
    expect(defaultThreads(4, 1, 0)).toBe(0);
  });
});
