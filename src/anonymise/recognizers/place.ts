// Places from the gazetteer: municipalities (current and former, Finnish and Swedish names), regions,
// postal localities (villages), in every case form; "Pohjois-Satakunnan", "Kankaanpää-Jämijärvi",
// "Satakuntaliiton"; abbreviations the report uses ("P-S"); a village no list knows, named by the word
// after it ("Hoiskon kylässä"); and residents (demonyms): "porilaiset", "ylöjärveläisten", "vasaborna".
// A place spelt like an everyday word at a sentence start ("Kotka", "Koski") counts only when the same
// place is named unambiguously elsewhere in the text or the report.

import { BoundedMemo } from '../../memo.js';
import { type PlaceholderNoun, WORDS } from '../data/tables.generated.js';
import type { PlaceRef } from '../gazetteer.js';
import { caseOfColonEnding, guessCase, type Inflection } from '../inflect.js';
import { Lexicon } from '../lexicon.js';
import { adjacent, headOf, type WordToken } from '../tokens.js';
import type { EntityKind } from '../types.js';
import { projectWordCase } from './project.js';
import { type Analysis, NOM, type Recognizer, type RecognizerResult, tokenFree } from './recognizer.js';

const MUNICIPAL_NOUNS = new Lexicon<true>();
for (const w of WORDS['municipal-nouns']) MUNICIPAL_NOUNS.add(true, w);
for (const f of WORDS['municipal-noun-forms'])
  MUNICIPAL_NOUNS.addForm(true, f, { case: f.endsWith('s') ? 'gen' : 'nom', number: 'sg' });
const PLACE_NOUNS = new Lexicon<true>();
for (const w of WORDS['place-nouns']) PLACE_NOUNS.add(true, w);

const PLACE_RANK = { municipality: 0, region: 1, locality: 2 } as const;

// The entity kind and placeholder noun of a place, by its kind; residents apart.
const PLACE_KINDS = {
  municipality: ['municipality', 'kunta'],
  region: ['region', 'alue'],
  locality: ['locality', 'paikkakunta'],
} as const satisfies Record<string, readonly [EntityKind, PlaceholderNoun]>;

export function placeFields(ref: PlaceRef): Pick<RecognizerResult, 'entity' | 'noun' | 'key' | 'place'> {
  const [entity, noun] = ref.demonym ? (['demonym', 'kuntalainen'] as const) : PLACE_KINDS[ref.kind];
  return { entity, noun, key: `${ref.kind === 'region' ? 'region' : 'place'}|${ref.id}`, place: ref };
}

/** A place is one place even when its name is plural ("Siikaisissa" → "[kunnassa]"); residents keep number. */
export function placeInfl(ref: PlaceRef, infl: Inflection): Inflection {
  return ref.demonym ? infl : { case: infl.case, number: 'sg' };
}

interface Found {
  result: RecognizerResult;
  ambiguous: boolean;
}

type PlaceLexicon = Analysis['places']['lexicon'];
type PlaceHit = ReturnType<PlaceLexicon['lookup']>[number];
type CompoundHead = { length: number; hit: PlaceHit };
/** Distinct words whose readings are remembered per gazetteer before a memo starts over. */
const MEMO_LIMIT = 20_000;

/** A gazetteer's readings of words, remembered per word (a report repeats its words). */
class PlaceReadings {
  // One memo per capitalisation, keyed by the word itself: a key made per call ("C" + word) is a new
  // string to flatten and hash on every token.
  private readonly bestCapitalised = new BoundedMemo<string, PlaceHit | undefined>(MEMO_LIMIT);
  private readonly bestLower = new BoundedMemo<string, PlaceHit | undefined>(MEMO_LIMIT);
  private readonly heads = new BoundedMemo<string, CompoundHead | undefined>(MEMO_LIMIT);

  constructor(private readonly lexicon: PlaceLexicon) {}

  /** The place a (lower-case) word names, municipalities before regions before localities. */
  bestPlace(word: string, capitalised: boolean): PlaceHit | undefined {
    return capitalised
      ? this.bestCapitalised.get(word, this.bestOfCapitalised)
      : this.bestLower.get(word, this.bestOfLower);
  }

  private readonly bestOfCapitalised = (word: string) => this.bestOf(word, true);
  private readonly bestOfLower = (word: string) => this.bestOf(word, false);

  private bestOf(word: string, capitalised: boolean): PlaceHit | undefined {
    const hits = this.lexicon.lookupLower(word).filter((h) => h.value.demonym || capitalised);
    hits.sort(
      (x, y) =>
        PLACE_RANK[x.value.kind] - PLACE_RANK[y.value.kind] ||
        Number(x.value.demonym) - Number(y.value.demonym),
    );
    return hits[0];
  }

