// Street addresses and postcodes. A street is a capitalised word ending in a street word in any case
// ("Kauppatie 1", "Kauppatiellä", "Rauhankadun varrella", "Storgatan 5"), also written in two words
// ("Vanha Helsingin tie 5") and with its number, staircase, postcode and town ("Kauppatie 1 A 2, 62900
// Alajärvi"). A five-digit postcode counts alone where it cannot be an amount ("FI-62900", "62900
// ALAJÄRVI", "postinumero 62900").
import { BoundedMemo } from '../../memo.js';
import { POSTCODES } from '../data/municipalities.js';
import { WORDS } from '../data/tables.generated.js';
import { Lexicon } from '../lexicon.js';
import { adjacent, headOf, type WordToken } from '../tokens.js';
import { NOM, type Recognizer, type RecognizerResult } from './recognizer.js';

const STREETS = new Lexicon<string>();
for (const w of WORDS['street-words']) STREETS.add(w, w);
// Heads that are also the heads of ordinary compounds ("asiakaspolku", "palveluväylä"): a street only
// with a house number after it.
const NEEDS_NUMBER = new Set([
  'polku',
  'väylä',
  'piha',
  'kulma',
  'linja',
  'rinne',
  'kaari',
  'strand',
  'tori',
  'torget',
  'aukio',
  'stig',
  'stigen',
  'backen',
  'stranden',
  'puistikko',
]);
// "-tien" is also a plural genitive ("kumppanikuntien", "tablettien"): a street only in its other cases.
const AMBIGUOUS_FORMS = new Set(['tien', 'tiet', 'teiden', 'teitä']);
let postcodes: Set<string> | undefined;
const isPostcode = (s: string) => {
  postcodes ??= new Set(POSTCODES.split(' '));
  return postcodes.has(s);
};
const UNITS = new Set(WORDS['number-units'].map((u) => u.toLowerCase()));

const HOUSE_NUMBER =
  /^\s{1,2}\d{1,4}(?:\s?[-–]\s?\d{1,4})?(?:\s?[A-Za-z](?![\p{L}]))?(?:\s?\d{1,3}(?![\p{N}]))?/u;
const POSTCODE_TAIL = /^\s*,?\s*(?:FI-)?\d{5}(?:\s+\p{Lu}[\p{L}-]+)?/u;
const POST_BOX =
  /\b(?:PL|PB|PO Box|P\.O\. Box|Postilokero)\s+\d+(?:\s*,\s*(?:FI-)?\d{5}(?:\s+\p{Lu}[\p{L}-]+)?)?/gu;
// The lookahead says what the match starts with (it adds nothing to the pattern): the engine then skips to
// an "F" or a digit instead of trying the lookbehind at every position of the text.
const POSTCODE = /(?=[F\d])(?<![\p{L}\p{N}.,-])(FI-)?(\d{5})(?![\p{N}]|[.,]\d)/gu;

type StreetEnding = { street: string; hit: ReturnType<Lexicon<string>['lookup']>[number] } | undefined;
/** Distinct words whose street ending is remembered before the memo starts over (bounded memory). */
const MEMO_LIMIT = 20_000;
// Every capitalised word is read by every one of its endings: remembered per word (reports repeat theirs).
const endings = new BoundedMemo<string, StreetEnding>(MEMO_LIMIT);

/** The street word a capitalised word ends in, and the word's case: "Kauppatiellä" → tie, adessive. */
const streetEnding = (word: string): StreetEnding => endings.get(word, streetEndingOf);

function streetEndingOf(word: string): StreetEnding {
  const lower = word.toLowerCase();
  for (let k = 1; k <= lower.length - 2; k++) {
    const tail = lower.slice(k);
    const hit = STREETS.lookupLower(tail)[0];
    if (hit) return { street: hit.value, hit };
  }
  return undefined;
}

