import { detectLanguage } from '../language/detect.js';
import { tokenize } from '../language/tokens.js';

// Finnish or Swedish placeholders, decided per paragraph from function words (bilingual reports mix).
/** The coder's own paragraph language detection, so placeholders and coding agree on the language. */
export function paragraphLanguage(paragraph: string): 'fi' | 'sv' {
  return detectLanguage(tokenize(paragraph), 'fi') === 'sv' ? 'sv' : 'fi';
}

/** Language of the paragraph around each offset, computed once per paragraph. */
export function languageAt(text: string): (offset: number) => 'fi' | 'sv' {
  const breaks = [0];
  for (const m of text.matchAll(/\n[ \t]*\n/gu)) breaks.push((m.index ?? 0) + m[0].length);
  breaks.push(text.length + 1);
  const cache = new Map<number, 'fi' | 'sv'>();
  return (offset) => {
    let k = 0;
    while (k + 1 < breaks.length && (breaks[k + 1] ?? 0) <= offset) k++;
    const start = breaks[k] ?? 0;
    let lang = cache.get(start);
    if (!lang) {
      lang = paragraphLanguage(text.slice(start, breaks[k + 1]));
      cache.set(start, lang);
    }
    return lang;
  };
}
