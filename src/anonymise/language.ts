import { detectLanguage } from '../language/detect.js';
import { type Token, tokenize } from '../language/tokens.js';

// Finnish or Swedish placeholders, decided per paragraph from function words (bilingual reports mix).
/** The coder's own paragraph language detection, so placeholders and coding agree on the language. */
export function paragraphLanguage(paragraph: string): 'fi' | 'sv' {
  return detectLanguage(tokenize(paragraph), 'fi') === 'sv' ? 'sv' : 'fi';
}

/** Characters of the text the fallback language is told from. */
const SAMPLE = 20_000;

/** The tokens starting in [from, to) of a text's tokens, ordered by start (binary search for the first). */
function tokensIn(tokens: readonly Token[], from: number, to: number): Token[] {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens[mid] as Token).start < from) lo = mid + 1;
    else hi = mid;
  }
  const out: Token[] = [];
  for (let i = lo; i < tokens.length && (tokens[i] as Token).start < to; i++) out.push(tokens[i] as Token);
  return out;
}

/**
 * Language of the paragraph around each offset, computed once per paragraph; a paragraph too short to
 * tell (a heading, a table cell) takes the language of the next one that tells, else of the whole text.
 * `tokens`: the text's own tokens (tokenize(text)) when the caller has them, so no paragraph is
 * tokenized twice; a paragraph's tokens are the same either way (no token spans a blank line).
 */
export function languageAt(text: string, own?: readonly Token[]): (offset: number) => 'fi' | 'sv' {
  let whole: 'fi' | 'sv' | undefined;
  const fallback = () => {
    whole ??= detectLanguage(sampleTokens(), 'fi') === 'sv' ? 'sv' : 'fi';
    return whole;
  };
  // The first SAMPLE characters: a word cut at the edge is read as cut, as tokenizing the slice would.
  const sampleTokens = (): readonly Token[] => {
    if (own === undefined) return tokenize(text.length > SAMPLE ? text.slice(0, SAMPLE) : text);
    if (text.length <= SAMPLE) return own;
    return tokensIn(own, 0, SAMPLE).map((t) =>
      t.end <= SAMPLE ? t : (tokenize(text.slice(t.start, SAMPLE), t.start)[0] ?? t),
    );
  };
  const breaks = [0];
  for (const m of text.matchAll(/\n[ \t]*\n/gu)) breaks.push((m.index ?? 0) + m[0].length);
  breaks.push(text.length + 1);
  const cache = new Map<number, 'fi' | 'sv'>();
  // What each paragraph tells, once: a heading's look at the next paragraphs reads them, and so may
  // their own words later ('' when a paragraph is too short to tell).
  const told = new Map<number, 'fi' | 'sv' | ''>();
  const paragraphAt = (k: number): 'fi' | 'sv' | undefined => {
    let lang = told.get(k);
    if (lang === undefined) {
      lang = paragraphUncached(k) ?? '';
      told.set(k, lang);
    }
    return lang === '' ? undefined : lang;
  };
  // A paragraph long enough to tell, else undefined.
  const paragraphUncached = (k: number): 'fi' | 'sv' | undefined => {
    const from = breaks[k] ?? 0;
    const to = breaks[k + 1] ?? text.length + 1;
    const tokens = own ? tokensIn(own, from, to) : tokenize(text.slice(from, to));
    if (tokens.length < 8) return undefined;
    // The text's language only when the paragraph's words do not tell ('und' comes back only then):
    // telling it reads the text's first 20,000 characters.
    const lang = detectLanguage(tokens, 'und');
    return (lang === 'und' ? fallback() : lang) === 'sv' ? 'sv' : 'fi';
  };
  // A heading or a short line speaks the language of the section it opens: the next paragraph that tells.
  const nextLanguage = (k: number): 'fi' | 'sv' | undefined => {
    for (let j = k + 1; j < breaks.length - 1 && j <= k + 3; j++) {
      const lang = paragraphAt(j);
      if (lang) return lang;
    }
    return undefined;
  };
  return (offset) => {
    // The last paragraph start at or before the offset (binary search: reports have many paragraphs).
    let lo = 0;
    let hi = breaks.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((breaks[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    const k = lo;
    const start = breaks[k] ?? 0;
    let lang = cache.get(start);
    if (!lang) {
      lang = paragraphAt(k) ?? nextLanguage(k) ?? fallback();
      cache.set(start, lang);
    }
    return lang;
  };
}
