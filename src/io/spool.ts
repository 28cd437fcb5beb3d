// A file written piece by piece into a temporary file beside its target, then renamed over it: a table
// too large to hold (codings.csv of 10,000 reports) streams out while the run goes on, and an interrupted
// run still leaves the previous file whole. Its SHA-256 is kept as it goes (for the run's manifest).
import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { tempPathBeside } from './write-atomic.js';

export class Spool {
  private fd: number | undefined;
  private readonly tmp: string;
  private readonly hash = createHash('sha256');
  private digest: string | undefined;

  constructor(readonly target: string) {
    mkdirSync(dirname(target), { recursive: true });
    this.tmp = tempPathBeside(target);
    this.fd = openSync(this.tmp, 'w');
  }

  write(content: string | Uint8Array): void {
    if (this.fd === undefined) throw new Error(`spool for ${this.target} is closed`);
    if (content.length === 0) return;
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    let done = 0;
    while (done < bytes.length) done += writeSync(this.fd, bytes, done, bytes.length - done);
    this.hash.update(bytes);
  }

  /** SHA-256 of what was written, once committed. */
  get sha256(): string | undefined {
    return this.digest;
  }

  /** Closes and renames into place. */
  commit(): void {
    if (this.fd === undefined) return;
    fsyncSync(this.fd);
    closeSync(this.fd);
    this.fd = undefined;
    this.digest = this.hash.digest('hex');
    renameSync(this.tmp, this.target);
  }

  /** Closes and removes the temporary file; the target is left as it was. */
  abort(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    try {
      unlinkSync(this.tmp);
    } catch {
      // already gone
    }
  }
}
