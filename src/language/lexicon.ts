// A lexicon finds its entries (theme terms, polarity cues) among a sentence's tokens, through Finnish or
// Swedish morphology: a word matches at the start of a token (inflection: kunta → kunnissa) or, for stems of
// six letters or more, as the head of a compound (palaute → asiakaspalautteet). Short stems match only
// short words, so "työ" does not match "työntekijä" and no stem shorter than three letters exists.
import { finnishStems } from './finnish.js';
import { foldUmlauts } from './fold.js';
import { swedishStems } from './swedish.js';
import type { Token } from './tokens.js';

export type LexiconLanguage = 'fi' | 'sv' | 'en';

export interface LexiconEntry<K extends string = string> {
  /** The owner of the entry: a theme code, or a cue class. */
  key: K;
  /** The entry as written, e.g. "yhteistyö" or "ei sitoutunut". */
  label: string;
  weight: number;
  words: string[];
}

export interface Hit<K extends string = string> {
  entry: LexiconEntry<K>;
  /** Token index range [first, last]. */
  first: number;
  last: number;
}

/** Lemmas and compound parts of a word, when a morphological analyser (Voikko) knows it. */
export type LemmaLookup = (lower: string) => readonly string[];

interface WordForm {
  stems: string[];
  lemma: string;
  /** Words of one to three letters (ei, en, ja) match only themselves. */
  exact: boolean;
  /** The author gave a stem ("tehost*"): it prefixes the word or its lemma. */
  explicit: boolean;
  /** A verb's stems only begin words: a verb is no compound head ("oivall-" is not in "hallinnoivalle"). */
  prefixOnly: boolean;
}

/** Finnish verb infinitives: -aa/-ää, vowel + da/ta, -lla/-sta, -ua/-yä (sujua, kehittyä). */
const VERB = /(aa|ää|[aeiouyäö](da|dä|ta|tä)|[^aeiouyäö](lla|llä|nna|nnä|rra|rrä|sta|stä)|[uy][aä])$/;

interface Compiled<K extends string> {
  entry: LexiconEntry<K>;
  forms: WordForm[];
}

const MIN_INFIX = 6;
const SHORT_STEM = 4;
/** A stem of under four letters matches only words at most this much longer (työ: työtä, not työntekijä). */
const SHORT_MAX_ENDING = 4;

function stemsFor(word: string, lang: LexiconLanguage): string[] {
  if (lang === 'sv') return swedishStems(word);
  if (lang === 'fi') return finnishStems(word);
  const l = word.toLowerCase();
  return l.endsWith('*') ? [l.slice(0, -1)] : [l];
}

function wordMatchesAt(token: string, stem: string, at: number): boolean {
  if (!token.startsWith(stem, at)) return false;
  if (at === 0) return stem.length >= SHORT_STEM || token.length - stem.length <= SHORT_MAX_ENDING;
  // Compound head: only long stems, and not straddling a hyphenless join of two short bits.
  return stem.length >= MIN_INFIX && at >= 3;
}

export class Lexicon<K extends string = string> {
  private readonly compiled: Compiled<K>[];
  private readonly index = new Map<string, { c: Compiled<K>; stem: string }[]>();
  private readonly folded = new Map<string, { c: Compiled<K>; stem: string }[]>();
  private readonly byLemma = new Map<string, Compiled<K>[]>();
  private readonly exactWords = new Map<string, Compiled<K>[]>();

