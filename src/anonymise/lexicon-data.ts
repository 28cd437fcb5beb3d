// A lexicon as plain data, so that the big ones (the name lists, the gazetteer) are built once, at build
// time (scripts/build-vocabulary.mjs), and read back at start instead of stemming some 25,000 names in
// every run and every worker thread. The layout is chosen for loading fast: keys in one array, their
// entries as small integers in another (JSON.parse reads numbers and strings far faster than objects).
import type { Case, GrammaticalNumber, Harmony, Inflection, StemKind } from './inflect.js';

/** Entry codes: a stem entry is value·8 + kind·2 + harmony; an exact form is value·32 + inflection. */
export const STEM_KINDS: readonly StemKind[] = ['sg', 'pl', 'cons', 'nom'];
export const HARMONIES: readonly Harmony[] = ['back', 'front'];
const CASES: readonly Case[] = [
  'nom',
  'gen',
  'part',
  'ess',
  'transl',
  'iness',
  'elat',
  'ill',
  'adess',
  'ablat',
  'allat',
  'abess',
  'comit',
];
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
  /** Stems, and per stem its entry count followed by that many stem entry codes. */
  stemKeys: string[];
  stemEntries: number[];
  /** Exact forms, and per form its hit count followed by that many exact codes. */
  exactKeys: string[];
  exactEntries: number[];
  /** Multi-word names by their first word. */
  phrases: [string, { head: string[]; last: WordFormsData }[]][];
}
