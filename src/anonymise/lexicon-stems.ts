// A lexicon's stems and their entries (lexicon.ts), read lazily from a build's data (lexicon-data.ts).

import type { Harmony, Stem } from './inflect.js';
import type { LexiconHit } from './lexicon.js';
import { decodeInflection, HARMONIES, STEM_KINDS } from './lexicon-data.js';

export interface StemEntry<T> {
  value: T;
  stem: Stem;
  harmony: Harmony;
}

/** A stem entry from its data (lexicon-data.ts): value index, stem, and the kind·2 + harmony code. */
export function stemEntry<T>(values: readonly T[], value: number, stem: string, code: number): StemEntry<T> {
  const kind = STEM_KINDS[code >> 1];
  const harmony = HARMONIES[code & 1];
  if (kind === undefined || harmony === undefined || value >= values.length)
    throw new Error(`lexicon data: bad stem entry ${value}/${code} of "${stem}"`);
  return { value: values[value] as T, stem: { stem, kind }, harmony };
}

/** An exact hit from its data: value index·32 + inflection code. */
export function exactHit<T>(values: readonly T[], code: number): LexiconHit<T> {
  const value = Math.floor(code / 32);
  if (value >= values.length) throw new Error(`lexicon data: bad value ${value}`);
  return { value: values[value] as T, infl: decodeInflection(code % 32) };
}

/**
 * A lexicon's stems and their entries. Read from a build's data (lexicon-data.ts), a stem's entries stay
 * encoded until the stem is first looked up: a report meets a few hundred of the 47,000 stems of the name
 * lists, and decoding them all took more time (and garbage collection) than the rest of the start.
 */
export class StemTable<T> {
  /** A stem's entries, or where its count and codes start in `codes`. */
  private readonly entries = new Map<string, StemEntry<T>[] | number>();

  constructor(
    private readonly codes: Int32Array = new Int32Array(0),
    private readonly values: readonly T[] = [],
  ) {}

  get(stem: string): StemEntry<T>[] | undefined {
    const found = this.entries.get(stem);
    if (typeof found !== 'number') return found;
    const count = this.codes[found] ?? 0;
    const list: StemEntry<T>[] = new Array(count);
    for (let k = 0; k < count; k++) {
      const code = this.codes[found + 1 + k] ?? 0;
      list[k] = stemEntry(this.values, code >> 3, stem, code & 7);
    }
    this.entries.set(stem, list);
    return list;
  }

  set(stem: string, list: StemEntry<T>[] | number): void {
    this.entries.set(stem, list);
  }

  *[Symbol.iterator](): IterableIterator<[string, StemEntry<T>[]]> {
    for (const stem of this.entries.keys()) yield [stem, this.get(stem) ?? []];
  }
}
