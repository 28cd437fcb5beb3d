// What a quote's reader must know: where to find it in the original, and what to check before publishing
// it, in the output's language.
import type { Quote, SourceLocation } from '../types.js';

type Lang = 'fi' | 'en' | 'sv';

const UNITS: Record<Lang, Record<SourceLocation['unit'], [string, string]>> = {
  fi: { page: ['sivu', 'sivut'], paragraph: ['kappale', 'kappaleet'] },
  sv: { page: ['sida', 'sidorna'], paragraph: ['stycke', 'styckena'] },
  en: { page: ['page', 'pages'], paragraph: ['paragraph', 'paragraphs'] },
};

/**
 * Where the quote stands in the original file: the PDF page or the Word paragraph ("sivu 4", "kappale 37"),
 * else the lines of the report (Markdown, text), as `lines` gives them.
 */
export function quotePlace(
  quote: Pick<Quote, 'location' | 'startLine' | 'endLine'>,
  lang: Lang,
  lines: (a: number, b: number) => string,
): string {
  const at = quote.location;
  if (!at) return lines(quote.startLine, quote.endLine);
  const [one, many] = UNITS[lang][at.unit];
  return at.last > at.first ? `${many} ${at.first}–${at.last}` : `${one} ${at.first}`;
}

const OCR_NOTE: Record<Lang, string> = {
  fi: 'OCR-tekstiä: tarkista sanat alkuperäisestä ennen julkaisua',
  sv: 'OCR-text: kontrollera orden mot originalet före publicering',
  en: 'OCR text: check the words against the original before publishing',
};

/** The notes a quote carries (today: text damaged by OCR), or none. */
export function quoteNotes(quote: Pick<Quote, 'ocr'>, lang: Lang): string[] {
  return quote.ocr ? [OCR_NOTE[lang]] : [];
}
