// A full garbage collection at the boundaries of a long run's phases (after the first look at every file;
// every few hundred reports; before and during the leak check of large outputs). V8 sizes its heap from
// how fast a phase allocates, not from what stays alive: the first look at 10,000 files, or the leak
// check reading a 12 MB report.html piece by piece, leave little alive but let the heap grow to twice what
// it holds, and the next phase starts from there. Collecting at the boundary keeps the peak near what is
// alive. The collector is reached as jest-leak-detector reaches it (the flag, then a fresh context's
// `gc`); where that is not possible, nothing happens. A heap that holds less than SMALL_HEAP is not
// collected: there is little to gain, and a small run (one report: two collections, 25 and 70 ms) would
// pay for it in its start.
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | null | undefined;

/** Bytes of heap below which a full collection is not worth its time. */
const SMALL_HEAP = 128 * 1024 * 1024;

export function collectGarbage(): void {
  if (getHeapStatistics().used_heap_size < SMALL_HEAP) return;
  if (collect === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      collect = runInNewContext('gc') as () => void;
    } catch {
      collect = null;
    }
  }
  collect?.();
}

/** Calls collectGarbage() once in every `every` calls (a thread's reports, a check's pieces). */
export function collectEvery(every: number): () => void {
  let n = 0;
  return () => {
    if (++n % every === 0) collectGarbage();
  };
}
