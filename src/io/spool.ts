// A file written piece by piece into a temporary file beside its target, then renamed over it: a table
// too large to hold (codings.csv of 10,000 reports) streams out while the run goes on, and an interrupted
// run still leaves the previous file whole.
import { closeSync, mkdirSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { tempPathBeside } from './write-atomic.js';

export class Spool {
  private fd: number | undefined;
  private readonly tmp: string;

  constructor(readonly target: string) {
    mkdirSync(dirname(target), { recursive: true });
    this.tmp = tempPathBeside(target);
    this.fd = openSync(this.tmp, 'w');
  }

  write(text: string): void {
    if (this.fd === undefined) throw new Error(`spool for ${this.target} is closed`);
    if (text.length > 0) writeSync(this.fd, text);
  }

  /** Closes and renames into place. */
  commit(): void {
    if (this.fd === undefined) return;
    closeSync(this.fd);
    this.fd = undefined;
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
