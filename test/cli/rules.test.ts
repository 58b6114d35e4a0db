import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

  it('shows the fields that decide when a rule fires, whatever its type', () => {
    const field = (id: string, label: string): string | undefined =>
      rapport(['rules', 'show', id]).stdout.split('\n').find((line) => line.startsWith(`${label} `))?.slice(label.length).trim();
    expect(field('attunement.echoes-feeling', 'Measure')).toBe('feeling-echo');
    expect(field('attunement.echoes-feeling', 'Client')).toBe('required');
    expect(field('openness.repeated-frame', 'Metric')).toBe('repeats');
    expect(field('pacing.risk-unanswered', 'Cap')).toBe('20');
    expect(field('pacing.risk-unanswered', 'None of')).toMatch(/^patterns: /);
    expect(field('pacing.advice-without-permission', 'Target')).toMatch(/^behaviours: /);
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

  it('validate reports every problem of a pack in one run, in plain words, and counts only its own rules', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rapport-validate-'));
    const rule = (id: string, extra: string) =>
      `  - id: ${id}\n    type: pattern\n    dimension: validation\n    kind: issue\n    weight: 5\n    message: m\n    rationale: r\n${extra}    examples:\n      flag: [a, b]\n      pass: [c, d]\n`;
    writeFileSync(
      join(dir, 'a.yaml'),
      `rules:\n${rule('my.one', '    severity: loud\n    paterns: ["you need"]\n')}${rule('my.two', '    severity: warning\n    patterns: ["(you need"]\n')}${rule('openness.directive', '    severity: warning\n    patterns: ["x"]\n')}`,
    );
    writeFileSync(join(dir, 'b.yaml'), 'rules:\n  - id: my.three\n    type: pattern\n');
    const run = rapport(['rules', 'validate', dir]);
    expect(run.status).toBe(2);
    const lines = run.stderr.trim().split('\n');
    const shown = lines.slice(0, -1).map((line) => line.replace(/^rapport: .*?(\w\.yaml:)/, '$1'));
    expect(shown.slice(0, 5)).toEqual([
      'a.yaml:9:15: rule "my.one": "severity" should be one of error, warning, info',
      'a.yaml:10:5: rule "my.one": unknown key "paterns"',
      'a.yaml:14:5: rule "my.two": missing ")" in pattern "(you need"',
      expect.stringMatching(/^a\.yaml:26:5: rule "openness\.directive": the id "openness\.directive" is already used by the rule at rules\/.+:\d+$/),
      'b.yaml:2:5: rule "my.three": "dimension" is missing: it should be one of validation, openness, pacing, attunement',
    ]);
    expect(shown).toContain('b.yaml:2:5: rule "my.three": "weight" is missing');
    expect(lines.join('\n')).not.toMatch(/Invalid (input|option)|expected string, received/);
    expect(lines.at(-1)).toMatch(/^rapport: \d+ problems in /);

    const good = mkdtempSync(join(tmpdir(), 'rapport-validate-'));
    writeFileSync(join(good, 'a.yaml'), `rules:\n${rule('my.fine', '    severity: warning\n    patterns: ["you need to"]\n')}`);
    const valid = rapport(['rules', 'validate', good]);
    expect(valid.status).toBe(0);
    expect(valid.stdout).toMatch(/^valid: 1 rule in /);
  });

  it('traces tokens, sentences and matches', () => {
    const trace = JSON.parse(rapport(['rules', 'trace', '--format', 'json', 'You need to rest. What helps?']).stdout);
    expect(trace.sentences).toHaveLength(2);
    expect(trace.tokens[0]).toMatchObject({ text: 'You', start: 0, end: 3 });
    expect(trace.matches.map((m: { ruleId: string }) => m.ruleId)).toContain('openness.directive');
  });
});
