// `npm run bench`: rapport against write-good and alex on the AnnoMI dev counsellor turns, cold start,
// scaling (1x/10x/100x) and worker threads. Whole processes, medians of several runs. Not part of `npm test`.
//
//   npm run bench -- CORPUS [--json F] [--runs N] [--cold-runs N] [--scales 1,10,100] [--scale-runs 5,3,1]
//                          [--workers-scale N] [--only peers,cold,scaling,workers,hostile]
//
// CORPUS is AnnoMI's dev-simple.csv (or any CSV in its layout; --corpus F says the same). AnnoMI is not
// shipped: get it from its public repository on GitHub, uccollab/AnnoMI. fixtures/eval/annomi-sample.csv
// runs the bench end to end in seconds, but its figures say nothing about speed.
//
// Prints a table and writes the same figures (numbers only, no transcript text) as JSON to --json
// (default test/bench/results.json). Build first (`npm run bench` does).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Corpora, readAnnomi, type Corpus } from './corpus.js';
import { interleaved, Meter, type Command, type Run, type Summary } from './measure.js';
import { HOSTILE_PACKS, writePack } from '../robustness/hostile-packs.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const NODE = process.execPath;
const bin = (name: string): string => realpathSync(join(ROOT, 'node_modules/.bin', name));

/** A reply of our own (not transcript text) for the cold start. */
const REPLY = "It sounds like you're worried that the drinking is starting to get in the way of your work.";

const TARGETS = {
  peerRatio: 0.2,
  coldRatio: 2,
  coldRatioIssue2: 2.5,
  rssMiB: 150,
  rssGrowth: 1.2,
  timePerTurnGrowth: 1.2,
  pipeRssRatio: 1.2,
  pipeRssMiB: 300,
  hostileSeconds: 2,
};
/** The scaling run repeated into a pipe read at this pace, slower than rapport writes (issue 17). */
const PIPE = { factor: 10, readerMBPerSecond: 2 };

