// Names no list knows, fail closed. In mid-sentence any capitalised word that is not allow-listed is a
// name: Finnish capitalises only names there, so "Tiedon", "Asiointipisteen" or "Kokousväylään" are
// brands even though they are words. At the start of a sentence, a line, a heading or a table cell the
// capital says nothing, so a word there is a name when it cannot be an ordinary word: an acronym
// ("CGI"), a word with inner capitals ("KaiPäätös", "YläSavoDigi"), a Finnish word that is neither in
// the word lists nor a compound or derivation of them ("Pukaralammi", "Trimble"), or a word the
// report uses as a name elsewhere. Voikko, when present, only adds: a word it knows only as a proper
// noun, or does not know at all, is a name; it never keeps a word the rules would replace.
import { WORDS } from '../data/tables.generated.js';
import type { PlaceRef } from '../gazetteer.js';
import { guessCase } from '../inflect.js';
import { hasUpperCase, headOf, type WordToken } from '../tokens.js';
import { placeFields, placeInfl } from './place.js';
import { type Analysis, type Recognizer, type RecognizerResult, tokenFree } from './recognizer.js';

/** A key for a name in any case form: "Trimblen" and "Trimble" are one entity. */
export function nameKey(lower: string): string {
  return headOf(lower).replace(/(n|ssa|ssä|sta|stä|lla|llä|lta|ltä|lle|ksi|a|ä|ta|tä)$/u, '');
}

// The recognizers' own cue words, capitalised in a heading or a line ("Dnro", "Laatija", "Puh").
const CUE_WORDS = new Set([...WORDS['project-code-cues'], ...WORDS['person-cue-forms']]);

const hasInnerCapital = (word: string) => /\p{Ll}\p{Lu}/u.test(word);

type Verdict = 'name' | 'person' | 'place' | undefined;

/**
 * Whether a capitalised token is a name by the rules (and Voikko, which only adds). The leak check asks
 * with `strict` false: at a sentence start only what cannot be a word at all (an acronym, inner capitals)
 * counts there, since the tool's own headings and labels open lines with words no list holds.
 */
export function unknownNameVerdict(a: Analysis, t: WordToken, strict = true): Verdict {
  const word = headOf(t.text);
  const lower = word.toLowerCase();
  const letters = word.replace(/[^\p{L}]/gu, '');
  if (letters.length < 2 || !/\p{Lu}/u.test(word)) return undefined;
  if (/\p{N}/u.test(word) && letters.length < 3) return undefined;
  if (CUE_WORDS.has(lower)) return undefined;
  // "Y-tunnus", "A-luokka", "E-kirja": Finnish writes a letter prefix in capitals; the word is no name.
  if (/^\p{Lu}-\p{Ll}/u.test(word) && a.vocab.isOrdinary(lower.slice(2))) return undefined;
  if (t.allCaps) {
    // Acronyms are names unless allow-listed; a long word in capitals is a heading when it is a word.
    if (letters.length <= 3) return 'name';
    return a.vocab.isOrdinary(lower) ? undefined : 'name';
  }
  const voikko = a.properNoun?.(word);
  if (!t.sentenceStart) return voikko === 'person' ? 'person' : voikko === 'place' ? 'place' : 'name';
  if (hasInnerCapital(word)) return 'name';
  if (voikko === 'person' || voikko === 'place') return voikko;
  if (!strict || a.langAt(t.start) !== 'fi') return undefined;
  if (!a.vocab.isOrdinary(lower)) return 'name';
  // Voikko adds: a word its lexicon does not know is no ordinary Finnish word.
  if (a.properNoun?.knows && !a.properNoun.knows(word) && !a.vocab.isCommon(lower)) return 'name';
  return undefined;
}