  /**
   * @param exactUpTo words this short match only themselves: 3 for cue words (ei, en, men), 2 for theme
   *   terms, whose three-letter lemmas inflect (iso kaupunki → isoissa kaupungeissa; työ → työtä).
   */
  constructor(
    entries: LexiconEntry<K>[],
    readonly lang: LexiconLanguage,
    exactUpTo = 3,
  ) {
    this.compiled = entries.map((entry) => ({
      entry,
      forms: entry.words.map((w) => {
        // "hyvin=": an indeclinable word (adverb, particle) that must not prefix-match (hyvinvointi).
        const lemma = w.toLowerCase().replace(/[*=]$/, '');
        const exact = w.endsWith('=') || (!w.endsWith('*') && lemma.length <= exactUpTo);
        return {
          stems: exact ? [lemma] : stemsFor(w, lang),
          lemma,
          exact,
          explicit: w.endsWith('*'),
          prefixOnly: lang === 'fi' && VERB.test(lemma) && lemma.length >= 5,
        };
      }),
    }));
    for (const c of this.compiled) {
      const first = c.forms[0];
      if (!first) continue;
      if (first.exact) {
        push(this.exactWords, first.lemma, c);
        continue;
      }
      for (const stem of first.stems) {
        push(this.index, stem.slice(0, 3), { c, stem });
        const f = foldUmlauts(stem);
        push(this.folded, f.slice(0, 3), { c, stem: f });
      }
      push(this.byLemma, first.lemma, c);
    }
  }

  get size(): number {
    return this.compiled.length;
  }

  /** Every entry occurrence among the tokens. `fold` compares with ä/ö/å folded (OCR text). */
  find(tokens: readonly Token[], options: { fold?: boolean; lemmas?: LemmaLookup } = {}): Hit<K>[] {
    const hits: Hit<K>[] = [];
    const words = tokens.map((t) => (options.fold ? foldUmlauts(t.lower) : t.lower));
    for (let i = 0; i < words.length; i++) {
      const seen = new Set<Compiled<K>>();
      for (const c of this.candidates(words[i] ?? '', options)) {
        if (seen.has(c)) continue;
        seen.add(c);
        const last = this.matchRest(c, words, i, options);
        if (last !== undefined) hits.push({ entry: c.entry, first: i, last });
      }
    }
    return hits;
  }

  private *candidates(
    word: string,
    options: { fold?: boolean; lemmas?: LemmaLookup },
  ): Generator<Compiled<K>> {
    const index = options.fold ? this.folded : this.index;
    yield* this.exactWords.get(word) ?? [];
    // With an analyser (Voikko), lemmas and compound parts match directly, and a match inside a word (a
    // compound head) must agree with them: "opastusvideoihin" holds "ideoi" but no part is ideoida.
    const lemmas = options.lemmas?.(word) ?? [];
    for (const lemma of lemmas) yield* this.byLemma.get(lemma) ?? [];
    for (let at = 0; at + 3 <= word.length; at++) {
      if (at > 0 && at < 3) continue;
      for (const { c, stem } of index.get(word.slice(at, at + 3)) ?? []) {
        if (!wordMatchesAt(word, stem, at) || (at > 0 && c.forms[0]?.prefixOnly)) continue;
        // An analyser that knows the word vetoes a surface match its lemmas do not bear out.
        if (
          at > 0 &&
          lemmas.length > 0 &&
          !c.forms[0]?.explicit &&
          !bornOut(lemmas, c.forms[0]?.stems ?? [], at)
        )
          continue;
        yield c;
      }
    }
  }

  private matchRest(
    c: Compiled<K>,
    words: string[],
    i: number,
    options: { fold?: boolean; lemmas?: LemmaLookup },
  ): number | undefined {
    let at = i;
    for (const form of c.forms.slice(1)) {
      at++;
      const w = words[at];
      if (w === undefined) return undefined;
      const stems = options.fold ? form.stems.map(foldUmlauts) : form.stems;
      const lemmas = options.lemmas?.(w) ?? [];
      const ok = form.exact
        ? w === form.lemma
        : lemmas.includes(form.lemma) || stems.some((s) => wordMatchesAt(w, s, 0));
      if (!ok) return undefined;
    }
    return at;
  }
}

/** Whether some lemma (or compound part) of the word begins with (or, for a compound head, holds) a stem of the term. */
function bornOut(lemmas: readonly string[], stems: readonly string[], at: number): boolean {
  return lemmas.some((l) => stems.some((s) => (at === 0 ? l.startsWith(s) : l.includes(s))));
}

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
