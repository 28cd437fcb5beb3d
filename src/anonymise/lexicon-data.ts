// A lexicon as plain data, so that the big ones (the name lists, the gazetteer) are built once, at build
// time (scripts/build-vocabulary.mjs), and read back at start instead of stemming some 25,000 names in
// every run and every worker thread. The layout is chosen for loading fast: the keys in one string, one a
// line, their entries as small integers in another, base64 (JSON.parse reads one long string far faster
// than 47,000 short ones or 130,000 numbers).
import { CASES, type GrammaticalNumber, type Harmony, type Inflection, type StemKind } from './inflect.js';

/** Entry codes: a stem entry is value·8 + kind·2 + harmony; an exact form is value·32 + inflection. */
export const STEM_KINDS: readonly StemKind[] = ['sg', 'pl', 'cons', 'nom'];
export const HARMONIES: readonly Harmony[] = ['back', 'front'];
const NUMBERS: readonly GrammaticalNumber[] = ['sg', 'pl'];

/** One shared object per inflection: hits only read them. */
const INFLECTIONS: readonly Inflection[] = CASES.flatMap((c) =>
  NUMBERS.map((number) => ({ case: c, number })),
);

export function encodeInflection(infl: Inflection): number {
  return CASES.indexOf(infl.case) * 2 + NUMBERS.indexOf(infl.number);
}

export function decodeInflection(code: number): Inflection {
  const infl = INFLECTIONS[code];
  if (!infl) throw new Error(`lexicon data: no inflection ${code}`);
  return infl;
}

export function stemCode(kind: StemKind, harmony: Harmony): number {
  return STEM_KINDS.indexOf(kind) * 2 + HARMONIES.indexOf(harmony);
}

/** The values of one or more lexicons, each stored once and named by its index (identity is kept). */
export class ValueTable<T> {
  readonly list: T[] = [];
  private readonly index = new Map<T, number>();

  of(value: T): number {
    let i = this.index.get(value);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(value);
      this.index.set(value, i);
    }
    return i;
  }
}

/** The last word of a multi-word name: [stem, stemCode, value] and [form, inflection code, value]. */
export interface WordFormsData {
  stems: [string, number, number][];
  exact: [string, number, number][];
}

export interface LexiconData {
  /** Names added (single words). */
  size: number;
  /** Stems (one a line), and per stem its entry count followed by that many stem entry codes (encodeInts). */
  stemKeys: string;
  stemEntries: string;
  /** Exact forms (one a line), and per form its hit count followed by that many exact codes (encodeInts). */
  exactKeys: string;
  exactEntries: string;
  /** The lookup's prefilter (Lexicon's prefixes, firstTwo and shortest), as adding the stems made it. */
  prefixes: string;
  firstTwo: string;
  shortest: number;
  /** Multi-word names by their first word. */
  phrases: [string, { head: string[]; last: WordFormsData }[]][];
}

/** Keys one a line (a key is a lower-case word or phrase: no line breaks). */
export function encodeKeys(keys: readonly string[]): string {
  if (keys.some((k) => k.includes('\n'))) throw new Error('lexicon data: a key with a line break');
  return keys.join('\n');
}

export function decodeKeys(text: string): string[] {
  return text === '' ? [] : text.split('\n');
}

/** Integers as the base64 of their 32-bit little-endian bytes. */
export function encodeInts(numbers: readonly number[]): string {
  const bytes = Buffer.alloc(numbers.length * 4);
  numbers.forEach((n, i) => {
    bytes.writeInt32LE(n, i * 4);
  });
  return bytes.toString('base64');
}

const LITTLE_ENDIAN = new Uint8Array(new Int32Array([1]).buffer)[0] === 1;

export function decodeInts(text: string): Int32Array {
  const bytes = Buffer.from(text, 'base64');
  const out = new Int32Array(bytes.length / 4);
  if (LITTLE_ENDIAN) new Uint8Array(out.buffer).set(bytes);
  else for (let i = 0; i < out.length; i++) out[i] = bytes.readInt32LE(i * 4);
  return out;
}
