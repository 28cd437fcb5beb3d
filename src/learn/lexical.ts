// The lexical model: what the evaluator's coded passages share beyond the codebook's terms, learned at run
// time from the training items (the codebook's examples and what the user gave with --learn-from). A
// naive-Bayes log-count ratio per theme over character n-grams of words: n-grams see through Finnish
// inflection and compounds (palaute, asiakaspalautteista) without any morphology, and the same text gives
// the same features with or without Voikko. A paragraph's score for a theme is the mean ratio of its
// n-grams, so it does not grow with length; the coding model weighs it like any other feature.

import type { Theme } from '../codebook/types.js';

export interface LexicalItem {
  text: string;
  /** Themes the item is evidence for. */
  positive: readonly string[];
  /** Themes it may touch, counted neither way. */
  ignore?: readonly string[];
  /** How much its n-grams count (default 1). */
  weight?: number;
}

export interface LexicalModel {
  codes: readonly string[];
  /** An n-gram's log-count ratio per code (undefined for an n-gram never seen). */
  ratio(gram: string): Float64Array | undefined;
  score(text: string): Map<string, number>;
}

/** n-gram lengths, and the Laplace smoothing of the counts. */
const GRAMS = [3, 4, 5] as const;
const FIRST = GRAMS[0];
const LAST = GRAMS[GRAMS.length - 1] as number;
const ALPHA = 1;
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
  private readonly memo = new Map<string, Int32Array>();

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
  private gramsOf(word: string): Int32Array {
    let grams = this.memo.get(word);
    if (grams !== undefined) return grams;
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
    grams = Int32Array.from(ids);
    if (this.memo.size >= MEMO_LIMIT) this.memo.clear();
    this.memo.set(word, grams);
    return grams;
  }
}

/**
 * The n-gram counts of a set of items, kept so that models leaving some items out (cross-fitting) are
 * made by subtracting those items' counts instead of counting everything again.
 */
export class LexicalTable {
  private readonly ids = new Map<string, number>();
  private readonly perItem: { counts: Map<number, number>; n: number; pos: boolean[]; ignore: boolean[] }[];
  private readonly k: number;

  constructor(
    items: readonly LexicalItem[],
    readonly codes: readonly string[],
  ) {
    this.k = codes.length;
    this.perItem = items.map((item) => {
      const counts = new Map<number, number>();
      const w = item.weight ?? 1;
      let n = 0;
      for (const g of ngrams(item.text)) {
        let id = this.ids.get(g);
        if (id === undefined) {
          id = this.ids.size;
          this.ids.set(g, id);
        }
        counts.set(id, (counts.get(id) ?? 0) + w);
        n += w;
      }
      const pos = codes.map((c) => item.positive.includes(c));
      const ignore = codes.map((c, i) => !pos[i] && (item.ignore?.includes(c) ?? false));
      return { counts, n, pos, ignore };
    });
  }

  private gramIndex: GramIndex | undefined;

  /** The table's n-grams as integers, built once (a run scores every paragraph with it). */
  index(): GramIndex {
    this.gramIndex ??= new GramIndex(this.ids);
    return this.gramIndex;
  }

  /** The table's n-grams, in the order of their ids. */
  grams(): string[] {
    return [...this.ids.keys()];
  }

  /** The model of every item for which `leaveOut` is not true. */
  model(leaveOut: (i: number) => boolean = () => false): LexicalModel {
    const { ratio, has } = this.weights(leaveOut);
    return lexicalModel(this.codes, this.ids, ratio, has, () => this.index());
  }

