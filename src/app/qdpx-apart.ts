// project.qdpx made in a worker thread while the main thread writes the workbooks: the two are the largest
// outputs and need nothing of each other. The worker reads the run's codings and texts from the staging
// folder's record files (app/stored.ts) and writes the archive into a scratch file, which the main thread
// then hands on into the output; the archive is the same bytes as when made on the main thread (the same
// writeQdpx on the same records). A worker that cannot start or fails leaves the job to the main thread.
import { Worker } from 'node:worker_threads';
import type { Codebook } from '../codebook/types.js';
import { type RecordSnapshot, removeScratch, scratchWriter } from '../io/scratch.js';
import { writeQdpx } from '../render/qdpx.js';
import type { UiLang } from '../render/ui-strings.js';
import { ZipWriter } from '../render/zip-stream.js';
import type { Coding, Memo, Tables } from '../types.js';
import { type CodingSnapshot, CodingStore, SourceStore } from './stored.js';

/** Everything writeQdpx reads, as plain data (it crosses to the worker as workerData). */
export interface QdpxJob {
  codings: Coding[];
  memos?: Memo[];
  stored?: CodingSnapshot;
  reports: readonly string[];
  sources: RecordSnapshot;
  book: Codebook;
  lang: UiLang;
  /** The scratch file the archive goes into. */
  out: string;
}

/** Makes the archive of a job (in the worker thread). */
export function runQdpxJob(job: QdpxJob): void {
  const stored = job.stored ? CodingStore.reading(job.stored) : undefined;
  const sources = SourceStore.reading(job.sources);
  const tables: Tables = {
    reports: [],
    codings: job.codings,
    ...(stored ? { stored } : {}),
    counts: [],
    matrix: [],
    quotes: [],
    aliases: [],
    ...(job.memos ? { memos: job.memos } : {}),
  };
  const file = scratchWriter(job.out);
  try {
    const list = { reports: () => job.reports, texts: () => sources.all() };
    writeQdpx(tables, job.book, list, job.lang, new ZipWriter((bytes) => file.write(bytes)));
  } finally {
    file.close();
    stored?.close();
    sources.close();
  }
}

/** Runs the job in a worker thread: true once the archive is in `job.out`, false when it is not. */
export function qdpxApart(job: QdpxJob): Promise<boolean> {
  return new Promise((resolve) => {
    const failed = () => {
      removeScratch(job.out);
      resolve(false);
    };
    let worker: Worker;
    try {
      worker = new Worker(new URL('./qdpx-worker.js', import.meta.url), { workerData: job });
    } catch {
      failed();
      return;
    }
    let done = false;
    worker.once('message', (m: unknown) => {
      done = m === 'done';
    });
    worker.once('error', () => {
      done = false;
    });
    worker.once('exit', () => (done ? resolve(true) : failed()));
  });
}
