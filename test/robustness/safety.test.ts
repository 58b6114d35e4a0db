// Nothing lost, nothing leaked: --out is atomic and never overwrites an input, Ctrl-C leaves
// complete jsonl lines, a 30 MB transcript is scored in bounded memory, no .env is loaded and
// nothing touches the network.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { readTranscript, TranscriptError } from '../../src/readers/transcripts/index.js';
import { BIN, NODE_FLAGS } from '../helpers.js';
import { corpus, expectClean, run } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'rapport-safety-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const NO_NETWORK = fileURLToPath(new URL('./no-network.mjs', import.meta.url));

/** `rows` client turns of about `clientWords` words, each `replyEvery`th answered by the therapist. */
function bigCsv(file: string, rows: number, clientWords = 0, replyEvery = 1): void {
  const out: string[] = ['transcript,speaker,text'];
  const more = ' and then there is the commute'.repeat(clientWords / 6);
  for (let i = 0; i < rows; i++) {
    out.push(`t${i % 50},client,"I feel so tired, work has been awful${more} and I can't sleep (${i})."`);
    if (i % replyEvery === replyEvery - 1) out.push(`t${i % 50},therapist,"It sounds like work is wearing you down. You need to rest more, why don't you take a break? (${i})"`);
  }
  writeFileSync(file, `${out.join('\n')}\n`);
}

describe('nothing lost', () => {
  it('--out: an existing report survives a failing run, and an input file is never overwritten', () => {
    const report = join(tmp, 'report.json');
    writeFileSync(report, 'OLD REPORT');
    expectClean(run(['check', '--file', corpus('replies/invalid-utf8.txt'), '--format', 'json', '--out', report]), [2]);
    expectClean(run(['lint', corpus('training/bom-crlf.md'), '--rules', corpus('packs/alias-bomb'), '--out', report]), [2]);
    expect(readFileSync(report, 'utf8')).toBe('OLD REPORT');
    const reply = join(tmp, 'reply.txt');
    writeFileSync(reply, 'You need to calm down.');
    const transcript = join(tmp, 'session.txt');
    writeFileSync(transcript, 'Therapist: You need to calm down.\n');
    const handbook = join(tmp, 'handbook.md');
    writeFileSync(handbook, 'Counsellor: You need to calm down.\n');
    for (const [args, input] of [
      [['check', '--file', reply, '--out', reply], reply],
      [['batch', transcript, '--out', transcript], transcript],
      [['batch', transcript, '--format', 'jsonl', '--out', transcript], transcript],
      [['lint', handbook, '--out', handbook], handbook],
    ] as const) {
      const before = readFileSync(input, 'utf8');
      const result = run([...args]);
      expectClean(result, [2]);
      expect(result.stderr).toMatch(/--out would overwrite an input file/);
      expect(readFileSync(input, 'utf8')).toBe(before);
    }
  });

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s during batch --format jsonl: every line received is complete JSON, and the exit code names the signal', async (signal, exitCode) => {
    const csv = join(tmp, `big-${signal}.csv`);
    bigCsv(csv, 20_000);
    const child = spawn(process.execPath, [...NODE_FLAGS, BIN, 'batch', csv, '--format', 'jsonl', '--jobs', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    const code = await new Promise<number | null>((resolve) => {
      child.stdout.on('data', (chunk) => {
        out += chunk;
        if (out.includes('\n') && !child.killed) child.kill(signal);
      });
      child.on('close', (status) => resolve(status));
    });
    clearTimeout(killer);
    expect(code).toBe(exitCode);
    expect(stderr).not.toMatch(/^\s+at /m);
    const lines = out.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.length).toBeLessThan(40_000);
    for (const line of lines) expect(JSON.parse(line).schemaVersion).toBe(1);
  });

  it('--jobs: a number of threads beyond the cores is capped; anything but a whole number is a usage error', () => {
    const csv = join(tmp, 'one.csv');
    writeFileSync(csv, 'transcript,speaker,text\nt,client,I feel stuck.\nt,counsellor,You feel stuck.\n');
    const many = run(['batch', csv, '--format', 'jsonl', '--jobs', '99999999999999999999']);
    expect(many.status).toBe(0);
    expect(JSON.parse(many.stdout.trim()).schemaVersion).toBe(1);
    for (const bad of ['-1', '1.5', 'lots']) {
      const result = run(['batch', csv, '--jobs', bad]);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/--jobs.*a number of worker threads .* or "auto"/);
    }
  });

  it('a 30 MB transcript is scored by batch in bounded memory', () => {
    const csv = join(tmp, 'thirty.csv');
    // Scoring, not reading, is what takes time: mostly client text keeps the run to a few seconds.
    bigCsv(csv, 30_000, 200, 10);
    expect(readFileSync(csv).length).toBeGreaterThan(30_000_000);
    const usage = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...NODE_FLAGS, BIN, 'batch', csv, '--format', 'jsonl', '--out', join(tmp, 'thirty.jsonl')], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(usage.status, usage.stderr).toBe(0);
    // GNU time's %M: the peak resident set in kB.
    const kb = Number(usage.stderr.trim().split('\n').pop());
    expect(kb).toBeGreaterThan(0);
    expect(kb).toBeLessThan(200 * 1024);
    expect(readFileSync(join(tmp, 'thirty.jsonl'), 'utf8').split('\n').length).toBe(3_001);
  });
});

describe('no leakage', () => {
  it('a .env file in the working folder is never loaded', () => {
    const dir = mkdtempSync(join(tmp, 'env-'));
    writeFileSync(join(dir, '.env'), 'DEBUG=1\nFOO=bar\nRAPPORT_DEBUG=1\nNODE_OPTIONS=--inspect\n');
    const result = run(['check', '--format', 'json', 'You need to calm down.'], { cwd: dir });
    expectClean(result, [0]);
    expect(JSON.parse(result.stdout).schemaVersion).toBe(1);
    expect(result.stderr).toBe('');
    expect(result.stdout).not.toMatch(/inject|dotenv|FOO/);
  });

  it('batch, check, lint and eval never touch the network', () => {
    const csv = join(tmp, 'net.csv');
    bigCsv(csv, 2_000);
    const commands = [
      ['batch', csv, '--format', 'jsonl', '--jobs', '2'],
      ['batch', corpus('transcripts/bom-crlf.txt'), '--format', 'html'],
      ['check', 'You need to calm down.'],
      ['lint', corpus('training/bom-crlf.md')],
      ['eval', fileURLToPath(new URL('../../fixtures/eval/coded.csv', import.meta.url))],
    ];
    for (const args of commands) {
      const result = spawnSync(process.execPath, [...NODE_FLAGS, '--import', NO_NETWORK, BIN, ...args], { encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
      expect(result.stderr, args.join(' ')).not.toMatch(/NETWORK USED/);
      expect([0, 1]).toContain(result.status);
    }
  });
});

describe('properties of the readers', () => {
  it('transcript readers throw nothing but TranscriptError on arbitrary strings', () => {
    const names = ['x.txt', 'x.csv', 'x.tsv', 'x.json', 'x.jsonl', 'x.vtt', 'x'];
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.constantFrom(...names), (content, name) => {
        try {
          readTranscript(content, name, { defaultTranscript: 'x' });
        } catch (error) {
          expect(error).toBeInstanceOf(TranscriptError);
        }
      }),
      { numRuns: 400, seed: 8 },
    );
  });
});