  /** The longest place name a word begins with, as a compound's first part. */
  compoundHead(word: string): CompoundHead | undefined {
    return this.heads.get(word, this.headOf);
  }

  private readonly headOf = (word: string): CompoundHead | undefined => {
    for (let k = word.length - 4; k >= 5; k--) {
      const hit = this.lexicon
        .lookupLower(word.slice(0, k))
        .find(
          (h) =>
            !h.value.demonym &&
            h.value.kind !== 'locality' &&
            (h.infl.case === 'nom' || h.infl.case === 'gen') &&
            h.value.name.length >= 5,
        );
      if (hit) return { length: k, hit };
    }
    return undefined;
  };
}

const readings = new WeakMap<PlaceLexicon, PlaceReadings>();

function readingsOf(a: Analysis): PlaceReadings {
  let r = readings.get(a.places.lexicon);
  if (r === undefined) {
    r = new PlaceReadings(a.places.lexicon);
    readings.set(a.places.lexicon, r);
  }
  return r;
}

const bestPlace = (a: Analysis, word: string, capitalised: boolean) =>
  readingsOf(a).bestPlace(word, capitalised);

const make = (
  start: number,
  end: number,
  ref: PlaceRef,
  infl: Inflection,
  score: number,
  joiner?: string,
): RecognizerResult => ({
  start,
  end,
  infl: placeInfl(ref, infl),
  score,
  ...placeFields(ref),
  ...(joiner ? { joiner } : {}),
  recognizer: ref.demonym ? 'DemonymRecognizer' : 'PlaceRecognizer',
});

function tokenPlaces(a: Analysis, t: WordToken): Found[] {
  const colon = t.lower.indexOf(':');
  const word = colon > 0 ? t.lower.slice(0, colon) : t.lower;
  const best = bestPlace(a, word, t.capitalised);
  if (best) {
    const infl = colon > 0 ? caseOfColonEnding(t.lower.slice(colon + 1)) : best.infl;
    const ambiguous =
      t.sentenceStart &&
      (best.value.kind === 'locality'
        ? a.vocab.isEveryday(word) || a.vocab.isCommon(word)
        : a.vocab.isEveryday(word));
    if (best.value.kind === 'locality' && !t.capitalised) return [];
    let end = t.end;
    let finalInfl = infl;
    // "Kankaanpään kaupunki" → "[kunta]", "Siikaisten kunnassa" → "[kunnassa]".
    const next = a.tokens[t.index + 1];
    if (
      !best.value.demonym &&
      best.value.kind !== 'region' &&
      (infl.case === 'gen' || infl.case === 'nom') &&
      next &&
      adjacent(a.text, t, next)
    ) {
      const noun = MUNICIPAL_NOUNS.lookupLower(next.lower)[0];
      if (noun && tokenFree(a, next.index)) {
        end = next.end;
        finalInfl = noun.infl;
      }
    }
    return [
      {
        result: make(t.start, end, best.value, finalInfl, best.value.kind === 'locality' ? 0.75 : 0.8),
        ambiguous,
      },
    ];
  }
  if (a.ids.placeAbbreviations.includes(headOf(t.text))) {
    const infl = colon > 0 ? caseOfColonEnding(t.lower.slice(colon + 1)) : NOM;
    const ref: PlaceRef = { id: `abbr:${headOf(t.text)}`, kind: 'region', name: t.text, demonym: false };
    return [
      {
        result: { ...make(t.start, t.end, ref, infl, 0.8), key: `region|abbr:${headOf(t.text)}` },
        ambiguous: false,
      },
    ];
  }
  if (word.includes('-')) return hyphenPlaces(a, t, word);
  return compoundPlaces(a, t, word);
}

// "Pohjois-Satakunnan", "Kankaanpää-Jämijärvi", "Kankaanpään-hanke", "Nousianen-Mynämäki-Masku".
function hyphenPlaces(a: Analysis, t: WordToken, word: string): Found[] {
  const parts = word.split('-');
  const written = headOf(t.text).split('-');
  const rest = parts.slice(1).join('-');
  if (parts.length > 1 && a.places.isAreaPrefix(parts[0] ?? '')) {
    const hit = bestPlace(a, rest, /\p{Lu}/u.test(written[1] ?? ''));
    if (hit && !hit.value.demonym) {
      const ref: PlaceRef = { ...hit.value, kind: 'region', id: `region:${parts[0]}-${hit.value.name}` };
      return [{ result: make(t.start, t.end, ref, hit.infl, 0.8), ambiguous: false }];
    }
  }
  const found = parts.map((p, k) =>
    /\p{Lu}/u.test(written[k]?.charAt(0) ?? '') ? bestPlace(a, p, true) : undefined,
  );
  if (!found.some((h) => h && !h.value.demonym && h.value.kind !== 'locality')) return [];
  const out: Found[] = [];
  let offset = t.start;
  parts.forEach((p, k) => {
    const hit = found[k];
    const w = written[k] ?? p;
    if (hit)
      out.push({ result: make(offset, offset + p.length, hit.value, hit.infl, 0.8), ambiguous: false });
    else if (/^\p{Lu}/u.test(w) && !a.vocab.isCommon(p) && !projectWordCase(p)) {
      // An unknown capitalised part among places is a place too (often misspelt: "Nousianen").
      const ref: PlaceRef = { id: `loc:${p}`, kind: 'locality', name: w, demonym: false };
      out.push({
        result: make(offset, offset + p.length, ref, k === parts.length - 1 ? guessCase(p) : NOM, 0.75),
        ambiguous: false,
      });
    }
    offset += p.length + 1;
  });
  return out;
}

