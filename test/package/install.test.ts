// rapport as a course repository gets it: packed from a clean copy of the project (so the tarball's dist/
// comes from `prepack`, not from this working tree), installed into a fresh project with no network, and
// run there through npx.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

// The project's own files, as a fresh clone has them (no dist/); node_modules is linked for the build.
const SOURCES = ['package.json', 'package-lock.json', 'tsconfig.json', 'LICENSE', 'README.md', 'bin', 'src', 'rules', 'docs'];

let work: string;
let consumer: string;
let tarball: string;
let files: string[];

/**
 * npm without what `npm test` put in the environment (npm_config_*, npm_package_*, ...): the child
 * installs as a user's npm would, never from the cache alone by accident or into this project.
 */
function npmEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !/^npm_/i.test(key)) env[key] = value;
  }
  return { ...env, NO_COLOR: '1', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
}

function run(command: string, args: string[], cwd: string, input?: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(command, args, { cwd, input, encoding: 'utf8', env: npmEnv(), maxBuffer: 16 * 1024 * 1024 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const npx = (args: string[], input?: string) => run('npx', ['--no-install', 'rapport', ...args], consumer, input);

function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += folderBytes(path);
    else if (entry.isFile()) total += statSync(path).size;
  }
  return total;
}

/** Every installed package (scoped ones included), nested node_modules too. */
function installedPackages(modules: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(modules, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    const names = entry.name.startsWith('@') ? readdirSync(join(modules, entry.name)).map((name) => `${entry.name}/${name}`) : [entry.name];
    for (const name of names) {
      found.push(name);
      const nested = join(modules, name, 'node_modules');
      if (statSync(nested, { throwIfNoEntry: false })?.isDirectory()) found.push(...installedPackages(nested));
    }
  }
  return found;
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'rapport-package-'));
  const source = join(work, 'rapport');
  mkdirSync(source);
  for (const part of SOURCES) cpSync(join(ROOT, part), join(source, part), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(source, 'node_modules'), 'dir');

  const packed = run('npm', ['pack', '--json', '--pack-destination', work], source);
  expect(packed.stderr).not.toMatch(/ERR!/);
  expect(packed.status).toBe(0);
  // Anything the build prints comes before npm's JSON report, which starts a line with "[".
  const report = JSON.parse(packed.stdout.slice(packed.stdout.search(/^\[/m))) as { filename: string; files: { path: string }[] }[];
  tarball = join(work, report[0]!.filename);
  files = report[0]!.files.map((file) => file.path);

  consumer = join(work, 'course');
  mkdirSync(join(consumer, 'docs'), { recursive: true });
  writeFileSync(join(consumer, 'package.json'), `${JSON.stringify({ name: 'course', version: '1.0.0', private: true }, null, 2)}\n`);
  const installed = run('npm', ['install', '--save-dev', '--offline', tarball], consumer);
  expect(installed.stderr).not.toMatch(/ERR!/);
  expect(installed.status).toBe(0);
}, 180_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the published package', () => {
  it('holds the build, the rules and the licence, and none of the sources, tests or fixtures', () => {
    for (const needed of ['bin/rapport', 'bin/commonjs.mjs', 'dist/main.js', 'dist/check.cjs', 'dist/builtin-pack.json', 'rules/validation.yaml', 'rules/schema.json', 'LICENSE', 'README.md', 'package.json']) {
      expect(files).toContain(needed);
    }
    expect(files.filter((file) => /^(src|test|fixtures|\.ci)\//.test(file))).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { private?: boolean; license?: string };
    expect(manifest.private).toBeUndefined();
    expect(manifest.license).toBe('MIT');
  });

  it('installs as a handful of packages, at most 15 MB, with no database clients', () => {
    const modules = join(consumer, 'node_modules');
    const packages = installedPackages(modules);
    expect(packages).toContain('rapport');
    expect(packages.length).toBeLessThanOrEqual(20);
    expect(packages.filter((name) => /^(mongoose|mongodb|pg|redis|mysql2?|sqlite3|natural)$/.test(name))).toEqual([]);
    expect(folderBytes(modules)).toBeLessThanOrEqual(15 * 1024 * 1024);
  });
});

