// Finds patterns (src/language/pattern.ts) among a sentence's tokens through Finnish or Swedish morphology.
// A lemma matches its inflected forms: a stem of the lemma (finnish.ts: kunta → kunna-, kunti-) followed by
// an inflectional ending of its word class (inflection.ts, from rules/fi/inflection-*.yaml), so derivations
// are other words: "huomattavasti" is no form of huomata, "toimittaja" none of toimittaa. Nouns of six
// letters or more also match as the head of a compound (palaute → asiakaspalautteet); verbs never do.
// One morphology for the whole coder, from rules only, so codes do not depend on what is installed.
import { finnishStems } from './finnish.js';
import { foldUmlauts } from './fold.js';
import type { Endings } from './inflection.js';
import type { Pattern, WordSpec } from './pattern.js';
import { swedishStems } from './swedish.js';
import type { Token } from './tokens.js';
import { type Word, wordOf } from './words.js';

export type MatchLanguage = 'fi' | 'sv' | 'en';

export interface MatchEntry<K extends string = string> {
  /** The owner of the entry: a theme code, or a rule kind. */
  key: K;
  pattern: Pattern;
  /** Where the entry was written, e.g. "rules/fi/outcome-positive.yaml:12:7" (for explanations). */
  ref?: string;
}

export interface Hit<K extends string = string> {
  entry: MatchEntry<K>;
  /** Token index range [first, last]. */
  first: number;
  last: number;
}

export interface MatchOptions {
  /** Compare with ä/ö/å folded (OCR text). */
  fold?: boolean;
}

interface CompiledWord {
  spec: WordSpec;
  /** Prefixes the word must begin with (lemma: its stems; prefix: itself). */
  stems: string[];
  /** Lemmas of one or two letters (cue words of three) match only themselves. */
  exact: boolean;
  /** 'either' for lemmas whose ending both nouns and verbs have (asia, toimia; idea, lukea). */
  cls?: 'noun' | 'verb' | 'either';
}

interface Compiled<K extends string> {
  entry: MatchEntry<K>;
  specs: (CompiledWord | { gap: [number, number] })[];
}

/** Finnish verb infinitives: -aa/-ää, vowel + da/ta, -lla/-sta, -ua/-yä (sujua, kehittyä). */
const VERB = /(aa|ää|[aeiouyäö](da|dä|ta|tä)|[^aeiouyäö](lla|llä|nna|nnä|rra|rrä|sta|stä)|[uy][aä])$/;
/** Lemmas ending in -ia, -ea, -oa (-iä, -eä, -öä) may be verbs (toimia, lukea, sanoa) or nouns (asia, idea). */
const EITHER = /[eioö][aä]$/;
const NUMBER = /^\p{N}+$/u;
/** A compound head: a noun stem of this many letters, after at least three letters of modifier. */
const MIN_HEAD = 6;
const MIN_MODIFIER = 3;
/** Without inflection data: a stem under four letters matches words at most this much longer. */
const SHORT_STEM = 4;
const SHORT_MAX_ENDING = 4;
const NO_CANDIDATES: readonly never[] = Object.freeze([]);
export class PatternMatcher<K extends string = string> {
  private readonly compiled: Compiled<K>[];
  private readonly index = new Map<string, { c: Compiled<K>; stem: string }[]>();
  private readonly folded = new Map<string, { c: Compiled<K>; stem: string }[]>();
  private readonly short = new Map<string, Compiled<K>[]>();
  private readonly exactWords = new Map<string, Compiled<K>[]>();
  private readonly scanned: Compiled<K>[] = [];
  /**
   * Per word (and per fold), the entries whose first word it fits, kept on the interned word (words.ts):
   * a report repeats its words, and the stems, compound heads and endings of a word are the same every
   * time. The folded answers have an owner of their own: a folded word may also occur unfolded.
   */
  private readonly foldedOwner = {};
  private readonly plainFirstWords = (word: string) => this.firstWordsOf(word, false);
  private readonly foldedFirstWords = (word: string) => this.firstWordsOf(word, true);

  /**
   * @param exactUpTo lemmas this short match only themselves: 3 for cue words (ei, en, men), 2 for theme
   *   terms, whose three-letter lemmas inflect (työ → työtä).
   */
  constructor(
    entries: readonly MatchEntry<K>[],
    readonly lang: MatchLanguage,
    private readonly endings?: Endings,
    exactUpTo = 3,
  ) {
    this.compiled = entries.map((entry) => ({
      entry,
      specs: entry.pattern.specs.map((s) =>
        s.kind === 'gap' ? { gap: [s.min, s.max] } : word(s, lang, exactUpTo),
      ),
    }));
    for (const c of this.compiled) {
      const first = c.specs[0];
      if (!first || 'gap' in first) continue;
      const s = first.spec;
      if (s.kind === 'suffix' || s.kind === 'number') this.scanned.push(c);
      else if (s.kind === 'form' || first.exact) push(this.exactWords, s.text, c);
      else {
        for (const stem of first.stems) {
          if (stem.length < 3) push(this.short, stem, c);
          else push(this.index, stem.slice(0, 3), { c, stem });
          const f = foldUmlauts(stem);
          if (f.length >= 3) push(this.folded, f.slice(0, 3), { c, stem: f });
        }
      }
    }
  }

  get size(): number {
    return this.compiled.length;
  }

  /** Every entry occurrence among the tokens. `fold` compares with ä/ö/å folded (OCR text). */
  find(tokens: readonly Token[], options: MatchOptions = {}): Hit<K>[] {
    return this.findWords(
      tokens.map((t) => wordOf(t.lower)),
      options,
    );
  }

