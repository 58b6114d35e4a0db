// Scoring counsellor turns: inline on the main thread, or spread over worker threads.
//
// The worker is this same module (bundled into the batch chunk): started with `workerData`
// carrying WORKER_FLAG it loads the rule pack itself from the pack options (a compiled pack holds
// regular expressions and functions, which cannot cross threads) and answers scoring requests.
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { critique } from '../core/critique.js';
import type { CompiledPack } from '../core/rules/pack.js';
import type { Critique } from '../core/types.js';
import { UsageError } from '../io/errors.js';
import { loadPack, type LoadPacksOptions } from '../io/packs.js';

const WORKER_FLAG = 'rapportBatchWorker';

/** One reply to score with the client text it answers. */
export interface Job {
  text: string;
  client: string | null;
}

export interface Scorer {
  /** Worker threads in use; 0 when scoring inline. */
  readonly threads: number;
  score(jobs: Job[]): Promise<Critique[]>;
  close(): Promise<void>;
}

export function scoreAll(pack: CompiledPack, jobs: readonly Job[]): Critique[] {
  return jobs.map((job) => critique(pack, job.text, job.client));
}

export function inlineScorer(pack: CompiledPack): Scorer {
  return {
    threads: 0,
    score: async (jobs) => scoreAll(pack, jobs),
    close: async () => {},
  };
}

interface Request {
  id: number;
  jobs: Job[];
}
type Reply = { id: number; critiques: Critique[] } | { id: number; error: string } | { ready: true } | { failed: string; usage: boolean };

interface Task extends Request {
  resolve: (critiques: Critique[]) => void;
  reject: (error: Error) => void;
}

/** How many workers pay off here: one per core, at most `max`. */
export function defaultThreads(max = 4): number {
  return Math.max(1, Math.min(max, availableParallelism()));
}

/** Starts `size` workers, each loading the pack from `packOptions`; resolves once all are ready. */
export async function workerScorer(size: number, packOptions: LoadPacksOptions): Promise<Scorer> {
  const queue: Task[] = [];
  const busy = new Map<Worker, Task>();
  const idle: Worker[] = [];
  let nextId = 0;
  let broken: Error | null = null;

  const fail = (error: Error): void => {
    broken ??= error;
    for (const task of [...busy.values(), ...queue.splice(0)]) task.reject(error);
    busy.clear();
  };
  const pump = (): void => {
    while (idle.length > 0 && queue.length > 0) {
      const worker = idle.pop()!;
      const task = queue.shift()!;
      busy.set(worker, task);
      worker.postMessage({ id: task.id, jobs: task.jobs } satisfies Request);
    }
  };

  const started: Worker[] = [];
  let workers: Worker[];
  try {
    workers = await Promise.all(
      Array.from({ length: size }, () => {
        const worker = new Worker(new URL(import.meta.url), { workerData: { [WORKER_FLAG]: true, packOptions } });
        started.push(worker);
        return new Promise<Worker>((resolve, reject) => {
          worker.once('error', reject);
          worker.once('message', (reply: Reply) => {
            worker.off('error', reject);
            // A bad rule or config file is the user's to fix (exit 2), whichever thread found it.
            if ('failed' in reply) reject(reply.usage ? new UsageError(reply.failed) : new Error(reply.failed));
            else resolve(worker);
          });
        });
      }),
    );
  } catch (error) {
    await Promise.all(started.map((worker) => worker.terminate()));
    throw error instanceof Error ? error : new Error(String(error));
  }

  for (const worker of workers) {
    worker.on('message', (reply: Reply) => {
      const task = busy.get(worker);
      if (!task || !('id' in reply)) return;
      busy.delete(worker);
      idle.push(worker);
      if ('error' in reply) task.reject(new Error(reply.error));
      else task.resolve(reply.critiques);
      pump();
    });
    worker.on('error', (error) => fail(error));
    worker.on('exit', (code) => {
      if (code !== 0) fail(new Error(`a scoring worker stopped (exit code ${code})`));
    });
    idle.push(worker);
  }

  return {
    threads: size,
    score: (jobs) =>
      new Promise<Critique[]>((resolve, reject) => {
        if (broken) return reject(broken);
        queue.push({ id: nextId++, jobs, resolve, reject });
        pump();
      }),
    close: async () => {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

async function serve(packOptions: LoadPacksOptions): Promise<void> {
  const port = parentPort!;
  let pack: CompiledPack;
  try {
    pack = await loadPack(packOptions);
  } catch (error) {
    port.postMessage({ failed: error instanceof Error ? error.message : String(error), usage: error instanceof UsageError } satisfies Reply);
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
