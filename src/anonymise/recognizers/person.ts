// Persons: "First Last" (Heli Puputti, Sanna Suomalainen-Ajanko; only the surname inflects: "Heli
// Puputille"), "Last First" in lists ("Virtanen Maija, toiminnanjohtaja", "Pukaralammi Pauli"), a
// capitalised word after a role ("projektipäällikkö Jokela") or a cue ("Laatija: Maija Virtanen"),
// initials ("H. Puputti"), the persons the report introduced, used alone ("Puputille", "Helille"), and
// first names and surnames from the name lists alone ("Virtaselle", "Korhosen"). First names that are
// also words ("Onni", "Toivo") count only with a surname or where a capital cannot come from the start.
import { WORDS } from '../data/tables.generated.js';
import { guessCase, type Inflection } from '../inflect.js';
import { Lexicon } from '../lexicon.js';
import { isFirstName, isRoleWord, isSurname, nameLexicon } from '../names.js';
import { adjacent, type WordToken } from '../tokens.js';
import type { LearnedPerson } from '../types.js';
import {
  type Analysis,
  kindResult,
  type Recognizer,
  type RecognizerResult,
  tokenFree,
} from './recognizer.js';

export interface PersonMatch {
  first: number;
  last: number;
  person: LearnedPerson;
  infl: Inflection;
}

const CUES = new Set(WORDS['person-cue-forms']);
const LOCATIVE = new Set(['iness', 'elat', 'ill', 'adess', 'ablat', 'allat']);

/** Case of a surname token: from the name list when known ("Virtaselle" → allative), else guessed. */
export function surnameCase(word: string): Inflection {
  const hit = nameLexicon()
    .lookup(word)
    .find((h) => h.value.kind === 'surname');
  return hit ? hit.infl : guessCase(word);
}

function placeHits(a: Analysis, i: number) {
  const t = a.tokens[i];
  if (!t) return [];
  return a.places.lexicon
    .lookupLower(t.lower)
    .filter((h) => !h.value.demonym && (h.value.kind !== 'locality' || t.capitalised));
}
const isLocativePlace = (a: Analysis, i: number) => placeHits(a, i).some((h) => LOCATIVE.has(h.infl.case));
const isPlace = (a: Analysis, i: number) => placeHits(a, i).some((h) => h.value.kind !== 'locality');

function capitalRun(a: Analysis, from: number, max: number): number {
  let j = from;
  while (j + 1 < a.tokens.length && j - from < max - 1) {
    const next = a.tokens[j + 1] as WordToken;
    if (
      !next.capitalised ||
      next.allCaps ||
      !tokenFree(a, j + 1) ||
      !adjacent(a.text, a.tokens[j] as WordToken, next)
    )
      break;
    j++;
  }
  return j;
}

/** What ends a "Last First" list entry: a comma, a line end, a bracket, the text's end. */
function endsEntry(a: Analysis, t: WordToken): boolean {
  return /^[ \t]*(?:[,;()–—-]|\r|\n|$)/u.test(a.text.slice(t.end, t.end + 3));
}

export function findPersonPatterns(a: Analysis): PersonMatch[] {
  const out: PersonMatch[] = [];
  const { tokens, vocab } = a;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as WordToken;
    if (!tokenFree(a, i) || !t.capitalised || t.allCaps) continue;
    const next = tokens[i + 1];
    // First name(s) + surname.
    if (isFirstName(t.lower)) {
      const end = capitalRun(a, i, 4);
      if (end > i) {
        const surname = tokens[end] as WordToken;
        const firsts = tokens.slice(i, end);
        const everydayStart = t.sentenceStart && vocab.isEveryday(t.lower);
        const plausible =
          firsts.every((f) => isFirstName(f.lower)) &&
          !isLocativePlace(a, end) &&
          (isSurname(surname.lower) || !vocab.isCommon(surname.lower)) &&
          !(everydayStart && !isSurname(surname.lower));
        if (plausible) {
          out.push({
            first: i,
            last: end,
            person: { firstNames: firsts.map((f) => f.text), surname: surname.text },
            infl: surnameCase(surname.text),
          });
          i = end;
          continue;
        }
      }
    }
    // Surname + first name, as in lists: "Puputti Heli", "Pukaralammi Pauli, projektipäällikkö".
    if (
      next?.capitalised &&
      !next.allCaps &&
      tokenFree(a, i + 1) &&
      isFirstName(next.lower) &&
      adjacent(a.text, t, next) &&
      !(tokens[i + 2]?.capitalised && adjacent(a.text, next, tokens[i + 2] as WordToken)) &&
      !isPlace(a, i) &&
      (isSurname(t.lower)
        ? !(vocab.isCommon(t.lower) && vocab.isCommon(next.lower))
        : !vocab.isOrdinary(t.lower) && endsEntry(a, next))
    ) {
      out.push({
        first: i,
        last: i + 1,
        person: { firstNames: [next.text], surname: t.text },
        infl: guessCase(''),
      });
      i++;
      continue;
    }
    // Role or cue word + name: "palvelupäällikkö Suomalainen-Ajanko", "Laatija: Maija Virtanen".
    const prev = tokens[i - 1];
    const cued =
      prev &&
      ((isRoleWord(prev.lower) && !t.sentenceStart && adjacent(a.text, prev, t)) ||
        (CUES.has(prev.lower) && /^\s*[:.]?\s*$/u.test(a.text.slice(prev.end, t.start))));
    if (cued && !isPlace(a, i) && !a.allow.allowsWord(t.text)) {
      const end = capitalRun(a, i, 3);
      const surname = tokens[end] as WordToken;
      out.push({
        first: i,
        last: end,
        person: { firstNames: tokens.slice(i, end).map((f) => f.text), surname: surname.text },
        infl: surnameCase(surname.text),
      });
      i = end;
      continue;
    }
    // Initial + surname: "H. Puputti".
    if (t.text.length === 1 && a.text.charAt(t.end) === '.' && next?.capitalised && tokenFree(a, i + 1)) {
      if (next.start - t.end <= 2 && !vocab.isCommon(next.lower)) {
        out.push({
          first: i,
          last: i + 1,
          person: { firstNames: [], surname: next.text },
          infl: surnameCase(next.text),
        });
        i++;
      }
    }
  }
  return out;
}

