// A paragraph's tokens and their interned words, made once when the paragraph is segmented (its language
// is told from them) and handed to the tagger, whose sentence tokens, matchers and lexical score read
// them again instead of finding and looking up every word of the paragraph three more times.
import { type Token, tokenize } from '../language/tokens.js';
import { type Word, wordOf } from '../language/words.js';
import type { Segment } from '../types.js';

export interface ParagraphWords {
  /** tokenize(segment.text, segment.start). */
  tokens: readonly Token[];
  /** The tokens' lower-cased words, interned. */
  words: readonly Word[];
}

/** Held only until the tagger takes them: a run that keeps its segments does not keep their words. */
const handed = new WeakMap<Segment, ParagraphWords>();

export function wordsOfText(text: string, base: number): ParagraphWords {
  const tokens = tokenize(text, base);
  return { tokens, words: tokens.map((t) => wordOf(t.lower)) };
}

/**
 * The share of a text's tokens and words that lie in [start, end): exactly what wordsOfText gives for that
 * part of the text, when no token runs over its bounds (wordSpans reads no further than a word);
 * undefined when one does.
 */
export function wordsWithin(all: ParagraphWords, start: number, end: number): ParagraphWords | undefined {
  const { tokens } = all;
  // The first token that ends after start.
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens[mid] as Token).end <= start) lo = mid + 1;
    else hi = mid;
  }
  if (lo < tokens.length && (tokens[lo] as Token).start < start) return undefined;
  let to = lo;
  while (to < tokens.length && (tokens[to] as Token).end <= end) to++;
  if (to < tokens.length && (tokens[to] as Token).start < end) return undefined;
  return { tokens: tokens.slice(lo, to), words: all.words.slice(lo, to) };
}

export function handParagraphWords(segment: Segment, words: ParagraphWords): void {
  handed.set(segment, words);
}

/** The words paragraphSegments made for this segment, once; undefined for a segment made elsewhere. */
export function takeParagraphWords(segment: Segment): ParagraphWords | undefined {
  const words = handed.get(segment);
  if (words) handed.delete(segment);
  return words;
}
