// A worker thread of the run (app/report-pool.ts): builds its own coder and anonymiser from the run's
// inputs (workerData, a RunnerSpec), then does the jobs it is sent one at a time, in the order sent (so
// the pool knows which job a crash interrupted: the oldest unanswered), and posts each result back.
// Progress, diagnostics and every output stay with the main thread.
import { parentPort, workerData } from 'node:worker_threads';
import { collectEvery, collectGarbage } from '../heap.js';
import { REPORTS_PER_COLLECTION, runReportJob } from './report-job.js';
import { lookAt } from './report-plan.js';
import type { PoolJob, PoolReply } from './report-pool.js';
import { type RunnerSpec, runnerFromSpec } from './runner-setup.js';

const port = parentPort;
if (port) {
  const runner = runnerFromSpec(workerData as RunnerSpec);
  runner.then(
    () => port.postMessage({ ready: true } satisfies PoolReply),
    (e: unknown) => port.postMessage({ failed: String((e as Error)?.message ?? e) } satisfies PoolReply),
  );
  let queue: Promise<unknown> = runner;
  let looking = true;
  const everyFewHundred = collectEvery(REPORTS_PER_COLLECTION);
  port.on('message', ({ id, job }: { id: number; job: PoolJob }) => {
    queue = queue.then(async () => {
      const r = await runner;
      // The first looks are over: collect before the reports (src/heap.ts), then every few hundred.
      if (job.kind === 'code' && looking) collectGarbage();
      looking &&= job.kind === 'look';
      const result = job.kind === 'look' ? await lookAt(job.path, r.genres) : await runReportJob(job.job, r);
      port.postMessage({ id, result } satisfies PoolReply);
      // The identifiers went with the result; the main thread keeps the run's inventory.
      r.anonymiser.clearInventory();
      if (job.kind === 'code') everyFewHundred();
    });
  });
}