describe('npx rapport in the consuming project', () => {
  it('check: a critique on the terminal and as the contract JSON, exit 1 under --fail-under', () => {
    const text = npx(['check', '--client', 'I keep failing my driving test.', 'You need to calm down.']);
    expect(text.stderr).toBe('');
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/Score \d+\/100/);

    const json = npx(['check', '--format', 'json', '-'], 'You need to calm down.');
    expect(json.status).toBe(0);
    const critique = JSON.parse(json.stdout) as { schemaVersion: number; score: number; findings: { ruleId: string }[] };
    expect(critique.schemaVersion).toBe(1);
    expect(Number.isInteger(critique.score)).toBe(true);
    expect(critique.findings.length).toBeGreaterThan(0);

    const failing = npx(['check', '--fail-under', '90', 'You need to calm down.']);
    expect(failing.status).toBe(1);
  });

  it("check reads the course's own config file (YAML and schema come with the package)", () => {
    const dir = join(consumer, 'configured');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, '.rapportrc.yaml'), 'rules:\n  validation.invalidating-command: off\n');
    const plain = JSON.parse(npx(['check', '--format', 'json', 'Calm down, it is not a big deal.']).stdout) as { findings: { ruleId: string }[] };
    expect(plain.findings.map((finding) => finding.ruleId)).toContain('validation.invalidating-command');
    const configured = run('npx', ['--no-install', 'rapport', 'check', '--format', 'json', 'Calm down, it is not a big deal.'], dir);
    expect(configured.stderr).toBe('');
    const ruleIds = (JSON.parse(configured.stdout) as { findings: { ruleId: string }[] }).findings.map((finding) => finding.ruleId);
    expect(ruleIds).not.toContain('validation.invalidating-command');
  });

  it('lint: finds the error in a handout, exit 1; a clean handout passes, exit 0', () => {
    writeFileSync(join(consumer, 'docs/poor.md'), '# Handout\n\nClient: I failed the exam again.\n\nCounsellor: Calm down, it is only an exam.\n');
    const poor = npx(['lint', 'docs/poor.md', '--format', 'json']);
    expect(poor.status).toBe(1);
    const report = JSON.parse(poor.stdout) as { summary: { files: number; errors: number } };
    expect(report.summary.files).toBe(1);
    expect(report.summary.errors).toBeGreaterThan(0);

    writeFileSync(join(consumer, 'docs/good.md'), "# Handout\n\nClient: I failed the exam again.\n\nCounsellor: It sounds like you worked hard for this and you're disappointed.\n");
    const good = npx(['lint', 'docs/good.md']);
    expect(good.stderr).toBe('');
    expect(good.status).toBe(0);
  });

  it('batch: one record per counsellor turn; an unreadable file exits 2 with one line', () => {
    writeFileSync(join(consumer, 'session.txt'), "Client: I can't sleep before exams.\nCounsellor: Why don't you just go to bed earlier?\nClient: I try.\nCounsellor: It sounds like the worry keeps you awake.\n");
    const batch = npx(['batch', 'session.txt', '--format', 'jsonl']);
    expect(batch.stderr).toBe('');
    expect(batch.status).toBe(0);
    const records = batch.stdout.trim().split('\n').map((line) => JSON.parse(line) as { source: string; index: number; speaker: string; score: number });
    expect(records.map((record) => [record.source, record.index, record.speaker])).toEqual([
      ['session.txt', 1, 'Counsellor'],
      ['session.txt', 3, 'Counsellor'],
    ]);

    const missing = npx(['batch', 'nowhere.txt']);
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toContain('nowhere.txt');
  });
});
