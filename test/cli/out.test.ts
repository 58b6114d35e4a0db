// --out: atomic, created with the umask's mode, one clear line for a missing folder, devices
// written through (never replaced), and never over a file the run reads.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryFor } from '../../src/io/output.js';
import { BIN, rapport, ROOT } from '../helpers.js';

const fresh = (): string => mkdtempSync(join(tmpdir(), 'rapport-out-'));

/** Runs rapport under a given umask, through a shell, as a user's terminal would. */
function withUmask(umask: string, args: string[], cwd: string) {
  const quoted = args.map((arg) => `'${arg.replace(/'/g, `'\\''`)}'`).join(' ');
  return spawnSync('sh', ['-c', `umask ${umask} && exec "${process.execPath}" "${BIN}" ${quoted}`], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
}

describe('--out', () => {
  it('creates the report with the mode the umask gives, for every kind of report', () => {
    const dir = fresh();
    const transcript = join(ROOT, 'fixtures/transcripts/session.txt');
    for (const [umask, mode] of [['022', 0o644], ['027', 0o640], ['077', 0o600]] as const) {
      expect(withUmask(umask, ['check', 'It sounds hard.', '-o', `check-${umask}.md`], dir).status).toBe(0);
      expect(withUmask(umask, ['batch', transcript, '-f', 'html', '-o', `batch-${umask}.html`], dir).status).toBe(0);
      expect(statSync(join(dir, `check-${umask}.md`)).mode & 0o777).toBe(mode);
      expect(statSync(join(dir, `batch-${umask}.html`)).mode & 0o777).toBe(mode);
    }
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('keeps the mode of a report it replaces', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'r.md'), 'old');
    chmodSync(join(dir, 'r.md'), 0o604);
    expect(rapport(['check', 'It sounds hard.', '--out', 'r.md'], { cwd: dir }).status).toBe(0);
    expect(statSync(join(dir, 'r.md')).mode & 0o777).toBe(0o604);
    expect(readFileSync(join(dir, 'r.md'), 'utf8')).toMatch(/^Score \d+\/100/);
  });

  it('says in one line that the folder is missing', () => {
    const dir = fresh();
    for (const args of [['check', 'hi', '--out', 'nodir/x.md'], ['batch', join(ROOT, 'fixtures/transcripts/session.txt'), '-f', 'jsonl', '-o', 'nodir/x.jsonl']]) {
      const run = rapport(args, { cwd: dir });
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/^rapport: nodir\/x\.\w+: cannot write the report: there is no folder "nodir" to write it in\n$/);
    }
  });

  it('writes through a device such as /dev/null and leaves it a device', () => {
    const run = rapport(['check', 'It sounds hard.', '--out', '/dev/null']);
    expect(run.status).toBe(0);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('uses an unpredictable temporary name beside the target', () => {
    const a = temporaryFor('/x/report.md');
    expect(a).toMatch(/^\/x\/\.report\.md\.[0-9a-f]{12}\.tmp$/);
    expect(temporaryFor('/x/report.md')).not.toBe(a);
  });

  it('refuses, with exit 2, to write over the config, a rule file, a baseline or a reply it reads', () => {
    const dir = fresh();
    writeFileSync(join(dir, '.rapportrc.yaml'), 'rules: {}\n');
    writeFileSync(join(dir, 'c.yaml'), 'rules: {}\n');
    writeFileSync(join(dir, 'draft.txt'), 'It sounds hard.\n');
    writeFileSync(join(dir, 'a.md'), 'Counsellor: It sounds hard.\n');
    cpSync(join(ROOT, 'fixtures/packs/custom'), join(dir, 'pk'), { recursive: true });
    const rule = readdirSync(join(dir, 'pk'))[0]!;
    expect(rapport(['lint', 'a.md', '--write-baseline', 'base.json'], { cwd: dir }).status).toBe(0);
    const cases = [
      ['check', 'hi', '--out', '.rapportrc.yaml'],
      ['check', 'hi', '--config', 'c.yaml', '--out', 'c.yaml'],
      ['check', 'hi', '--rules', 'pk', '--out', `pk/${rule}`],
      ['check', '--file', 'draft.txt', '--out', 'draft.txt'],
      ['batch', join(ROOT, 'fixtures/transcripts/session.txt'), '--out', '.rapportrc.yaml'],
      ['lint', 'a.md', '--baseline', 'base.json', '--out', 'base.json'],
      ['lint', 'a.md', '--write-baseline', 'wb.json', '--out', 'wb.json'],
    ];
    const before = new Map(readdirSync(dir, { recursive: true }).map((name) => [String(name), statSync(join(dir, String(name))).isFile() ? readFileSync(join(dir, String(name)), 'utf8') : '']));
    for (const args of cases) {
      const run = rapport(args, { cwd: dir });
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/^rapport: .+\n$/);
    }
    for (const [name, content] of before) if (content) expect(readFileSync(join(dir, name), 'utf8'), name).toBe(content);
  });
});
