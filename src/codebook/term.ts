// The term syntax of a codebook: one or more words, each optionally ending in "*" (the author gives the
// stem: match every word starting with it) or "=" (this exact word form only: "tiedämme="), and an
// optional weight "^2" (default 1).
//   "yhteistyö"            lemma, inflected forms and compounds match
//   "tehost*"              stem, every word starting with it
//   "ei sitoutunut^2"      a phrase of consecutive words, weight 2

export interface ParsedTerm {
  words: string[];
  weight: number;
}

const TERM = /^([\p{L}\p{N}][\p{L}\p{N}*=\- ']*?)(?:\^(\d+(?:\.\d+)?))?$/u;

export function parseTerm(raw: string): ParsedTerm | undefined {
  const m = TERM.exec(raw.trim());
  if (!m) return undefined;
  const words = (m[1] ?? '').split(/\s+/).filter((w) => w.length > 0);
  const badMark = (w: string) => /[*=]/.test(w.slice(0, -1)) || /^[*=]/.test(w);
  if (words.length === 0 || words.some(badMark)) return undefined;
  const weight = m[2] === undefined ? 1 : Number(m[2]);
  if (!(weight > 0 && weight <= 10)) return undefined;
  return { words, weight };
}
