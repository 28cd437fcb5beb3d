// A lexicon as data, so that the big ones (the name lists, the gazetteer) are built once, at build time
// (scripts/build-vocabulary.mjs), and used at start as the build wrote them instead of stemming some
// 25,000 names in every run and every worker thread: the keys in hash tables over one block of UTF-16 units
// (key-table.ts), their entries as small integers, all in one binary file of sections (sections.ts), read
// with one readFileSync and no parse. A key's entries are decoded when it is first looked up.
import { CASES, type GrammaticalNumber, type Harmony, type Inflection, type StemKind } from './inflect.js';
import { KeyList, type KeyListData, KeyTable, type KeyTableData } from './key-table.js';
import type { Sections, SectionValue } from './sections.js';

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

/** Values by index: an array, or a build's values read one at a time (ValueList). */
export interface Values<T> {
  readonly length: number;
  at(index: number): T | undefined;
}

/**
 * A build's values, each kept as its JSON and parsed when an entry first needs it (then kept, so that an
 * index always gives the same object): a report meets a few dozen of the name lists' 16,000 values.
 */
export class ValueList<T> implements Values<T> {
  private readonly parsed: (T | undefined)[];

  constructor(private readonly texts: KeyList) {
    this.parsed = new Array(texts.size);
  }

  static encode(values: readonly unknown[]): KeyListData {
    return KeyList.of(values.map((v) => JSON.stringify(v))).data;
  }

  get length(): number {
    return this.texts.size;
  }

  at(index: number): T | undefined {
    if (index < 0 || index >= this.texts.size) return undefined;
    let value = this.parsed[index];
    if (value === undefined) {
      value = JSON.parse(this.texts.keyAt(index)) as T;
      this.parsed[index] = value;
    }
    return value;
  }
}

/** The last word of a multi-word name: [stem, stemCode, value] and [form, inflection code, value]. */
export interface WordFormsData {
  stems: [string, number, number][];
  exact: [string, number, number][];
}

/**
 * Keys and their entries: key k's entries are codes[at[k] + 1 …], codes[at[k]] of them (stem entry codes
 * value·8 + kind·2 + harmony, or exact codes value·32 + inflection).
 */
export interface ListsData {
  keys: KeyTable;
  at: Uint32Array;
  codes: Int32Array;
}

export interface LexiconData {
  /** Names added (single words), and the shortest stem's length (Lexicon's prefilter). */
  size: number;
  shortest: number;
  stems: ListsData;
  exact: ListsData;
  /** The lookup's prefilter (Lexicon's prefixHashes, firstTwo, exactTwo), as adding the names made it. */
  prefixHashes: Int32Array;
  firstTwo: Int32Array;
  exactTwo: Int32Array;
  /** Multi-word names by their first word. */
  phrases: [string, { head: string[]; last: WordFormsData }[]][];
}

/** ListsData from keys and their lists of codes. */
export function listsData(entries: Iterable<[string, readonly number[]]>): ListsData {
  const keys: string[] = [];
  const at: number[] = [];
  const codes: number[] = [];
  for (const [key, list] of entries) {
    keys.push(key);
    at.push(codes.length);
    codes.push(list.length, ...list);
  }
  return { keys: KeyTable.of(keys), at: Uint32Array.from(at), codes: Int32Array.from(codes) };
}

function putKeys(out: Record<string, SectionValue>, name: string, data: KeyListData | KeyTableData) {
  out[`${name}.units`] = data.units;
  out[`${name}.starts`] = data.starts;
  if ('slots' in data) out[`${name}.slots`] = data.slots;
}

/** A key table written by putKeys. */
export function takeKeyTable(s: Sections, name: string): KeyTable {
  return new KeyTable({
    units: s.arrayOf(`${name}.units`, 'u8', 'u16'),
    starts: s.array(`${name}.starts`, 'u32'),
    slots: s.array(`${name}.slots`, 'i32'),
  });
}

/** A key list (no hash table) written by putKeys. */
export function takeKeyList(s: Sections, name: string): KeyList {
  return new KeyList({
    units: s.arrayOf(`${name}.units`, 'u8', 'u16'),
    starts: s.array(`${name}.starts`, 'u32'),
  });
}

/** A key table (a set of words) into `out` as sections named after `name`. */
export function putKeyTable(out: Record<string, SectionValue>, name: string, table: KeyTable): void {
  putKeys(out, name, table.data);
}

/** A list of values (any JSON) into `out`, read back by takeValues. */
export function putValues(out: Record<string, SectionValue>, name: string, values: readonly unknown[]): void {
  putKeys(out, name, ValueList.encode(values));
}

export function takeValues<T>(s: Sections, name: string): ValueList<T> {
  return new ValueList<T>(takeKeyList(s, name));
}

/** A lexicon's data into `out` as sections named after `name`. */
export function putLexicon(out: Record<string, SectionValue>, name: string, data: LexiconData): void {
  for (const part of ['stems', 'exact'] as const) {
    putKeys(out, `${name}.${part}`, data[part].keys.data);
    out[`${name}.${part}.at`] = data[part].at;
    out[`${name}.${part}.codes`] = data[part].codes;
  }
  out[`${name}.prefixHashes`] = data.prefixHashes;
  out[`${name}.firstTwo`] = data.firstTwo;
  out[`${name}.exactTwo`] = data.exactTwo;
  out[`${name}.meta`] = { json: { size: data.size, shortest: data.shortest, phrases: data.phrases } };
}

/** A lexicon's data read back from putLexicon's sections (views on the file's bytes). */
export function takeLexicon(s: Sections, name: string): LexiconData {
  const lists = (part: string): ListsData => ({
    keys: takeKeyTable(s, `${name}.${part}`),
    at: s.array(`${name}.${part}.at`, 'u32'),
    codes: s.array(`${name}.${part}.codes`, 'i32'),
  });
  const meta = s.json<Pick<LexiconData, 'size' | 'shortest' | 'phrases'>>(`${name}.meta`);
  return {
    ...meta,
    stems: lists('stems'),
    exact: lists('exact'),
    prefixHashes: s.array(`${name}.prefixHashes`, 'i32'),
    firstTwo: s.array(`${name}.firstTwo`, 'i32'),
    exactTwo: s.array(`${name}.exactTwo`, 'i32'),
  };
}
