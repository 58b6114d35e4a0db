// Every rule's own examples, as its tests (the same check as `rapport rules test`).
import { describe, expect, it } from 'vitest';
import { runExamples } from '../../src/core/rules/examples.js';
import { builtinPack } from '../helpers.js';

const pack = await builtinPack();
const results = runExamples(pack);

describe('built-in rules', () => {
  it('has at least 40 rules, each with at least two flag and two pass examples', () => {
    expect(pack.rules.length).toBeGreaterThanOrEqual(40);
    for (const rule of pack.rules) {
      expect(rule.definition.examples.flag.length, rule.definition.id).toBeGreaterThanOrEqual(2);
      expect(rule.definition.examples.pass.length, rule.definition.id).toBeGreaterThanOrEqual(2);
    }
  });

  it('covers all four dimensions with both strengths and issues', () => {
    for (const dimension of ['validation', 'openness', 'pacing', 'attunement']) {
      const kinds = new Set(pack.rules.filter((r) => r.definition.dimension === dimension).map((r) => r.definition.kind));
      expect(kinds, dimension).toContain('strength');
      expect(kinds, dimension).toContain('issue');
    }
  });
});

describe.each(pack.rules.map((rule) => rule.definition.id))('%s', (id) => {
  it.each(results.filter((result) => result.ruleId === id).map((result) => [result.expect, result.reply, result] as const))(
    '%s: %s',
    (_expect, _reply, result) => {
      expect(result.ok, result.expect === 'flag' ? 'expected the rule to fire' : `expected silence, matched ${result.matched.join(', ')}`).toBe(true);
    },
  );
});
