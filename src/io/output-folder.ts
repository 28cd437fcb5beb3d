// The output folder, written as a whole. A run locks the folder, writes its whole set of files into a hidden
// staging folder inside it (same file system, so renames are atomic), and swaps the set in:
//   1. staging `.analyse-staging-<hex>/` filled, every file flushed to disk, the plan written beside them;
//   2. the staging folder renamed to `.analyse-commit/`: the commit point, one atomic rename;
//   3. each file renamed into place, the manifest last; files of the previous run that this run did not
//      write are removed; `.analyse-commit/` removed.
// A run killed before 2 leaves the previous output untouched (its staging folder is removed by the next
// run); killed during 3, its set is complete in `.analyse-commit/` and the next run that opens the folder
// finishes the swap first (roll forward). Either way no mix of two runs survives, and no temporary file
// with original text stays behind. Files the tool did not write are never touched.
import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { type FolderLock, lockFolder } from './folder-lock.js';
import { MANIFEST_FILE } from './manifest.js';
import { errnoReason } from './output-path.js';

const STAGING_PREFIX = '.analyse-staging-';
export const COMMIT_DIR = '.analyse-commit';
const PLAN_FILE = '.analyse-swap.json';
/** `.codings.csv.1a2b3c4d5e6f.tmp`: the temporary of an atomic write or a spool (io/write-atomic.ts). */
const TEMPORARY = /^\.(.+)\.[0-9a-f]{12}\.tmp$/;

interface SwapPlan {
  /** Files to move into place, in order (the manifest last). */
  install: string[];
  /** Files of the previous run to remove. */
  remove: string[];
}

/** A plain file name inside the folder: no path, nothing of the swap machinery. */
export function isPlainName(name: string): boolean {
  return (
    name.length > 0 &&
    !/[/\\]/.test(name) &&
    name !== '.' &&
    name !== '..' &&
    !name.startsWith(STAGING_PREFIX) &&
    name !== COMMIT_DIR
  );
}

/** Removes a file; false when it was not there. */
function removeIfThere(path: string): boolean {
  try {
    unlinkSync(path);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    return false;
  }
}

function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } catch {
    // some file systems cannot sync a folder; the rename order still holds
  } finally {
    closeSync(fd);
  }
}