// "Satakuntaliiton", "Kankaanpääläisille": a closed compound that starts with a place name (5+ letters).
function compoundPlaces(a: Analysis, t: WordToken, word: string): Found[] {
  if (!t.capitalised || word.length < 9) return [];
  const head = readingsOf(a).compoundHead(word);
  if (head === undefined) return [];
  return [
    {
      result: make(t.start, t.start + head.length, head.hit.value, NOM, 0.8, '-'),
      ambiguous: t.sentenceStart,
    },
  ];
}

/**
 * The residents' names the place pass read, by token, for the demonym pass of the same analysis: reading a
 * token's residents does not depend on what earlier results cover (only a place takes the noun after it),
 * and every token free for the demonym pass was free for the place pass, so it need not read them again.
 */
const demonymsRead = new WeakMap<Analysis, Map<number, Found[]>>();

function findPlaces(a: Analysis, demonyms: boolean): RecognizerResult[] {
  const confirmed = new Set(a.ids.placeIds);
  const pending: Found[] = [];
  const read = demonyms ? demonymsRead.get(a) : undefined;
  const keep = demonyms ? undefined : new Map<number, Found[]>();
  for (let i = 0; i < a.tokens.length; i++) {
    if (!tokenFree(a, i)) continue;
    const all = read ? (read.get(i) ?? []) : tokenPlaces(a, a.tokens[i] as WordToken);
    if (keep) {
      const residents = all.filter((f) => f.result.place?.demonym);
      if (residents.length > 0) keep.set(i, residents);
    }
    for (const found of all) {
      if (Boolean(found.result.place?.demonym) !== demonyms) continue;
      if (!found.ambiguous && found.result.place) confirmed.add(found.result.place.id);
      pending.push(found);
    }
  }
  if (keep) demonymsRead.set(a, keep);
  const out: RecognizerResult[] = [];
  for (const { result, ambiguous } of pending) {
    if (ambiguous && !(result.place && confirmed.has(result.place.id))) continue;
    out.push(result);
  }
  if (!demonyms) out.push(...villagesByContext(a));
  return out;
}

// "Hoiskon kylässä", "Kalliolan kaupunginosassa": a capitalised genitive before a place noun.
function villagesByContext(a: Analysis): RecognizerResult[] {
  const out: RecognizerResult[] = [];
  for (let i = 0; i + 1 < a.tokens.length; i++) {
    const t = a.tokens[i] as WordToken;
    const next = a.tokens[i + 1] as WordToken;
    if (!t.capitalised || t.allCaps || !tokenFree(a, i) || !adjacent(a.text, t, next)) continue;
    // The place noun first: the cheapest test, and the one that fails for nearly every pair.
    if (PLACE_NOUNS.lookupLower(next.lower).length === 0) continue;
    if (!/n$/u.test(t.lower) && a.langAt(t.start) === 'fi') continue;
    if (a.allow.allowsWord(t.text)) continue;
    const ref: PlaceRef = { id: `loc:${t.lower}`, kind: 'locality', name: t.text, demonym: false };
    out.push(make(t.start, t.end, ref, guessCase(t.text), 0.75));
  }
  return out;
}

export const placeRecognizer: Recognizer = {
  name: 'PlaceRecognizer',
  entities: ['municipality', 'region', 'locality'],
  analyze: (a) => findPlaces(a, false),
};

export const demonymRecognizer: Recognizer = {
  name: 'DemonymRecognizer',
  entities: ['demonym'],
  analyze: (a) => findPlaces(a, true),
};

/** Ids of the places a set of results names unambiguously (for numbering and the report's memory). */
export function placeIdsOf(results: readonly RecognizerResult[]): string[] {
  const ids = new Set<string>();
  for (const r of results) if (r.place && !r.place.demonym) ids.add(r.place.id);
  return [...ids].sort();
}
