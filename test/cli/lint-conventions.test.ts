// rapport lint follows ESLint's and Vale's conventions: short flags, --quiet, --min-severity,
// --max-warnings -1, standard input, and paths that match nothing.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rapport } from '../helpers.js';

/** A folder with one Markdown file whose example has an error, two warnings and an info finding. */
function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-lint-conv-'));
  writeFileSync(join(dir, 'a.md'), 'Counsellor: You need to calm down.\n');
  return dir;
}

const severities = (stdout: string): string[] => JSON.parse(stdout).files.flatMap((f: { messages: { severity: string }[] }) => f.messages.map((m) => m.severity));

describe('lint conventions', () => {
  it('takes -f and -o for --format and --out', () => {
    const dir = workspace();
    const run = rapport(['lint', 'a.md', '-f', 'json', '-o', 'report.json'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(rapport(['lint', 'a.md', '-f', 'json'], { cwd: dir }).stdout).toContain('"schemaVersion"');
  });

  it('--quiet shows errors only, --min-severity hides what is below it, and warn means warning', () => {
    const dir = workspace();
    const all = severities(rapport(['lint', 'a.md', '-f', 'json'], { cwd: dir }).stdout);
    expect(new Set(all)).toEqual(new Set(['error', 'warning', 'info']));
    expect(severities(rapport(['lint', 'a.md', '-f', 'json', '--quiet'], { cwd: dir }).stdout)).toEqual(['error']);
    expect(new Set(severities(rapport(['lint', 'a.md', '-f', 'json', '--min-severity', 'warn'], { cwd: dir }).stdout))).toEqual(new Set(['error', 'warning']));
    expect(severities(rapport(['lint', 'a.md', '-f', 'json', '--min-severity', 'error'], { cwd: dir }).stdout)).toEqual(['error']);
    const bad = rapport(['lint', 'a.md', '--min-severity', 'loud'], { cwd: dir });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--min-severity.*'loud'.*info, warning, error/);
  });

  it('says which threshold failed and by how much, on standard error', () => {
    const dir = workspace();
    writeFileSync(join(dir, '.rapportrc.yaml'), 'rules:\n  validation.invalidating-command: warn\n');
    const over = rapport(['lint', 'a.md', '--max-warnings', '0'], { cwd: dir });
    expect(over.status).toBe(1);
    expect(over.stderr).toContain('rapport: too many warnings (3; maximum 0)');
    const unlimited = rapport(['lint', 'a.md', '--max-warnings', '-1'], { cwd: dir });
    expect(unlimited.status).toBe(0);
    expect(unlimited.stderr).toBe('');
    const error = rapport(['lint', 'a.md'], { cwd: workspace() });
    expect(error.status).toBe(1);
    expect(error.stderr).toContain('rapport: 1 error (any error fails the run)');
  });

  it('makes a bad number a usage error (exit 2) naming the option, not an internal error', () => {
    for (const args of [['--max-warnings', 'abc'], ['--max-warnings', '-2'], ['--fail-under', '101'], ['--fail-under', '']]) {
      const run = rapport(['lint', 'a.md', ...args], { cwd: workspace() });
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(args[0]);
      expect(run.stderr).not.toContain('internal error');
    }
  });

  it('exits 2 with "no files matching" for a folder, glob or ignored path that gives nothing to lint', () => {
    const dir = workspace();
    mkdirSync(join(dir, 'empty'));
    writeFileSync(join(dir, 'empty', 'image.png'), '');
    for (const path of ['empty', '"*.nothing"'.slice(1, -1), 'nope/']) {
      const run = rapport(['lint', path], { cwd: dir });
      expect(run.status).toBe(2);
      expect(run.stdout + run.stderr).toMatch(path === 'nope/' ? /no such file or folder/ : /no files matching/);
    }
    writeFileSync(join(dir, '.rapportrc.yaml'), 'lint:\n  ignore: ["*.md"]\n');
    const ignored = rapport(['lint', '.'], { cwd: dir });
    expect(ignored.status).toBe(2);
    expect(ignored.stdout).toMatch(/no files matching: every file it matches is ignored/);
  });

  it('reads standard input for -, with --stdin-filename choosing the reader and the name', () => {
    const dir = workspace();
    const yaml = 'replies:\n  - counsellor: You need to calm down.\n';
    const named = rapport(['lint', '-', '--stdin-filename', 'bank.yaml', '-f', 'json'], { cwd: dir, input: yaml });
    expect(named.status).toBe(1);
    const report = JSON.parse(named.stdout);
    expect(report.files.map((f: { file: string }) => f.file)).toEqual(['bank.yaml']);
    expect(report.files[0].messages[0].line).toBe(2);
    const plain = rapport(['lint', '-'], { cwd: dir, input: 'Counsellor: It sounds like a hard week.\n' });
    expect(plain.status).toBe(0);
    expect(plain.stdout).toContain('1 example in 1 file');
    expect(rapport(['lint', 'a.md', '--stdin-filename', 'x.md'], { cwd: dir }).status).toBe(2);
  });
});
