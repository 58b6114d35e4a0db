// The saved session record: what a supervisor gets, and what `rapport batch`
// reads back (each attempt a counsellor turn after the scenario's client turn).
import { mkdtempSync, readFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import chalk from 'chalk';
import { describe, expect, it } from 'vitest';
import { critiqueReply } from '../../src/core/critique.js';
import { formatCompact } from '../../src/formatters/check/compact.js';
import { findScenario, loadScenarios } from '../../src/practice/bank.js';
import { addAttempt, defaultSaveName, newSession, previousScore, saveSession, sessionRecord, sparkline } from '../../src/practice/session.js';
import { diffLines, formatList, formatRewrite } from '../../src/practice/views.js';
import { counsellorTurns, isCounsellor, readTranscript } from '../../src/readers/transcripts/index.js';
import { builtinPack } from '../helpers.js';

const bank = loadScenarios();
const crash = findScenario(bank, 'crisis-after-crash');
const flood = findScenario(bank, 'crisis-flood-numb');

function twoScenarioSession() {
  const session = newSession(new Date('2025-03-01T14:30:00Z'));
  addAttempt(session, crash, 'Calm down.', 20, 'needs work', new Date('2025-03-01T14:31:00Z'));
  addAttempt(session, crash, 'It sounds like you are angry and scared.', 70, 'good', new Date('2025-03-01T14:33:00Z'));
  addAttempt(session, flood, 'Numb, like it is happening to someone else.', 64, 'developing', new Date('2025-03-01T14:40:00Z'));
  return session;
}

describe('session record', () => {
  it('is read by the transcript reader as client/counsellor pairs, one pair per attempt', () => {
    const session = twoScenarioSession();
    const dir = mkdtempSync(join(tmpdir(), 'practice-'));
    const file = join(dir, 'session.json');
    saveSession(file, session);

    const turns = readTranscript(readFileSync(file, 'utf8'), file, { defaultTranscript: file });
    expect(turns).toHaveLength(6);
    const jobs = [...counsellorTurns(turns, (speaker) => isCounsellor(speaker, undefined))];
    expect(jobs.map((j) => j.turn.text)).toEqual(session.attempts.map((a) => a.text));
    expect(jobs.map((j) => j.client)).toEqual([crash.client, crash.client, flood.client]);
    expect(jobs.map((j) => j.turn.transcript)).toEqual(['crisis-after-crash', 'crisis-after-crash', 'crisis-flood-numb']);
    expect(jobs[1]!.turn.fields).toMatchObject({ scenario: 'crisis-after-crash', attempt: '2', score: '70', band: 'good' });
    // No temporary file is left behind.
    expect(readdirSync(dir)).toEqual(['session.json']);
  });

  it('records scenario details on the client turn and score and time on the attempt', () => {
    const [client, attempt] = sessionRecord(twoScenarioSession());
    expect(client).toMatchObject({ speaker: 'client', scenario: 'crisis-after-crash', setting: 'crisis', difficulty: 'hard', title: crash.title });
    expect(attempt).toMatchObject({ speaker: 'counsellor', attempt: 1, score: 20, at: '2025-03-01T14:31:00.000Z' });
  });

  it('knows the previous score on the same scenario only', () => {
    const session = twoScenarioSession();
    expect(previousScore(session, crash)).toBe(20);
    expect(previousScore(session, flood)).toBeNull();
  });

  it('suggests a dated file name', () => {
    expect(defaultSaveName(newSession())).toMatch(/^practice-\d{4}-\d{2}-\d{2}-\d{4}\.json$/);
  });

  it('refuses a file it cannot write with a one-line error naming it', () => {
    const missing = join(tmpdir(), 'no-such-dir-practice', 'session.json');
    expect(() => saveSession(missing, twoScenarioSession())).toThrow(/no-such-dir-practice.*cannot write/);
    expect(existsSync(missing)).toBe(false);
  });
});

describe('practice views', () => {
  it('draws the trend lowest to highest', () => {
    expect(sparkline([0, 50, 100])).toBe('▁▅█');
  });

  it('lists every scenario with its id, setting, difficulty and title', () => {
    chalk.level = 0;
    const lines = formatList(bank).split('\n');
    expect(lines[0]).toMatch(/^ID\s+SETTING\s+DIFFICULTY\s+TITLE$/);
    expect(lines.find((l) => l.startsWith('crisis-after-crash '))).toMatch(/crisis\s+hard\s+Shaken and defensive/);
  });

  it('shows the rewrite as a plain word diff under NO_COLOR, wrapped to the width', () => {
    chalk.level = 0;
    const lines = diffLines('Calm down. You need to sit down.', 'It sounds like this is a lot. Would you like to sit down?', 30);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(30);
    const joined = lines.join(' ');
    expect(joined).toContain('[-Calm down. You need-] {+It sounds like this is a lot. Would you like+} to sit [-down.-] {+down?+}');
  });

  it('shows why the rewrite changed what it did, or the mends when no rewrite scored higher', async () => {
    chalk.level = 0;
    const pack = await builtinPack();
    const { critique } = critiqueReply(pack, 'Calm down. You should just ring the insurance company.', crash.client);
    const view = formatRewrite(critique, 80);
    expect(view).toContain('Why');
    for (const change of critique.rewrite!.changes) expect(view.replace(/\s+/g, ' ')).toContain(change.reason);
    const withoutRewrite = { ...critique, rewrite: null };
    const mends = [{ start: 0, end: 10, replacement: '', reason: 'drops the order to stop feeling “Calm down”' }];
    expect(formatRewrite(withoutRewrite, 80, mends)).toMatch(/none is offered[\s\S]*drops the order to stop feeling “Calm down”/);
  });

  it('keeps the compact critique short, with the change since the last draft', async () => {
    chalk.level = 0;
    const pack = await builtinPack();
    const { critique } = critiqueReply(pack, 'Calm down. You need to sit down and tell me what happened. Why did you drive?', crash.client);
    const view = formatCompact(critique, { previous: critique.score + 5, width: 80 });
    expect(view).toMatch(new RegExp(`^Score ${critique.score}/100`));
    expect(view).toContain('▼ −5 since your last draft');
    expect(view).toContain('validation');
    expect(view).toContain('✗');
    expect(view.split('\n').length).toBeLessThanOrEqual(14);
    for (const line of view.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
  });
});
