// Data the build computed beside the compiled code (scripts/build-vocabulary.mjs writes it under dist/), read
// at start instead of being computed again in every run and thread. Run from the sources (the tests),
// there is no such file and the callers compute the data themselves.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** A file under the compiled tree's root (dist/, or src/ when run from the sources). */
const underRoot = (path: string): URL => new URL(`../${path}`, import.meta.url);

function readOrUndefined<T>(path: string, read: (url: URL) => T): T | undefined {
  try {
    return read(underRoot(path));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** The parsed JSON file at `path` under the compiled tree's root, or undefined when there is none. */
export function readBuildData<T>(path: string): T | undefined {
  const text = readOrUndefined(path, (url) => readFileSync(url, 'utf8'));
  return text === undefined ? undefined : (JSON.parse(text) as T);
}

/** The bytes of the file at `path` under the compiled tree's root, or undefined when there is none. */
export function readBuildBytes(path: string): Uint8Array | undefined {
  return readOrUndefined(path, (url) => readFileSync(url));
}

/** The text of the file at `path` under the compiled tree's root (a module's own code), if there is one. */
export function readBuildText(path: string): string | undefined {
  return readOrUndefined(path, (url) => readFileSync(url, 'utf8'));
}

/** The tree's modules end in .js when compiled, in .ts when run from the sources. */
export const MODULE_EXTENSION = import.meta.url.endsWith('.ts') ? '.ts' : '.js';

const hashes = new Map<string, string | null>();

/**
 * A hash of the code of these modules (paths under the tree's root, without extension) and of the yaml
 * library's version: what a build cache was made by. Null when a module's text cannot be read.
 */
export function codeHash(modules: readonly string[]): string | null {
  const id = modules.join('\n');
  const known = hashes.get(id);
  if (known !== undefined) return known;
  const h = createHash('sha256');
  const yaml = createRequire(import.meta.url)('yaml/package.json') as { version: string };
  h.update(`yaml ${yaml.version}\n`);
  let result: string | null = null;
  const texts = modules.map((m) => readBuildText(m + MODULE_EXTENSION));
  if (texts.every((t) => t !== undefined)) {
    texts.forEach((text, i) => {
      h.update(`${modules[i]} ${text.length}\n${text}`);
    });
    result = h.digest('hex');
  }
  hashes.set(id, result);
  return result;
}
