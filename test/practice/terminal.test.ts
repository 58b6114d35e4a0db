// rapport practice end to end, through a real pseudo-terminal: tmux runs
// bin/rapport in a detached 100x30 pane, send-keys types as a student would,
// and capture-pane reads the screen. Nothing is mocked. Needs tmux (the test
// setup installs it) and a build (npm test builds first).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { counsellorTurns, isCounsellor, readTranscript } from '../../src/readers/transcripts/index.js';
import { BIN } from '../helpers.js';
import { needs } from '../setup/system.js';

// A private tmux server per test, so the tests never touch anyone else's
// sessions, and a new test never races a server that is shutting down.
let sessions = 0;
const socket = (): string => `rapport-practice-${process.pid}-${sessions}`;

function tmux(...args: string[]): string {
  const result = spawnSync('tmux', ['-L', socket(), ...args], { encoding: 'utf8' });
  if (result.error) throw new Error(`tmux is needed for these tests (apt-get install -y tmux): ${result.error.message}`);
  if (result.status !== 0) throw new Error(`tmux ${args[0]} failed: ${result.stderr}`);
  return result.stdout;
}

interface Pane {
  name: string;
  dir: string;
  /** Everything shown so far, wrapped lines joined. */
  screen(): string;
  /** Wait until the screen shows `text` (at least `count` times); returns the screen. */
  waitFor(text: string | RegExp, count?: number): Promise<string>;
  keys(...keys: string[]): void;
  type(text: string): void;
}

