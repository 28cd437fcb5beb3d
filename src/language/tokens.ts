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

export const WORD = /[\p{L}\p{N}]+(?:[-:'’][\p{L}\p{N}]+)*/gu;

export function tokenize(text: string, base = 0): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const start = base + (m.index ?? 0);
    tokens.push({ text: m[0], lower: m[0].toLowerCase(), start, end: start + m[0].length });
  }
  return tokens;
}

/** Each word's lower-cased form, as tokenize() would give it, without making tokens (counting words). */
export function* lowerWords(text: string): Generator<string> {
  for (const m of text.matchAll(WORD)) yield m[0].toLowerCase();
}

/** Hyphenated compounds are also matched part by part ("digituki-päivät" → digituki, päivät). */
export function hyphenParts(lower: string): string[] {
  return lower.includes('-') ? lower.split('-').filter((p) => p.length > 0) : [];
}
