// Every example shown in every --help runs: each is parsed from the Examples sections and run,
// through a shell, in a workspace laid out with the names the examples use (made from fixtures).
// An example may fail a threshold (exit 1: several show --fail-under), never with a usage error
// or an internal error (exit 2).
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, NODE_FLAGS, rapport, ROOT } from '../helpers.js';

const fixture = (path: string): string => join(ROOT, 'fixtures', path);

/** The help screens: the program's, each command's and each rules subcommand's. */
function helpScreens(): Map<string, string> {
  const screens = new Map<string, string>();
  const commands = ['check', 'batch', 'lint', 'eval', 'practice', 'rules'];
  const rulesSubcommands = ['list', 'show', 'test', 'validate', 'trace'];
  for (const args of [[], ...commands.map((c) => [c]), ...rulesSubcommands.map((s) => ['rules', s])]) {
    const run = rapport([...args, '--help']);
    expect(run.status, `rapport ${args.join(' ')} --help`).toBe(0);
    screens.set(['rapport', ...args].join(' '), run.stdout);
  }
  return screens;
}

/** The commands of a help screen's Examples section: continuation lines joined, descriptions cut. */
export function examplesOf(help: string): string[] {
  const lines = help.split('\n');
  const start = lines.findIndex((line) => line.trim() === 'Examples:');
  if (start < 0) return [];
  const examples: string[] = [];
  let pending = '';
  for (const line of lines.slice(start + 1)) {
    if (!line.startsWith('  ')) break;
    const text = pending ? `${pending} ${line.trim()}` : line.trim();
    if (text.endsWith('\\')) {
      pending = text.slice(0, -1).trim();
      continue;
    }
    pending = '';
    // A description follows the command after a wide gap (three spaces or more).
    examples.push(text.split(/ {3,}/)[0]!.replace(/\s+#.*$/, '').trim());
  }
  return examples;
}

function csv(rows: string[][]): string {
  return `${rows.map((row) => row.map((cell) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(',')).join('\n')}\n`;
}

/** A folder holding every file and folder the examples name. */
function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-help-examples-'));
  const copy = (from: string, to: string): void => {
    mkdirSync(dirname(join(dir, to)), { recursive: true });
    cpSync(fixture(from), join(dir, to), { recursive: true });
  };
  writeFileSync(join(dir, 'package.json'), '{}');
  copy('training', 'handbook');
  copy('lint/course/module-1.md', 'modules/week-1/module-1.md');
  copy('training/scenarios.yaml', 'scenarios.yaml');
  copy('lint/course', 'docs');
  copy('training/handbook.md', 'notes.md');
  copy('transcripts/session.txt', 'sessions/session-1.txt');
  copy('transcripts/session.txt', 'session.txt');
  copy('transcripts/session.vtt', 'recordings/session-1.vtt');
  copy('transcripts/session.jsonl', 'session.jsonl');
  copy('transcripts/session.json', 'session.json');
  copy('replies/poor.txt', 'draft.txt');
  copy('packs/custom', 'course-rules');
  copy('calibration/tuning-c.yaml', 'supervisor-scores.yaml');
  copy('calibration/held-out.yaml', 'new-scores.yaml');
  copy('practice/good', 'my-scenarios');
  copy('eval/coded.csv', 'annomi/dev-full.csv');
  copy('eval/esconv-sample.tsv', 'esconv/dev.tsv');
  // AnnoMI's simple layout: one row per utterance, main_therapist_behaviour only.
  const full = readFileSync(fixture('eval/coded.csv'), 'utf8').trim().split('\n').map((line) => line.split(','));
  const keep = ['transcript_id', 'mi_quality', 'utterance_id', 'interlocutor', 'utterance_text', 'main_therapist_behaviour'].map((name) => full[0]!.indexOf(name));
  const seen = new Set<string>();
  const simple = full.filter((row) => {
    const key = `${row[0]}/${row[2]}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  writeFileSync(join(dir, 'annomi/dev-simple.csv'), `${simple.map((row) => keep.map((i) => row[i]).join(',')).join('\n')}\n`);
  const turns = [
    ['client', 'My boss shouted at me again and I just froze.'],
    ['therapist', 'It sounds like that left you shaken.'],
    ['client', 'I keep replaying it.'],
    ['therapist', 'What would help right now?'],
  ];
  writeFileSync(join(dir, 'cohort.csv'), csv([['transcript', 'student', 'speaker', 'text'], ...turns.map((t, i) => [`t${i >> 1}`, i < 2 ? 'Ana' : 'Bo', ...t])]));
  mkdirSync(join(dir, 'exports'));
  writeFileSync(join(dir, 'exports/week-1.csv'), csv([['who', 'said'], ...turns]));
  writeFileSync(
    join(dir, 'coded.csv'),
    csv([['transcript', 'speaker', 'text', 'miti'], ['a', 'therapist', 'You feel stuck.', 'SR'], ['a', 'client', 'Yes.', ''], ['a', 'therapist', 'What would help?', 'Q+']]),
  );
  // --changed-since origin/main needs a repository and that ref.
  const git = (...args: string[]) => spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: dir });
  git('init', '-q');
  git('add', '.');
  git('commit', '-q', '-m', 'course');
  git('update-ref', 'refs/remotes/origin/main', 'HEAD');
  // The baseline example reads what the --write-baseline example writes.
  spawnSync(process.execPath, [...NODE_FLAGS, BIN, 'lint', 'docs/', '--write-baseline', '.rapport-baseline.json'], { cwd: dir });
  // `rapport` on the PATH, as an installed user has it.
  mkdirSync(join(dir, '.bin'));
  writeFileSync(join(dir, '.bin/rapport'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(join(dir, '.bin/rapport'), 0o755);
  return dir;
}

/** Examples that need a terminal to type into: `rapport practice` without --list. */
const interactive = (example: string): boolean => /^rapport practice\b/.test(example) && !example.includes('--list');

function runShell(command: string, cwd: string): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('bash', ['-o', 'pipefail', '-c', command], {
      cwd,
      env: { ...process.env, PATH: `${join(cwd, '.bin')}:${process.env.PATH}`, NO_COLOR: '1', FORCE_COLOR: undefined },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (status) => resolve({ status, stderr }));
  });
}

describe('help examples', () => {
  it('parses an Examples section: continuations joined, descriptions and comments cut', () => {
    const help = 'Usage: x\n\nExamples:\n  rapport a "b c"   what it does\n  rapport b \\\n      --c d\n  rapport e   # why\n\nMore text.\n  rapport not-an-example\n';
    expect(examplesOf(help)).toEqual(['rapport a "b c"', 'rapport b --c d', 'rapport e']);
  });

  it('fits every help screen in 80 columns', () => {
    for (const [name, help] of helpScreens()) {
      const wide = help.split('\n').filter((line) => [...line].length > 80);
      expect(wide, `${name} --help`).toEqual([]);
    }
  });

  it('runs every example of every --help without a usage or internal error', { timeout: 600_000 }, async () => {
    const screens = helpScreens();
    const examples = [...new Set([...screens.values()].flatMap(examplesOf))];
    expect(examples.length).toBeGreaterThan(30);
    for (const [name, help] of screens) expect(examplesOf(help).length, `${name} --help shows examples`).toBeGreaterThan(0);
    const runnable = examples.filter((example) => !interactive(example));
    const failures: string[] = [];
    // Two at a time: the machine's two cores.
    const template = workspace();
    const fresh = (): string => {
      const dir = mkdtempSync(join(tmpdir(), 'rapport-help-example-'));
      cpSync(template, dir, { recursive: true });
      return dir;
    };
    const queue = [...runnable];
    await Promise.all(
      [0, 1].map(async () => {
        for (let example = queue.shift(); example !== undefined; example = queue.shift()) {
          const { status, stderr } = await runShell(example, fresh());
          if (status !== 0 && status !== 1) failures.push(`${example}\n  exit ${status}: ${stderr.trim()}`);
          else if (/internal error/.test(stderr)) failures.push(`${example}\n  ${stderr.trim()}`);
        }
      }),
    );
    expect(failures).toEqual([]);
  });
});
