// rapport rules end to end: list, show, test, validate, trace, and broken packs.
import { describe, expect, it } from 'vitest';
import { rapport } from '../helpers.js';

describe('rapport rules', () => {
  it('lists every rule as JSON', () => {
    const rules = JSON.parse(rapport(['rules', 'list', '--format', 'json']).stdout);
    expect(rules.length).toBeGreaterThanOrEqual(40);
    expect(rules[0]).toMatchObject({ id: expect.any(String), dimension: expect.any(String), kind: expect.any(String), weight: expect.any(Number) });
  });

  it('shows one rule with its rationale and examples', () => {
    const { status, stdout } = rapport(['rules', 'show', 'openness.directive']);
    expect(status).toBe(0);
    expect(stdout).toMatch(/Why/);
    expect(stdout).toMatch(/Fires on/);
    expect(rapport(['rules', 'show', 'no.such-rule']).status).toBe(2);
  });

  it('runs the examples of all rules, or of one pack', () => {
    expect(rapport(['rules', 'test']).status).toBe(0);
    const custom = rapport(['rules', 'test', 'fixtures/packs/custom']);
    expect(custom.status).toBe(0);
    expect(custom.stdout).toMatch(/all 4 examples of 1 rule pass/);
  });

  it('fails rules test with exit 1 and says which example failed and why', () => {
    const result = rapport(['rules', 'test', 'fixtures/packs/failing']);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/FAIL custom\.never-fires/);
    expect(result.stdout).toMatch(/expected the rule to fire/);
  });

  it('reports a broken pack with file, line, column and rule id, exit 2', () => {
    const broken = rapport(['rules', 'validate', 'fixtures/packs/broken']);
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/fixtures\/packs\/broken\/bad\.yaml:2:5: rule "custom\.broken": missing "\)"/);
    const typo = rapport(['rules', 'validate', 'fixtures/packs/typo']);
    expect(typo.status).toBe(2);
    expect(typo.stderr).toMatch(/typo\.yaml:10:5: rule "custom\.typo": unknown key "paterns"/);
    expect(rapport(['check', '--rules', 'fixtures/packs/typo', 'hello']).status).toBe(2);
  });

  it('traces tokens, sentences and matches', () => {
    const trace = JSON.parse(rapport(['rules', 'trace', '--format', 'json', 'You need to rest. What helps?']).stdout);
    expect(trace.sentences).toHaveLength(2);
    expect(trace.tokens[0]).toMatchObject({ text: 'You', start: 0, end: 3 });
    expect(trace.matches.map((m: { ruleId: string }) => m.ruleId)).toContain('openness.directive');
  });
});
