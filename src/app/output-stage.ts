// A run's outputs as one set: the output folder is checked and locked when the run starts, every file goes
// into its staging folder, and the finished set is swapped in whole (io/output-folder.ts). Files of the
// previous run that this run did not write are removed (only those its manifest names); a file of the
// previous run that was changed since the tool wrote it (an edited synthesis.docx) is never overwritten or
// removed: the run stops before it starts instead.
import { join } from 'node:path';
import {
  hashFile,
  MANIFEST_FILE,
  type Manifest,
  manifestFiles,
  readManifest,
  renderManifest,
} from '../io/manifest.js';
import { type OutputFolder, openOutputFolder, type Recovery } from '../io/output-folder.js';
import { ensureOutputFolder } from '../io/output-path.js';
import { RecordFile, removeScratch, scratchPackage } from '../io/scratch.js';
import { Spool } from '../io/spool.js';
import type { OutputSinks } from './outputs.js';

export type Begun = { ok: true; stage: OutputStage } | { ok: false; reason: string };

export interface BeginOptions {
  /** Every name the tool may write into an output folder (their leftover temporaries are removed). */
  ownNames: Iterable<string>;
  waitMs?: number;
}

export interface Finished {
  /** Files written, sorted (the manifest and other hidden files included). */
  written: string[];
  /** Files of the previous run removed as stale. */
  removed: string[];
}

/** Checks, creates and locks the output folder; cleans up after killed runs. */
export async function beginOutputs(out: string, options: BeginOptions): Promise<Begun> {
  const checked = await ensureOutputFolder(out);
  if (!checked.ok) return checked;
  const previous = await readManifest(out);
  const ownNames = new Set([
    ...options.ownNames,
    MANIFEST_FILE,
    ...(previous ? manifestFiles(previous) : []),
  ]);
  const opened = await openOutputFolder(out, {
    ownNames,
    ...(options.waitMs !== undefined ? { waitMs: options.waitMs } : {}),
  });
  if (!opened.ok) return opened;
  // Read again under the lock: recovery may have finished an interrupted swap with a newer manifest.
  const stage = new OutputStage(out, opened.folder, await readManifest(out));
  const edited = await stage.editedSinceWritten();
  if (edited.length > 0) {
    stage.abandon();
    const names = edited.map((n) => join(out, n)).join(', ');
    return {
      ok: false,
      reason: `${names} changed after analyse wrote ${edited.length === 1 ? 'it' : 'them'}; analyse never overwrites your edits: move ${edited.length === 1 ? 'it' : 'them'} out of ${out} or choose another --out`,
    };
  }
  return { ok: true, stage };
}

export class OutputStage {
  private readonly spools: Spool[] = [];
  private readonly scratches: string[] = [];

  constructor(
    readonly out: string,
    private readonly folder: OutputFolder,
    readonly previous: Manifest | undefined,
  ) {}

  get recovery(): Recovery {
    return this.folder.recovery;
  }

  get tookOverLock(): boolean {
    return this.folder.tookOverLock;
  }

  /** Files of the previous run whose content is no longer what the tool wrote (absent ones are fine). */
  async editedSinceWritten(): Promise<string[]> {
    const hashes = this.previous?.sha256 ?? {};
    const edited: string[] = [];
    for (const [name, sha] of Object.entries(hashes).sort()) {
      const now = await hashFile(join(this.out, name));
      if (now !== undefined && now !== sha) edited.push(name);
    }
    return edited;
  }

  /**
   * A scratch file in the staging folder (hidden, never part of the set): removed before the set is
   * swapped in, and with the staging folder when the run is abandoned or dies.
   */
  scratchPath(name: string): string {
    const path = this.folder.stagedPath(`.scratch-${name}`);
    this.scratches.push(path);
    return path;
  }

  /** Numbered records in a scratch file (what the run keeps of every report until the end). */
  records(name: string): RecordFile {
    return new RecordFile(this.scratchPath(name));
  }

  /** Where the outputs too large to hold go: their files, and scratch files for a library's package. */
  sinks(): OutputSinks {
    return {
      file: (name) => this.spool(name),
      scratch: (name) => this.scratchPath(name),
      package: (name) => scratchPackage(this.scratchPath(`package-${name}`)),
    };
  }

  /** A file of the set written piece by piece while the run goes on (codings.csv). */
  spool(name: string): Spool {
    const spool = new Spool(this.folder.stagedPath(name));
    this.spools.push(spool);
    return spool;
  }

  /**
   * Writes `files` into the staging folder, adds the manifest (the non-hidden files, which of them are
   * shareable, and every file's SHA-256), and swaps the set in. Committed spools are part of the set.
   */
  finish(
    files: ReadonlyMap<string, string | Uint8Array>,
    shareable: ReadonlySet<string>,
    onInstalled?: (name: string) => void,
    about: { morphology?: string } = {},
  ): Finished {
    for (const path of this.scratches) removeScratch(path);
    const hashes = new Map<string, string>();
    for (const [name, content] of files) hashes.set(name, this.folder.write(name, content));
    for (const spool of this.spools) {
      spool.commit();
      const name = spool.target.slice(this.folder.staging.length + 1);
      if (spool.sha256) hashes.set(name, spool.sha256);
    }
    const names = [...hashes.keys()].sort();
    this.folder.write(
      MANIFEST_FILE,
      renderManifest(
        names.filter((n) => !n.startsWith('.')),
        shareable,
        hashes,
        about,
      ),
    );
    const installed = [...names, MANIFEST_FILE];
    const stale = (this.previous ? manifestFiles(this.previous) : []).filter((n) => !installed.includes(n));
    const removed = this.folder.commit(installed, stale, onInstalled);
    return { written: installed.sort(), removed };
  }

  /** Gives up: the staging folder goes, the previous output stays whole, the lock is released. */
  abandon(): void {
    for (const spool of this.spools) spool.abort();
    this.folder.abandon();
  }
}
