// The run's threads (src/app/report-pool.ts): results come back in the order of the items whichever
// thread did them and however long each took, a job whose worker thread dies becomes that item's failure
// while the run goes on (a new worker takes over), and a worker that cannot start leaves its share to the
// main thread. The worker here is a stand-in (test/fixtures/pool/worker.mjs) speaking the same messages.
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { inOrder, type PoolJob, type Runner, WorkerRunner } from '../src/app/report-pool.js';
import { threadsFor } from '../src/app/run-analysis.js';
import type { RunnerSpec } from '../src/app/runner-setup.js';

const script = new URL('./fixtures/pool/worker.mjs', import.meta.url);
const items = Array.from({ length: 30 }, (_, i) => `j${i}`);
const toJob = (path: string): PoolJob => ({ kind: 'look', path });

/** The main thread's share, done here with a random delay. */
const mainThread: Runner = {
  depth: 1,
  run: async (job) => {
    await new Promise((r) => setTimeout(r, Math.random() * 4));
    const path = job.kind === 'look' ? job.path : job.job.path;
    return { chars: Number(path.slice(1)) * 2, by: 'main' } as never;
  },
  close: async () => {},
};

async function collect(runners: Runner[]): Promise<{ chars: number; by?: string; failed?: string }[]> {
  const out: { chars: number; by?: string; failed?: string }[] = [];
  try {
    for await (const r of inOrder(items, toJob, runners, (item, e) => ({
      chars: -1,
      failed: `${item}: ${(e as Error).message}`,
    })))
      out.push(r as { chars: number });
  } finally {
    await Promise.all(runners.map((r) => r.close()));
  }
  return out;
}

const worker = (spec: Record<string, unknown>) => new WorkerRunner(script, spec as unknown as RunnerSpec);

describe('inOrder over the main thread and worker threads', () => {
  it('gives every result in the items’ order, done by both threads', async () => {
    const out = await collect([mainThread, worker({})]);
    expect(out.map((r) => r.chars)).toEqual(items.map((_, i) => i * 2));
    expect(new Set(out.map((r) => r.by))).toEqual(new Set(['main', 'worker']));
  });

  it('a job whose worker dies fails alone; the rest are done, in order, by a new worker and the main thread', async () => {
    const out = await collect([mainThread, worker({ crashOn: 'j7' })]);
    // j7 fails only if the worker took it; the main thread may have done it instead.
    const failed = out.filter((r) => r.failed);
    expect(failed.length).toBeLessThanOrEqual(1);
    for (const f of failed) expect(f.failed).toMatch(/^j7: the worker thread stopped \(exit code 3\)/);
    out.forEach((r, i) => {
      if (!r.failed) expect(r.chars).toBe(i * 2);
    });
  });

  it('a crash always lands: with the worker alone, j7 fails and j8… are still done', async () => {
    const out = await collect([worker({ crashOn: 'j7' })]);
    expect(out[7]?.failed).toMatch(/exit code 3/);
    expect(out.filter((r) => r.failed)).toHaveLength(1);
    expect(out.slice(8).map((r) => r.chars)).toEqual(items.slice(8).map((_, i) => (i + 8) * 2));
  });

  it('a worker that cannot start leaves every job to the main thread', async () => {
    const out = await collect([mainThread, worker({ failStart: true })]);
    expect(out.map((r) => r.chars)).toEqual(items.map((_, i) => i * 2));
    expect(new Set(out.map((r) => r.by))).toEqual(new Set(['main']));
  });

  it('holds at most `window` results ahead of the one being read', async () => {
    let started = 0;
    const counting: Runner = {
      depth: 4,
      run: (job) => {
        started++;
        return mainThread.run(job);
      },
      close: async () => {},
    };
    let read = 0;
    let ahead = 0;
    for await (const _ of inOrder(items, toJob, [counting], () => ({}), 3)) {
      read++;
      ahead = Math.max(ahead, started - read);
      await new Promise((r) => setTimeout(r, 2));
    }
    expect(read).toBe(items.length);
    expect(ahead).toBeLessThanOrEqual(3);
  });
});

describe('threads for a run', () => {
  it.each([
    [3, 5, 3],
    [1, 10_000, 1],
    ['auto', 5, 1],
    ['auto', 79, 1],
    ['auto', 80, Math.min(2, availableParallelism())],
    ['auto', 10_000, availableParallelism()],
  ] as const)('--jobs %s with %i reports: %i', (jobs, reports, threads) => {
    expect(threadsFor(jobs, reports)).toBe(threads);
  });
});
