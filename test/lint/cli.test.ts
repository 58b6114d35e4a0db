// rapport lint end to end, through bin/rapport (dist is built by npm test's pretest).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { rapport, ROOT } from '../helpers.js';

const COURSE = join(ROOT, 'fixtures/lint/course');

interface Message {
  ruleId: string;
  severity: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  match: string;
}

/** A copy of the fixture course in a fresh folder (with its own config, if given). */
function course(config?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-lint-cli-'));
  cpSync(COURSE, dir, { recursive: true });
  if (config !== undefined) writeFileSync(join(dir, '.rapportrc.yaml'), config);
  return dir;
}

function lintJson(args: string[], cwd = ROOT) {
  const result = rapport(['lint', '--format', 'json', ...args], { cwd });
  return { ...result, report: result.stdout ? JSON.parse(result.stdout) : null };
}

const messagesOf = (report: { files: { file: string; messages: Message[] }[] }, name: string): Message[] =>
  report.files.find((f) => f.file.endsWith(name))?.messages ?? [];

describe('rapport lint', () => {
  it('finds issues only on counsellor lines, at their exact lines and columns', () => {
    const { status, report } = lintJson(['fixtures/lint/course']);
    expect(status).toBe(1);
    const source = readFileSync(join(COURSE, 'module-1.md'), 'utf8').split('\n');
    const messages = messagesOf(report, 'module-1.md');
    expect(messages.length).toBeGreaterThan(0);
    // Blockquote (line 10) and list item with emphasis (line 15); not the prose, the table's good reply, the suppressed line or the code.
    expect([...new Set(messages.map((m) => m.line))].sort()).toEqual([10, 15]);
    const calm = messages.filter((m) => m.ruleId === 'validation.invalidating-command');
    expect(calm.map((m) => [m.line, m.column, m.endLine, m.endColumn])).toEqual([
      [10, 31, 10, 40],
      [15, 24, 15, 34],
    ]);
    expect(source[9]!.slice(30, 39)).toBe('calm down');
    expect(source[14]!.slice(23, 33)).toBe('calm_ down');
    const yaml = messagesOf(report, 'bank.yaml');
    expect(yaml.every((m) => m.line === 5)).toBe(true);
    expect(yaml.find((m) => m.ruleId === 'validation.invalidating-command')).toMatchObject({ line: 5, column: 24, endColumn: 33 });
  });

  it('exits 0 when nothing crosses a threshold, 1 past --max-warnings', () => {
    expect(rapport(['lint', 'fixtures/lint/course/handouts']).status).toBe(0);
    const dir = course('rules:\n  validation.invalidating-command: warning\n');
    expect(rapport(['lint', '.'], { cwd: dir }).status).toBe(0);
    expect(rapport(['lint', '.', '--max-warnings', '100'], { cwd: dir }).status).toBe(0);
    expect(rapport(['lint', '.', '--max-warnings', '0'], { cwd: dir }).status).toBe(1);
  });

  it('fails examples below --fail-under with rapport/min-score', () => {
    const { status, report } = lintJson(['fixtures/lint/course/handouts', '--fail-under', '100']);
    expect(status).toBe(1);
    expect(messagesOf(report, 'good.md')).toMatchObject([{ ruleId: 'rapport/min-score', severity: 'error', line: 5, column: 13 }]);
  });

  it('honours the config: rules off, severities, minimum score, ignore globs, labels, YAML keys', () => {
    const off = course('rules:\n  validation.invalidating-command: "off"\n  openness.directive: info\n');
    const a = lintJson(['.'], off);
    const all = a.report.files.flatMap((f: { messages: Message[] }) => f.messages);
    expect(all.some((m: Message) => m.ruleId === 'validation.invalidating-command')).toBe(false);
    expect(all.filter((m: Message) => m.ruleId === 'openness.directive').every((m: Message) => m.severity === 'info')).toBe(true);

    const min = course('lint:\n  minScore: 100\n');
    expect(messagesOf(lintJson(['handouts'], min).report, 'good.md').map((m) => m.ruleId)).toEqual(['rapport/min-score']);

    const ignore = course('lint:\n  ignore: ["*.yaml", "handouts/**"]\n');
    expect(lintJson(['.'], ignore).report.files.map((f: { file: string }) => f.file)).toEqual(['module-1.md']);

    const labels = course('lint:\n  onlyCounsellorLabels: [Coach]\n  yamlKeys: [answer]\n');
    writeFileSync(join(labels, 'coach.txt'), 'Counsellor: You need to calm down.\nCoach: You need to calm down.\n');
    writeFileSync(join(labels, 'keys.yml'), 'reply: You need to calm down.\nanswer: You need to calm down.\n');
    const l = lintJson(['coach.txt', 'keys.yml'], labels).report;
    expect(messagesOf(l, 'coach.txt').every((m) => m.line === 2)).toBe(true);
    expect(messagesOf(l, 'keys.yml').every((m) => m.line === 2)).toBe(true);
    expect(messagesOf(l, 'keys.yml').length).toBeGreaterThan(0);

    // counsellorLabels and --counsellor add to the default labels; --only-counsellor replaces them.
    const added = course('lint:\n  counsellorLabels: [Coach]\n');
    writeFileSync(join(added, 'coach.txt'), 'Counsellor: You need to calm down.\nCoach: You need to calm down.\nTutor: You need to calm down.\n');
    const lines = (args: string[]) => [...new Set(messagesOf(lintJson(['coach.txt', ...args], added).report, 'coach.txt').map((m) => m.line))];
    expect(lines([])).toEqual([1, 2]);
    expect(lines(['--counsellor', 'Tutor'])).toEqual([1, 2, 3]);
    expect(lines(['--only-counsellor', 'Tutor'])).toEqual([2, 3]);
  });

  it('rejects an unknown config key with exit 2, naming the file and line', () => {
    const dir = course('lint:\n  minScore: 50\n  ignores: ["x"]\n');
    const { status, stderr } = rapport(['lint', '.'], { cwd: dir });
    expect(status).toBe(2);
    expect(stderr).toMatch(/\.rapportrc\.yaml:\d+(:\d+)?: unknown key "ignores"/);
  });

  it('reports unreadable and malformed files (exit 2) and still lints the others', () => {
    const dir = course();
    writeFileSync(join(dir, 'broken.yaml'), 'scenarios:\n  - reply: "unterminated\n    client: x\n  bad: [\n');
    writeFileSync(join(dir, 'latin1.md'), Buffer.from([0x43, 0x3a, 0x20, 0xe9, 0x0a]));
    const { status, report, stderr } = lintJson(['.', 'missing.md'], dir);
    expect(status).toBe(2);
    expect(report.errors.map((e: { file: string }) => e.file).sort()).toEqual(['broken.yaml', 'latin1.md', 'missing.md']);
    expect(report.errors.find((e: { file: string }) => e.file === 'broken.yaml').line).toEqual(expect.any(Number));
    expect(report.files.map((f: { file: string }) => f.file)).toContain('module-1.md');
    expect(stderr).toMatch(/^rapport: broken\.yaml:\d+/m);
    const text = rapport(['lint', '.'], { cwd: dir });
    expect(text.status).toBe(2);
    expect(text.stdout).toContain('module-1.md');
    expect(text.stdout).toMatch(/✖ broken\.yaml:\d+/);
  });

  it('writes a baseline that lets existing findings pass and still blocks new ones', () => {
    const dir = course();
    expect(rapport(['lint', '.', '--write-baseline', 'baseline.json'], { cwd: dir }).status).toBe(0);
    expect(rapport(['lint', '.', '--baseline', 'baseline.json'], { cwd: dir }).status).toBe(0);
    // Lines move (a new paragraph above), and the old findings still match.
    const file = join(dir, 'module-1.md');
    writeFileSync(file, `# Preface\n\nA new paragraph.\n\n${readFileSync(file, 'utf8')}`);
    expect(rapport(['lint', '.', '--baseline', 'baseline.json'], { cwd: dir }).status).toBe(0);
    writeFileSync(join(dir, 'handouts', 'new.md'), 'Counsellor: Calm down.\n');
    const { status, report } = lintJson(['.', '--baseline', 'baseline.json'], dir);
    expect(status).toBe(1);
    expect(report.files.filter((f: { messages: Message[] }) => f.messages.length).map((f: { file: string }) => f.file)).toEqual(['handouts/new.md']);
    expect(report.summary.baselined).toBeGreaterThan(0);
    writeFileSync(join(dir, 'bad.json'), '{"findings": 3}');
    expect(rapport(['lint', '.', '--baseline', 'bad.json'], { cwd: dir }).status).toBe(2);
  });

  it('--changed-since lints only the examples changed since a git ref', () => {
    const dir = course();
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: dir });
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'course');
    expect(rapport(['lint', '.', '--changed-since', 'HEAD'], { cwd: dir }).status).toBe(0);
    const file = join(dir, 'handouts', 'good.md');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nCounsellor: Why did you shout at them?\n`);
    const { status, report } = lintJson(['.', '--changed-since', 'HEAD'], dir);
    expect(report.summary.examples).toBe(1);
    expect(messagesOf(report, 'good.md').every((m) => m.line === 7)).toBe(true);
    expect(status).toBe(0);

    const outside = mkdtempSync(join(tmpdir(), 'rapport-lint-nogit-'));
    const no = rapport(['lint', COURSE, '--changed-since', 'main'], { cwd: outside });
    expect(no.status).toBe(2);
    expect(no.stderr).toMatch(/needs a git repository/);
  });

  it('writes SARIF, JUnit and GitHub commands that CI can read', () => {
    const sarif = JSON.parse(rapport(['lint', 'fixtures/lint/course', '--format', 'sarif']).stdout);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results.length).toBeGreaterThan(0);
    const junit = rapport(['lint', 'fixtures/lint/course', '--format', 'junit']);
    expect(junit.status).toBe(1);
    expect(XMLValidator.validate(junit.stdout)).toBe(true);
    const github = rapport(['lint', 'fixtures/lint/course', '--format', 'github']).stdout;
    expect(github).toMatch(/^::error file=fixtures\/lint\/course\/module-1\.md,line=10,col=31,endLine=10,endColumn=39,title=rapport validation\.invalidating-command::/m);
  });

  it('--help shows real examples; no paths is a usage error', () => {
    const help = rapport(['lint', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('rapport lint docs/ --format github');
    expect(help.stdout).toContain('--changed-since');
    const none = rapport(['lint']);
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/name the training material/);
    expect(rapport(['lint', 'x', '--format', 'xml']).status).toBe(2);
  });
});
