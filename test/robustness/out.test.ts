// --out never destroys: a device or FIFO is written through and stays what it was, an input is
// never written over (whatever name reaches it), and a stopped run leaves no temporary file.
import { spawn, spawnSync } from 'node:child_process';
import { createReadStream, existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, NODE_FLAGS, ROOT } from '../helpers.js';
import { expectClean, run } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'rapport-out-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const temporaries = (dir: string): string[] => readdirSync(dir).filter((name) => name.endsWith('.tmp'));

const transcript = join(tmp, 'session.txt');
writeFileSync(transcript, 'Client: I feel stuck.\nTherapist: You need to calm down.\n');
const handbook = join(tmp, 'handbook.md');
writeFileSync(handbook, 'Counsellor: You need to calm down.\n');

const reports: string[][] = [
  ['batch', transcript, '--format', 'jsonl'],
  ['batch', transcript, '--format', 'csv'],
  ['batch', transcript, '--format', 'json'],
  ['batch', transcript],
  ['check', 'You need to calm down.', '--format', 'json'],
  ['lint', handbook, '--format', 'sarif'],
];

/** Runs rapport with --out FIFO while reading the FIFO, as `cat fifo` would. */
async function throughFifo(args: string[], fifo: string): Promise<{ status: number | null; received: string }> {
  const child = spawn(process.execPath, [...NODE_FLAGS, BIN, ...args, '--out', fifo], { cwd: tmp, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NO_COLOR: '1' } });
  let received = '';
  const reading = new Promise<void>((resolve, reject) => {
    const stream = createReadStream(fifo, 'utf8');
    stream.on('data', (chunk) => (received += chunk));
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  await reading;
  return { status, received };
}

describe('--out to what is not a regular file', () => {
  it.each(reports)('%s … writes through a FIFO and leaves it a FIFO', async (...args) => {
    const fifo = join(tmp, `fifo-${args.join('-').replace(/\W+/g, '')}`);
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const { status, received } = await throughFifo(args, fifo);
    expect(status).toBe(args[0] === 'check' || args[0] === 'batch' ? 0 : 1);
    expect(received.length).toBeGreaterThan(20);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(temporaries(tmp)).toEqual([]);
  }, 30_000);

  // A device made for the test, so a regression replaces it and not the machine's /dev/null.
  const device = join(tmp, 'null');
  const made = spawnSync('mknod', ['-m', '666', device, 'c', '1', '3']).status === 0;
  it.skipIf(!made)('writes through a character device (a copy of /dev/null) for every report', () => {
    for (const args of reports) {
      expectClean(run([...args, '--out', device], { cwd: tmp }), [0, 1]);
      expect(lstatSync(device).isCharacterDevice(), args.join(' ')).toBe(true);
    }
    expect(temporaries(tmp)).toEqual([]);
  }, 60_000);

  it('writes through a link to the file it names, and the link stays a link', () => {
    const target = join(tmp, 'real.jsonl');
    const link = join(tmp, 'link.jsonl');
    writeFileSync(target, 'OLD');
    symlinkSync(target, link);
    for (const args of [reports[0]!, reports[2]!]) {
      expectClean(run([...args, '--out', link], { cwd: tmp }), [0]);
      expect(lstatSync(link).isSymbolicLink()).toBe(true);
      expect(readFileSync(target, 'utf8')).toMatch(/"schemaVersion": ?1/);
    }
  }, 30_000);
});

describe('--out over an input', () => {
  it('is refused with exit 2 and one line naming the file, whichever name reaches the input', () => {
    const dir = join(tmp, 'inputs');
    mkdirSync(dir);
    writeFileSync(join(dir, 'c.yaml'), 'batch: {}\n');
    writeFileSync(join(dir, 'client.txt'), 'I feel stuck.\n');
    writeFileSync(join(dir, 'draft.txt'), 'You need to calm down.\n');
    writeFileSync(join(dir, 's.txt'), readFileSync(transcript));
    writeFileSync(join(dir, 'a.md'), readFileSync(handbook));
    mkdirSync(join(dir, 'pk'));
    writeFileSync(join(dir, 'pk', 'school.yaml'), readFileSync(join(ROOT, 'fixtures/packs/custom/school.yaml')));
    writeFileSync(join(dir, 'sc.yaml'), readFileSync(join(ROOT, 'rules/scenarios/crisis.yaml'), 'utf8').replace(/id: ([a-z-]+)/g, 'id: mine-$1'));
    expect(run(['lint', 'a.md', '--write-baseline', 'base.json'], { cwd: dir }).status).toBe(0);
    linkSync(join(dir, 'c.yaml'), join(dir, 'hard-c.yaml'));
    symlinkSync('pk/school.yaml', join(dir, 'soft-rule.yaml'));
    linkSync(join(dir, 's.txt'), join(dir, 'hard-s.txt'));
    linkSync(join(dir, 'sc.yaml'), join(dir, 'hard-sc.yaml'));
    const cases: [string[], string][] = [
      [['check', 'hi', '--config', 'c.yaml', '--out', 'hard-c.yaml'], 'hard-c.yaml'],
      [['check', 'hi', '--rules', 'pk', '--out', 'soft-rule.yaml'], 'soft-rule.yaml'],
      [['check', 'hi', '--rules', 'pk', '--out', './pk/../pk/school.yaml'], './pk/../pk/school.yaml'],
      [['check', 'hi', '--client-file', 'client.txt', '--out', 'client.txt'], 'client.txt'],
      [['check', '--file', 'draft.txt', '--out', 'draft.txt'], 'draft.txt'],
      [['batch', 's.txt', '--out', 'hard-s.txt'], 'hard-s.txt'],
      [['batch', 's.txt', '--format', 'jsonl', '--out', 'hard-s.txt'], 'hard-s.txt'],
      [['batch', 's.txt', '--config', 'c.yaml', '--format', 'csv', '--out', 'hard-c.yaml'], 'hard-c.yaml'],
      [['lint', 'a.md', '--baseline', 'base.json', '--out', 'base.json'], 'base.json'],
      [['lint', 'a.md', '--rules', 'pk', '--out', 'pk/school.yaml'], 'pk/school.yaml'],
      [['practice', '--scenarios', 'sc.yaml', '--save', 'hard-sc.yaml'], 'hard-sc.yaml'],
    ];
    const before = new Map(readdirSync(dir, { recursive: true }).map(String).filter((name) => statSync(join(dir, name)).isFile()).map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
    for (const [args, named] of cases) {
      const result = run(args, { cwd: dir });
      expectClean(result, [2]);
      expect(result.stderr, args.join(' ')).toBe(`rapport: ${named}: --${args.includes('--save') ? 'save' : 'out'} would overwrite an input file, one this run reads: choose another --${args.includes('--save') ? 'save' : 'out'}\n`);
    }
    for (const [name, content] of before) expect(readFileSync(join(dir, name), 'utf8'), name).toBe(content);
    expect(lstatSync(join(dir, 'soft-rule.yaml')).isSymbolicLink()).toBe(true);
    expect(statSync(join(dir, 'hard-c.yaml')).ino).toBe(statSync(join(dir, 'c.yaml')).ino);
    expect(temporaries(dir)).toEqual([]);
  }, 60_000);
});

describe('a stopped run', () => {
  function bigCsv(file: string): void {
    const rows = ['transcript,speaker,text'];
    for (let i = 0; i < 20_000; i++) rows.push(`t${i % 20},client,I feel so tired (${i}).`, `t${i % 20},therapist,"You need to rest more, why don't you take a break? (${i})"`);
    writeFileSync(file, `${rows.join('\n')}\n`);
  }

  it.each([
    ['SIGTERM', 1, 143],
    ['SIGINT', 1, 130],
    ['SIGINT', 2, 130],
  ] as const)('%s (×%d) during batch --out leaves no temporary file and the old report as it was', async (signal, times, code) => {
    const dir = mkdtempSync(join(tmp, 'stop-'));
    const csv = join(dir, 'big.csv');
    bigCsv(csv);
    const report = join(dir, 'report.jsonl');
    writeFileSync(report, 'OLD REPORT');
    const child = spawn(process.execPath, [...NODE_FLAGS, BIN, 'batch', csv, '--format', 'jsonl', '--out', report, '--jobs', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const killer = setTimeout(() => child.kill('SIGKILL'), 50_000);
    // Wait until the temporary file exists (scoring has begun writing), then stop the run.
    const poll = setInterval(() => {
      if (temporaries(dir).length === 0 || child.exitCode !== null) return;
      clearInterval(poll);
      for (let i = 0; i < times; i++) child.kill(signal);
    }, 20);
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    clearInterval(poll);
    clearTimeout(killer);
    expect(status, stderr).toBe(code);
    expect(temporaries(dir)).toEqual([]);
    expect(readFileSync(report, 'utf8')).toBe('OLD REPORT');
    expect(existsSync(csv)).toBe(true);
  }, 60_000);
});
