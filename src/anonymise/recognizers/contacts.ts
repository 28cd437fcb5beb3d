// Contact details and codes found by pattern, one recognizer per kind: e-mail addresses (also written
// "nimi(at)kunta.fi", "nimi [at] kunta [dot] fi"), web addresses, phone numbers, Finnish personal identity
// codes (010180-123A), IBANs, business IDs (Y-tunnus, VAT FI12345678) and social-media hashtags and handles.
import { electronicFormatIBAN, isValidIBAN } from 'ibantools';
import { WORDS } from '../data/tables.generated.js';
import type { EntityKind } from '../types.js';
import { anchoredMatches, runStart, stickyOf } from './anchored.js';
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
export const EMAIL = new RegExp(
  `(?<![\\p{L}\\p{N}._%+-])[\\p{L}\\p{N}_%+-]+(?:\\.[\\p{L}\\p{N}_%+-]+)*${AT}${LABEL}(?:${DOT}${LABEL})*`,
  'giu',
);
const TLD = '(?:fi|ax|se|com|net|org|eu|io|info|biz|no|dk|ee|de|uk|nu|app|dev|cloud|online|site)';
// \b(?:https?:\/\/|www\.) with the word boundary checked after the first letter (the same matches): the
// engine then looks for an "h" or a "w" instead of trying a lookbehind at every position.
export const URL = /(?:h(?<!\wh)ttps?:\/\/|w(?<!\ww)ww\.)[^\s<>()[\]"”]+/giu;
export const DOMAIN = new RegExp(
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
// (?<![\p{N}-])(?:FI\s?\d{8}|\d{7}-\d) with the lookbehind after the first character (as URL).
export const BUSINESS_ID = /(?:F(?<![\p{N}-]F)I\s?\d{8}|\d(?<![\p{N}-]\d)\d{6}-\d)(?![\p{N}])/gu;
const HASHTAG = /(?<![\p{L}\p{N}_@.#])[#@][\p{L}\p{N}_][\p{L}\p{N}_.-]*[\p{L}\p{N}_]/gu;

/** The matches of one pattern in a text. */
export type Finder = (text: string) => Iterable<RegExpMatchArray>;
const everywhere =
  (re: RegExp): Finder =>
  (text) =>
    text.matchAll(re);

// E-mail addresses and domains are tried only where they can start (anchored.ts): at the start of the run of
// address characters before an "@", a written-out one ("(at)", " at ") or a "." before a top-level domain.
const EMAIL_AT = (() => {
  const brackets = new Set<string>(['@']);
  const words: string[] = [];
  for (const w of WORDS['email-at']) {
    const m = /^([([{])\s*(.+?)\s*([)\]}])$/u.exec(w.trim());
    if (m) brackets.add(m[1] ?? '');
    else words.push(escapeRegExp(w.trim()));
  }
  const marks = [...brackets].map(escapeRegExp).join('|');
  return new RegExp(words.length > 0 ? `${marks}|\\s(?:${words.join('|')})` : marks, 'giu');
})();
const SPACE = /\s/u;
const EMAIL_RUN = /^[\p{L}\p{N}._%+-]$/u;
const EMAIL_STICKY = stickyOf(EMAIL);
export const emails: Finder = (text) => {
  const starts: number[] = [];
  for (const m of text.matchAll(EMAIL_AT)) {
    // The "@" (written out or not) may have spaces before it; the address's name ends where they start.
    let at = m.index ?? 0;
    while (at > 0 && SPACE.test(text.charAt(at - 1))) at--;
    const start = runStart(text, at, EMAIL_RUN);
    if (start < at) starts.push(start);
  }
  return anchoredMatches(text, EMAIL_STICKY, starts);
};
const DOT_TLD = new RegExp(`\\.${TLD}(?![\\p{L}\\p{N}])`, 'giu');
const DOMAIN_RUN = /^[\p{L}\p{N}.-]$/u;
const DOMAIN_STICKY = stickyOf(DOMAIN);
export const domains: Finder = (text) => {
  const starts: number[] = [];
  for (const m of text.matchAll(DOT_TLD)) {
    const dot = m.index ?? 0;
    const start = runStart(text, dot, DOMAIN_RUN);
    if (start < dot) starts.push(start);
  }
  return anchoredMatches(text, DOMAIN_STICKY, starts);
};

type PatternKind = Extract<
  EntityKind,
  'email' | 'url' | 'phone' | 'identity-code' | 'iban' | 'business-id' | 'hashtag'
>;

function patternRecognizer(
  name: string,
  entity: PatternKind,
  finders: Finder[],
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
      for (const find of finders) {
        for (const m of find(a.text)) {
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
  [emails],
  1,
  (s) => {
    // "nimi@kunta" and "nimi(at)kunta" are addresses; "kokous @ 10" and "meet at Teams" are not: a spaced
    // @ or a bare "at" needs a dotted domain after it.
    if (/[^\s@]@[^\s@]/u.test(s) || /[([{]\s*\p{L}+(?:-\p{L}+)?\s*[)\]}]/u.test(s)) return 1;
    return /(?:\.|dot|piste)\s*\p{L}{2,}$/iu.test(s) ? 1 : undefined;
  },
  // No quick test of its own: `emails` looks only where words.yaml's "@" or a written-out one is (a
  // hand-written test here left "(miukumauku)" out, and a text with no other address was never read).
);

export const urlRecognizer = patternRecognizer(
  'UrlRecognizer',
  'url',
  [everywhere(URL), domains],
  0.95,
  (s, a) =>
    // An allow-listed domain ("Suomi.fi", "Innokylä.fi") stays.
    !s.includes('/') && a.allow.allowsWord(s) ? undefined : 0.95,
  /https?:|www\.|\.(?:fi|ax|se|com|net|org|eu|io|info|biz|no|dk|ee|de|uk|nu|app|dev|cloud|online|site)\b/iu,
);

export const phoneRecognizer = patternRecognizer(
  'PhoneRecognizer',
  'phone',
  [everywhere(PHONE)],
  0.95,
  (s) => (s.replace(/\D/g, '').length >= 7 && !/^\d{4}\s?[-–]\s?\d{4}$/u.test(s) ? 0.95 : undefined),
);

export const identityCodeRecognizer = patternRecognizer(
  'IdentityCodeRecognizer',
  'identity-code',
  [everywhere(IDENTITY_CODE)],
  1,
);

export const ibanRecognizer = patternRecognizer('IbanRecognizer', 'iban', [everywhere(IBAN)], 1, (s) => {
  const iban = electronicFormatIBAN(s) ?? '';
  if (isValidIBAN(iban)) return 1;
  // A mistyped Finnish account number is still one (FI + 16 digits).
  return /^FI\d{16}$/u.test(iban) ? 0.9 : undefined;
});

export const businessIdRecognizer = patternRecognizer(
  'BusinessIdRecognizer',
  'business-id',
  [everywhere(BUSINESS_ID)],
  0.95,
);

export const hashtagRecognizer = patternRecognizer(
  'HashtagRecognizer',
  'hashtag',
  [everywhere(HASHTAG)],
  0.9,
);
