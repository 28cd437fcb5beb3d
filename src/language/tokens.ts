// Word tokens with their offsets. Finnish words may carry hyphens inside compounds ("Suomi.fi-palvelut",
// "sosiaali- ja terveys") and colons before case endings ("Oy:n", "DVV:n"); both stay inside one token.

export interface Token {
  /** The word as written. */
  text: string;
  /** Lower-cased form. */
  lower: string;
  start: number;
  end: number;
}

/** A word, as a regular expression (the scanner below finds exactly its matches, faster). */
export const WORD = /[\p{L}\p{N}]+(?:[-:'’][\p{L}\p{N}]+)*/gu;

export function tokenize(text: string, base = 0): Token[] {
  const tokens: Token[] = [];
  const spans = wordSpans(text);
  for (let k = 0; k < spans.length; k += 2) {
    const from = spans[k] as number;
    const to = spans[k + 1] as number;
    const word = text.slice(from, to);
    tokens.push({ text: word, lower: word.toLowerCase(), start: base + from, end: base + to });
  }
  return tokens;
}

/** Each word's lower-cased form, as tokenize() would give it, without making tokens (counting words). */
export function* lowerWords(text: string): Generator<string> {
  const spans = wordSpans(text);
  for (let k = 0; k < spans.length; k += 2)
    yield text.slice(spans[k] as number, spans[k + 1] as number).toLowerCase();
}

/**
 * The matches of WORD in the text as [start, end, start, end, …], found by a loop over the characters:
 * a regular expression over Unicode classes makes a match object per word, and every paragraph is read.
 * Letters and digits are \p{L} and \p{N} by code point (a surrogate pair is one), as WORD reads them.
 */
export function wordSpans(text: string): number[] {
  const spans: number[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const width = wordCharAt(text, i);
    if (width === 0) {
      i += isPair(text, i) ? 2 : 1;
      continue;
    }
    const start = i;
    i = wordRun(text, i + width);
    // A hyphen, colon or apostrophe joins the word to the letters or digits right after it.
    while (i < n && JOINERS.has(text.charCodeAt(i))) {
      const next = wordCharAt(text, i + 1);
      if (next === 0) break;
      i = wordRun(text, i + 1 + next);
    }
    spans.push(start, i);
  }
  return spans;
}

/**
 * Calls `each(start, end)` for every run of letters and digits (match of /[\p{L}\p{N}]+/gu), in order:
 * no match object or string per word.
 */
export function eachWordRun(text: string, each: (start: number, end: number) => void): void {
  let i = 0;
  const n = text.length;
  while (i < n) {
    const width = wordCharAt(text, i);
    if (width === 0) i += isPair(text, i) ? 2 : 1;
    else {
      const start = i;
      i = wordRun(text, i + width);
      each(start, i);
    }
  }
}

/** How many runs of letters and digits (matches of /[\p{L}\p{N}]+/gu) the text has. */
export function countWordRuns(text: string): number {
  let runs = 0;
  eachWordRun(text, () => {
    runs++;
  });
  return runs;
}

const JOINERS = new Set(['-', ':', "'", '’'].map((c) => c.charCodeAt(0)));
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
/** Per UTF-16 unit of the BMP: 0 not yet known, 1 a letter or digit, 2 neither. */
const bmp = new Uint8Array(0x10000);
const astral = new Map<number, boolean>();

/** The end of the run of letters and digits from i. */
function wordRun(text: string, from: number): number {
  let i = from;
  for (let w = wordCharAt(text, i); w > 0; w = wordCharAt(text, i)) i += w;
  return i;
}

/** The width (1, or 2 for a surrogate pair) of the letter or digit at i, 0 when there is none. */
function wordCharAt(text: string, i: number): number {
  if (i >= text.length) return 0;
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 0;
  if (c >= 0xd800 && c <= 0xdbff && isPair(text, i)) {
    const cp = text.codePointAt(i) as number;
    let known = astral.get(cp);
    if (known === undefined) {
      known = WORD_CHAR.test(String.fromCodePoint(cp));
      astral.set(cp, known);
    }
    return known ? 2 : 0;
  }
  let known = bmp[c] as number;
  if (known === 0) {
    // A lone surrogate is no letter (WORD with the u flag reads it as a code point of its own).
    known = c >= 0xd800 && c <= 0xdfff ? 2 : WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 2;
    bmp[c] = known;
  }
  return known === 1 ? 1 : 0;
}

function isPair(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return false;
  const d = text.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff;
}

/** Hyphenated compounds are also matched part by part ("digituki-päivät" → digituki, päivät). */
export function hyphenParts(lower: string): string[] {
  return lower.includes('-') ? lower.split('-').filter((p) => p.length > 0) : [];
}
