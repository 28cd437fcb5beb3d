// The tool's own YAML files (the bundled codebooks, rule files, genre rules, allow-list) loaded at build
// time: parsing them with positions and checking them took a third of a second of every start (and of
// every worker thread). The build (scripts/build-vocabulary.mjs) stores each loader's result as JSON,
// under a key that hashes the file's text, the kind of file and the loader's code; a file whose text or
// loader changed, or any file of the user's, is loaded as before. The file's path is not in the key: the
// result names the file through a placeholder, replaced on reading by the path the caller gave.
import { createHash } from 'node:crypto';
import type { Result } from '../diagnostics.js';
import { codeHash, readBuildData, readBuildText } from './build-data.js';

export type LoadKind = 'codebook' | 'rules' | 'genre' | 'allow-list' | 'allow-list-entry';

/** The modules whose code decides each kind's result (under the tree's root, without extension). */
const CODE: Record<LoadKind, readonly string[]> = {
  codebook: [
    'io/load-cache',
    'codebook/load',
    'codebook/schema',
    'codebook/regex',
    'language/pattern',
    'yaml-checker',
  ],
  rules: ['io/load-cache', 'rules/load', 'rules/schema', 'language/pattern', 'yaml-checker'],
  genre: ['io/load-cache', 'language/genre-rules'],
  'allow-list': ['io/load-cache', 'io/load-allow-list'],
  'allow-list-entry': ['io/load-cache', 'io/load-allow-list'],
};

/** Where the cache files are, under the compiled tree's root. */
export const LOAD_CACHE_DIR = 'load-cache';

/** Kinds whose results hold regular expressions and maps (JSON keeps them tagged: see `tagged`). */
const TAGGED: ReadonlySet<LoadKind> = new Set(['genre']);
const REGEXP = '\u0000RegExp';
const MAP = '\u0000Map';

/** JSON.stringify's replacer for TAGGED kinds: a RegExp as its source and flags, a Map as its entries. */
function tagged(_: string, value: unknown): unknown {
  if (value instanceof RegExp) return { [REGEXP]: [value.source, value.flags] };
  if (value instanceof Map) return { [MAP]: [...value] };
  return value;
}

/** JSON.parse's reviver undoing `tagged`. */
function untagged(_: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (REGEXP in value) {
    const [source, flags] = (value as Record<string, [string, string]>)[REGEXP] as [string, string];
    return new RegExp(source, flags);
  }
  if (MAP in value) return new Map((value as Record<string, [unknown, unknown][]>)[MAP]);
  return value;
}

/** Stands for the file's path in a cached result; no YAML file holds it (a NUL is no text). */
const FILE = '\u0000analyse-file\u0000';
const FILE_IN_JSON = JSON.stringify(FILE).slice(1, -1);

type Loader<T> = (file: string, text: string) => Result<T>;

function cachePath(kind: LoadKind, text: string): string | undefined {
  const code = codeHash(CODE[kind]);
  if (code === null) return undefined;
  const key = createHash('sha256').update(`${code}\n${kind}\n${text}`).digest('hex').slice(0, 32);
  return `${LOAD_CACHE_DIR}/${key}.json`;
}

/** `load(file, text)`, or the build's cached result of exactly that (with `file` in it). */
export function cachedLoad<T>(
  kind: LoadKind,
  file: string,
  text: string,
  load: Loader<T>,
  read: (path: string) => string | undefined = readBuildText,
): Result<T> {
  const path = cachePath(kind, text);
  const json = path === undefined ? undefined : read(path);
  if (json === undefined) return load(file, text);
  const named = json.split(FILE_IN_JSON).join(JSON.stringify(file).slice(1, -1));
  return { ok: true, value: JSON.parse(named, TAGGED.has(kind) ? untagged : undefined) as T };
}

/** The build's cache file of a file's result: only a result that loads, and that JSON keeps as it is. */
export function loadCacheFile<T>(
  kind: LoadKind,
  text: string,
  load: Loader<T>,
): { path: string; json: string } | undefined {
  const path = cachePath(kind, text);
  const loaded = load(FILE, text);
  if (path === undefined || !loaded.ok) return undefined;
  return { path, json: JSON.stringify(loaded.value, TAGGED.has(kind) ? tagged : undefined) };
}

/** Whether the build cached this file's result (for tests). */
export function isCached(kind: LoadKind, text: string): boolean {
  const path = cachePath(kind, text);
  return path !== undefined && readBuildData(path) !== undefined;
}
