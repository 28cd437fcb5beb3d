// Word tokens with offsets and the two facts the anonymiser decides by: is the word capitalised, and
// does it open a sentence (where capitals say nothing about names). Markdown markup, list bullets and
// opening quotes are looked through: "**Palaute**", "- Kankaanpää", "”Kuntien ..." all open a sentence.

export interface WordToken {
  text: string;
  lower: string;
  start: number;
  end: number;
  index: number;
  /** First letter is upper case ("Kankaanpää", "DVV:n", "SataDigi"). */
  capitalised: boolean;
  /** Two or more letters, all upper case ("DVV", "DIGIVAPA", "P-S"). */
  allCaps: boolean;
  /** First word of a sentence, line, heading, list item or table cell. */
  sentenceStart: boolean;
}

const WORD = /[\p{L}\p{N}]+(?:[-:'’][\p{L}\p{N}]+)*/gu;
const ABBREVIATIONS = new Set(
  'esim mm ns ts n ko ym yms jne vrt ks ml va vs eli mr ms dr st s:t prof toim tms tk puh p os'.split(' '),
);

export function tokenize(text: string): WordToken[] {
  const tokens: WordToken[] = [];
  for (const m of text.matchAll(WORD)) {
    const start = m.index ?? 0;
    const word = m[0];
    const first = word.charAt(0);
    const letters = word.replace(/[^\p{L}]/gu, '');
    tokens.push({
      text: word,
      lower: word.toLowerCase(),
      start,
      end: start + word.length,
      index: tokens.length,
      capitalised: first !== first.toLowerCase(),
      allCaps: letters.length >= 2 && letters === letters.toUpperCase() && /\p{Lu}/u.test(letters),
      sentenceStart: false,
    });
  }
  for (const t of tokens) t.sentenceStart = opensSentence(text, t, tokens[t.index - 1]);
  return tokens;
}

function opensSentence(text: string, token: WordToken, previous: WordToken | undefined): boolean {
  let i = token.start - 1;
  // Look back over spaces, markup, bullets and opening quotes/brackets.
  while (i >= 0) {
    const c = text.charAt(i);
    if (c === '\n' || c === '\r') return true;
    if (/[\s*_#>`~"”“„«»'|\u2022\u25cf–—-]/u.test(c)) {
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
export function adjacent(text: string, a: WordToken, b: WordToken): boolean {
  return /^[ \t\u00a0]{1,2}$/u.test(text.slice(a.end, b.start));
}