export const unknownNameRecognizer: Recognizer = {
  name: 'UnknownNameRecognizer',
  entities: ['name', 'person', 'locality'],
  analyze(a) {
    const out: RecognizerResult[] = [];
    if (!a.failClosed) return out;
    for (let i = 0; i < a.tokens.length; i++) {
      const t = a.tokens[i] as WordToken;
      if (!t.capitalised && !hasUpperCase(t.text)) continue;
      if (!tokenFree(a, i) || a.allow.allowsWord(t.text)) continue;
      const verdict = unknownNameVerdict(a, t);
      if (!verdict) continue;
      const infl = guessCase(t.text);
      if (verdict === 'person') {
        out.push({
          start: t.start,
          end: t.end,
          entity: 'person',
          score: 0.6,
          noun: 'henkilö',
          infl,
          key: `person|${nameKey(t.lower)}`,
          recognizer: 'UnknownNameRecognizer',
        });
        continue;
      }
      const near = verdict === 'place' ? undefined : t.sentenceStart ? undefined : nearPlace(a, t.lower);
      if (near || verdict === 'place') {
        const ref: PlaceRef = near?.value ?? {
          id: `loc:${t.lower}`,
          kind: 'locality',
          name: t.text,
          demonym: false,
        };
        out.push({
          start: t.start,
          end: t.end,
          ...placeFields(ref),
          score: 0.6,
          infl: placeInfl(ref, near?.infl ?? infl),
          recognizer: 'UnknownNameRecognizer',
        });
        continue;
      }
      out.push({
        start: t.start,
        end: t.end,
        entity: 'name',
        score: 0.5,
        noun: 'taho',
        infl,
        key: `name|${nameKey(t.lower)}`,
        recognizer: 'UnknownNameRecognizer',
      });
    }
    return out;
  },
};

/** Learned names index: words of names already found, keyed by their first four letters. */
class NameWords {
  private readonly byPrefix = new Map<string, { word: string; key: string }[]>();

  add(word: string, key: string): void {
    const w = headOf(word).toLowerCase();
    if (w.replace(/[^\p{L}]/gu, '').length < 4) return;
    const list = this.byPrefix.get(w.slice(0, 4)) ?? [];
    if (!list.some((e) => e.word === w)) list.push({ word: w, key });
    this.byPrefix.set(w.slice(0, 4), list);
  }

  get size(): number {
    return this.byPrefix.size;
  }

  /** A learned word this one is a case form of: the two share all but their last four letters at most ("Kokousväylä" ~ "Kokousväylän", "Sanni" ~ "Sannin"). */
  match(lower: string): { word: string; key: string } | undefined {
    const w = headOf(lower);
    for (const e of this.byPrefix.get(w.slice(0, 4)) ?? []) {
      let k = 0;
      while (k < w.length && k < e.word.length && w.charCodeAt(k) === e.word.charCodeAt(k)) k++;
      if (k >= Math.max(4, Math.max(w.length, e.word.length) - 4) && Math.abs(w.length - e.word.length) <= 4)
        return e;
    }
    return undefined;
  }
}

/** The last three letters, vowel harmony folded: "Levillä" and "Ounasvaaralla" end alike. */
const ending = (lower: string) => lower.slice(-3).replace(/ä/gu, 'a').replace(/ö/gu, 'o').replace(/y/gu, 'u');

const LEARNABLE = new Set([
  'name',
  'person',
  'organisation',
  'product',
  'institution',
  'locality',
  'project',
]);
const COORDINATORS = new Set(['ja', 'sekä', 'tai', 'eli', 'och', 'samt', 'eller']);

/**
 * Names found elsewhere in the report or this text, written where the rules alone would keep them (at a
 * sentence start, in another case form): "Kokousväylä otettiin käyttöön…, ja Kokousväylän pöytäkirjat";
 * the words of a firm's name ("Kuntadatan" after "Kuntadata Finland Oyj"); and a capitalised word joined by
 * "ja", "tai", "och" to a place or name in the same case ("Levillä ja [Ounasvaaralla]").
 */
