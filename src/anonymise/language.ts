import { detectLanguage } from '../language/detect.js';
import { tokenize } from '../language/tokens.js';

// Finnish or Swedish placeholders, decided per paragraph from function words (bilingual reports mix).
/** The coder's own paragraph language detection, so placeholders and coding agree on the language. */
export function paragraphLanguage(paragraph: string): 'fi' | 'sv' {
  return detectLanguage(tokenize(paragraph), 'fi') === 'sv' ? 'sv' : 'fi';
}

/** Language of the paragraph around each offset, computed once per paragraph; a paragraph too short to
 * tell (a heading, a table cell) takes the language of the next one that tells, else of the whole text. */
export function languageAt(text: string): (offset: number) => 'fi' | 'sv' {
  let whole: 'fi' | 'sv' | undefined;
  const fallback = () => {
    whole ??=
      detectLanguage(tokenize(text.length > 20_000 ? text.slice(0, 20_000) : text), 'fi') === 'sv'
        ? 'sv'
        : 'fi';
    return whole;
  };
  const breaks = [0];
  for (const m of text.matchAll(/\n[ \t]*\n/gu)) breaks.push((m.index ?? 0) + m[0].length);
  breaks.push(text.length + 1);
  const cache = new Map<number, 'fi' | 'sv'>();
  // A paragraph long enough to tell, else undefined.
  const paragraphAt = (k: number): 'fi' | 'sv' | undefined => {
    const tokens = tokenize(text.slice(breaks[k] ?? 0, breaks[k + 1]));
    if (tokens.length < 8) return undefined;
    return detectLanguage(tokens, fallback()) === 'sv' ? 'sv' : 'fi';
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