/** Finishes the swap of a committed set (idempotent: a name already moved is skipped); returns the removed. */
function applyCommit(dir: string, onInstalled?: (name: string) => void): string[] {
  const commit = join(dir, COMMIT_DIR);
  let plan: SwapPlan;
  try {
    plan = JSON.parse(readFileSync(join(commit, PLAN_FILE), 'utf8')) as SwapPlan;
  } catch {
    // No plan: never committed whole (cannot happen by the order above); drop it like a staging folder.
    rmSync(commit, { recursive: true, force: true });
    return [];
  }
  for (const name of plan.install.filter(isPlainName)) {
    try {
      renameSync(join(commit, name), join(dir, name));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    onInstalled?.(name);
  }
  const removed = plan.remove.filter((name) => isPlainName(name) && removeIfThere(join(dir, name)));
  fsyncPath(dir);
  rmSync(commit, { recursive: true, force: true });
  return removed;
}

export interface Recovery {
  /** An interrupted swap was finished. */
  finishedSwap: boolean;
  /** Staging folders of killed runs removed. */
  stagingRemoved: number;
  /** Temporary files of killed runs removed (names). */
  temporariesRemoved: string[];
}

/**
 * Cleans up after killed runs: finishes a committed swap, removes staging folders and the temporaries of
 * atomic writes whose target is one of `ownNames`. Call it only while holding the folder's lock.
 */
export function recoverOutputFolder(dir: string, ownNames: ReadonlySet<string>): Recovery {
  const entries = readdirSync(dir, { withFileTypes: true });
  const recovery: Recovery = { finishedSwap: false, stagingRemoved: 0, temporariesRemoved: [] };
  if (entries.some((e) => e.name === COMMIT_DIR && e.isDirectory())) {
    applyCommit(dir);
    recovery.finishedSwap = true;
  }
  for (const e of entries) {
    if (e.isDirectory() && e.name.startsWith(STAGING_PREFIX)) {
      rmSync(join(dir, e.name), { recursive: true, force: true });
      recovery.stagingRemoved++;
    } else if (e.isFile()) {
      const target = TEMPORARY.exec(e.name)?.[1];
      if (target !== undefined && ownNames.has(target)) {
        removeIfThere(join(dir, e.name));
        recovery.temporariesRemoved.push(e.name);
      }
    }
  }
  return recovery;
}

export type Opened = { ok: true; folder: OutputFolder } | { ok: false; reason: string };

export interface OpenOptions {
  /** Names the tool writes or has written here: their leftover temporaries are removed. */
  ownNames: ReadonlySet<string>;
  /** How long to wait for another run's lock. */
  waitMs?: number;
}

/** Locks an existing output folder, cleans up after killed runs and opens a staging folder in it. */
export async function openOutputFolder(dir: string, options: OpenOptions): Promise<Opened> {
  let lock: FolderLock;
  try {
    const locked = await lockFolder(dir, options.waitMs);
    if (!locked.ok)
      return {
        ok: false,
        reason: `${dir} is ${locked.reason}; wait for it to finish, or remove ${join(dir, '.analyse-lock')} if no run is going on`,
      };
    lock = locked.lock;
  } catch (e) {
    return { ok: false, reason: `cannot write to the output folder ${dir}: ${errnoReason(e)}` };
  }
  try {
    const recovery = recoverOutputFolder(dir, options.ownNames);
    const staging = join(dir, `${STAGING_PREFIX}${randomBytes(6).toString('hex')}`);
    mkdirSync(staging);
    return { ok: true, folder: new OutputFolder(dir, staging, lock, recovery) };
  } catch (e) {
    lock.release();
    return { ok: false, reason: `cannot write to the output folder ${dir}: ${errnoReason(e)}` };
  }
}

export class OutputFolder {
  private open = true;

  constructor(
    readonly dir: string,
    readonly staging: string,
    private readonly lock: FolderLock,
    readonly recovery: Recovery,
  ) {}

  /** Whether a dead run's lock was taken over when opening. */
  get tookOverLock(): boolean {
    return this.lock.tookOver;
  }

  /** Where a file of the set is staged (for a file written piece by piece, e.g. a spool). */
  stagedPath(name: string): string {
    if (!isPlainName(name)) throw new Error(`not a plain output name: ${name}`);
    return join(this.staging, name);
  }

  /** Writes one file of the set into the staging folder, flushed to disk; returns its SHA-256. */
  write(name: string, content: string | Uint8Array): string {
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const fd = openSync(this.stagedPath(name), 'wx');
    try {
      let done = 0;
      while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    return createHash('sha256').update(bytes).digest('hex');
  }

  /**
   * Swaps the staged set in: `install` are the staged names (the manifest among them goes last), `remove`
   * the previous run's files that this run did not write. Releases the lock; returns the files removed.
   */
  commit(
    install: readonly string[],
    remove: readonly string[],
    onInstalled?: (name: string) => void,
  ): string[] {
    const plan: SwapPlan = {
      install: [...install].sort(
        (a, b) => Number(a === MANIFEST_FILE) - Number(b === MANIFEST_FILE) || (a < b ? -1 : a > b ? 1 : 0),
      ),
      remove: remove.filter((n) => !install.includes(n)),
    };
    this.write(PLAN_FILE, `${JSON.stringify(plan, null, 2)}\n`);
    fsyncPath(this.staging);
    renameSync(this.staging, join(this.dir, COMMIT_DIR));
    fsyncPath(this.dir);
    this.open = false;
    const removed = applyCommit(this.dir, onInstalled);
    this.lock.release();
    return removed;
  }

  /** Drops the staging folder and releases the lock; the previous output stays as it was. */
  abandon(): void {
    if (this.open) rmSync(this.staging, { recursive: true, force: true });
    this.open = false;
    this.lock.release();
  }
}
