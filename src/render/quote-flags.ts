// What a quote's reader must know before publishing it, in the output's language.
import type { Quote } from '../types.js';

type Lang = 'fi' | 'en' | 'sv';

const OCR_NOTE: Record<Lang, string> = {
  fi: 'OCR-tekstiä: tarkista sanat alkuperäisestä ennen julkaisua',
  sv: 'OCR-text: kontrollera orden mot originalet före publicering',
  en: 'OCR text: check the words against the original before publishing',
};

/** The notes a quote carries (today: text damaged by OCR), or none. */
export function quoteNotes(quote: Pick<Quote, 'ocr'>, lang: Lang): string[] {
  return quote.ocr ? [OCR_NOTE[lang]] : [];
}
