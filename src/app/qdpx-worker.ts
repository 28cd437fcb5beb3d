// The worker thread of app/qdpx-apart.ts: makes project.qdpx from the job it is given, says 'done'.
import { parentPort, workerData } from 'node:worker_threads';
import { type QdpxJob, runQdpxJob } from './qdpx-apart.js';

if (parentPort) {
  runQdpxJob(workerData as QdpxJob);
  parentPort.postMessage('done');
}
