// The run's threads: the main thread and `jobs - 1` worker threads (app/report-worker.ts) take the
// reports' jobs (a first look at each file, then each report's work) in turn, and inOrder() gives the
// results back in the order of the reports, whichever thread finished first, so the run merges them
// exactly as if one thread had done them all. At most `window` results wait ahead of the one the run
// needs next (bounded memory). A worker keeps four jobs in hand, so it never waits while the main thread
// is busy with a job of its own. A worker that dies (a crash, out of memory) fails only the job it was
// doing: that report becomes a diagnostic, a new worker takes its place, the run goes on. A worker that
// cannot even start leaves its share to the others (the main thread always works).
import { Worker } from 'node:worker_threads';
import type { ReportJob, ReportOutcome, ReportRunner } from './report-job.js';
import { runReportJob } from './report-job.js';
import { type Look, lookAt } from './report-plan.js';
import type { RunnerSpec, ThreadRunner } from './runner-setup.js';

export type PoolJob = { kind: 'look'; path: string } | { kind: 'code'; job: ReportJob };
export type PoolReply = { ready: true } | { failed: string } | { id: number; result: Look | ReportOutcome };

/** A thread that does jobs. */
export interface Runner {
  /** Jobs it can hold at once. */
  readonly depth: number;
  run(job: PoolJob): Promise<Look | ReportOutcome>;
  close(): Promise<void>;
}

/** The job could not be done here, through no fault of its own (the worker never started, or died while
 * the job was only queued): another thread must do it. */
export class NotHere extends Error {}

/** The main thread as one of the run's threads. */
export class InlineRunner implements Runner {
  readonly depth = 1;
  constructor(private readonly runner: ThreadRunner | ReportRunner) {}

  async run(job: PoolJob): Promise<Look | ReportOutcome> {
    // Let replies from the workers in first: a worker waits for its next job while this one runs.
    await new Promise((resolve) => setImmediate(resolve));
    if (job.kind === 'look')
      return lookAt(job.path, 'genres' in this.runner ? this.runner.genres : undefined);
    return runReportJob(job.job, this.runner);
  }

  async close(): Promise<void> {}
}

interface Pending {
  id: number;
  resolve: (r: Look | ReportOutcome) => void;
  reject: (e: unknown) => void;
}

/** The job was only queued in a worker that died: it goes back to the pool, to be done again. */
class Requeue extends Error {}
const MAX_REQUEUES = 3;

/** A worker thread; a new one takes the place of one that died. */
export class WorkerRunner implements Runner {
  /**
   * Jobs it holds at once: enough that it never runs dry while the main thread is busy with a report of
   * its own and the merge of the ones before (tens of milliseconds in which no job can be handed over).
   */
  readonly depth = 4;
  /** The worker once it has started; undefined when it cannot start (then it never will). */
  private current: Promise<Worker | undefined>;
  private readonly pending: Pending[] = [];
  private nextId = 0;
  private closed = false;

  constructor(
    private readonly script: URL,
    private readonly spec: RunnerSpec,
  ) {
    this.current = this.start();
  }

  private start(): Promise<Worker | undefined> {
    return new Promise((started) => {
      const worker = new Worker(this.script, { workerData: this.spec });
      let ready = false;
      worker.on('message', (reply: PoolReply) => {
        if ('ready' in reply) {
          ready = true;
          started(worker);
        } else if ('failed' in reply) {
          started(undefined);
          void worker.terminate();
        } else {
          const at = this.pending.findIndex((p) => p.id === reply.id);
          const [p] = at >= 0 ? this.pending.splice(at, 1) : [];
          p?.resolve(reply.result);
        }
      });
      const died = (error: Error) => {
        if (!ready) return started(undefined);
        ready = false;
        // The job it was doing fails; the jobs only queued go back; a new worker takes its place.
        const [doing, ...queued] = this.pending.splice(0);
        doing?.reject(error);
        for (const q of queued) q.reject(new Requeue('its worker thread stopped while the job waited'));
        this.current = this.closed ? Promise.resolve(undefined) : this.start();
      };
      worker.on('error', died);
      worker.on('exit', (code) => died(new Error(`the worker thread stopped (exit code ${code})`)));
    });
  }

  async run(job: PoolJob): Promise<Look | ReportOutcome> {
    const worker = await this.current;
    if (!worker || this.closed) throw new NotHere('no worker');
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.pending.push({ id, resolve, reject });
      worker.postMessage({ id, job });
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.pending.splice(0)) p.reject(new NotHere('closed'));
    const worker = await this.current;
    this.current = Promise.resolve(undefined);
    if (worker) await worker.terminate();
  }
}

/** The run's threads: the main thread, and `jobs - 1` workers when the worker script is there to run. */
export function startRunners(jobs: number, main: ThreadRunner | ReportRunner, spec?: RunnerSpec): Runner[] {
  const runners: Runner[] = [new InlineRunner(main)];
  if (spec)
    for (let i = 1; i < jobs; i++)
      runners.push(new WorkerRunner(new URL('./report-worker.js', import.meta.url), spec));
  return runners;
}

/**
 * Runs a job per item on the runners and yields the results in the items' order. A job a runner could not
 * take (NotHere) goes to another; a job that failed (its worker died) gives `onFail`'s result.
 */
export async function* inOrder<T, R>(
  items: readonly T[],
  toJob: (item: T) => PoolJob,
  runners: readonly Runner[],
  onFail: (item: T, error: unknown) => R,
  window = 4 * runners.reduce((n, r) => n + r.depth, 0),
): AsyncGenerator<R> {
  const done = new Map<number, R>();
  const retry: number[] = [];
  let next = 0;
  let yielded = 0;
  // One signal for every change the threads and the reader wait on: a result in, a job back, room ahead.
  let signal!: () => void;
  let changed = new Promise<void>((resolve) => {
    signal = resolve;
  });
  const notify = () => {
    const s = signal;
    changed = new Promise<void>((resolve) => {
      signal = resolve;
    });
    s();
  };
  let settled = 0;
  /** The next job to take: one given back first, then the next item if the window has room. */
  const take = async (): Promise<number | undefined> => {
    for (;;) {
      if (retry.length > 0) return retry.shift();
      if (next < items.length && next - yielded < window) return next++;
      // Nothing to take: done when every item is settled (a job given back later needs a taker).
      if (settled === items.length) return undefined;
      await changed;
    }
  };
  const requeued = new Map<number, number>();
  const loop = async (runner: Runner): Promise<void> => {
    for (let i = await take(); i !== undefined; i = await take()) {
      const item = items[i] as T;
      try {
        done.set(i, (await runner.run(toJob(item))) as R);
      } catch (e) {
        const again = (requeued.get(i) ?? 0) + 1;
        // A job queued behind crash after crash is given up too (a worker that dies at every job).
        if (e instanceof NotHere || (e instanceof Requeue && again <= MAX_REQUEUES)) {
          requeued.set(i, again);
          retry.push(i);
          notify();
          if (e instanceof NotHere) return; // this runner is done; the others take its jobs
          continue;
        }
        done.set(i, onFail(item, e));
      }
      settled++;
      notify();
    }
  };
  const loops = Promise.all(runners.flatMap((r) => Array.from({ length: r.depth }, () => loop(r))));
  for (; yielded < items.length; yielded++) {
    while (!done.has(yielded)) await changed;
    const value = done.get(yielded) as R;
    done.delete(yielded);
    notify();
    yield value;
  }
  await loops;
}
