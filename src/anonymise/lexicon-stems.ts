// A lexicon's stems and their entries (lexicon.ts), read lazily from a build's data (lexicon-data.ts).

import type { Harmony, Stem } from './inflect.js';
import type { LexiconHit } from './lexicon.js';
import { decodeInflection, HARMONIES, type ListsData, STEM_KINDS, type Values } from './lexicon-data.js';

export interface StemEntry<T> {
  value: T;
  stem: Stem;
  harmony: Harmony;
}

/** A stem entry from its data (lexicon-data.ts): value index, stem, and the kind·2 + harmony code. */
export function stemEntry<T>(values: Values<T>, value: number, stem: string, code: number): StemEntry<T> {
  const kind = STEM_KINDS[code >> 1];
  const harmony = HARMONIES[code & 1];
  if (kind === undefined || harmony === undefined || value >= values.length)
    throw new Error(`lexicon data: bad stem entry ${value}/${code} of "${stem}"`);
  return { value: values.at(value) as T, stem: { stem, kind }, harmony };
}

/** An exact hit from its data: value index·32 + inflection code. */
export function exactHit<T>(values: Values<T>, code: number): LexiconHit<T> {
  const value = Math.floor(code / 32);
  if (value >= values.length) throw new Error(`lexicon data: bad value ${value}`);
  return { value: values.at(value) as T, infl: decodeInflection(code % 32) };
}

/** What a lexicon asks of its stems or exact forms: a mutable Map while names are added, or a build's lists. */
export interface ListLookup<H> {
  get(key: string): H[] | undefined;
  has(key: string): boolean;
}

/**
 * A build's keys and their entries (lexicon-data.ts ListsData), used as they are: a key's entries stay
 * encoded until the key is first looked up (then kept): a report meets a few hundred of the 47,000 stems
 * of the name lists, and decoding them all at start cost more than the rest of the start.
 */
export class EncodedLists<H> implements ListLookup<H> {
  private readonly decoded = new Map<number, H[]>();

  constructor(
    private readonly data: ListsData,
    private readonly decode: (key: string, code: number) => H,
  ) {}

  get(key: string): H[] | undefined {
    const k = this.data.keys.indexOf(key);
    if (k < 0) return undefined;
    let list = this.decoded.get(k);
    if (list) return list;
    const at = this.data.at[k] ?? 0;
    const count = this.data.codes[at] ?? 0;
    list = new Array(count);
    for (let i = 0; i < count; i++) list[i] = this.decode(key, this.data.codes[at + 1 + i] ?? 0);
    this.decoded.set(k, list);
    return list;
  }

  has(key: string): boolean {
    return this.data.keys.has(key);
  }

  /** Every key, in the build's order (tests compare a build's lexicon with one built from the lists). */
  keys(): IterableIterator<string> {
    return this.data.keys.keys();
  }
}