  /** The numbers of model(leaveOut): each n-gram's ratio per code (id·k + code), and which codes have any. */
  weights(leaveOut: (i: number) => boolean = () => false): { ratio: Float64Array; has: boolean[] } {
    const { k, codes, ids } = this;
    const kept = this.perItem.filter((_, i) => !leaveOut(i));
    const size = ids.size;
    const total = new Float64Array(size);
    const pos = new Float64Array(size * k);
    const ignored = new Float64Array(size * k);
    const posTotal = new Float64Array(k);
    const ignoredTotal = new Float64Array(k);
    let allTotal = 0;
    for (const it of kept) {
      allTotal += it.n;
      for (const [id, count] of it.counts) {
        total[id] = (total[id] as number) + count;
        for (let c = 0; c < k; c++) {
          if (it.pos[c]) pos[id * k + c] = (pos[id * k + c] as number) + count;
          else if (it.ignore[c]) ignored[id * k + c] = (ignored[id * k + c] as number) + count;
        }
      }
      for (let c = 0; c < k; c++) {
        if (it.pos[c]) posTotal[c] = (posTotal[c] as number) + it.n;
        else if (it.ignore[c]) ignoredTotal[c] = (ignoredTotal[c] as number) + it.n;
      }
    }
    // Only n-grams seen in the kept items form the vocabulary (as if the others never existed).
    let v = 0;
    for (let id = 0; id < size; id++) if ((total[id] as number) > 0) v++;
    const negTotal = codes.map((_, c) => allTotal - (posTotal[c] as number) - (ignoredTotal[c] as number));
    const has = codes.map((_, c) => (posTotal[c] as number) > 0 && (negTotal[c] as number) > 0);
    const ratio = new Float64Array(size * k);
    for (let c = 0; c < k; c++) {
      if (!has[c]) continue;
      const pDen = Math.log((posTotal[c] as number) + ALPHA * v);
      const nDen = Math.log((negTotal[c] as number) + ALPHA * v);
      for (let id = 0; id < size; id++) {
        if ((total[id] as number) === 0) continue;
        const p = pos[id * k + c] as number;
        const n = (total[id] as number) - p - (ignored[id * k + c] as number);
        ratio[id * k + c] = Math.log(p + ALPHA) - pDen - (Math.log(n + ALPHA) - nDen);
      }
    }
    return { ratio, has };
  }
}

/**
 * A lexical model from its numbers (LexicalTable.weights, or a build's cache of them: app/coder-cache.ts):
 * `ids` numbers the n-grams, `index` gives the GramIndex of those ids (built once, shared by the models of
 * one table).
 */
export function lexicalModel(
  codes: readonly string[],
  ids: ReadonlyMap<string, number>,
  ratio: Float64Array,
  has: readonly boolean[],
  index: () => GramIndex,
): LexicalModel {
  const k = codes.length;
  return {
    codes,
    ratio: (gram) => {
      const id = ids.get(gram);
      return id === undefined ? undefined : ratio.subarray(id * k, id * k + k);
    },
    score(text) {
      const sums = new Float64Array(k);
      const count = index().visit(text, (id) => {
        for (let c = 0; c < k; c++) sums[c] = (sums[c] as number) + (ratio[id * k + c] as number);
      });
      const out = new Map<string, number>();
      codes.forEach((code, c) => {
        if (has[c]) out.set(code, count > 0 ? (sums[c] as number) / count : 0);
      });
      return out;
    },
  };
}

export function fitLexical(items: readonly LexicalItem[], codes: readonly string[]): LexicalModel {
  return new LexicalTable(items, codes).model();
}

/**
 * What the lexical model learns per theme. Words tell what a passage is about far better than how it went
 * ("yhteistyö ei sujunut" shares every n-gram but one with "yhteistyö sujui"), so themes of one topic and
 * opposite polarity share one lexical key, their topic; the direction is the cue features' business.
 * Themes without polarity (a hierarchy like seed 004's) keep their own key.
 */
export function lexicalKey(theme: Pick<Theme, 'code' | 'topic' | 'polarity'>): string {
  return theme.polarity === 'none' ? theme.code : `topic:${theme.topic}`;
}

export interface ThemeLexicon {
  /** Per theme code, the lexical score of its key. */
  score(text: string): Map<string, number>;
}

export interface LexicalTraining {
  text: string;
  codes: readonly string[];
  also: readonly string[];
  weight?: number;
}

/** The lexical table of training items over the codebook's lexical keys. */
export function themeTable(items: readonly LexicalTraining[], themes: readonly Theme[]): LexicalTable {
  const keyOf = new Map(themes.map((t) => [t.code, lexicalKey(t)]));
  const keys = [...new Set(themes.map((t) => lexicalKey(t)))];
  return new LexicalTable(
    items.map((i) => {
      const positive = [...new Set(i.codes.map((c) => keyOf.get(c) ?? c))];
      const ignore = [...new Set(i.also.map((c) => keyOf.get(c) ?? c))].filter((k) => !positive.includes(k));
      return { text: i.text, positive, ignore, ...(i.weight !== undefined ? { weight: i.weight } : {}) };
    }),
    keys,
  );
}

export function themeLexicon(model: LexicalModel, themes: readonly Theme[]): ThemeLexicon {
  return {
    score(text) {
      const byKey = model.score(text);
      const out = new Map<string, number>();
      for (const t of themes) {
        const v = byKey.get(lexicalKey(t));
        if (v !== undefined) out.set(t.code, v);
      }
      return out;
    },
  };
}
