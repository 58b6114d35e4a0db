// Timing whole processes: wall time (process.hrtime around spawn -> close) and peak RSS.
//
// Peak RSS comes from GNU time (`/usr/bin/time -f %M`, KiB) when it is installed; otherwise from a
// preloaded script that writes the child's own `process.resourceUsage().maxRSS` at exit (every
// command measured here is a Node process).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

export interface Run {
  /** Wall time, seconds. */
  seconds: number;
  /** Peak resident set size, MiB. */
  rssMiB: number;
  /** User + system CPU time, seconds (NaN without GNU time): less sensitive to other load than wall time. */
  cpuSeconds: number;
  code: number;
}

export interface Command {
  name: string;
  command: string;
  args: string[];
  /** Exit codes that mean "ran fine" (linters exit non-zero when they find something). */
  ok: (code: number) => boolean;
  env?: NodeJS.ProcessEnv;
  /** Standard output into a pipe read at this pace (a slow consumer: a database load, a network copy), not /dev/null. */
  readerBytesPerSecond?: number;
}

function readSlowly(stream: Readable, bytesPerSecond: number): void {
  const start = Date.now();
  let bytes = 0;
  stream.on('data', (chunk: Buffer) => {
    bytes += chunk.length;
    const wait = start + (bytes / bytesPerSecond) * 1000 - Date.now();
    if (wait <= 0) return;
    stream.pause();
    setTimeout(() => stream.resume(), wait);
  });
}

const GNU_TIME = '/usr/bin/time';

export class Meter {
  private readonly dir = mkdtempSync(join(tmpdir(), 'rapport-bench-rss-'));
  private readonly rssFile = join(this.dir, 'rss');
  private readonly preload = join(this.dir, 'rss.cjs');
  readonly method: 'gnu-time' | 'resourceUsage';

  constructor() {
    this.method = existsSync(GNU_TIME) ? 'gnu-time' : 'resourceUsage';
    if (this.method === 'resourceUsage') {
      writeFileSync(
        this.preload,
        `const { isMainThread } = require('node:worker_threads');
if (isMainThread && process.env.RAPPORT_BENCH_RSS) {
  process.on('exit', () => require('node:fs').writeFileSync(process.env.RAPPORT_BENCH_RSS, String(process.resourceUsage().maxRSS)));
}\n`,
      );
    }
  }

  /** Runs `cmd` once, standard output to /dev/null (or its slow reader). */
  run(cmd: Command): Promise<Run> {
    rmSync(this.rssFile, { force: true });
    const [file, args, env] =
      this.method === 'gnu-time'
        ? [GNU_TIME, ['-f', '%M %U %S', '-o', this.rssFile, cmd.command, ...cmd.args], { ...process.env, ...cmd.env }]
        : [
            cmd.command,
            cmd.args,
            {
              ...process.env,
              ...cmd.env,
              RAPPORT_BENCH_RSS: this.rssFile,
              NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${this.preload}`.trim(),
            },
          ];
    const devNull = openSync('/dev/null', 'w');
    return new Promise((resolve, reject) => {
      let stderr = '';
      const start = process.hrtime.bigint();
      const child = spawn(file, args, { stdio: ['ignore', cmd.readerBytesPerSecond ? 'pipe' : devNull, 'pipe'], env: { ...env, NO_COLOR: '1', FORCE_COLOR: '0' } });
      if (cmd.readerBytesPerSecond) readSlowly(child.stdout!, cmd.readerBytesPerSecond);
      child.stderr!.setEncoding('utf8');
      child.stderr!.on('data', (chunk: string) => {
        // keep only the tail: linters report on standard error
        stderr = (stderr + chunk).slice(-4000);
      });
      child.on('error', (error) => {
        closeSync(devNull);
        reject(error);
      });
      child.on('close', (code, signal) => {
        const seconds = Number(process.hrtime.bigint() - start) / 1e9;
        closeSync(devNull);
        let rssKiB = NaN;
        let cpuSeconds = NaN;
        try {
          const raw = (readFileSync(this.rssFile, 'utf8').trim().split('\n').pop() ?? '').split(' ').map(Number);
          rssKiB = raw[0] ?? NaN;
          if (raw.length === 3) cpuSeconds = raw[1]! + raw[2]!;
        } catch {
          // no figure: reported as NaN
        }
        // GNU time writes "Command exited with non-zero status N" to its output file before the figures.
        if (signal || code === null || !cmd.ok(code)) {
          reject(new Error(`${cmd.name} failed (${signal ?? `exit ${code}`}): ${stderr.trim().split('\n').slice(-5).join('\n')}`));
          return;
        }
        resolve({ seconds, rssMiB: rssKiB / 1024, cpuSeconds, code });
      });
    });
  }

  close(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  if (sorted.length === 0) return NaN;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface Summary {
  runs: number;
  /** Median wall time, seconds. */
  seconds: number;
  /** Fastest and slowest run, seconds. */
  min: number;
  max: number;
  /** Median peak RSS, MiB. */
  rssMiB: number;
  maxRssMiB: number;
  /** Median CPU time (user + system), seconds. */
  cpuSeconds: number;
}

export function summarise(runs: Run[]): Summary {
  const times = runs.map((r) => r.seconds);
  const rss = runs.map((r) => r.rssMiB);
  return {
    runs: runs.length,
    seconds: median(times),
    min: Math.min(...times),
    max: Math.max(...times),
    rssMiB: median(rss),
    maxRssMiB: Math.max(...rss),
    cpuSeconds: median(runs.map((r) => r.cpuSeconds)),
  };
}

/**
 * Runs each command `times` times, interleaved (a, b, c, a, b, c, ...) so that background load on
 * the machine falls on all of them alike; one unmeasured warm-up round first (file cache, JIT caches).
 */
export async function interleaved(meter: Meter, commands: Command[], times: number, warmup = 1, onRun?: (name: string, run: Run) => void): Promise<Map<string, Summary>> {
  const runs = new Map<string, Run[]>(commands.map((c) => [c.name, []]));
  for (let round = -warmup; round < times; round++) {
    for (const cmd of commands) {
      const run = await meter.run(cmd);
      if (round >= 0) {
        runs.get(cmd.name)!.push(run);
        onRun?.(cmd.name, run);
      }
    }
  }
  return new Map([...runs].map(([name, list]) => [name, summarise(list)]));
}
