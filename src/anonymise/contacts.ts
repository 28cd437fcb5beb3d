// Contact details found by pattern: e-mail addresses, URLs and bare domains, Finnish phone numbers,
// business IDs (Y-tunnus, VAT FI12345678) and street addresses with postcodes.
import type { EntityKind } from './types.js';

export interface ContactSpan {
  start: number;
  end: number;
  kind: Extract<EntityKind, 'email' | 'phone' | 'url' | 'business-id' | 'address'>;
  text: string;
}

const TLD = '(?:fi|ax|se|com|net|org|eu|io|info|biz|no|dk|ee|de|uk|nu|app|dev|cloud|online|site)';
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
const URL = /\b(?:https?:\/\/|www\.)[^\s<>()[\]"”]+/giu;
const DOMAIN = new RegExp(
  `(?<![\\p{L}\\p{N}@./-])(?:[\\p{L}\\p{N}-]+\\.)+${TLD}(?:/[^\\s<>()"”]*)?(?![\\p{L}\\p{N}])`,
  'giu',
);
// +358 40 123 4567, 040-123 4567, (09) 310 1691, 0400 123456; a run of at least 7 digits after the prefix.
const PHONE =
  /(?<![\p{L}\p{N}+])(?:\+358[\s-]?\(?0?\)?|00358[\s-]?|\(?0)\d{1,3}\)?(?:[\s-]?\d{2,4}){1,4}(?![\p{N}€%])/gu;
const BUSINESS_ID = /(?<![\p{N}-])(?:FI\s?\d{8}|\d{7}-\d)(?![\p{N}])/gu;
const STREET_WORD =
  '(?:katu|tie|kuja|polku|väylä|raitti|kaari|rinne|ranta|puistikko|puisto|tori|aukio|esplanadi|bulevardi|linja|piha|kulma|gatan|vägen|väg|gränd|stigen|torget|allén|backen|plan)';
const STREET = new RegExp(
  `(?<![\\p{L}])\\p{Lu}[\\p{L}-]*${STREET_WORD}\\s+\\d+(?:\\s?[A-Za-z](?:\\s?\\d+)?)?(?:\\s*,\\s*(?:FI-)?\\d{5}(?:\\s+\\p{Lu}[\\p{L}-]+)?)?`,
  'gu',
);
const POST_BOX = /\b(?:PL|PB|PO Box|P\.O\. Box)\s+\d+(?:\s*,\s*\d{5}(?:\s+\p{Lu}[\p{L}-]+)?)?/gu;
const POSTCODE_TOWN = /(?<![\p{N}])\d{5}\s+\p{Lu}[\p{Lu}\p{Ll}-]+(?![\p{N}])/gu;

export function findContacts(text: string): ContactSpan[] {
  const out: ContactSpan[] = [];
  const push = (re: RegExp, kind: ContactSpan['kind'], check?: (s: string) => boolean) => {
    for (const m of text.matchAll(re)) {
      let s = m[0];
      // Sentence punctuation after a URL or address is not part of it.
      while (/[.,;:!?)'’]$/u.test(s)) s = s.slice(0, -1);
      if (check && !check(s)) continue;
      const start = m.index ?? 0;
      out.push({ start, end: start + s.length, kind, text: s });
    }
  };
  push(EMAIL, 'email');
  push(URL, 'url');
  push(DOMAIN, 'url');
  push(PHONE, 'phone', (s) => s.replace(/\D/g, '').length >= 7 && !/^\d{4}-\d{4}$/.test(s));
  push(BUSINESS_ID, 'business-id');
  push(STREET, 'address');
  push(POST_BOX, 'address');
  push(POSTCODE_TOWN, 'address');
  // Earliest first, longest first at the same start; overlaps resolved by the caller.
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}