function quote(arg: string): string {
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

function start(args: string[], env: Record<string, string> = {}): Pane {
  const name = `p${++sessions}`;
  const dir = mkdtempSync(join(tmpdir(), 'practice-tty-'));
  const vars = Object.entries({ TERM: 'xterm-256color', NO_COLOR: '1', ...env })
    .map(([k, v]) => `${k}=${quote(v)}`)
    .join(' ');
  // Keep the pane open after rapport ends, so its last words and exit code can be read.
  const command = `env -u FORCE_COLOR ${vars} ${quote(process.execPath)} ${quote(BIN)} ${args.map(quote).join(' ')}; echo "[exit $?]"; sleep 600`;
  tmux('new-session', '-d', '-s', name, '-x', '100', '-y', '30', '-c', dir, command);
  const screen = (): string => tmux('capture-pane', '-p', '-J', '-S', '-', '-t', name);
  return {
    name,
    dir,
    screen,
    async waitFor(text, count = 1) {
      const deadline = Date.now() + 20_000;
      for (;;) {
        const shown = screen();
        const found = typeof text === 'string' ? shown.split(text).length - 1 : (shown.match(new RegExp(text.source, 'g')) ?? []).length;
        if (found >= count) return shown;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(text)} (x${count}); the screen shows:\n${shown}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    keys: (...keys) => void tmux('send-keys', '-t', name, ...keys),
    type: (text) => void tmux('send-keys', '-t', name, '-l', text),
  };
}

beforeAll(() => needs('tmux'));

afterEach(() => {
  spawnSync('tmux', ['-L', socket(), 'kill-server']);
});

const POOR = 'Calm down. You need to sit down and tell me what happened.';
const BETTER = "It sounds like everyone has treated you as if you did something wrong, and you're angry and scared for your kid. What would help most right now?";

function scores(screen: string): number[] {
  return [...screen.matchAll(/Score (\d+)\/100/g)].map((m) => Number(m[1]));
}

describe('rapport practice in a terminal', () => {
  it('takes a reply, scores it, revises from the draft, shows the change, and saves when asked', async () => {
    const pane = start(['practice', '--scenario', 'crisis-after-crash', '--save', 'session.json']);
    await pane.waitFor('Ctrl-D: submit');
    const card = pane.screen();
    expect(card).toContain('Shaken and defensive after a car crash');
    expect(card).toContain("Don't do the calm voice thing with me.");
    expect(card).toContain('Body language:');

    pane.type(POOR);
    pane.keys('C-d');
    let screen = await pane.waitFor('What next?');
    const [first] = scores(screen);
    expect(first).toBeDefined();
    expect(screen).toMatch(/validation\s+[█░]+\s+\d+/);
    expect(screen).toContain('✗');

    // Revise is the default choice; the box starts with the draft.
    pane.keys('Enter');
    screen = await pane.waitFor('Revise your reply', 2);
    expect(screen.slice(screen.lastIndexOf('Revise your reply'))).toContain(POOR);
    pane.keys('C-u');
    pane.type(BETTER);
    pane.keys('C-d');
    screen = await pane.waitFor('since your last draft');
    const [, second] = scores(screen);
    expect(second).toBeGreaterThan(first!);
    expect(screen).toContain(`▲ +${second! - first!} since your last draft (${first})`);
    expect(screen).toMatch(/Session [▁▂▃▄▅▆▇█]{2}/);

    // Quit (the last choice; Up wraps round to it).
    await pane.waitFor('What next?', 2);
    pane.keys('Up', 'Enter');
    screen = await pane.waitFor('[exit 0]');
    expect(screen).toContain('2 replies on 1 scenario');

    const file = join(pane.dir, 'session.json');
    const turns = readTranscript(readFileSync(file, 'utf8'), file, { defaultTranscript: file });
    const attempts = [...counsellorTurns(turns, (s) => isCounsellor(s, undefined))];
    expect(attempts.map((a) => a.turn.text)).toEqual([POOR, BETTER]);
    expect(attempts.every((a) => a.client?.startsWith("Don't do the calm voice"))).toBe(true);
    expect(attempts.map((a) => Number(a.turn.fields?.score))).toEqual([first, second]);
  });

  it('keeps multi-line replies: Enter starts a new line, Ctrl-S submits too', async () => {
    const pane = start(['practice', '--scenario', 'crisis-flood-numb', '--save', 's.json']);
    await pane.waitFor('Ctrl-D: submit');
    pane.type('That sounds like a lot to take in.');
    pane.keys('Enter');
    pane.type('What is the numbness like?');
    pane.keys('C-s');
    await pane.waitFor('What next?');
    pane.keys('C-c');
    await pane.waitFor('[exit 0]');
    const saved = JSON.parse(readFileSync(join(pane.dir, 's.json'), 'utf8'));
    expect(saved[1].text).toBe('That sounds like a lot to take in.\nWhat is the numbness like?');
  });

  it('exits cleanly on Ctrl-C and keeps the session so far when saving was on', async () => {
    const pane = start(['practice', '--scenario', 'crisis-flood-numb', '--save', 'kept.json']);
    await pane.waitFor('Ctrl-D: submit');
    pane.type('You should be grateful everyone is alive.');
    pane.keys('C-d');
    await pane.waitFor('What next?');
    pane.keys('Enter');
    await pane.waitFor('Revise your reply', 2);
    pane.type(' Half-written');
    pane.keys('C-c');
    const screen = await pane.waitFor('[exit 0]');
    expect(screen).toContain('Stopped. The session so far is saved in kept.json.');
    expect(screen).not.toMatch(/Error|at .*\.js:\d+/);
    const saved = JSON.parse(readFileSync(join(pane.dir, 'kept.json'), 'utf8'));
    expect(saved.map((t: { speaker: string }) => t.speaker)).toEqual(['client', 'counsellor']);
  });

  it('asks before saving, and writes nothing when the answer is no', async () => {
    const pane = start(['practice', '--scenario', 'school-exam-panic']);
    await pane.waitFor('Ctrl-D: submit');
    pane.type('Why did you not revise earlier?');
    pane.keys('C-d');
    await pane.waitFor('What next?');
    pane.keys('Up', 'Enter');
    await pane.waitFor('Save this session');
    pane.keys('n');
    pane.keys('Enter');
    await pane.waitFor('[exit 0]');
    expect(readdirSync(pane.dir)).toEqual([]);
  });

  it('lets the student choose a scenario by setting and difficulty', async () => {
    const pane = start(['practice']);
    await pane.waitFor('Which setting?');
    pane.keys('Down', 'Enter'); // intake
    await pane.waitFor('How hard?');
    pane.keys('Enter'); // easy: a single intake scenario, so it opens at once
    const screen = await pane.waitFor('Ctrl-D: submit');
    expect(screen).toMatch(/intake · easy/);
    pane.keys('C-c');
    await pane.waitFor('[exit 0]');
    expect(existsSync(join(pane.dir, 'session.json'))).toBe(false);
  });

  it('prints no colour under NO_COLOR', async () => {
    const pane = start(['practice', '--scenario', 'crisis-after-crash']);
    await pane.waitFor('Ctrl-D: submit');
    pane.type(POOR);
    pane.keys('C-d');
    await pane.waitFor('What next?');
    const raw = tmux('capture-pane', '-p', '-e', '-t', pane.name);
    expect(raw).not.toMatch(/\u001b\[[0-9;]*[1-9][0-9;]*m/);
    pane.keys('C-c');
    await pane.waitFor('[exit 0]');
  });
});