  /** find() over the tokens' interned lower-cased words (a caller matching one sentence several times). */
  findWords(words: readonly Word[], options: MatchOptions = {}): Hit<K>[] {
    const hits: Hit<K>[] = [];
    const fold = options.fold ?? false;
    const seen = fold ? words.map((w) => w.folded()) : words;
    for (let i = 0; i < seen.length; i++) {
      for (const c of this.firstWordOf(seen[i] as Word, fold)) {
        const last = c.specs.length === 1 ? i : this.matchRest(c, 1, seen, i + 1, fold);
        if (last !== undefined) hits.push({ entry: c.entry, first: i, last: Math.max(i, last) });
      }
    }
    return hits;
  }

  /** The entries whose first word the word fits, each once, in the order candidates() finds them. */
  private firstWordOf(word: Word, fold: boolean): readonly Compiled<K>[] {
    return fold
      ? word.answer(this.foldedOwner, this.foldedFirstWords)
      : word.answer(this, this.plainFirstWords);
  }

  private firstWordsOf(word: string, fold: boolean): readonly Compiled<K>[] {
    const list = [...new Set(this.candidates(word, fold))];
    // Most words start no entry: they share one empty list (the memo holds tens of thousands of words).
    return list.length === 0 ? NO_CANDIDATES : list;
  }

  private *candidates(word: string, fold: boolean): Generator<Compiled<K>> {
    yield* this.exactWords.get(word) ?? [];
    for (const c of this.scanned) if (this.wordMatches(c.specs[0] as CompiledWord, word, fold, true)) yield c;
    for (const c of this.short.get(word.slice(0, 2)) ?? [])
      if (this.wordMatches(c.specs[0] as CompiledWord, word, fold, true)) yield c;
    const index = fold ? this.folded : this.index;
    for (let at = 0; at + 3 <= word.length; at++) {
      if (at > 0 && at < MIN_MODIFIER) continue;
      for (const { c, stem } of index.get(word.slice(at, at + 3)) ?? []) {
        const w = c.specs[0] as CompiledWord;
        if (at > 0 && (stem.length < MIN_HEAD || w.cls === 'verb')) continue;
        if (word.startsWith(stem, at) && this.endingOk(w, stem, word, at + stem.length, at)) yield c;
      }
    }
  }

  /** Matches the specs from `k` on at word index `i`; returns the index of the last word matched. */
  private matchRest(
    c: Compiled<K>,
    k: number,
    words: readonly Word[],
    i: number,
    fold: boolean,
  ): number | undefined {
    const spec = c.specs[k];
    if (spec === undefined) return i - 1;
    if ('gap' in spec) {
      for (let g = spec.gap[0]; g <= spec.gap[1]; g++) {
        const last = this.matchRest(c, k + 1, words, i + g, fold);
        if (last !== undefined) return last;
      }
      return undefined;
    }
    const w = words[i];
    if (w === undefined || !this.wordMatches(spec, w.lower, fold, false)) return undefined;
    return this.matchRest(c, k + 1, words, i + 1, fold);
  }

  /** Whether one word fits one spec (a word after the first: no compound heads). */
  private wordMatches(w: CompiledWord, word: string, fold: boolean, first: boolean): boolean {
    const s = w.spec;
    const f = (x: string) => (fold ? foldUmlauts(x) : x);
    switch (s.kind) {
      case 'number':
        return NUMBER.test(word);
      case 'suffix':
        return word.length > s.text.length + 1 && word.endsWith(f(s.text));
      case 'form':
        return word === f(s.text);
      case 'prefix':
        return word.startsWith(f(s.text)) && (first || word.length >= s.text.length);
      case 'lemma':
        if (w.exact) return word === f(s.text);
        return w.stems.some(
          (stem) => word.startsWith(f(stem)) && this.endingOk(w, stem, word, stem.length, 0),
        );
    }
  }

  /** The rest of the word after a lemma's stem must be an inflectional ending of its class. */
  private endingOk(w: CompiledWord, stem: string, word: string, end: number, at: number): boolean {
    if (w.spec.kind !== 'lemma') return true;
    const rest = word.slice(end);
    if (this.lang === 'fi' && this.endings) {
      // A compound may begin with the lemma when the lemma is long enough to be a word of its own.
      const genitive = rest.startsWith('n') && /[aeiouyäö]$/.test(stem);
      const modifier =
        (stem === w.spec.text || stem.length >= MIN_HEAD || genitive) && w.spec.text.length >= SHORT_STEM;
      if (w.cls === 'either')
        return this.endings.accepts('verb', rest) || this.endings.accepts('noun', rest, modifier);
      return this.endings.accepts(w.cls ?? 'noun', rest, modifier);
    }
    const stemLength = end - at;
    return stemLength >= SHORT_STEM || rest.length <= SHORT_MAX_ENDING;
  }
}

function word(s: WordSpec, lang: MatchLanguage, exactUpTo: number): CompiledWord {
  if (s.kind !== 'lemma') return { spec: s, stems: s.kind === 'prefix' ? [s.text] : [], exact: false };
  const exact = s.text.length <= exactUpTo;
  const stems = exact
    ? [s.text]
    : lang === 'fi'
      ? finnishStems(s.text)
      : lang === 'sv'
        ? swedishStems(s.text)
        : [s.text];
  const cls =
    lang !== 'fi' || s.text.length < 5
      ? 'noun'
      : VERB.test(s.text)
        ? 'verb'
        : EITHER.test(s.text)
          ? 'either'
          : 'noun';
  return { spec: s, stems, exact, cls };
}

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
