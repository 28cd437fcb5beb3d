// Contact details and codes found by pattern, one recognizer per kind: e-mail addresses (also written
// "nimi(at)kunta.fi", "nimi [at] kunta [dot] fi"), web addresses, phone numbers, Finnish personal identity
// codes (010180-123A), IBANs, business IDs (Y-tunnus, VAT FI12345678) and social-media hashtags and handles.
import { electronicFormatIBAN, isValidIBAN } from 'ibantools';
import { WORDS } from '../data/tables.generated.js';
import type { EntityKind } from '../types.js';
import { type Analysis, NOM, type Recognizer, type RecognizerResult } from './recognizer.js';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** "(at)" → spaces allowed inside the brackets; " at " → a word between spaces. */
function obfuscations(list: readonly string[]): string {
  return list
    .map((w) => {
      const m = /^([([{])\s*(.+?)\s*([)\]}])$/u.exec(w.trim());
      if (m)
        return `\\s*${escapeRegExp(m[1] ?? '')}\\s*${escapeRegExp(m[2] ?? '')}\\s*${escapeRegExp(m[3] ?? '')}\\s*`;
      return `\\s+${escapeRegExp(w.trim())}\\s+`;
    })
    .join('|');
}
const AT = `(?:\\s*@\\s*|${obfuscations(WORDS['email-at'])})`;
const DOT = `(?:\\.|${obfuscations(WORDS['email-dot'])})`;
const LABEL = '[\\p{L}\\p{N}][\\p{L}\\p{N}-]*';
// The domain may lack a top-level domain when the @ is written out ("etunimi.sukunimi(at)kunta").
const EMAIL = new RegExp(
  `(?<![\\p{L}\\p{N}._%+-])[\\p{L}\\p{N}_%+-]+(?:\\.[\\p{L}\\p{N}_%+-]+)*${AT}${LABEL}(?:${DOT}${LABEL})*`,
  'giu',
);
const TLD = '(?:fi|ax|se|com|net|org|eu|io|info|biz|no|dk|ee|de|uk|nu|app|dev|cloud|online|site)';
const URL = /\b(?:https?:\/\/|www\.)[^\s<>()[\]"”]+/giu;
const DOMAIN = new RegExp(
  `(?<![\\p{L}\\p{N}@./-])(?:[\\p{L}\\p{N}-]+\\.)+${TLD}(?:/[^\\s<>()"”]*)?(?![\\p{L}\\p{N}])`,
  'giu',
);
// +358 40 123 4567, 040-123 4567, (09) 310 1691, 0400 123456, +46 8 123 456: at least 7 digits.
const PHONE =
  /(?<![\p{L}\p{N}+])(?:\+\d{2,3}[\s-]?\(?0?\)?|00\d{2,3}[\s-]?|\(?0)\d{1,3}\)?(?:[\s-]?\d{2,4}){1,4}(?![\p{N}€%])/gu;
// DDMMYY, century sign, individual number, check character; lower case too (fail closed).
const IDENTITY_CODE =
  /(?<![\p{L}\p{N}])(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])\d{2}[-+A-FU-Ya-fu-y]\d{3}[0-9A-FHJ-NPR-Ya-fhj-npr-y](?![\p{L}\p{N}])/gu;
const IBAN = /(?<![\p{L}\p{N}])[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,4})?(?![\p{L}\p{N}])/gu;
const BUSINESS_ID = /(?<![\p{N}-])(?:FI\s?\d{8}|\d{7}-\d)(?![\p{N}])/gu;
const HASHTAG = /(?<![\p{L}\p{N}_@.#])[#@][\p{L}\p{N}_][\p{L}\p{N}_.-]*[\p{L}\p{N}_]/gu;

type PatternKind = Extract<
  EntityKind,
  'email' | 'url' | 'phone' | 'identity-code' | 'iban' | 'business-id' | 'hashtag'
>;

function patternRecognizer(
  name: string,
  entity: PatternKind,
  patterns: RegExp[],
  score: number,
  check?: (match: string, a: Analysis, start: number) => number | undefined,
  /** A cheap test the text must pass before the patterns run (most texts hold no e-mail address). */
  hint?: RegExp,
): Recognizer {
  return {
    name,
    entities: [entity],
    analyze(a) {
      const out: RecognizerResult[] = [];
      if (hint && !hint.test(a.text)) return out;
      for (const re of patterns) {
        for (const m of a.text.matchAll(re)) {
          let s = m[0];
          // Sentence punctuation after an address is not part of it.
          while (/[.,;:!?)'’-]$/u.test(s)) s = s.slice(0, -1);
          const start = m.index ?? 0;
          const scored = check ? check(s, a, start) : score;
          if (scored === undefined) continue;
          out.push({
            start,
            end: start + s.length,
            entity,
            score: scored,
            noun: entity,
            infl: NOM,
            recognizer: name,
          });
        }
      }
      return out;
    },
  };
}

export const emailRecognizer = patternRecognizer(
  'EmailRecognizer',
  'email',
  [EMAIL],
  1,
  (s) => {
    // "nimi@kunta" and "nimi(at)kunta" are addresses; "kokous @ 10" and "meet at Teams" are not: a spaced
    // @ or a bare "at" needs a dotted domain after it.
    if (/[^\s@]@[^\s@]/u.test(s) || /[([{]\s*\p{L}+(?:-\p{L}+)?\s*[)\]}]/u.test(s)) return 1;
    return /(?:\.|dot|piste)\s*\p{L}{2,}$/iu.test(s) ? 1 : undefined;
  },
  /@|[([{]\s*(?:at|ät|a)\b|\s(?:at|ät)\s/iu,
);

export const urlRecognizer = patternRecognizer(
  'UrlRecognizer',
  'url',
  [URL, DOMAIN],
  0.95,
  (s, a) =>
    // An allow-listed domain ("Suomi.fi", "Innokylä.fi") stays.
    !s.includes('/') && a.allow.allowsWord(s) ? undefined : 0.95,
  /https?:|www\.|\.(?:fi|ax|se|com|net|org|eu|io|info|biz|no|dk|ee|de|uk|nu|app|dev|cloud|online|site)\b/iu,
);

export const phoneRecognizer = patternRecognizer('PhoneRecognizer', 'phone', [PHONE], 0.95, (s) =>
  s.replace(/\D/g, '').length >= 7 && !/^\d{4}\s?[-–]\s?\d{4}$/u.test(s) ? 0.95 : undefined,
);

export const identityCodeRecognizer = patternRecognizer(
  'IdentityCodeRecognizer',
  'identity-code',
  [IDENTITY_CODE],
  1,
);

export const ibanRecognizer = patternRecognizer('IbanRecognizer', 'iban', [IBAN], 1, (s) => {
  const iban = electronicFormatIBAN(s) ?? '';
  if (isValidIBAN(iban)) return 1;
  // A mistyped Finnish account number is still one (FI + 16 digits).
  return /^FI\d{16}$/u.test(iban) ? 0.9 : undefined;
});

export const businessIdRecognizer = patternRecognizer(
  'BusinessIdRecognizer',
  'business-id',
  [BUSINESS_ID],
  0.95,
);

export const hashtagRecognizer = patternRecognizer('HashtagRecognizer', 'hashtag', [HASHTAG], 0.9);
