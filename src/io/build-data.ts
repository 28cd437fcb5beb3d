// Data the build computed beside the compiled code (scripts/build-vocabulary.mjs writes dist/<path>), read
// at start instead of being computed again in every run and thread. Run from the sources (the tests),
// there is no such file and the callers compute the data themselves.
import { readFileSync } from 'node:fs';

/** The parsed JSON file at `path` under the compiled tree's root (dist/), or undefined when there is none. */
export function readBuildData<T>(path: string): T | undefined {
  let text: string;
  try {
    text = readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return JSON.parse(text) as T;
}
