// Optional Finnish morphology through libvoikko (Debian: libvoikko1 + voikko-fi), bound with koffi.
// Nothing here is required at run time: when koffi, the library or the Finnish dictionary is missing,
// loadVoikko() says why and callers fall back to the rule-based stemmer in finnish.ts.
//
// The UCS-4 entry points are used on purpose: voikko_mor_analysis_value_ucs4 returns a string owned by
// the analysis (freed with it), so one word costs one analyse call, a handful of value reads and one
// free, where the UTF-8 variant would need a free per value (measured ~10% slower).

import { createRequire } from 'node:module';

type Koffi = typeof import('koffi');
type Pointer = bigint | null;

export interface VoikkoAnalysis {
  baseform: string; // BASEFORM, e.g. "kunta" for "kunnissa"
  wordClass: string; // CLASS: nimisana, laatusana, teonsana, etunimi, sukunimi, paikannimi, nimi, ...
  structure?: string; // STRUCTURE, e.g. "=pppppp=ppppppp"
  case?: string; // SIJAMUOTO, e.g. "sisaolento"
  number?: string; // NUMBER
  /** Compound parts as base forms when derivable (from WORDBASES, e.g. "+henkilöstö(henkilöstö)+vaihdos(vaihdos)"), else [baseform]. */
  parts: string[];
}

export interface Voikko {
  /**
   * All readings Voikko gives for one word, in Voikko's order, identical readings merged; [] for an
   * unknown word. Memoised per exact spelling (bounded LRU). The returned objects are shared with the
   * cache and frozen; the array itself is a fresh copy.
   */
  analyse(word: string): VoikkoAnalysis[];
  /** Releases the Voikko handle; analyse() afterwards throws. Safe to call twice. */
  close(): void;
  /** libvoikko's version string, e.g. "4.3.1". */
  readonly version: string;
}

export interface LoadVoikkoOptions {
  /** Shared-library names or paths to try in order; defaults to the platform's usual names. */
  libraryNames?: string[];
  /** Extra directory searched first for dictionaries (voikkoInit's path); default: Voikko's own search. */
  dictionaryPath?: string;
  /** Memo entries kept (default 50 000). */
  cacheSize?: number;
}

const DEFAULT_CACHE_SIZE = 50_000;
/** LIBVOIKKO_MAX_WORD_CHARS: longer input never analyses, so it is not worth a native call. */
const MAX_WORD_CHARS = 255;
const WANTED_KEYS = ['BASEFORM', 'CLASS', 'STRUCTURE', 'SIJAMUOTO', 'NUMBER', 'WORDBASES'] as const;
type WantedKey = (typeof WANTED_KEYS)[number];

function defaultLibraryNames(): string[] {
  if (process.platform === 'darwin') return ['libvoikko.1.dylib', 'libvoikko.dylib'];
  if (process.platform === 'win32') return ['libvoikko-1.dll'];
  return ['libvoikko.so.1', 'libvoikko.so'];
}

