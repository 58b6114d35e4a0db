// Streamed batch output into a pipe whose reader is slower than rapport (`| gzip`, a database load):
// scoring waits for the reader, so peak memory stays near that of the same run into /dev/null,
// instead of growing with everything scored but not yet read.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, NODE_FLAGS, ROOT } from '../helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'rapport-backpressure-'));
const transcript = join(tmp, 'long.txt');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** About 6,000 counsellor turns (0.9 MB of text, 10 MB of jsonl): the fixture session over and over. */
beforeAll(() => {
  const session = `${readFileSync(join(ROOT, 'fixtures/transcripts/session.txt'), 'utf8').trimEnd()}\n\n`;
  writeFileSync(transcript, session.repeat(1200));
});

/**
 * Peak resident memory of a running process so far, KiB, read from outside it (null once it is gone):
 * the kernel's high-water mark where /proc has one, else the current size, sampled.
 */
function peakKiB(pid: number): number | null {
  try {
    if (existsSync('/proc/self/status')) return Number(/VmHWM:\s*(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) || null;
    return Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' })) || null;
  } catch {
    return null;
  }
}

interface Piped {
  status: number | null;
  stderr: string;
  peakMiB: number;
  seconds: number;
  stdout: string;
}

/**
 * Runs rapport with standard output into /dev/null, or into this process, which reads nothing for
 * `waitMs` (a load waiting on a lock, `| (sleep 5; wc -l)`) and then everything that comes.
 */
function pipeInto(args: string[], reader: 'null' | { waitMs: number }): Promise<Piped> {
  return new Promise((resolve, reject) => {
    const start = Date.now();
    const child = spawn(process.execPath, [...NODE_FLAGS, BIN, ...args], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', reader === 'null' ? 'ignore' : 'pipe', 'pipe'],
    });
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, peakKiB(child.pid!) ?? 0)), 20);
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    const chunks: Buffer[] = [];
    if (reader !== 'null') setTimeout(() => child.stdout!.on('data', (chunk: Buffer) => chunks.push(chunk)), reader.waitMs);
    child.on('error', reject);
    child.on('close', (status) => {
      clearInterval(sampler);
      resolve({ status, stderr, peakMiB: peak / 1024, seconds: (Date.now() - start) / 1000, stdout: Buffer.concat(chunks).toString('utf8') });
    });
  });
}

/** Runs rapport into a reader that closes its end after `lines` lines (`| head -n 3`). */
function headOf(args: string[], lines: number): Promise<{ status: number | null; stderr: string; lines: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...NODE_FLAGS, BIN, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      stdout += text;
      if (stdout.split('\n').length > lines) child.stdout.destroy();
    });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stderr, lines: stdout.split('\n').slice(0, lines) }));
  });
}

describe('batch into a slow pipe', () => {
  it('keeps --format jsonl within 20% of the memory of a run into /dev/null', async () => {
    // --jobs 0: with workers, a run that waits on its reader hands them more of the scoring, and
    // their warmed-up heaps are memory a short run into /dev/null never uses (test/batch covers
    // the pool waiting on output).
    const args = ['batch', '--format', 'jsonl', '--jobs', '0', transcript];
    const unread = await pipeInto(args, 'null');
    // A reader that starts only after the time the whole run took: without backpressure, all
    // of the output would be waiting in rapport's memory by then.
    const slow = await pipeInto(args, { waitMs: unread.seconds * 1000 });
    expect(unread.status, unread.stderr).toBe(0);
    expect(slow.status, slow.stderr).toBe(0);
    expect(slow.stdout.trimEnd().split('\n').map((line) => JSON.parse(line))).toHaveLength(6000);
    expect(slow.peakMiB).toBeLessThan(unread.peakMiB * 1.2);
  });

  for (const format of ['jsonl', 'csv']) {
    it(`--format ${format} into a reader that closes early ends quietly, on whole lines`, async () => {
      const run = await headOf(['batch', '--format', format, transcript], 3);
      expect(run.status).toBe(0);
      expect(run.stderr).toBe('');
      if (format === 'jsonl') for (const line of run.lines) expect(JSON.parse(line)).toHaveProperty('score');
      else expect(parse(run.lines.join('\n'), { columns: true })).toHaveLength(2);
    });
  }
});
