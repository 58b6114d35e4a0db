// Scoring counsellor turns: on the main thread, helped by worker threads for large batches.
//
// The worker is this same module (bundled into the batch chunk): started with `workerData`
// carrying WORKER_FLAG it loads the rule pack itself from the pack options (a compiled pack holds
// regular expressions and functions, which cannot cross threads) and answers scoring requests.
// The main thread scores too whenever every worker already has work queued, so it is never idle
// while workers start up, and a worker that cannot start only costs speed, not the run.
import { availableParallelism, loadavg } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { critique } from '../core/critique.js';
import type { CompiledPack } from '../core/rules/pack.js';
import type { Critique } from '../core/types.js';
import { loadPack, type LoadPacksOptions } from '../io/packs.js';

const WORKER_FLAG = 'rapportBatchWorker';
/** Requests queued on one worker at once, so it never waits for the main thread between two. */
const PER_WORKER = 2;

/** One reply to score with the client text it answers. */
export interface Job {
  text: string;
  client: string | null;
}

export interface Scorer {
  /** Worker threads started; 0 when scoring only on the main thread. */
  readonly threads: number;
  /** Turns scored so far on workers and on the main thread. */
  readonly scored: { workers: number; main: number };
  score(jobs: Job[]): Promise<Critique[]>;
  close(): Promise<void>;
}

export function scoreAll(pack: CompiledPack, jobs: readonly Job[]): Critique[] {
  return jobs.map((job) => critique(pack, job.text, job.client));
}

export function inlineScorer(pack: CompiledPack): Scorer {
  const scored = { workers: 0, main: 0 };
  return {
    threads: 0,
    scored,
    score: async (jobs) => {
      scored.main += jobs.length;
      return scoreAll(pack, jobs);
    },
    close: async () => {},
  };
}

/**
 * Workers for `--jobs auto`: one per idle core beyond the main thread's (cores the 1-minute load
 * average shows busy do not count), at most `max`, and only when that makes two or more. A lone
 * worker does not pay: on a 2-core machine `--jobs 1` scored AnnoMI at 0.82x the speed of the
 * main thread alone, at 1.3x the peak memory, since each worker warms up its own copy of the
 * rules and V8's compiler and collector threads already keep the second core busy.
 */
export function defaultThreads(max = 4, cores = availableParallelism(), load = loadavg()[0] ?? 0): number {
  const helpers = Math.min(max, Math.round(cores - load) - 1);
  return helpers >= 2 ? helpers : 0;
}

interface Request {
  id: number;
  jobs: Job[];
}
type Reply = { id: number; critiques: Critique[] } | { id: number; error: string } | { ready: true } | { failed: string };

interface Task {
  jobs: Job[];
  resolve: (critiques: Critique[]) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  dead: boolean;
  /** Requests sent and not answered yet, in the order the worker answers them. */
  sent: Task[];
}

/**
 * Scores on the main thread with `pack`, and on `size` workers that load the pack from
 * `packOptions`. Returns at once: requests go to the main thread until workers are ready.
 * With `mainHelps: false` the main thread scores only when no worker is left (tests, measuring).
 */
export function pooledScorer(pack: CompiledPack, size: number, packOptions: LoadPacksOptions, mainHelps = true): Scorer {
  if (size <= 0) return inlineScorer(pack);
  const waiting: Task[] = [];
  const scored = { workers: 0, main: 0 };
  let nextId = 0;
  const slots: Slot[] = [];

  const runInline = (task: Task): void => {
    scored.main += task.jobs.length;
    try {
      task.resolve(scoreAll(pack, task.jobs));
    } catch (error) {
      task.reject(error as Error);
    }
  };
  const free = (): Slot | undefined =>
    slots.filter((s) => s.ready && !s.dead && s.sent.length < PER_WORKER).sort((a, b) => a.sent.length - b.sent.length)[0];
  const send = (slot: Slot, task: Task): void => {
    slot.sent.push(task);
    slot.worker.postMessage({ id: nextId++, jobs: task.jobs } satisfies Request);
  };
  const pump = (): void => {
    for (let slot = free(); slot && waiting.length > 0; slot = free()) send(slot, waiting.shift()!);
  };
  const retire = (slot: Slot): void => {
    if (slot.dead) return;
    slot.dead = true;
    // Whatever it had not answered is scored here instead.
    for (const task of slot.sent.splice(0)) runInline(task);
    if (slots.every((s) => s.dead)) for (const task of waiting.splice(0)) runInline(task);
    void slot.worker.terminate();
  };

  for (let i = 0; i < size; i++) {
    const worker = new Worker(new URL(import.meta.url), { workerData: { [WORKER_FLAG]: true, packOptions } });
    worker.unref();
    const slot: Slot = { worker, ready: false, dead: false, sent: [] };
    slots.push(slot);
    worker.on('message', (reply: Reply) => {
      if ('ready' in reply) {
        slot.ready = true;
        pump();
        return;
      }
      if ('failed' in reply) return retire(slot);
      const task = slot.sent.shift();
      if (!task) return;
      if ('error' in reply) task.reject(new Error(reply.error));
      else {
        scored.workers += task.jobs.length;
        task.resolve(reply.critiques);
      }
      pump();
    });
    worker.on('error', () => retire(slot));
    worker.on('exit', () => retire(slot));
  }

  return {
    threads: size,
    scored,
    score: (jobs) =>
      new Promise<Critique[]>((resolve, reject) => {
        const task = { jobs, resolve, reject };
        const slot = free();
        // Busy workers (or none ready yet): the main thread takes this one.
        if (slot) send(slot, task);
        else if (mainHelps || slots.every((s) => s.dead)) runInline(task);
        else waiting.push(task);
      }),
    close: async () => {
      for (const slot of slots) slot.dead = true;
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
    },
  };
}

async function serve(packOptions: LoadPacksOptions): Promise<void> {
  const port = parentPort!;
  let pack: CompiledPack;
  try {
    pack = await loadPack(packOptions);
  } catch (error) {
    port.postMessage({ failed: error instanceof Error ? error.message : String(error) } satisfies Reply);
    return;
  }
  port.on('message', (request: Request) => {
    try {
      port.postMessage({ id: request.id, critiques: scoreAll(pack, request.jobs) } satisfies Reply);
    } catch (error) {
      port.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) } satisfies Reply);
    }
  });
  port.postMessage({ ready: true } satisfies Reply);
}

if (!isMainThread && (workerData as Record<string, unknown> | null)?.[WORKER_FLAG] === true) {
  void serve((workerData as { packOptions: LoadPacksOptions }).packOptions);
}