const { values: opts, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    json: { type: 'string', default: join(ROOT, 'test/bench/results.json') },
    runs: { type: 'string', default: '5' },
    'cold-runs': { type: 'string', default: '15' },
    scales: { type: 'string', default: '1,10,100' },
    'scale-runs': { type: 'string', default: '5,3,1' },
    'workers-scale': { type: 'string', default: '1' },
    only: { type: 'string', default: 'peers,cold,scaling,workers,hostile' },
    corpus: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
if (opts.help) {
  process.stdout.write(`${readHeader()}\n`);
  process.exit(0);
}

const CORPUS = corpusPath(positionals[0] ?? opts.corpus);

function corpusPath(given: string | undefined): string {
  const where = "AnnoMI's dev-simple.csv, from the public AnnoMI repository on GitHub (uccollab/AnnoMI)";
  if (given === undefined) {
    process.stderr.write(`bench: give the corpus to measure: ${where}, or fixtures/eval/annomi-sample.csv for a quick run\n${readHeader()}\n`);
    process.exit(2);
  }
  if (!existsSync(given)) {
    process.stderr.write(`bench: no corpus at ${given}: give the path to ${where}\n`);
    process.exit(2);
  }
  return resolve(given);
}

function readHeader(): string {
  return 'usage: npm run bench -- CORPUS.csv [--json F] [--runs N] [--cold-runs N] [--scales 1,10,100] [--scale-runs 5,3,1] [--workers-scale N] [--only peers,cold,scaling,workers,hostile]';
}

const int = (text: string, name: string): number => {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} takes a positive whole number, not "${text}"`);
  return n;
};
const RUNS = int(opts.runs!, 'runs');
const COLD_RUNS = int(opts['cold-runs']!, 'cold-runs');
const SCALES = opts.scales!.split(',').map((s) => int(s, 'scales'));
const SCALE_RUNS = opts['scale-runs']!.split(',').map((s) => int(s, 'scale-runs'));
const WORKERS_SCALE = int(opts['workers-scale']!, 'workers-scale');
const ONLY = new Set(opts.only!.split(','));

const log = (message: string): void => void process.stderr.write(`bench: ${message}\n`);
const round = (n: number, digits = 3): number => (Number.isFinite(n) ? Number(n.toFixed(digits)) : n);
const MB = 1e6;

/** bin/rapport of the snapshot taken at start. */
let RAPPORT = join(ROOT, 'bin/rapport');

function rapportBatch(corpus: Corpus, jobs?: string, name = 'rapport batch'): Command {
  return {
    name,
    command: NODE,
    args: [RAPPORT, 'batch', '--format', 'jsonl', ...(jobs === undefined ? [] : ['--jobs', jobs]), corpus.csv],
    ok: (code) => code === 0 || code === 1,
  };
}

interface Throughput {
  seconds: number;
  min: number;
  max: number;
  runs: number;
  turnsPerSecond: number;
  mbPerSecond: number;
  msPerTurn: number;
  peakRssMiB: number;
  maxPeakRssMiB: number;
  cpuSeconds: number;
}

function throughput(s: Summary, corpus: Corpus): Throughput {
  return {
    seconds: round(s.seconds),
    min: round(s.min),
    max: round(s.max),
    runs: s.runs,
    turnsPerSecond: round(corpus.turns / s.seconds, 0),
    mbPerSecond: round(corpus.textBytes / MB / s.seconds),
    msPerTurn: round((s.seconds * 1000) / corpus.turns, 4),
    peakRssMiB: round(s.rssMiB, 1),
    maxPeakRssMiB: round(s.maxRssMiB, 1),
    cpuSeconds: round(s.cpuSeconds),
  };
}

function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]): string => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(cells[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

const fmt = (n: number, digits = 2): string => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
const verdict = (ok: boolean): string => (ok ? 'met' : 'MISSED');

interface PackCache {
  stamps: { name: string; sha1: string }[];
}

/** The build's rule-file stamps match rules/ (else rapport would parse YAML at every start: not the shipped state). */
function packCacheFresh(root: string, cache: PackCache): boolean {
  const names = readdirSync(join(root, 'rules')).filter((name) => /\.ya?ml$/i.test(name)).sort();
  if (names.length !== cache.stamps.length) return false;
  return cache.stamps.every((stamp) => {
    const file = join(root, stamp.name);
    return existsSync(file) && createHash('sha1').update(readFileSync(file)).digest('hex') === stamp.sha1;
  });
}

/**
 * A copy of the build (dist/, the rule files, package.json, bin/) in a temporary folder, so that edits to the
 * working tree during a long run cannot change what is measured. node_modules is linked, not copied.
 */
function snapshot(): string {
  const cacheFile = join(ROOT, 'dist/builtin-pack.json');
  if (!existsSync(cacheFile)) throw new Error('not built: run `npm run bench` (or `node bin/build.mjs`) first');
  const cache = JSON.parse(readFileSync(cacheFile, 'utf8')) as PackCache;
  if (!packCacheFresh(ROOT, cache)) throw new Error('rules/*.yaml changed after the build, so rapport would parse YAML at start: rebuild first (npm run bench does)');
  const dir = mkdtempSync(join(tmpdir(), 'rapport-bench-build-'));
  for (const part of ['dist', 'bin', 'package.json']) cpSync(join(ROOT, part), join(dir, part), { recursive: true });
  mkdirSync(join(dir, 'rules'));
  for (const stamp of cache.stamps) cpSync(join(ROOT, stamp.name), join(dir, stamp.name));
  if (!packCacheFresh(dir, cache)) throw new Error('a rule file changed while the build was being copied: run again');
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

function git(...args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

async function main(): Promise<void> {
  if (!existsSync(join(ROOT, 'dist/main.js'))) throw new Error('not built: run `npm run bench` (or `node bin/build.mjs`) first');
  const build = snapshot();
  RAPPORT = join(build, 'bin/rapport');
  const meter = new Meter();
  const corpora = new Corpora(readAnnomi(CORPUS));
  const onRun = (name: string, run: Run): void => log(`  ${name}: ${fmt(run.seconds, 3)} s, ${fmt(run.rssMiB, 1)} MiB`);
  const started = new Date();
  const loadBefore = loadavg();

  const results: Record<string, unknown> = {
    schemaVersion: 1,
    date: started.toISOString(),
    commit: git('rev-parse', '--short', 'HEAD'),
    dirtyTree: git('status', '--porcelain', '--', 'src', 'rules', 'bin').length > 0,
    machine: {
      node: process.version,
      cores: availableParallelism(),
      cpu: cpus()[0]?.model ?? 'unknown',
      memoryGiB: round(totalmem() / 2 ** 30, 1),
      loadAverageAtStart: loadBefore.map((n) => round(n, 2)),
    },
    method: {
      build: 'a copy of dist/ and rules/ taken at start (edits during the run do not change what is measured)',
      process: 'child_process.spawn, standard output to /dev/null; wall time from process.hrtime',
      peakRss: meter.method === 'gnu-time' ? '/usr/bin/time -f %M' : 'process.resourceUsage().maxRSS in the child',
      statistic: 'median',
      warmupRounds: 1,
    },
    targets: TARGETS,
  };
  const out: string[] = [];
  const checks: [string, string, boolean][] = [];

  try {
    const base = corpora.get(1);
    results.corpus = {
      source: `${basename(CORPUS)}, counsellor (therapist) turns`,
      turns: base.turns,
      utterances: base.rows,
      counsellorTextMB: round(base.textBytes / MB),
      csvMB: round(base.csvBytes / MB),
    };
    out.push(
      `Corpus: AnnoMI dev, ${base.turns} counsellor turns (${fmt(base.textBytes / MB, 3)} MB of counsellor text; ` +
        `the CSV rapport reads has all ${base.rows} utterances, ${fmt(base.csvBytes / MB, 3)} MB, client turns as context).`,
    );
    let batch1x: Summary | undefined;

    if (ONLY.has('peers')) {
      log(`peers: ${RUNS} runs each, interleaved`);
      const commands: Command[] = [
        rapportBatch(base),
        { name: 'write-good', command: NODE, args: [bin('write-good'), base.txt], ok: () => true },
        { name: 'alex --text', command: NODE, args: [bin('alex'), '--text', base.txt], ok: (code) => code === 0 || code === 1 },
      ];
      const peers = await interleaved(meter, commands, RUNS, 1, onRun);
      batch1x = peers.get('rapport batch')!;
      const wg = peers.get('write-good')!;
      const ratio = batch1x.seconds / wg.seconds;
      results.peers = {
        ...Object.fromEntries([...peers].map(([name, s]) => [name, throughput(s, base)])),
        ratioToWriteGood: round(ratio),
        ratioToAlex: round(batch1x.seconds / peers.get('alex --text')!.seconds),
      };
      out.push(
        '',
        `Peers (same ${base.turns} counsellor turns, whole processes, median of ${RUNS})`,
        table(
          ['tool', 'wall s', 'min-max s', 'CPU s', 'turns/s', 'MB/s', 'peak RSS MiB', 'vs write-good'],
          [...peers].map(([name, s]) => {
            const t = throughput(s, base);
            return [name, fmt(t.seconds), `${fmt(t.min)}-${fmt(t.max)}`, fmt(t.cpuSeconds), t.turnsPerSecond, fmt(t.mbPerSecond, 3), fmt(t.peakRssMiB, 1), `${fmt(s.seconds / wg.seconds)}x`];
          }),
        ),
      );
      checks.push(['batch <= 0.2x write-good wall time', `${fmt(ratio)}x`, ratio <= TARGETS.peerRatio]);
    }

    if (ONLY.has('cold')) {
      log(`cold start: ${COLD_RUNS} runs each, interleaved`);
      const commands: Command[] = [
        { name: 'node -e 0', command: NODE, args: ['-e', '0'], ok: (code) => code === 0 },
        { name: 'rapport check', command: NODE, args: [RAPPORT, 'check', REPLY], ok: (code) => code === 0 || code === 1 },
        { name: 'write-good (1 reply)', command: NODE, args: [bin('write-good'), `--text=${REPLY}`], ok: () => true },
      ];
      const cold = await interleaved(meter, commands, COLD_RUNS, 2);
      const node = cold.get('node -e 0')!;
      const check = cold.get('rapport check')!;
      const ratio = check.seconds / node.seconds;
      results.coldStart = {
        ...Object.fromEntries(
          [...cold].map(([name, s]) => [name, { ms: round(s.seconds * 1000, 1), minMs: round(s.min * 1000, 1), maxMs: round(s.max * 1000, 1), runs: s.runs, peakRssMiB: round(s.rssMiB, 1) }]),
        ),
        ratioToNode: round(ratio),
        writeGoodRatioToNode: round(cold.get('write-good (1 reply)')!.seconds / node.seconds),
      };
      out.push(
        '',
        `Cold start (one reply, median of ${COLD_RUNS}, interleaved)`,
        table(
          ['command', 'ms', 'min-max ms', 'peak RSS MiB', 'vs node -e 0'],
          [...cold].map(([name, s]) => [name, fmt(s.seconds * 1000, 1), `${fmt(s.min * 1000, 0)}-${fmt(s.max * 1000, 0)}`, fmt(s.rssMiB, 1), `${fmt(s.seconds / node.seconds)}x`]),
        ),
      );
      checks.push(['cold check <= 2x node -e 0', `${fmt(ratio)}x`, ratio <= TARGETS.coldRatio]);
      checks.push(['cold check < 2.5x node -e 0 (issue 2)', `${fmt(ratio)}x`, ratio < TARGETS.coldRatioIssue2]);
    }

    let workersDefault: Summary | undefined;
    if (ONLY.has('workers')) {
      const corpus = corpora.get(WORKERS_SCALE);
      const runs = SCALE_RUNS[Math.max(0, SCALES.indexOf(WORKERS_SCALE))] ?? RUNS;
      log(`workers at ${WORKERS_SCALE}x: ${runs} runs each, interleaved`);
      const commands = [rapportBatch(corpus, '0', '--jobs 0 (main thread)'), rapportBatch(corpus, '1', '--jobs 1'), rapportBatch(corpus, '2', '--jobs 2'), rapportBatch(corpus, undefined, 'default (auto)')];
      const w = await interleaved(meter, commands, runs, 1, onRun);
      const inline = w.get('--jobs 0 (main thread)')!;
      workersDefault = w.get('default (auto)');
      results.workers = {
        scale: WORKERS_SCALE,
        switch: '--jobs <n> (0: no workers; auto: one per core, at most 4, for inputs from 200 kB)',
        ...Object.fromEntries([...w].map(([name, s]) => [name, throughput(s, corpus)])),
        speedupDefaultOverMainThread: round(inline.seconds / workersDefault!.seconds),
        speedup2WorkersOver1: round(w.get('--jobs 1')!.seconds / w.get('--jobs 2')!.seconds),
      };
      out.push(
        '',
        `Worker threads (${availableParallelism()} cores; ${corpus.turns} turns = ${WORKERS_SCALE}x; median of ${runs})`,
        table(
          ['batch --jobs', 'wall s', 'CPU s', 'turns/s', 'peak RSS MiB', 'speed-up vs --jobs 0'],
          [...w].map(([name, s]) => [name, fmt(s.seconds), fmt(s.cpuSeconds), throughput(s, corpus).turnsPerSecond, fmt(s.rssMiB, 1), `${fmt(inline.seconds / s.seconds)}x`]),
        ),
      );
    }

    if (ONLY.has('scaling')) {
      const rows: Record<string, Throughput & { factor: number; turns: number; counsellorTextMB: number }> = {};
      for (const [i, factor] of SCALES.entries()) {
        const corpus = corpora.get(factor);
        const runs = SCALE_RUNS[i] ?? SCALE_RUNS[SCALE_RUNS.length - 1] ?? 1;
        let s: Summary;
        if (factor === 1 && batch1x) s = batch1x;
        else if (factor === WORKERS_SCALE && workersDefault) s = workersDefault;
        else {
          log(`scaling ${factor}x (${corpus.turns} turns, ${fmt(corpus.csvBytes / MB, 1)} MB CSV): ${runs} run(s)`);
          s = (await interleaved(meter, [rapportBatch(corpus)], runs, factor >= 100 ? 0 : 1, onRun)).get('rapport batch')!;
        }
        rows[`${factor}x`] = { factor, turns: corpus.turns, counsellorTextMB: round(corpus.textBytes / MB, 2), ...throughput(s, corpus) };
      }
      const first = rows[`${SCALES[0]}x`]!;
      const last = rows[`${SCALES[SCALES.length - 1]}x`]!;
      const rssGrowth = last.peakRssMiB / first.peakRssMiB;
      const tptGrowth = last.msPerTurn / first.msPerTurn;
      const maxRss = Math.max(...Object.values(rows).map((r) => r.maxPeakRssMiB));
      results.scaling = { ...rows, rssGrowth: round(rssGrowth), timePerTurnGrowth: round(tptGrowth), maxPeakRssMiB: maxRss };
      out.push(
        '',
        'Scaling (rapport batch --format jsonl, default workers)',
        table(
          ['corpus', 'turns', 'text MB', 'runs', 'wall s', 'CPU s', 'ms/turn', 'turns/s', 'peak RSS MiB'],
          Object.entries(rows).map(([name, r]) => [name, r.turns, fmt(r.counsellorTextMB, 1), r.runs, fmt(r.seconds), fmt(r.cpuSeconds), fmt(r.msPerTurn, 3), r.turnsPerSecond, fmt(r.peakRssMiB, 1)]),
        ),
      );
      checks.push(['peak RSS <= 150 MiB (every scale)', `${fmt(maxRss, 1)} MiB`, maxRss <= TARGETS.rssMiB]);
      checks.push([`peak RSS within 20% ${first.factor}x -> ${last.factor}x`, `${fmt(rssGrowth)}x`, rssGrowth <= TARGETS.rssGrowth && rssGrowth >= 1 / TARGETS.rssGrowth]);
      checks.push([`time per turn within 1.2x ${first.factor}x -> ${last.factor}x`, `${fmt(tptGrowth)}x`, tptGrowth <= TARGETS.timePerTurnGrowth]);

      const pipeFactor = SCALES.includes(PIPE.factor) ? PIPE.factor : first.factor;
      const toFile = rows[`${pipeFactor}x`]!;
      log(`scaling ${pipeFactor}x into a pipe read at ${PIPE.readerMBPerSecond} MB/s: 1 run`);
      const slowPipe = { ...rapportBatch(corpora.get(pipeFactor), undefined, 'rapport batch | slow reader'), readerBytesPerSecond: PIPE.readerMBPerSecond * MB };
      const piped = throughput((await interleaved(meter, [slowPipe], 1, 0, onRun)).get(slowPipe.name)!, corpora.get(pipeFactor));
      const pipeRatio = piped.peakRssMiB / toFile.peakRssMiB;
      results.pipe = { factor: pipeFactor, readerMBPerSecond: PIPE.readerMBPerSecond, toDevNull: toFile, toSlowPipe: piped, peakRssRatio: round(pipeRatio) };
      out.push(
        '',
        `Output into a pipe (${pipeFactor}x; the reader takes ${PIPE.readerMBPerSecond} MB/s, slower than rapport writes)`,
        table(
          ['standard output', 'runs', 'wall s', 'peak RSS MiB'],
          [
            ['> /dev/null', toFile.runs, fmt(toFile.seconds), fmt(toFile.peakRssMiB, 1)],
            [`| reader at ${PIPE.readerMBPerSecond} MB/s`, piped.runs, fmt(piped.seconds), fmt(piped.peakRssMiB, 1)],
          ],
        ),
      );
      checks.push(['pipe peak RSS within 20% of /dev/null', `${fmt(pipeRatio)}x`, pipeRatio <= TARGETS.pipeRssRatio]);
      checks.push(['pipe peak RSS < 300 MiB', `${fmt(piped.peakRssMiB, 1)} MiB`, piped.peakRssMiB < TARGETS.pipeRssMiB]);
    }

    if (ONLY.has('hostile')) {
      // Issue 16: rule packs made to be slow to match, within the size cap, each on the longest reply.
      const dir = mkdtempSync(join(tmpdir(), 'rapport-bench-hostile-'));
      try {
        const commands: Command[] = HOSTILE_PACKS.map((hostile, i) => {
          const reply = join(dir, `reply-${i}.txt`);
          writeFileSync(reply, hostile.reply);
          const pack = writePack(join(dir, `pack-${i}`), hostile.patterns());
          return { name: hostile.name, command: NODE, args: [RAPPORT, 'check', '--rules', pack, '--format', 'json', '--file', reply], ok: (code) => code === 0 || code === 1 };
        });
        log(`hostile packs: ${RUNS} runs each, interleaved`);
        const hostile = await interleaved(meter, commands, RUNS, 1, onRun);
        const slowest = Math.max(...[...hostile.values()].map((s) => s.seconds));
        results.hostile = { ...Object.fromEntries([...hostile].map(([name, s]) => [name, { seconds: round(s.seconds), cpuSeconds: round(s.cpuSeconds), peakRssMiB: round(s.rssMiB, 1) }])), slowestSeconds: round(slowest) };
        out.push(
          '',
          `Hostile rule packs (rapport check on a 20,000-character reply, median of ${RUNS})`,
          table(['pack', 'wall s', 'CPU s', 'peak RSS MiB'], [...hostile].map(([name, s]) => [name, fmt(s.seconds), fmt(s.cpuSeconds), fmt(s.rssMiB, 1)])),
        );
        checks.push(['every hostile pack checks in < 2 s', `${fmt(slowest)} s`, slowest < TARGETS.hostileSeconds]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }

    results.machine = { ...(results.machine as object), loadAverageAtEnd: loadavg().map((n) => round(n, 2)) };
    results.targetsMet = Object.fromEntries(checks.map(([name, value, ok]) => [name, { value, met: ok }]));
    out.push('', 'Targets', table(['target', 'measured', ''], checks.map(([name, value, ok]) => [name, value, verdict(ok)])));
    out.push(
      '',
      `node ${process.version}, ${availableParallelism()} cores, load average ${loadBefore.map((n) => fmt(n)).join(' ')} at start, ` +
        `${loadavg().map((n) => fmt(n)).join(' ')} at end (other work on the machine inflates wall times; CPU s is steadier); peak RSS by ${meter.method}.`,
    );
    process.stdout.write(`${out.join('\n')}\n`);

    const jsonPath = resolve(opts.json!);
    mkdirSync(dirname(jsonPath), { recursive: true });
    writeFileSync(jsonPath, `${JSON.stringify(results, null, 2)}\n`);
    log(`figures written to ${relative(process.cwd(), jsonPath) || jsonPath}`);
  } finally {
    corpora.remove();
    meter.close();
    rmSync(build, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
