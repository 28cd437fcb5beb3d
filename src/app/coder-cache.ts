// The coder's training for a codebook, cached at build time (scripts/build-vocabulary.mjs, for the bundled
// codebooks): the training items (parsing some 780 YAML examples) and the lexical model fitted from them
// (the n-gram counts of every item). A cache file is named by its key, a hash of everything it was made
// from: the codebook file's text, every examples file's name and text, and the code that reads and fits
// them (the compiled modules' own text and the yaml library's version). A user's own codebook, a changed
// examples file or changed code therefore never meets a stale cache: they are read and fitted at run time.
import { createHash } from 'node:crypto';
import { endianness } from 'node:os';
import type { Codebook } from '../codebook/types.js';
import { codeHash, readBuildBytes } from '../io/build-data.js';
import { readText } from '../io/read-text.js';
import { type ExampleFile, exampleItems } from '../io/read-training.js';
import { inlineExamples, type TrainingItem } from '../learn/items.js';
import { GramIndex, type LexicalModel, lexicalModel, themeTable } from '../learn/lexical.js';

/** Where the cache files are, under the compiled tree's root. */
export const CODER_CACHE_DIR = 'coder-cache';

/** The modules whose code decides what is cached (under the tree's root, without their extension). */
const CODE = [
  'app/coder-cache',
  'codebook/load',
  'codebook/schema',
  'eval/gold',
  'io/read-training',
  'learn/items',
  'learn/gram-index',
  'learn/lexical',
  'yaml-checker',
];

/** A codebook's training: its items, how many came from its examples folder, its fitted lexical model. */
export interface CachedTraining {
  items: TrainingItem[];
  fromFolder: number;
  lexical: LexicalModel;
}

/** An item as cached: its source is -1 for the codebook itself, else the index of its examples file. */
type CachedItem = Omit<TrainingItem, 'source'> & { source: number };

interface CacheHeader {
  items: CachedItem[];
  fromFolder: number;
  codes: string[];
  /** The lexical table's n-grams in id order, one a line; the ratios (id·codes + code) follow the header
   * as float64. */
  grams: string;
  has: boolean[];
  /** The characters of its GramIndex; its keys and values follow the ratios as int32. */
  chars: number[];
}

/** The cache key of a codebook's text with these examples files; undefined when a file could not be read. */
export function trainingKey(codebookText: string, files: readonly ExampleFile[]): string | undefined {
  const version = codeHash(CODE);
  if (version === null) return undefined;
  const h = createHash('sha256').update(version);
  h.update(`codebook ${codebookText.length}\n${codebookText}`);
  for (const file of files) {
    if (!file.text.ok) return undefined;
    h.update(`${file.name.length} ${file.name} ${file.text.value.length}\n${file.text.value}`);
  }
  return h.digest('hex').slice(0, 32);
}

const cacheFile = (key: string) => `${CODER_CACHE_DIR}/${key}.bin`;

/**
 * The cached training of `book` (inline examples) with the examples `files` (of its own folder, or of the
 * bundled twin whose examples it borrows): undefined when the build cached none for exactly these inputs.
 */
export async function cachedTraining(
  book: Codebook,
  files: readonly ExampleFile[],
  read: (path: string) => Uint8Array | undefined = readBuildBytes,
): Promise<CachedTraining | undefined> {
  if (endianness() !== 'LE') return undefined;
  const text = await readText(book.file);
  if (!text.ok) return undefined;
  const key = trainingKey(text.value, files);
  const bytes = key === undefined ? undefined : read(cacheFile(key));
  if (bytes === undefined) return undefined;
  const { header, ratio, keys, values } = decode(bytes);
  const grams = header.grams.split('\n');
  if (ratio.length !== grams.length * header.codes.length || keys.length !== values.length)
    throw new Error(`${cacheFile(key as string)}: a damaged cache file (run npm run build)`);
  const items = header.items.map((item) => ({
    ...item,
    source: item.source < 0 ? book.file : (files[item.source] as ExampleFile).path,
  }));
  const ids = new Map(grams.map((gram, id) => [gram, id]));
  let index: GramIndex | undefined;
  const lexical = lexicalModel(header.codes, ids, ratio, header.has, () => {
    index ??= new GramIndex(ids, { chars: header.chars, keys, values });
    return index;
  });
  return { items, fromFolder: header.fromFolder, lexical };
}

/** The build's cache file of a codebook (its text, the loaded codebook, its examples files), if it can have one. */
export function coderCacheFile(
  text: string,
  book: Codebook,
  files: readonly ExampleFile[],
): { path: string; bytes: Uint8Array } | undefined {
  const key = trainingKey(text, files);
  const folder = exampleItems(files);
  if (key === undefined || !folder.ok || endianness() !== 'LE') return undefined;
  const items = [...inlineExamples(book), ...folder.value];
  const table = themeTable(items, book.themes);
  const { ratio, has } = table.weights();
  const { chars, keys, values } = table.index().tables();
  const source = (path: string) => (path === book.file ? -1 : files.findIndex((f) => f.path === path));
  const header: CacheHeader = {
    items: items.map((item) => ({ ...item, source: source(item.source) })),
    fromFolder: folder.value.length,
    codes: [...table.codes],
    grams: table.grams().join('\n'),
    has,
    chars,
  };
  return { path: cacheFile(key), bytes: encode(header, [ratio, keys, values]) };
}

/**
 * The header as JSON after its byte length (4 bytes); then, from the next multiple of 8, each array's
 * length in elements (a float64 apiece) and its bytes, padded to a multiple of 8.
 */
function encode(header: CacheHeader, arrays: readonly (Float64Array | Int32Array)[]): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify(header));
  const start = pad(4 + json.length);
  const size = arrays.reduce((n, a) => n + 8 + pad(a.byteLength), start);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, json.length, true);
  out.set(json, 4);
  let at = start;
  for (const a of arrays) {
    view.setFloat64(at, a.length, true);
    out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), at + 8);
    at += 8 + pad(a.byteLength);
  }
  return out;
}

const pad = (n: number) => Math.ceil(n / 8) * 8;

function decode(bytes: Uint8Array): {
  header: CacheHeader;
  ratio: Float64Array;
  keys: Int32Array;
  values: Int32Array;
} {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const length = view.getUint32(0, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + length))) as CacheHeader;
  let at = pad(4 + length);
  /** The next array, copied out (the file's bytes need not be aligned). */
  const next = <A extends Float64Array | Int32Array>(make: (n: number) => A): A => {
    const array = make(view.getFloat64(at, true));
    if (at + 8 + array.byteLength > bytes.byteLength) throw new Error('a cut-off coder cache file');
    new Uint8Array(array.buffer).set(bytes.subarray(at + 8, at + 8 + array.byteLength));
    at += 8 + pad(array.byteLength);
    return array;
  };
  const ratio = next((n) => new Float64Array(n));
  const keys = next((n) => new Int32Array(n));
  const values = next((n) => new Int32Array(n));
  return { header, ratio, keys, values };
}
