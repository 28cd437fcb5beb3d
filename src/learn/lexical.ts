// The lexical model: what the evaluator's coded passages share beyond the codebook's terms, learned at run
// time from the training items (the codebook's examples and what the user gave with --learn-from). A
// naive-Bayes log-count ratio per theme over character n-grams of words: n-grams see through Finnish
// inflection and compounds (palaute, asiakaspalautteista) without any morphology, and the same text gives
// the same features with or without Voikko. A paragraph's score for a theme is the mean ratio of its
// n-grams, so it does not grow with length; the coding model weighs it like any other feature.

import type { Theme } from '../codebook/types.js';
import { type Word, WordMemo, wordOf } from '../language/words.js';
import { GramIndex, type GramTables, gramWords, letterRuns, ngrams } from './gram-index.js';

export { GramIndex, type GramTables, ngrams };

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
  /** `words`: the text's tokens' interned words (words.ts), when the caller has them. */
  score(text: string, words?: readonly Word[]): Map<string, number>;
}

/** The Laplace smoothing of the counts. */
const ALPHA = 1;
/** Words whose ratio rows a model keeps before starting over: a row takes about a kilobyte. */
const ROW_LIMIT = 10_000;
/** The owner of a word's n-gram words (its runs of three letters or more), kept on the word. */
const RUNS = {};
const runsOf = (lower: string): Word[] => letterRuns(lower).map(wordOf);

/**
 * The n-gram words of the text (gramWords), interned. Those of the lower-cased text are those of its
 * tokens' lower-cased words, in order: lower-casing is the same word by word as over the whole text, but
 * for the Greek final sigma (then the text is read again).
 */
function runsOfText(text: string, words: readonly Word[] | undefined): Word[] {
  if (!words || text.includes('Σ')) return gramWords(text).map(wordOf);
  const out: Word[] = [];
  for (const w of words) for (const run of w.answer(RUNS, runsOf)) out.push(run);
  return out;
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

/** Codes summed in unrolled columns (a codebook's topics, or its themes without polarity, rarely more). */
const WIDE = 8;

/** The column sums of rows of stride WIDE (after each row's count), each column added in row order. */
function sumWide(rows: readonly Float64Array[]): { sums: number[]; count: number } {
  let count = 0;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  let s5 = 0;
  let s6 = 0;
  let s7 = 0;
  for (const row of rows) {
    count += row[0] as number;
    for (let at = 1; at < row.length; at += WIDE) {
      s0 += row[at] as number;
      s1 += row[at + 1] as number;
      s2 += row[at + 2] as number;
      s3 += row[at + 3] as number;
      s4 += row[at + 4] as number;
      s5 += row[at + 5] as number;
      s6 += row[at + 6] as number;
      s7 += row[at + 7] as number;
    }
  }
  return { sums: [s0, s1, s2, s3, s4, s5, s6, s7], count };
}

/** sumWide for rows of stride k. */
function sumRows(rows: readonly Float64Array[], k: number): { sums: number[]; count: number } {
  const sums = new Array<number>(k).fill(0);
  let count = 0;
  for (const row of rows) {
    count += row[0] as number;
    for (let at = 1; at < row.length; at += k)
      for (let c = 0; c < k; c++) sums[c] = (sums[c] as number) + (row[at + c] as number);
  }
  return { sums, count };
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
  // Per word: how many n-grams it has, then the ratios of its known ones, n-gram by n-gram, each n-gram's
  // in a stride of WIDE columns when the codes fit (the rest zeros), so that score() adds them unrolled.
  const stride = Math.max(k, WIDE);
  const rows = new WordMemo<Float64Array>(ROW_LIMIT, (word) => {
    const grams = index().gramsOf(word);
    const row = new Float64Array(1 + (grams.length - 1) * stride);
    row[0] = grams[0] as number;
    for (let g = 1; g < grams.length; g++) {
      const id = grams[g] as number;
      row.set(ratio.subarray(id * k, id * k + k), 1 + (g - 1) * stride);
    }
    return row;
  });
  return {
    codes,
    ratio: (gram) => {
      const id = ids.get(gram);
      return id === undefined ? undefined : ratio.subarray(id * k, id * k + k);
    },
    score(text, words) {
      // What visit() gives, word by word from the words' own rows: the same ratios added in the same
      // order, read from a few hundred bytes per word instead of scattered over the whole table.
      const runs = runsOfText(text, words);
      const { sums, count } =
        stride === WIDE
          ? sumWide(runs.map((w) => rows.get(w)))
          : sumRows(
              runs.map((w) => rows.get(w)),
              k,
            );
      const out = new Map<string, number>();
      for (let c = 0; c < k; c++)
        if (has[c]) out.set(codes[c] as string, count > 0 ? (sums[c] as number) / count : 0);
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
  /** Per theme code, the lexical score of its key; `words` as for LexicalModel.score. */
  score(text: string, words?: readonly Word[]): Map<string, number>;
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
  const keys = themes.map((t) => [t.code, lexicalKey(t)] as const);
  return {
    score(text, words) {
      const byKey = model.score(text, words);
      const out = new Map<string, number>();
      for (const [code, key] of keys) {
        const v = byKey.get(key);
        if (v !== undefined) out.set(code, v);
      }
      return out;
    },
  };
}
