// The project's run state: files that hold personal data or that must survive between runs (the stable
// alias table, the identifier inventory for check-leaks), kept out of the shareable output folder.
// Default `.analyse/` in the working directory (like `.git`), or `--state DIR`.
import { join } from 'node:path';
import { readIfExists, writeAtomic } from './write-atomic.js';

export const DEFAULT_STATE_DIR = '.analyse';

/** The state folder a command uses: the one given, else $ANALYSE_STATE, else `.analyse` in the working directory. */
export function stateDir(given?: string): string {
  if (given && given.length > 0) return given;
  const env = process.env.ANALYSE_STATE;
  return env && env.length > 0 ? env : DEFAULT_STATE_DIR;
}

/** Reads one state file (undefined when absent). */
export function readState(dir: string, name: string): Promise<string | undefined> {
  return readIfExists(join(dir, name));
}

/** Writes one state file atomically, creating the folder. */
export function writeState(dir: string, name: string, content: string): Promise<void> {
  return writeAtomic(join(dir, name), content);
}
