// The allow-list: terms that stay even where the anonymiser would replace them (public bodies, widely used
// products, common acronyms). Terms match in any case form ("Kuntaliiton", "DVV:n", "Wilma-ohjelmistoon").
import { BoundedMemo } from '../memo.js';
import { Lexicon } from './lexicon.js';
import { headOf, type WordToken, wordTokens } from './tokens.js';
import type { AllowList } from './types.js';

export interface AllowMatcher {
  /** Character ranges of allow-listed terms in `text`. */
  ranges(text: string, tokens: readonly WordToken[]): [number, number][];
  /** One word (or a hyphen/colon compound whose first part) is allow-listed. */
  allowsWord(word: string): boolean;
}

/** A character other than letters, digits, spaces and a word's inner marks: a term with one is searched as text. */
const PUNCTUATED = /[^\p{L}\p{N}\s:'’-]/u;
/**
 * Whether allowsWord could hold for a token that no term matched at it (matchAt found nothing, so its
 * lower-case form is no term): only by a colon ending ("DVV:n") or a hyphen compound ("Wilma-ohjelmistoon"),
 * since a token never holds a PUNCTUATED character. Most tokens are then answered without the memo.
 */
const mayAllowUnmatched = (t: WordToken): boolean => t.text.includes(':') || t.text.includes('-');
/** Distinct words whose verdict is remembered before the memo starts over (bounded memory). */
const MEMO_LIMIT = 20_000;

// One matcher per list: the anonymiser and the leak check of a run read the same list, and building one
// (every term through the inflection tables) costs some 10 ms of a one-report run. Its verdicts depend on
// the list alone, so sharing it (and its memo) changes no answer.
const matchers = new WeakMap<AllowList, AllowMatcher>();

/** The matcher of an allow-list, built once per list object. */
export function allowMatcher(list: AllowList): AllowMatcher {
  let matcher = matchers.get(list);
  if (!matcher) {
    matcher = buildAllowMatcher(list);
    matchers.set(list, matcher);
  }
  return matcher;
}

function buildAllowMatcher(list: AllowList): AllowMatcher {
  const lexicon = new Lexicon<true>();
  const patterns: RegExp[] = [];
  const whole: RegExp[] = [];
  for (const term of list.terms) {
    const trimmed = term.trim();
    if (!trimmed) continue;
    const words = wordTokens(trimmed).map((t) => t.text);
    // Terms with punctuation inside a word ("Suomi.fi", "Office 365") are searched as text.
    if (PUNCTUATED.test(trimmed)) {
      const escaped = trimmed.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
      const source = `(?<![\\p{L}\\p{N}])${escaped}(?::?[\\p{L}]{0,8})?(?![\\p{L}\\p{N}])`;
      patterns.push(new RegExp(source, 'giu'));
      whole.push(new RegExp(`^(?:${source})$`, 'iu'));
    } else if (words.length > 0) lexicon.add(true, words.join(' '));
  }
  // Per word as written (a report repeats its words; the list does not change), bounded.
  const memo = new BoundedMemo<string, boolean>(MEMO_LIMIT);
  const allowsWord = (word: string): boolean => memo.get(word, allowsUncached);
  const allowsUncached = (word: string): boolean => {
    const lower = word.toLowerCase();
    // A term searched as text has a character no word token holds ("." of Suomi.fi): only a word with
    // such a character can be one (most words are letters alone; the test of every term is then skipped).
    if (PUNCTUATED.test(word) && whole.some((re) => re.test(word))) return true;
    if (lexicon.lookupLower(lower).length > 0) return true;
    if (lexicon.lookupLower(headOf(lower)).length > 0 && lower.includes(':')) return true;
    const parts = word.split('-');
    // "Wilma-ohjelmistoon", "IT-infraa": an allowed first part with lower-case rest.
    return (
      parts.length > 1 &&
      lexicon.lookup((parts[0] ?? '').toLowerCase()).length > 0 &&
      parts.slice(1).every((p) => p === p.toLowerCase())
    );
  };
  return {
    allowsWord,
    ranges(text, tokens) {
      const out: [number, number][] = [];
      const lower = tokens.map((t) => t.lower);
      for (let i = 0; i < tokens.length; i++) {
        const hit = lexicon.matchAt(lower, i)[0];
        const first = tokens[i];
        if (!first) continue;
        if (hit) {
          const last = tokens[i + hit.length - 1] ?? first;
          out.push([first.start, last.end]);
          i += hit.length - 1;
        } else if (mayAllowUnmatched(first) && allowsWord(first.text)) out.push([first.start, first.end]);
      }
      for (const re of patterns) {
        for (const m of text.matchAll(re)) out.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
      }
      return out;
    },
  };
}
