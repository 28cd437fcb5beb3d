// The lexical model: what the evaluator's coded passages share beyond the codebook's terms, learned at run
// time from the training items (the codebook's examples and what the user gave with --learn-from). A
// naive-Bayes log-count ratio per theme over character n-grams of words: n-grams see through Finnish
// inflection and compounds (palaute, asiakaspalautteista) without any morphology, and the same text gives
// the same features with or without Voikko. A paragraph's score for a theme is the mean ratio of its
// n-grams, so it does not grow with length; the coding model weighs it like any other feature.

export interface LexicalItem {
  text: string;
  /** Themes the item is evidence for. */
  positive: readonly string[];
  /** Themes it may touch, counted neither way. */
  ignore?: readonly string[];
}

export interface LexicalModel {
  codes: readonly string[];
  /** n-gram → per-code log-count ratio. */
  ratios: Map<string, Float64Array>;
  score(text: string): Map<string, number>;
}

/** n-gram lengths, and the Laplace smoothing of the counts. */
const GRAMS = [3, 4, 5] as const;
const ALPHA = 1;
const WORD = /[\p{L}]{3,}/gu;

/** The character n-grams of a text's words, each word framed by "^" and "$". */
export function ngrams(text: string): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(WORD)) {
    const w = `^${m[0]}$`;
    for (const n of GRAMS) for (let i = 0; i + n <= w.length; i++) out.push(w.slice(i, i + n));
  }
  return out;
}

export function fitLexical(items: readonly LexicalItem[], codes: readonly string[]): LexicalModel {
  const k = codes.length;
  const pos = new Map<string, Float64Array>();
  const neg = new Map<string, Float64Array>();
  const posTotal = new Float64Array(k);
  const negTotal = new Float64Array(k);
  const vocabulary = new Set<string>();
  for (const item of items) {
    const grams = ngrams(item.text);
    for (const g of grams) vocabulary.add(g);
    codes.forEach((code, c) => {
      if (item.ignore?.includes(code)) return;
      const isPos = item.positive.includes(code);
      const table = isPos ? pos : neg;
      for (const g of grams) {
        let row = table.get(g);
        if (!row) {
          row = new Float64Array(k);
          table.set(g, row);
        }
        row[c] = (row[c] ?? 0) + 1;
      }
      if (isPos) posTotal[c] = (posTotal[c] ?? 0) + grams.length;
      else negTotal[c] = (negTotal[c] ?? 0) + grams.length;
    });
  }
  const v = vocabulary.size;
  const ratios = new Map<string, Float64Array>();
  const has = codes.map((_, c) => (posTotal[c] ?? 0) > 0 && (negTotal[c] ?? 0) > 0);
  for (const g of [...vocabulary].sort()) {
    const r = new Float64Array(k);
    const p = pos.get(g);
    const n = neg.get(g);
    for (let c = 0; c < k; c++) {
      if (!has[c]) continue;
      r[c] =
        Math.log(((p?.[c] ?? 0) + ALPHA) / ((posTotal[c] ?? 0) + ALPHA * v)) -
        Math.log(((n?.[c] ?? 0) + ALPHA) / ((negTotal[c] ?? 0) + ALPHA * v));
    }
    ratios.set(g, r);
  }
  return {
    codes,
    ratios,
    score(text) {
      const grams = ngrams(text);
      const sums = new Float64Array(k);
      for (const g of grams) {
        const r = ratios.get(g);
        if (r) for (let c = 0; c < k; c++) sums[c] = (sums[c] ?? 0) + (r[c] ?? 0);
      }
      const out = new Map<string, number>();
      codes.forEach((code, c) => {
        if (has[c]) out.set(code, grams.length > 0 ? (sums[c] ?? 0) / grams.length : 0);
      });
      return out;
    },
  };
}
