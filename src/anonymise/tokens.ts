// The coder's tokens (language/tokens.ts `tokenize`, one tokenizer for the whole tool) with the facts the
// anonymiser decides by: is the word capitalised, all capitals, and does it open a sentence (where a
// capital says nothing about names). Markdown markup, list bullets and opening quotes are looked through:
// "**Palaute**", "- Kankaanpää", "”Kuntien ..." open a sentence; so do a table cell ("| Nimi |"), a tab,
// a colon and a line start. The facts are added to the coder's token objects: no second object per word.
import { type Token, tokenize } from '../language/tokens.js';
import { WORDS } from './data/tables.generated.js';

export interface WordToken extends Token {
  index: number;
  /** First letter is upper case ("Kankaanpää", "DVV:n", "SataDigi"). */
  capitalised: boolean;
  /** Two or more letters, all upper case ("DVV", "DIGIVAPA", "P-S"). */
  allCaps: boolean;
  /** First word of a sentence, line, heading, list item or table cell. */
  sentenceStart: boolean;
}

const ABBREVIATIONS = new Set(WORDS.abbreviations);
// Characters looked through backwards when deciding whether a word opens a sentence.
const TRANSPARENT = /[\\ \t\u00a0*_#>`~"”“„«»'’([\u2022\u25cf–—-]/u;

export function wordTokens(text: string): WordToken[] {
  const tokens = tokenize(text) as WordToken[];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as WordToken;
    const first = t.text.charAt(0);
    t.index = i;
    t.capitalised = first !== first.toLowerCase();
    t.allCaps = isAllCaps(t.text);
    t.sentenceStart = opensSentence(text, t, tokens[i - 1]);
  }
  return tokens;
}

function isAllCaps(word: string): boolean {
  let letters = 0;
  for (const c of word) {
    if (c.toLowerCase() === c.toUpperCase()) continue;
    if (c !== c.toUpperCase()) return false;
    letters++;
  }
  return letters >= 2;
}

function opensSentence(text: string, token: WordToken, previous: WordToken | undefined): boolean {
  let i = token.start - 1;
  while (i >= 0) {
    const c = text.charAt(i);
    if (c === '\n' || c === '\r' || c === '|' || c === '\t' || c === '\u00b7') return true;
    if (TRANSPARENT.test(c)) {
      i--;
      continue;
    }
    break;
  }
  if (i < 0) return true;
  const c = text.charAt(i);
  if (c === '.' && previous && previous.end === i && ABBREVIATIONS.has(previous.lower)) return false;
  return /[.!?:;…]/u.test(c);
}

/** Text between two tokens is only spacing (one line): they can belong to one name. */
export function adjacent(text: string, a: Token, b: Token): boolean {
  const gap = b.start - a.end;
  if (gap < 1 || gap > 2) return false;
  for (let k = a.end; k < b.start; k++) {
    const c = text.charCodeAt(k);
    if (c !== 32 && c !== 9 && c !== 0xa0) return false;
  }
  return true;
}

/** The word without a colon ending: "DVV:n" → "DVV", "Oy:ltä" → "Oy". */
export function headOf(word: string): string {
  const colon = word.indexOf(':');
  return colon > 0 ? word.slice(0, colon) : word;
}