export const learnedNameRecognizer: Recognizer = {
  name: 'LearnedNameRecognizer',
  entities: ['name'],
  analyze(a) {
    const words = new NameWords();
    const ordinary = (w: string) => a.vocab.isCommon(w.toLowerCase()) || a.allow.allowsWord(w);
    for (const n of a.ids.names) words.add(n, `name|${nameKey(n.toLowerCase())}`);
    for (const f of [...a.ids.firms, ...a.ids.otherProjects])
      for (const w of f.split(/\s+/u))
        if (/^\p{Lu}/u.test(w) && !ordinary(w)) words.add(w, `name|${nameKey(w.toLowerCase())}`);
    for (const r of a.found) {
      if (!LEARNABLE.has(r.entity)) continue;
      for (const w of a.text.slice(r.start, r.end).split(/\s+/u))
        if (/^\p{Lu}/u.test(w) && !a.allow.allowsWord(w))
          words.add(w, r.key ?? `name|${nameKey(w.toLowerCase())}`);
    }
    const out: RecognizerResult[] = [];
    const push = (t: WordToken, key: string) =>
      out.push({
        start: t.start,
        end: t.end,
        entity: 'name',
        score: 0.7,
        noun: 'taho',
        infl: guessCase(t.text),
        key,
        recognizer: 'LearnedNameRecognizer',
      });
    const covered = new Uint8Array(a.tokens.length);
    if (words.size > 0) {
      for (let i = 0; i < a.tokens.length; i++) {
        const t = a.tokens[i] as WordToken;
        if (!t.capitalised || !tokenFree(a, i)) continue;
        const hit = words.match(t.lower);
        if (!hit) continue;
        covered[i] = 1;
        push(t, hit.key);
      }
    }
    // Coordination: "Levillä ja Ounasvaaralla", "Purmo och Esse" (the other one already found).
    const foundAt = new Map<number, RecognizerResult>();
    for (const r of a.found)
      if (
        r.entity !== 'keep' &&
        LEARNABLE.has(r.entity === 'municipality' || r.entity === 'region' ? 'locality' : r.entity)
      )
        foundAt.set(r.start, r);
    for (let i = 0; i + 2 < a.tokens.length; i++) {
      const x = a.tokens[i] as WordToken;
      const and = a.tokens[i + 1] as WordToken;
      const y = a.tokens[i + 2] as WordToken;
      if (!COORDINATORS.has(and.lower) || !x.capitalised || !y.capitalised) continue;
      const [free, other] =
        tokenFree(a, i) && !covered[i] ? [x, y] : tokenFree(a, i + 2) ? [y, x] : [undefined, undefined];
      if (!free || !other || !foundAt.has(other.start) || a.allow.allowsWord(free.text)) continue;
      if (free.lower.length < 4 || ending(free.lower) !== ending(other.lower)) continue;
      push(free, `name|${nameKey(free.lower)}`);
    }
    return out;
  },
};

const nearCache = new Map<string, ReturnType<typeof nearPlaceUncached>>();

// A misspelt place: one letter added, dropped or changed ("Jämsijärvellä", "Nousianen"). Remembered per
// word (bounded): a report repeats its names, and each try costs a few hundred lookups.
function nearPlace(a: Analysis, word: string) {
  if (nearCache.has(word)) return nearCache.get(word);
  const found = nearPlaceUncached(a, word);
  if (nearCache.size > 20_000) nearCache.clear();
  nearCache.set(word, found);
  return found;
}

function nearPlaceUncached(a: Analysis, word: string) {
  if (word.length < 7 || word.includes(':')) return undefined;
  const letters = 'aeiouyäöklmnprstvhjdg';
  const tries = new Set<string>();
  for (let k = 1; k < word.length; k++) {
    tries.add(word.slice(0, k) + word.slice(k + 1));
    for (const c of letters) {
      tries.add(word.slice(0, k) + c + word.slice(k));
      tries.add(word.slice(0, k) + c + word.slice(k + 1));
    }
  }
  for (const w of tries) {
    const hit = a.places.lexicon.peekLower(w).find((h) => !h.value.demonym && h.value.kind !== 'locality');
    if (hit) return hit;
  }
  return undefined;
}
