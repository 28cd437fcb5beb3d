// The thread the workbooks, the synthesis document and the REFI-QDA project are made in (app/outputs-apart.ts),
// seen from the main thread. It starts with the run, so that exceljs and docx load while the reports are read
// (a one-report run no longer waits for them), and gets its job after the last report. The main thread
// hands it the files one at a time. A file the worker could not make (it did not start, failed or died) is
// the main thread's to make.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ApartJob } from './outputs-apart.js';
import type { FromOutputsWorker, ToOutputsWorker } from './outputs-worker.js';

/** The files that can be made apart, in the order the thread takes them. */
export const APART_FILES = ['analysis.xlsx', 'synthesis.docx', 'project.qdpx', 'review.xlsx'] as const;
export type ApartFile = (typeof APART_FILES)[number];

/** Whether a run may use a thread for its outputs: `--jobs 1` keeps to one thread, as asked. */
export function outputsThreadAllowed(jobs: number | 'auto'): boolean {
  return jobs === 'auto' ? availableParallelism() >= 2 : jobs >= 2;
}

let early: OutputsThread | undefined;

/**
 * Starts the thread for every file before the run's own modules load (they take a quarter of a second):
 * the run takes it over with `outputsThreadFor`, or ends it when its options leave it nothing to do.
 */
export function startOutputsThreadEarly(): void {
  if (availableParallelism() >= 2) early ??= OutputsThread.start(APART_FILES);
}

/** The run's outputs thread for these files: the early one, or a new one; none when the run may not have one. */
export function outputsThreadFor(
  files: readonly ApartFile[],
  jobs: number | 'auto',
): OutputsThread | undefined {
  const started = early;
  early = undefined;
  if (files.length === 0 || !outputsThreadAllowed(jobs)) {
    void started?.close();
    return undefined;
  }
  return started ?? OutputsThread.start(files);
}

export class OutputsThread {
  private readonly queue: ApartFile[] = [];
  private readonly settle = new Map<ApartFile, (made: boolean) => void>();
  private readonly results = new Map<ApartFile, Promise<boolean>>();
  private busy = false;
  private alive = true;
  private submitted = false;
  private readonly exited: Promise<void>;
  private closing: Promise<void> | undefined;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (m: FromOutputsWorker) => {
      this.busy = false;
      this.settled(m.file, m.ok);
      this.handOut();
    });
    worker.on('error', () => this.died());
    this.exited = new Promise((resolve) =>
      worker.once('exit', () => {
        this.died();
        resolve();
      }),
    );
    // Idle until the job comes, it must not keep a run that ends early (a usage error) alive. After the
    // listeners: adding a 'message' listener refs the worker again.
    worker.unref();
  }

  /** A worker for these files, or undefined when it cannot start (the main thread makes them then). */
  static start(files: readonly ApartFile[]): OutputsThread | undefined {
    try {
      return new OutputsThread(
        new Worker(new URL('./outputs-worker.js', import.meta.url), { workerData: { files } }),
      );
    } catch {
      return undefined;
    }
  }

  /** Gives the worker the job and queues its files, in order. */
  submit(job: ApartJob, files: readonly ApartFile[]): void {
    this.submitted = true;
    for (const file of files)
      this.results.set(file, new Promise<boolean>((resolve) => this.settle.set(file, resolve)));
    if (!this.alive) {
      this.died();
      return;
    }
    this.worker.ref();
    this.send({ job });
    this.queue.push(...files);
    this.handOut();
  }

  /** True once the worker has put the file into its scratch file; false when the main thread must make it. */
  made(file: ApartFile): Promise<boolean> {
    return this.results.get(file) ?? Promise.resolve(false);
  }

  /** Ends the thread: once its files are in (it closes the records it read), or at once when it had no job. */
  close(): Promise<void> {
    if (!this.closing) {
      if (this.alive && this.submitted) this.send({ done: true });
      else void this.worker.terminate();
      this.closing = this.exited;
    }
    return this.closing;
  }

  private send(message: ToOutputsWorker): void {
    this.worker.postMessage(message);
  }

  private handOut(): void {
    if (this.busy || !this.alive) return;
    const file = this.queue.shift();
    if (!file) return;
    this.busy = true;
    this.send({ file });
  }

  private settled(file: ApartFile, made: boolean): void {
    this.settle.get(file)?.(made);
    this.settle.delete(file);
  }

  private died(): void {
    this.alive = false;
    for (const file of [...this.settle.keys()]) this.settled(file, false);
    this.queue.splice(0);
  }
}
