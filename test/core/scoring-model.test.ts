// The scoring model users read in --explain: saturating strengths, issues in
// full, and a cap that harm holds over everything else.
import { describe, expect, it } from 'vitest';
import { CLEAN_BONUS, FAULT_FLOOR, MIXED_CEILING, OVERLAPPING, REAL_FAULT, score } from '../../src/core/findings/score.js';
import { critique } from '../../src/core/critique.js';
import { builtinPack } from '../helpers.js';

const weights: Record<string, { weight: number; cap?: number; severity?: 'info' | 'warning' | 'error' }> = {
  'a.one': { weight: 20 },
  'a.two': { weight: 20 },
  'b.one': { weight: 20 },
  'c.harm': { weight: 10, cap: 25 },
  'd.fault': { weight: 10 },
  'e.fault': { weight: 10 },
  'f.fault': { weight: 10 },
  'g.fault': { weight: 10 },
  'h.harm': { weight: 10, cap: 10 },
  'i.real': { weight: REAL_FAULT, severity: 'warning' },
  'j.minor': { weight: REAL_FAULT, severity: 'info' },
};
const ruleOf = (id: string) => weights[id]!;
const strength = (ruleId: string, dimension: 'validation' | 'openness') => ({ ruleId, dimension, kind: 'strength' as const, start: 0, end: 0 });

describe('scoring model', () => {
  it('gives one strength in full, a second in the same dimension half, a second dimension three quarters, and a bonus when nothing is at fault', () => {
    expect(score([strength('a.one', 'validation')], ruleOf).score).toBe(70 + CLEAN_BONUS);
    expect(score([strength('a.one', 'validation'), strength('a.two', 'validation')], ruleOf).score).toBe(80 + CLEAN_BONUS);
    expect(score([strength('a.one', 'validation'), strength('b.one', 'openness')], ruleOf).score).toBe(85 + CLEAN_BONUS);
    expect(score([strength('a.one', 'validation'), { ruleId: 'd.fault', dimension: 'openness', kind: 'issue', start: 0, end: 0 }], ruleOf).score).toBe(60);
  });

  it('lets faults alone go no lower than the floor; only harm goes below it', () => {
    const faults = ['d.fault', 'e.fault', 'f.fault', 'g.fault'].map((ruleId) => ({ ruleId, dimension: 'pacing' as const, kind: 'issue' as const, start: 0, end: 0 }));
    expect(score(faults, ruleOf).score).toBe(FAULT_FLOOR);
    expect(score(faults, ruleOf).floored).toBe(true);
    expect(score([...faults, { ruleId: 'h.harm', dimension: 'validation', kind: 'issue', start: 0, end: 0 }], ruleOf).score).toBe(10);
  });

  it('lets a capped issue hold the score down whatever the strengths, and says which', () => {
    const scores = score([strength('a.one', 'validation'), strength('b.one', 'openness'), { ruleId: 'c.harm', dimension: 'validation', kind: 'issue', start: 0, end: 0 }], ruleOf);
    expect(scores.uncapped).toBe(75);
    expect(scores.score).toBe(25);
    expect(scores.cap).toEqual({ ruleId: 'c.harm', cap: 25 });
  });

  it('counts one fault seen by several rules once in full, and the others at a share', () => {
    const at = (ruleId: string, start: number, end: number) => ({ ruleId, dimension: 'pacing' as const, kind: 'issue' as const, start, end });
    expect(score([at('d.fault', 0, 9), at('e.fault', 20, 30)], ruleOf).score).toBe(30);
    expect(score([at('d.fault', 0, 9), at('e.fault', 5, 30)], ruleOf).score).toBe(50 - 10 - 10 * OVERLAPPING);
    expect(score([at('d.fault', 0, 9), at('e.fault', 5, 30)], ruleOf).contributions.map((c) => c.points)).toEqual([-10, -10 * OVERLAPPING]);
  });

  it('keeps a strong move beside one real fault in the middle, but not a minor one', () => {
    const strong = [strength('a.one', 'validation'), strength('a.two', 'validation'), strength('b.one', 'openness')];
    const fault = (ruleId: string) => ({ ruleId, dimension: 'pacing' as const, kind: 'issue' as const, start: 0, end: 0 });
    const mixed = score([...strong, fault('i.real')], ruleOf);
    expect(mixed.uncapped).toBeGreaterThan(MIXED_CEILING);
    expect(mixed.score).toBe(MIXED_CEILING);
    expect(mixed.cap).toEqual({ ruleId: 'i.real', cap: MIXED_CEILING });
    expect(score([...strong, fault('j.minor')], ruleOf).score).toBeGreaterThan(MIXED_CEILING);
  });

  it('sits at 50 with nothing to praise or fault', () => {
    expect(score([], ruleOf).score).toBe(50);
  });
});

describe('the built-in judgment', async () => {
  const pack = await builtinPack();
  it.each([
    'It sounds like you brought this on yourself.',
    'I hear you. You are being ridiculous.',
    'Would you be willing to just stop drinking right now?',
    'It makes sense that your boss is annoyed with you.',
  ])('puts harm in coaching phrases in "needs work": %s', (reply) => {
    expect(critique(pack, reply).score).toBeLessThanOrEqual(45);
  });

  it.each(['What has been the hardest part of all this for you?', "I'm so sorry you're going through this.", 'That must be exhausting.'])(
    'recognises plain good: %s',
    (reply) => expect(critique(pack, reply).score).toBeGreaterThanOrEqual(70),
  );

  it.each([
    ['What has been the hardest part of all this for you?', "My husband left and I'm on my own with the kids."],
    ['What would feel manageable for you this week?', "I can't keep up with anything at the moment."],
    ["I'm so sorry you're going through this.", 'My dad died on Sunday.'],
    ['You rang them yourself, even though you were terrified. That took guts.', 'I finally called the helpline yesterday.'],
  ])('recognises plain good beside the client statement: %s', (reply, client) => {
    expect(critique(pack, reply, client).score).toBeGreaterThanOrEqual(70);
  });

  it.each([
    ["It sounds like you're reaping what you sowed.", 'My wife left me after I cheated.'],
    ["I hear you. You're an idiot for going back to him.", 'I went back to him again.'],
    ['It sounds like you feel stupid, and honestly you are.', 'I feel so stupid for trusting him.'],
    ["It sounds like you're feeling numb. Would you be willing to focus on the positives?", 'My house burned down last week.'],
    ["Oh, please don't say that. You have so much to live for.", "I don't want to be alive anymore."],
  ])('keeps harm in "needs work" whatever frame carries it: %s', (reply, client) => {
    expect(critique(pack, reply, client).score).toBeLessThanOrEqual(30);
  });

  it('puts one good move plus one real fault in the middle', () => {
    const { score: mixed } = critique(pack, "It sounds like you're exhausted. You should take a break.", "I've been working nights and looking after my mum.");
    expect(mixed).toBeGreaterThanOrEqual(45);
    expect(mixed).toBeLessThan(70);
  });

  it('asks for a safety question after a disclosure of risk', () => {
    const client = "I've been thinking about killing myself.";
    expect(critique(pack, 'That sounds hard. What else is going on?', client).score).toBeLessThanOrEqual(35);
    expect(critique(pack, "Thank you for telling me. Are you thinking of ending your life tonight?", client).score).toBeGreaterThanOrEqual(70);
  });
});
