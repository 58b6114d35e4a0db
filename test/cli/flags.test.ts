// Short flags (-c, -r, -f, -o) and counsellor labels that add to the defaults or replace them.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rapport } from '../helpers.js';

describe('short flags', () => {
  it('-r adds a rule pack and -c names the config, as --rules and --config do', () => {
    const reply = 'Listen, young lady, you need to calm down.';
    const ids = (args: string[]): string[] => JSON.parse(rapport(['check', '-f', 'json', ...args, reply]).stdout).findings.map((f: { ruleId: string }) => f.ruleId);
    expect(ids(['-r', 'fixtures/packs/custom'])).toContain('custom.talking-down');
    expect(ids(['-r', 'fixtures/packs/custom'])).toEqual(ids(['--rules', 'fixtures/packs/custom']));
    const dir = mkdtempSync(join(tmpdir(), 'rapport-flags-'));
    writeFileSync(join(dir, 'c.yaml'), 'rules:\n  openness.directive: "off"\n');
    expect(ids(['-c', join(dir, 'c.yaml')])).not.toContain('openness.directive');
    expect(ids([])).toContain('openness.directive');
  });
});

describe('check --quiet and --min-severity', () => {
  it('hide issues below the level and keep the score and the strengths', () => {
    const reply = 'You need to calm down.';
    const critique = (args: string[]) => JSON.parse(rapport(['check', '-f', 'json', ...args, reply]).stdout);
    const all = critique([]);
    const issues = (c: { findings: { kind: string; severity: string }[] }) => c.findings.filter((f) => f.kind === 'issue').map((f) => f.severity);
    expect(new Set(issues(all))).toEqual(new Set(['error', 'warning', 'info']));
    const quiet = critique(['--quiet']);
    expect(issues(quiet)).toEqual(['error']);
    expect(quiet.score).toBe(all.score);
    expect(quiet.findings.filter((f: { kind: string }) => f.kind === 'strength')).toEqual(all.findings.filter((f: { kind: string }) => f.kind === 'strength'));
    expect(new Set(issues(critique(['--min-severity', 'warn'])))).toEqual(new Set(['error', 'warning']));
  });
});

describe('counsellor labels in batch', () => {
  const transcript = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'rapport-labels-'));
    writeFileSync(join(dir, 's.txt'), 'Client: I feel stuck.\nTherapist: It sounds hard.\nClient: Yes.\nSam Lee: What would help?\n');
    return join(dir, 's.txt');
  };
  const speakers = (args: string[]): string[] =>
    rapport(['batch', '-f', 'jsonl', ...args, transcript()])
      .stdout.trim()
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line).speaker);

  it('--counsellor adds a name to the default labels; --only-counsellor replaces them', () => {
    expect(speakers([])).toEqual(['Therapist']);
    expect(speakers(['--counsellor', 'Sam Lee'])).toEqual(['Therapist', 'Sam Lee']);
    expect(speakers(['--only-counsellor', 'Sam Lee'])).toEqual(['Sam Lee']);
  });
});
