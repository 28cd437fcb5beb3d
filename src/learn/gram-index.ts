// Character n-grams of words (3 to 5 letters, each word framed by "^" and "$"), the features of the lexical
// model (lexical.ts), and the index that finds a text's known n-grams without slicing them out as strings.

import { BoundedMemo } from '../memo.js';

/** n-gram lengths. */
const GRAMS = [3, 4, 5] as const;
const FIRST = GRAMS[0];
const LAST = GRAMS[GRAMS.length - 1] as number;
const WORD = /[\p{L}]{3,}/gu;
/** Distinct words whose n-grams are remembered before the memo starts over (bounded memory). */
const MEMO_LIMIT = 50_000;

/** The character n-grams of a text's words, each word framed by "^" and "$". */
export function ngrams(text: string): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(WORD)) {
    const w = `^${m[0]}$`;
    for (const n of GRAMS) for (let i = 0; i + n <= w.length; i++) out.push(w.slice(i, i + n));
  }
  return out;
}

/** The words whose n-grams ngrams() takes, in order: the letter runs of the lower-cased text. */
export function gramWords(text: string): string[] {
  return letterRuns(text.toLowerCase());
}

/** The runs of three letters or more of an already lower-cased text. */
export function letterRuns(lower: string): string[] {
  const out: string[] = [];
  for (const m of lower.matchAll(WORD)) out.push(m[0]);
  return out;
}

/** A GramIndex's tables, kept by a build's cache (app/coder-cache.ts) and given back to its constructor. */
export interface GramTables {
  /** The character codes of the known n-grams, in the order of their numbers (the first is 1). */
  chars: number[];
  keys: Int32Array;
  values: Int32Array;
}

/**
 * The known n-grams as integers, so that a text's n-grams are found by walking its words instead of
 * slicing every n-gram out as a string and hashing it (a run scores every paragraph). Each character of
 * the known n-grams gets a number of 6 bits (1–63); an n-gram of up to five characters packs into 30 bits
 * and is looked up in an open-addressing table of such keys. A character no known n-gram holds ends every
 * n-gram through it. More than 63 distinct characters: the n-grams are sliced out as strings after all.
 */
export class GramIndex {
  /** The 6-bit number of each character code (0: in no known n-gram). */
  private readonly code = new Map<number, number>();
  private readonly low = new Uint8Array(0x3000);
  private readonly packed: boolean;
  /** Open addressing, linear probing: keys (packed n-gram + 1, 0 empty) and their ids. */
  private readonly keys: Int32Array;
  private readonly values: Int32Array;
  private readonly mask: number;
  /** Per word, its n-grams (gramsOf). */
  private readonly memo = new BoundedMemo<string, Int32Array>(MEMO_LIMIT);

  /** The index of `ids`; `tables`, from tables() of an index of the same ids, spare building them. */
  constructor(
    private readonly ids: ReadonlyMap<string, number>,
    tables?: GramTables,
  ) {
    if (tables)
      tables.chars.forEach((c, i) => {
        this.code.set(c, i + 1);
      });
    else
      for (const gram of ids.keys())
        for (let i = 0; i < gram.length; i++) {
          const c = gram.charCodeAt(i);
          if (!this.code.has(c)) this.code.set(c, this.code.size + 1);
        }
    this.packed = this.code.size <= 63;
    for (const [c, n] of this.code) if (c < this.low.length) this.low[c] = n;
    let size = 16;
    while (size < ids.size * 2) size *= 2;
    this.mask = this.packed ? size - 1 : 0;
    if (
      tables &&
      (tables.keys.length !== (this.packed ? size : 0) || tables.values.length !== tables.keys.length)
    )
      throw new Error('GramIndex: tables of another index');
    this.keys = tables?.keys ?? new Int32Array(this.packed ? size : 0);
    this.values = tables?.values ?? new Int32Array(this.packed ? size : 0);
    if (!this.packed || tables) return;
    for (const [gram, id] of ids) {
      if (gram.length > LAST) continue;
      let key = 0;
      for (let i = 0; i < gram.length; i++) key = (key << 6) | this.letter(gram.charCodeAt(i));
      let slot = this.slot(key);
      while (this.keys[slot] !== 0) slot = (slot + 1) & this.mask;
      this.keys[slot] = key + 1;
      this.values[slot] = id;
    }
  }

  /** The index's tables, for GramIndex's constructor. */
  tables(): GramTables {
    return { chars: [...this.code.keys()], keys: this.keys, values: this.values };
  }

  private letter(c: number): number {
    return c < this.low.length ? (this.low[c] as number) : (this.code.get(c) ?? 0);
  }

  private slot(key: number): number {
    return (Math.imul(key, 0x9e3779b1) >>> 0) & this.mask;
  }

  private find(key: number): number {
    for (let slot = this.slot(key); ; slot = (slot + 1) & this.mask) {
      const k = this.keys[slot] as number;
      if (k === key + 1) return this.values[slot] as number;
      if (k === 0) return -1;
    }
  }

  /**
   * Calls `onGram` with the id of every known n-gram of the text, in the order ngrams() lists them, and
   * returns how many n-grams the text has, known or not: the same sums, in the same order, as scoring
   * ngrams(text) one by one.
   */
  visit(text: string, onGram: (id: number) => void): number {
    let count = 0;
    for (const m of text.toLowerCase().matchAll(WORD)) {
      const grams = this.gramsOf(m[0]);
      count += grams[0] as number;
      for (let k = 1; k < grams.length; k++) onGram(grams[k] as number);
    }
    return count;
  }

  /**
   * A word's n-grams: [how many, then the ids of the known ones in ngrams() order]. Memoised: a report
   * repeats its words, and a word's n-grams are the same every time.
   */
  gramsOf(word: string): Int32Array {
    return this.memo.get(word, this.gramsOfWord);
  }

  private readonly gramsOfWord = (word: string): Int32Array => {
    const w = `^${word}$`;
    const ids: number[] = [0];
    if (!this.packed) {
      for (const n of GRAMS)
        for (let i = 0; i + n <= w.length; i++) {
          ids[0] = (ids[0] as number) + 1;
          const id = this.ids.get(w.slice(i, i + n));
          if (id !== undefined) ids.push(id);
        }
    } else {
      const length = w.length;
      const letters: number[] = [];
      for (let i = 0; i < length; i++) letters[i] = this.letter(w.charCodeAt(i));
      // One walk per start: an n-gram is known only if the (n-1)-gram it begins with is (every known
      // n-gram came with its prefix from the same word), so the longer ones are looked up only then.
      // found[g * length + i]: the id of the GRAMS[g]-gram at i, -1 unknown.
      const found = new Array<number>(GRAMS.length * length).fill(-1);
      for (let i = 0; i < length; i++) {
        let key = 0;
        for (let d = 0; d < LAST && i + d < length; d++) {
          const c = letters[i + d] as number;
          if (c === 0) break;
          key = (key << 6) | c;
          if (d + 1 < FIRST) continue;
          const id = this.find(key);
          if (id < 0) break;
          found[(d + 1 - FIRST) * length + i] = id;
        }
      }
      for (let g = 0; g < GRAMS.length; g++) {
        const n = GRAMS[g] as number;
        for (let i = 0; i + n <= length; i++) {
          ids[0] = (ids[0] as number) + 1;
          const id = found[g * length + i] as number;
          if (id >= 0) ids.push(id);
        }
      }
    }
    return Int32Array.from(ids);
  };
}