const personKey = (p: LearnedPerson) => `person|${(p.surname || p.firstNames.join(' ')).toLowerCase()}`;
const result = kindResult('person', 'henkilö', '');

/** Persons the report introduced, used again: "Puputille", "Heli Puputin", "Helille". */
export const learnedPersonRecognizer: Recognizer = {
  name: 'LearnedPersonRecognizer',
  entities: ['person'],
  analyze(a) {
    const out: RecognizerResult[] = [];
    const persons = [...a.ids.persons];
    for (const r of a.found) if (r.learn?.person) persons.push(r.learn.person);
    if (persons.length === 0) return out;
    const surnames = new Lexicon<LearnedPerson>();
    const firstNames = new Lexicon<LearnedPerson>();
    for (const p of persons) {
      if (p.surname) surnames.add(p, p.surname);
      for (const f of p.firstNames) firstNames.add(p, f);
    }
    const taken = new Uint8Array(a.tokens.length);
    for (let i = 0; i < a.tokens.length; i++) {
      const t = a.tokens[i] as WordToken;
      if (!t.capitalised || !tokenFree(a, i)) continue;
      const surname = surnames.lookupLower(t.lower)[0] ?? learnedByPrefix(persons, t.lower);
      if (!surname) continue;
      // Extend back over the first names written before it ("Heli Puputille").
      let first = i;
      while (first > 0) {
        const before = a.tokens[first - 1] as WordToken;
        if (
          !before.capitalised ||
          !tokenFree(a, first - 1) ||
          !adjacent(a.text, before, a.tokens[first] as WordToken)
        )
          break;
        if (firstNames.lookupLower(before.lower).length === 0 && !isFirstName(before.lower)) break;
        first--;
      }
      taken.fill(1, first, i + 1);
      out.push(result(a, first, i, surname.infl, personKey(surname.value), 0.85, 'LearnedPersonRecognizer'));
    }
    for (let i = 0; i < a.tokens.length; i++) {
      const t = a.tokens[i] as WordToken;
      if (!t.capitalised || taken[i] || !tokenFree(a, i)) continue;
      const firstName = firstNames.lookupLower(t.lower)[0];
      if (firstName && !(t.sentenceStart && a.vocab.isEveryday(t.lower)))
        out.push(result(a, i, i, firstName.infl, personKey(firstName.value), 0.8, 'LearnedPersonRecognizer'));
    }
    return out;
  },
};

/** Name patterns: first + last, last + first, role + name, initial + surname. */
export const personPatternRecognizer: Recognizer = {
  name: 'PersonPatternRecognizer',
  entities: ['person'],
  analyze(a) {
    const surnames = new Lexicon<LearnedPerson>();
    for (const p of a.ids.persons) if (p.surname) surnames.add(p, p.surname);
    return findPersonPatterns(a).map((m) => {
      const known = surnames.lookup(m.person.surname)[0]?.value;
      return {
        ...result(a, m.first, m.last, m.infl, personKey(known ?? m.person), 0.85, 'PersonPatternRecognizer'),
        learn: { person: m.person },
      };
    });
  },
};

/** First names and surnames from the name lists, alone: "Virtaselle", "Korhosen". */
export const nameListRecognizer: Recognizer = {
  name: 'NameListRecognizer',
  entities: ['person'],
  analyze(a) {
    const out: RecognizerResult[] = [];
    for (let i = 0; i < a.tokens.length; i++) {
      const t = a.tokens[i] as WordToken;
      if (!t.capitalised || t.allCaps || !tokenFree(a, i)) continue;
      if (t.sentenceStart && (a.vocab.isEveryday(t.lower) || a.vocab.isCommon(t.lower))) continue;
      // A surname before a first name. The lexicon's answer is shared (remembered per word): not sorted in place.
      const hits = nameLexicon().lookupLower(t.lower);
      const hit = hits.find((h) => h.value.kind === 'surname') ?? hits[0];
      if (hit && (!t.sentenceStart || hit.infl.case === 'nom' || !a.vocab.isCommon(t.lower)))
        out.push(result(a, i, i, hit.infl, `person|${hit.value.name}`, 0.7, 'NameListRecognizer'));
    }
    return out;
  },
};

function learnedByPrefix(persons: readonly LearnedPerson[], lower: string) {
  for (const p of persons) {
    const s = p.surname.toLowerCase();
    if (s.length < 6) continue;
    const stem = s.slice(0, s.length - 2);
    if (lower.startsWith(stem) && lower.length - s.length <= 4) return { value: p, infl: guessCase(lower) };
  }
  return undefined;
}
