// Upper bounds on the size of a paragraph and a sentence, so that no input makes a run slow: a report
// that is one 50 MB line (an export gone wrong, a scraped page) would otherwise be one paragraph and one
// sentence, and every stage after this one does work that grows faster than the length of a sentence.
// Cutting here keeps the whole run linear in the size of the input.
//
// The bounds sit far above real text: over the sample reports, the seeds and the reader fixtures the
// longest sentence is 493 characters (99th percentile 297) and the longest paragraph 1,482 (99th
// percentile 1,036). A cut only ever touches text no person wrote as one sentence or paragraph.
import { splitSentences } from './sentences.js';

/** Longest sentence kept whole; a longer one is cut at white space into pieces of at most this length. */
export const MAX_SENTENCE_CHARS = 1_000;
/** Longest paragraph kept whole; a longer one becomes several paragraph segments, cut between sentences. */
export const MAX_PARAGRAPH_CHARS = 6_000;

export interface Span {
  start: number;
  end: number;
}

/**
 * [start, end) of `text` as pieces of at most `max` characters, trimmed of white space. Each cut falls
 * where `boundary` says (an offset in the window's second half), else at the last white space there,
 * else at `max` (never between the halves of a surrogate pair).
 */
export function cutSpan(
  text: string,
  start: number,
  end: number,
  max: number,
  boundary: (window: string) => number | undefined = () => undefined,
): Span[] {
  const out: Span[] = [];
  let at = skipSpace(text, start, end);
  while (at < end) {
    let stop = end;
    if (end - at > max) {
      const window = text.slice(at, at + max);
      const half = max >> 1;
      const preferred = boundary(window);
      const space = lastSpace(window, half);
      const cut =
        preferred !== undefined && preferred >= half ? preferred : space !== undefined ? space : max;
      stop = at + cut;
      if (isLowSurrogate(text.charCodeAt(stop))) stop--;
    }
    let last = stop;
    while (last > at && isSpace(text.charCodeAt(last - 1))) last--;
    if (last > at) out.push({ start: at, end: last });
    at = skipSpace(text, stop, end);
  }
  return out;
}

/** A sentence end followed by the capital that opens the next sentence (a cheap test: only cuts use it). */
const SENTENCE_BREAK = /[.!?…]["”»’)\]]*\s+(?=["”«(]?\p{Lu})/gu;

/** Paragraph pieces of a block: cut before the last sentence that begins in the window's second half. */
export function paragraphPieces(text: string, start: number, end: number): Span[] {
  if (end - start <= MAX_PARAGRAPH_CHARS) return [{ start, end }];
  return cutSpan(text, start, end, MAX_PARAGRAPH_CHARS, (window) => {
    let last: number | undefined;
    for (const m of window.matchAll(SENTENCE_BREAK)) last = (m.index ?? 0) + m[0].length;
    return last;
  });
}

/** Sentence spans (relative to `text`), those longer than MAX_SENTENCE_CHARS cut at white space. */
export function boundedSentences(text: string, lang: string): Span[] {
  const out: Span[] = [];
  for (const s of splitSentences(text, lang)) {
    if (s.end - s.start <= MAX_SENTENCE_CHARS) out.push(s);
    else out.push(...cutSpan(text, s.start, s.end, MAX_SENTENCE_CHARS));
  }
  return out;
}

function lastSpace(window: string, from: number): number | undefined {
  for (let i = window.length - 1; i >= from; i--) if (isSpace(window.charCodeAt(i))) return i;
  return undefined;
}

function skipSpace(text: string, at: number, end: number): number {
  let i = at;
  while (i < end && isSpace(text.charCodeAt(i))) i++;
  return i;
}

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x2028 || c === 0x2029 || c === 0x3000;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
