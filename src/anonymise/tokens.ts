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
// Characters looked through backwards when deciding whether a word opens a sentence (by code: this runs
// for every token).
const TRANSPARENT = new Set([...'\\ \t\u00a0*_#>`~"”“„«»\'’([\u2022\u25cf–—-'].map((c) => c.charCodeAt(0)));
const SENTENCE_END = new Set([...'.!?:;…'].map((c) => c.charCodeAt(0)));

/**
 * The text's tokens with the anonymiser's facts. `found`: tokenize(text) already made by the coder for the
 * same text (one tokenisation per report, issue 13): its token objects are extended in place.
 */
export function wordTokens(text: string, found?: readonly Token[]): WordToken[] {
  const tokens = (found ? found.slice() : tokenize(text)) as WordToken[];
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
  // Most words start with a lower-case letter, which settles it (the loop below would say so too).
  if (isPlainLower(word.charCodeAt(0))) return false;
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
    const c = text.charCodeAt(i);
    // \n \r | \t ·
    if (c === 10 || c === 13 || c === 124 || c === 9 || c === 0xb7) return true;
    if (TRANSPARENT.has(c)) {
      i--;
      continue;
    }
    break;
  }
  if (i < 0) return true;
  const c = text.charCodeAt(i);
  if (c === 46 && previous && previous.end === i && ABBREVIATIONS.has(previous.lower)) return false;
  return SENTENCE_END.has(c);
}

/** A lower-case letter of Finnish or Swedish (a–z, ä, ö, å): no capital. */
function isPlainLower(c: number): boolean {
  return (c >= 97 && c <= 122) || c === 0xe4 || c === 0xf6 || c === 0xe5;
}

const UPPER = /\p{Lu}/u;

/** Whether the word holds an upper-case letter (\p{Lu}); an all lower-case Finnish word is told by its codes. */
export function hasUpperCase(word: string): boolean {
  for (let k = 0; k < word.length; k++) {
    const c = word.charCodeAt(k);
    if (isPlainLower(c) || (c >= 48 && c <= 58) || c === 45) continue;
    return UPPER.test(word);
  }
  return false;
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
