// The worker thread of app/outputs-thread.ts. It loads the libraries of its files as soon as it starts and
// warms them up (app/outputs-warm-up.ts) while the main thread is still reading reports, takes the job,
// then renders the files it is handed one at a time, saying for each whether it is in its scratch file.
// `done` closes the records and ends the thread.
import { parentPort, workerData } from 'node:worker_threads';
import { type ApartJob, ApartRecords, preloadFor, renderApart } from './outputs-apart.js';
import type { ApartFile } from './outputs-thread.js';
import { warmUp } from './outputs-warm-up.js';

export type ToOutputsWorker = { job: ApartJob } | { file: ApartFile } | { done: true };
export interface FromOutputsWorker {
  file: ApartFile;
  ok: boolean;
  error?: string;
}

if (parentPort) {
  const port = parentPort;
  // A library that does not load fails its file below, and the main thread makes that file itself.
  const files = (workerData as { files: ApartFile[] }).files;
  let records: ApartRecords | undefined;
  let jobCame = false;
  const loaded = preloadFor(files)
    .then(() => warmUp(files, () => jobCame))
    .then(
      () => undefined,
      () => undefined,
    );
  let queue: Promise<void> = loaded;
  const reply = (m: FromOutputsWorker) => port.postMessage(m);
  port.on('message', (m: ToOutputsWorker) => {
    if ('job' in m) jobCame = true;
    queue = queue.then(async () => {
      if ('job' in m) records = new ApartRecords(m.job);
      else if ('file' in m) {
        try {
          if (!records) throw new Error('no job');
          await renderApart(records, m.file);
          reply({ file: m.file, ok: true });
        } catch (e) {
          reply({ file: m.file, ok: false, error: e instanceof Error ? e.message : String(e) });
        }
      } else {
        records?.close();
        port.close();
      }
    });
  });
}
