// The contact, hyphenated-place and cued-code patterns are tried only where a match can start
// (recognizers/anchored.ts) or have their lookbehind moved after the first character: the same matches as
// the plain patterns over the whole text, for texts made of the characters the patterns care about, and
// for contact lines like the sample reports'.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WORDS } from '../src/anonymise/data/tables.generated.js';
import { HYPHENATED, hyphenated } from '../src/anonymise/place-abbreviations.js';
import {
  BUSINESS_ID,
  DOMAIN,
  domains,
  EMAIL,
  emails,
  type Finder,
  URL,
} from '../src/anonymise/recognizers/contacts.js';
import { CUED } from '../src/anonymise/recognizers/project.js';

/** The plain patterns as they were before (the reference). */
const URL_BEFORE = /\b(?:https?:\/\/|www\.)[^\s<>()[\]"”]+/giu;
const BUSINESS_ID_BEFORE = /(?<![\p{N}-])(?:FI\s?\d{8}|\d{7}-\d)(?![\p{N}])/gu;

const found = (matches: Iterable<RegExpMatchArray>) => [...matches].map((m) => [m.index, m[0]]);
const sameAs = (finder: Finder, plain: RegExp) => (text: string) => {
  expect(found(finder(text))).toEqual(found(text.matchAll(plain)));
};

// Pieces that make addresses, near-addresses and the marks around them likely in a random text.
const PIECES = [
  'a',
  'Ä',
  'x',
  '1',
  '0',
  '9',
  '_',
  '%',
  '+',
  '-',
  '.',
  '@',
  ' ',
  '  ',
  '\n',
  '\t',
  '\u00a0',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  '/',
  ',',
  ':',
  ';',
  '"',
  '”',
  '<',
  '>',
  '#',
  'F',
  'I',
  'FI',
  'at',
  ' at ',
  ' ät ',
  '(at)',
  '[a]',
  '( at )',
  '{at}',
  '(ät)',
  '(at-merkki)',
  '(miukumauku)',
  ' dot ',
  '(piste)',
  '[dot]',
  'kunta',
  'fi',
  '.fi',
  '.com',
  '.info',
  '.io',
  '.se',
  'se',
  'www.',
  'http://',
  'https://',
  'WWW.',
  'Https://',
  'ſ',
  'K',
  '𝐀',
  '😀',
  'nimi',
  'etunimi.sukunimi',
  '1234567-8',
  'FI12345678',
  'FI 1234',
];
const texts = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((parts) => parts.join(''));

describe('contact patterns tried only where they can match', () => {
  it('e-mail addresses: the same matches as the pattern over the whole text', () => {
    fc.assert(fc.property(texts, sameAs(emails, EMAIL)), { numRuns: 3000 });
  });

  it('domains: the same matches as the pattern over the whole text', () => {
    fc.assert(fc.property(texts, sameAs(domains, DOMAIN)), { numRuns: 3000 });
  });

  it('web addresses and business IDs: the same matches as the patterns with the lookbehind first', () => {
    const plain =
      (re: RegExp): Finder =>
      (text) =>
        text.matchAll(re);
    fc.assert(fc.property(texts, sameAs(plain(URL), URL_BEFORE)), { numRuns: 3000 });
    fc.assert(fc.property(texts, sameAs(plain(BUSINESS_ID), BUSINESS_ID_BEFORE)), { numRuns: 3000 });
  });

  it('hyphenated place names: the same matches as the pattern over the whole text', () => {
    const words = fc
      .array(
        fc.constantFrom('P', 'p', 'S', 'Ä', 'ä', 'o', 'hjois', '-', '--', ' ', '𝐀', '𝐚', 'ǅ', '1', '.'),
        {
          maxLength: 30,
        },
      )
      .map((parts) => parts.join(''));
    fc.assert(fc.property(words, sameAs(hyphenated, HYPHENATED)), { numRuns: 3000 });
  });

  it('cued project codes: the same matches as the pattern with the lookbehind first', () => {
    const before = new RegExp(
      `(?<![\\p{L}])(?:${WORDS['project-code-cues'].join('|')})\\.?:?\\s*(?:nro\\.?\\s*|n:o\\s*)?([\\p{L}\\p{N}]*\\d[\\p{L}\\p{N}/:.-]*[\\p{L}\\p{N}])`,
      'giu',
    );
    const cued = fc
      .array(
        fc.constantFrom(
          ...WORDS['project-code-cues'],
          'DNRO',
          'x',
          'Ä',
          ' ',
          '.',
          ':',
          'nro',
          'n:o',
          '12',
          'A',
          '/',
          '-',
        ),
        {
          maxLength: 20,
        },
      )
      .map((parts) => parts.join(''));
    const plain =
      (re: RegExp): Finder =>
      (text) =>
        text.matchAll(re);
    fc.assert(fc.property(cued, sameAs(plain(CUED), before)), { numRuns: 3000 });
  });

  it.each([
    'Yhteyshenkilö: etunimi.sukunimi@kunta.fi, p. 040 123 4567 (www.kunta.fi/hanke).',
    'maija.virtanen (at) pori . fi tai maija.virtanen[at]pori[dot]fi',
    'Lisätiedot: hanke@satadigi.fi; https://satadigi.fi/hanke ja Suomi.fi-palvelut.',
    'x.y@a.b.c.fi. a@@b.fi (at) (a) nimi (miukumauku) kunta piste fi',
    'Y-tunnus 1234567-8, FI12345678, ALV FI 12345678; 12345678-9',
  ])('%s', (text) => {
    sameAs(emails, EMAIL)(text);
    sameAs(domains, DOMAIN)(text);
    sameAs((t) => t.matchAll(URL), URL_BEFORE)(text);
    sameAs((t) => t.matchAll(BUSINESS_ID), BUSINESS_ID_BEFORE)(text);
  });
});
