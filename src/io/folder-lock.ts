// An exclusive lock on a folder, held by one run: a file created with O_EXCL that names its owner (process
// id, host, process start time, a random token). A second run waits briefly, then gives up with the owner's
// name. A lock whose owner is dead (same host, no such process, or a different process under the same id)
// is taken over; the takeover goes through a second, short-lived guard file so that two runs taking over
// the same dead lock cannot both win, and a lock is only ever removed by the token it was read with.
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

export const LOCK_FILE = '.analyse-lock';
const GUARD_FILE = '.analyse-lock.takeover';
/** A guard older than this belongs to a run killed in the middle of a takeover (which takes microseconds). */
const GUARD_STALE_MS = 10_000;

interface Owner {
  pid: number;
  host: string;
  /** Kernel start time of the process (Linux), to tell a reused process id from the owner. */
  start?: string;
  token: string;
  since: string;
}

export type LockResult = { ok: true; lock: FolderLock } | { ok: false; owner?: Owner; reason: string };

export interface FolderLock {
  /** Whether a dead run's lock was taken over. */
  readonly tookOver: boolean;
  release(): void;
}

/** The kernel's start time of a process (field 22 of /proc/PID/stat), or undefined off Linux. */
function processStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

/** Whether the owner of a lock is gone. Another host's lock is never judged dead (its processes are unseen). */
export function ownerIsDead(owner: Owner): boolean {
  if (owner.host !== hostname()) return false;
  const now = processStart(owner.pid);
  // Our own id: held by this very process, unless it was a former process's (ids are reused in containers).
  if (owner.pid === process.pid) return owner.start !== undefined && now !== undefined && owner.start !== now;
  try {
    process.kill(owner.pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
  // The id is in use; with start times known, a different start time is another process.
  return owner.start !== undefined && now !== undefined && now !== owner.start;
}

function readOwner(path: string): Owner | undefined {
  try {
    const o = JSON.parse(readFileSync(path, 'utf8')) as Partial<Owner>;
    if (typeof o.pid === 'number' && typeof o.host === 'string' && typeof o.token === 'string')
      return o as Owner;
  } catch {
    // unreadable or half-written: judged by its age below
  }
  return undefined;
}

function createExclusive(path: string, content: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
  return true;
}

function ageMs(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

/** Removes a dead owner's lock, under the guard, only if it is still the same lock (same token). */
function takeOver(dir: string, seen: Owner | undefined): void {
  const guard = join(dir, GUARD_FILE);
  if (!createExclusive(guard, String(process.pid))) {
    if (ageMs(guard) > GUARD_STALE_MS) unlinkSync(guard);
    return;
  }
  try {
    const lock = join(dir, LOCK_FILE);
    const now = readOwner(lock);
    const same = seen === undefined ? now === undefined : now?.token === seen.token;
    if (same) unlinkSync(lock);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  } finally {
    unlinkSync(guard);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Takes the lock of `dir` (which must exist), waiting up to `waitMs` for another run to finish.
 * Throws only on file-system errors (read-only folder…); a busy lock is a result.
 */
export async function lockFolder(dir: string, waitMs = 2000): Promise<LockResult> {
  const path = join(dir, LOCK_FILE);
  const start = processStart(process.pid);
  const me: Owner = {
    pid: process.pid,
    host: hostname(),
    ...(start ? { start } : {}),
    token: randomBytes(8).toString('hex'),
    since: new Date().toISOString(),
  };
  const deadline = Date.now() + waitMs;
  let tookOver = false;
  for (;;) {
    if (createExclusive(path, `${JSON.stringify(me)}\n`)) {
      let held = true;
      return {
        ok: true,
        lock: {
          tookOver,
          release() {
            if (!held) return;
            held = false;
            // Only our own lock: never one that a later run took over.
            if (readOwner(path)?.token === me.token) unlinkSync(path);
          },
        },
      };
    }
    const owner = readOwner(path);
    // An owner that cannot be read is a run killed while writing its lock (after a few seconds).
    if (owner ? ownerIsDead(owner) : ageMs(path) > GUARD_STALE_MS) {
      takeOver(dir, owner);
      tookOver = true;
      continue;
    }
    if (Date.now() >= deadline)
      return {
        ok: false,
        ...(owner ? { owner } : {}),
        reason: owner
          ? `in use by another run (process ${owner.pid} on ${owner.host} since ${owner.since})`
          : 'in use by another run',
      };
    await sleep(100);
  }
}
