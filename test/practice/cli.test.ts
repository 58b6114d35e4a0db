// rapport practice without a terminal: --list, user scenario files and their
// errors, and the refusal to start when standard input is not a terminal.
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findScenario, loadScenarios } from '../../src/practice/bank.js';
import { addAttempt, newSession, saveSession } from '../../src/practice/session.js';
import { rapport } from '../helpers.js';

describe('rapport practice --list', () => {
  it('prints the whole bank as a table, without a terminal', () => {
    const { status, stdout, stderr } = rapport(['practice', '--list'], { input: '' });
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+SETTING\s+DIFFICULTY\s+TITLE$/);
    const rows = lines.filter((l) => /^[a-z0-9-]+\s{2,}(crisis|intake|substance-use|school|workplace|healthcare|peer-support)\s/.test(l));
    expect(rows.length).toBeGreaterThanOrEqual(24);
    expect(stdout).toMatch(/^crisis-after-crash\s+crisis\s+hard\s+Shaken and defensive after a car crash$/m);
    expect(stdout).toContain(`${rows.length} scenarios.`);
    expect(stdout).not.toContain('\u001b[');
  });

  it('filters by setting and difficulty', () => {
    const { status, stdout } = rapport(['practice', '--list', '--setting', 'school', '--difficulty', 'easy']);
    expect(status).toBe(0);
    const rows = stdout.split('\n').filter((l) => /^school-/.test(l));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toMatch(/^\S+\s+school\s+easy\s/);
  });

  it('adds the user scenario files given with --scenarios', () => {
    const { status, stdout } = rapport(['practice', '--list', '--scenarios', 'fixtures/practice/good', '--setting', 'healthcare']);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^my-placement-nerves\s+healthcare\s+easy\s+A student nurse dreading the first placement$/m);
  });
});

describe('rapport practice errors (exit 2, one line)', () => {
  it('names file:line:col of an invalid scenario file', () => {
    const { status, stdout, stderr } = rapport(['practice', '--list', '--scenarios', 'fixtures/practice/bad']);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('rapport: fixtures/practice/bad/broken.yaml:4:14: scenario "broken-one": "setting" must be one of crisis, intake, substance-use, school, workplace, healthcare, peer-support\n');
  });

  it('rejects a scenario id defined twice', () => {
    const { status, stderr } = rapport(['practice', '--list', '--scenarios', 'fixtures/practice/good', '--scenarios', 'fixtures/practice/good/my-scenarios.yaml']);
    expect(status).toBe(2);
    expect(stderr).toMatch(/^rapport: fixtures\/practice\/good\/my-scenarios\.yaml:\d+:\d+: scenario "my-placement-nerves": duplicate id/);
  });

  it('reports a missing scenario folder and an unknown scenario id', () => {
    expect(rapport(['practice', '--list', '--scenarios', 'no/such/dir']).stderr).toBe('rapport: no/such/dir: no such scenario file or folder\n');
    const unknown = rapport(['practice', '--scenario', 'crisis-after-crsh'], { input: '' });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/^rapport: no scenario "crisis-after-crsh" .*did you mean .*crisis-after-crash/);
  });

  it('rejects an unknown setting', () => {
    const { status, stderr } = rapport(['practice', '--list', '--setting', 'prison']);
    expect(status).toBe(2);
    expect(stderr).toContain('prison');
  });

  it('says it needs a terminal, points to rapport check, and writes nothing when standard input is not one', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'practice-notty-'));
    const { status, stdout, stderr } = rapport(['practice', '--scenario', 'crisis-after-crash', '--save', 'session.json'], { input: 'Calm down.\n', cwd });
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/needs a terminal/);
    expect(stderr).toContain('rapport check');
    expect(readdirSync(cwd)).toEqual([]);
  });
});

describe('rapport practice --help', () => {
  it('shows real examples and the submit key', () => {
    const { status, stdout } = rapport(['practice', '--help']);
    expect(status).toBe(0);
    expect(stdout).toContain('rapport practice --scenario crisis-after-crash');
    expect(stdout).toContain('Ctrl-D');
    expect(stdout).toContain('rapport batch session.json');
  });
});

describe('a saved practice session', () => {
  it('is scored by rapport batch: one record per attempt, with the scenario as the client turn', () => {
    const scenario = findScenario(loadScenarios(), 'crisis-flood-numb');
    const session = newSession();
    addAttempt(session, scenario, 'You should be grateful.', 20, 'needs work');
    addAttempt(session, scenario, 'It sounds like it still does not feel real. What is that like?', 70, 'good');
    const file = join(mkdtempSync(join(tmpdir(), 'practice-batch-')), 'session.json');
    saveSession(file, session);
    const { status, stdout, stderr } = rapport(['batch', file, '--format', 'json']);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const report = JSON.parse(stdout);
    const turns = report.transcripts.flatMap((t: { turns: unknown[] }) => t.turns);
    expect(turns).toHaveLength(2);
    expect(turns[0]).toMatchObject({ transcript: 'crisis-flood-numb', speaker: 'counsellor', text: 'You should be grateful.', client: scenario.client });
    expect(turns[1].score).toBeGreaterThan(turns[0].score);
  });
});