interface Bindings {
  koffi: Koffi;
  pointerSize: number;
  init: (error: (string | null)[], language: string, path: string | null) => Pointer;
  terminate: (handle: bigint) => void;
  analyseWord: (handle: bigint, word: string) => Pointer;
  value: (analysis: bigint, key: string) => string | null;
  freeAnalyses: (list: bigint) => void;
  version: () => string | null;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function loadKoffi(): { koffi?: Koffi; reason?: string } {
  try {
    // require, not a static import: a missing native koffi build must not break importing this module.
    return { koffi: createRequire(import.meta.url)('koffi') as Koffi };
  } catch (error) {
    return { reason: `koffi could not be loaded: ${message(error)}` };
  }
}

function bind(koffi: Koffi, libraryNames: string[]): { bindings?: Bindings; reason?: string } {
  const failures: string[] = [];
  for (const name of libraryNames) {
    try {
      const lib = koffi.load(name);
      return {
        bindings: {
          koffi,
          pointerSize: koffi.sizeof('void *'),
          init: lib.func(
            'void *voikkoInit(_Out_ const char **error, const char *langcode, const char *path)',
          ),
          terminate: lib.func('void voikkoTerminate(void *handle)'),
          analyseWord: lib.func('void *voikkoAnalyzeWordUcs4(void *handle, const wchar_t *word)'),
          value: lib.func('const wchar_t *voikko_mor_analysis_value_ucs4(void *analysis, const char *key)'),
          freeAnalyses: lib.func('void voikko_free_mor_analysis(void *analyses)'),
          version: lib.func('const char *voikkoGetVersion()'),
        },
      };
    } catch (error) {
      failures.push(`${name}: ${message(error)}`);
    }
  }
  return { reason: `libvoikko not found (${failures.join('; ')})` };
}

/** Loads libvoikko through koffi. Returns undefined (never throws) when the library or the Finnish dictionary is missing; `reason` says why. */
export function loadVoikko(options: LoadVoikkoOptions = {}): { voikko?: Voikko; reason?: string } {
  try {
    const { koffi, reason: koffiReason } = loadKoffi();
    if (!koffi) return { reason: koffiReason };
    const { bindings, reason } = bind(koffi, options.libraryNames ?? defaultLibraryNames());
    if (!bindings) return { reason };
    const error: (string | null)[] = [null];
    const handle = bindings.init(error, 'fi', options.dictionaryPath ?? null);
    if (!handle) {
      return {
        reason: `libvoikko loaded but no Finnish dictionary (voikko-fi): ${error[0] ?? 'unknown error'}`,
      };
    }
    const voikko = createVoikko(bindings, handle, options.cacheSize ?? DEFAULT_CACHE_SIZE);
    // A spelling-only dictionary initialises fine yet gives no morphology; that is no use to us.
    if (voikko.analyse('kunnissa').length === 0) {
      voikko.close();
      return { reason: 'libvoikko loaded but its Finnish dictionary gives no morphological analyses' };
    }
    return { voikko };
  } catch (error) {
    return { reason: `Voikko could not be initialised: ${message(error)}` };
  }
}

function createVoikko(bindings: Bindings, handle: bigint, cacheSize: number): Voikko {
  const cache = new Map<string, readonly VoikkoAnalysis[]>();
  let open: bigint | undefined = handle;
  const version = bindings.version() ?? 'unknown';

  function analyseNative(live: bigint, word: string): readonly VoikkoAnalysis[] {
    if (word.length === 0 || word.length > MAX_WORD_CHARS || word.includes('\0')) return [];
    const list = bindings.analyseWord(live, word);
    if (!list) return [];
    const readings = new Map<string, VoikkoAnalysis>();
    try {
      for (let i = 0; ; i++) {
        const analysis = bindings.koffi.decode(list, i * bindings.pointerSize, 'void *') as Pointer;
        if (!analysis) break;
        const values = {} as Partial<Record<WantedKey, string>>;
        for (const key of WANTED_KEYS) {
          const value = bindings.value(analysis, key);
          if (value != null) values[key] = value;
        }
        const reading = toAnalysis(word, values);
        // Readings that differ only in FSTOUTPUT (lexicalised vs derived "säästö") say the same to us.
        readings.set(JSON.stringify(reading), reading);
      }
    } finally {
      bindings.freeAnalyses(list);
    }
    return Object.freeze([...readings.values()]);
  }

  return {
    version,
    analyse(word: string): VoikkoAnalysis[] {
      if (open === undefined) throw new Error('Voikko.analyse called after close()');
      const hit = cache.get(word);
      if (hit) {
        // Re-insert so the Map's insertion order doubles as recency order (LRU).
        cache.delete(word);
        cache.set(word, hit);
        return [...hit];
      }
      const result = analyseNative(open, word);
      if (cacheSize > 0) {
        if (cache.size >= cacheSize) {
          const oldest = cache.keys().next();
          if (!oldest.done) cache.delete(oldest.value);
        }
        cache.set(word, result);
      }
      return [...result];
    },
    close(): void {
      if (open === undefined) return;
      bindings.terminate(open);
      open = undefined;
      cache.clear();
    },
  };
}

function toAnalysis(word: string, values: Partial<Record<WantedKey, string>>): VoikkoAnalysis {
  const baseform = values.BASEFORM ?? word;
  const parts = values.WORDBASES
    ? partsFromWordbases(values.WORDBASES, baseform)
    : values.STRUCTURE
      ? partsFromStructure(word, values.STRUCTURE, baseform)
      : [baseform];
  const analysis: VoikkoAnalysis = {
    baseform,
    wordClass: values.CLASS ?? '',
    parts: Object.freeze(parts) as string[],
  };
  if (values.STRUCTURE !== undefined) analysis.structure = values.STRUCTURE;
  if (values.SIJAMUOTO !== undefined) analysis.case = values.SIJAMUOTO;
  if (values.NUMBER !== undefined) analysis.number = values.NUMBER;
  return Object.freeze(analysis);
}

interface WordbaseSegment {
  surface: string;
  base?: string;
}

const SEGMENT = /\+([^+(]*)(?:\(([^)]*)\))?/g;
const HYPHEN = /^[-‐‑–]+$/;

/** Returns the stem of `baseform` left after `prefix` (compared case-insensitively), or undefined. */
function tailAfter(baseform: string, prefix: string): string | undefined {
  if (prefix.length === 0 || !baseform.toLowerCase().startsWith(prefix.toLowerCase())) return undefined;
  const tail = baseform.slice(prefix.length);
  return tail.length > 0 ? tail : undefined;
}

/**
 * Compound parts from Voikko's WORDBASES. Segments look like `+surface(base)`; a base starting with
 * "+" marks a derivational suffix (`+toimitta(toimittaa)+ja(+ja)` is one part, "toimittaja"), a bare
 * `+-` is the hyphen of "sote-uudistus", `+etä` a prefix without a base, and "=" inside a base is a
 * lexicon-internal boundary of one lexeme (`+Satakunta(Sata=kunta)`). The last part is read off
 * BASEFORM, since its surface is the inflected one.
 */
export function partsFromWordbases(wordbases: string, baseform: string): string[] {
  const segments: WordbaseSegment[] = [];
  for (const match of wordbases.matchAll(SEGMENT)) {
    const surface = match[1] ?? '';
    const base = match[2];
    segments.push(base === undefined ? { surface } : { surface, base });
  }
  const groups: WordbaseSegment[][] = [];
  const consumedBefore: string[] = []; // surface text preceding each group, hyphens included
  let consumed = '';
  let current: WordbaseSegment[] | undefined;
  for (const segment of segments) {
    if (HYPHEN.test(segment.surface) && segment.base === undefined) {
      current = undefined;
    } else if (segment.base?.startsWith('+') && current) {
      current.push(segment);
    } else {
      current = [segment];
      groups.push(current);
      consumedBefore.push(consumed);
    }
    consumed += segment.surface;
  }
  if (groups.length <= 1) return [baseform];
  return groups.map((group, index) => {
    const surface = group.map((s) => s.surface).join('');
    const only = group.length === 1 ? group[0] : undefined;
    const ownBase = only?.base?.replaceAll('=', '');
    if (ownBase) return ownBase;
    if (index === groups.length - 1) return tailAfter(baseform, consumedBefore[index] ?? '') ?? surface;
    return surface;
  });
}

/**
 * Fallback when WORDBASES is absent: STRUCTURE has one letter per character of the word and "=" before
 * each morpheme boundary; hyphens split too. Non-final parts stay as written (they may be inflected,
 * "kankaan"); the final one comes from BASEFORM.
 */
export function partsFromStructure(word: string, structure: string, baseform: string): string[] {
  const chars = Array.from(word);
  const pieces: { text: string; before: string }[] = [];
  let consumed = '';
  let piece: { text: string; before: string } | undefined;
  let at = 0;
  for (const mark of structure) {
    if (mark === '=') {
      piece = undefined;
      continue;
    }
    const char = chars[at++];
    if (char === undefined) break;
    if (HYPHEN.test(char)) {
      piece = undefined;
    } else {
      if (!piece) {
        piece = { text: '', before: consumed };
        pieces.push(piece);
      }
      piece.text += char;
    }
    consumed += char;
  }
  if (pieces.length <= 1) return [baseform];
  const lastIndex = pieces.length - 1;
  return pieces.map((p, index) => (index === lastIndex ? (tailAfter(baseform, p.before) ?? p.text) : p.text));
}