export const addressRecognizer: Recognizer = {
  name: 'AddressRecognizer',
  entities: ['address'],
  analyze(a) {
    const out: RecognizerResult[] = [];
    const { tokens, text } = a;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i] as WordToken;
      if (!t.capitalised || /\p{N}/u.test(t.text)) continue;
      let found = streetEnding(headOf(t.text));
      let last = i;
      // "Helsingin tie 5": the street word written apart.
      const next = tokens[i + 1];
      if (!found && next && !next.capitalised && adjacent(text, t, next) && t.lower.endsWith('n')) {
        const hit = STREETS.lookupLower(next.lower)[0];
        if (hit && /^\s{1,2}\d/u.test(text.slice(next.end, next.end + 3))) {
          found = { street: hit.value, hit };
          last = i + 1;
        }
      }
      if (!found) continue;
      const end = (tokens[last] as WordToken).end;
      const number = HOUSE_NUMBER.exec(text.slice(end));
      if (!number) {
        const tail = t.lower.slice(-(found.street.length + 4));
        if (NEEDS_NUMBER.has(found.street) || a.vocab.isCommon(t.lower)) continue;
        if ([...AMBIGUOUS_FORMS].some((f) => tail.endsWith(f))) continue;
      }
      // Capitalised words before it belong to the name ("Vanha Porvoontie").
      let first = i;
      while (first > 0) {
        const before = tokens[first - 1] as WordToken;
        if (
          !before.capitalised ||
          !adjacent(text, before, tokens[first] as WordToken) ||
          before.sentenceStart
        )
          break;
        if (a.allow.allowsWord(before.text)) break;
        first--;
      }
      let stop = number ? end + number[0].length : end;
      const tail = number ? POSTCODE_TAIL.exec(text.slice(stop)) : null;
      if (tail) stop += tail[0].length;
      out.push({
        start: (tokens[first] as WordToken).start,
        end: stop,
        entity: 'address',
        score: number ? 0.95 : 0.8,
        noun: number ? 'address' : 'katu',
        infl: number ? NOM : found.hit.infl,
        recognizer: 'AddressRecognizer',
      });
      while (i + 1 < tokens.length && (tokens[i + 1] as WordToken).start < stop) i++;
    }
    for (const m of text.matchAll(POST_BOX)) {
      const start = m.index ?? 0;
      out.push({
        start,
        end: start + m[0].length,
        entity: 'address',
        score: 0.95,
        noun: 'address',
        infl: NOM,
        recognizer: 'AddressRecognizer',
      });
    }
    return out;
  },
};

export const postcodeRecognizer: Recognizer = {
  name: 'PostcodeRecognizer',
  entities: ['postcode', 'address'],
  analyze(a) {
    const out: RecognizerResult[] = [];
    for (const m of a.text.matchAll(POSTCODE)) {
      const start = m.index ?? 0;
      const code = m[2] ?? '';
      if (!m[1] && !isPostcode(code)) continue;
      const after = a.text.slice(start + m[0].length, start + m[0].length + 60);
      const town = /^[ \t]+(\p{Lu}[\p{L}-]+)/u.exec(after);
      const nextWord = /^\s*([\p{L}€%]+)/u.exec(after)?.[1];
      const before = a.text.slice(Math.max(0, start - 30), start).toLowerCase();
      const cued = /(postinumero|postnummer|pl|pb|box)\W*$/u.test(before);
      // "12500 euroa", "15000 käyttäjää": a count, not a postcode.
      if (
        !m[1] &&
        !town &&
        !cued &&
        nextWord &&
        (UNITS.has(nextWord.toLowerCase()) || /^\p{Ll}/u.test(nextWord))
      )
        continue;
      const end = town ? start + m[0].length + town[0].length : start + m[0].length;
      out.push({
        start,
        end,
        entity: town ? 'address' : 'postcode',
        score: town || m[1] || cued ? 0.95 : 0.75,
        noun: town ? 'address' : 'postcode',
        infl: NOM,
        recognizer: 'PostcodeRecognizer',
      });
    }
    return out;
  },
};

/** Whether a five-digit string is a Finnish postcode (for the leak check). */
export { isPostcode };
