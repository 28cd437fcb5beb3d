// A dictionary of names that reads inflected words: each name is stored as its stems (inflect.ts), and a
// word is looked up as stem + ending. Multi-word names ("Pielisen Karjala", "KS Viestintä") match a run
// of tokens whose last word inflects.
import {
  analyse,
  doubleInflectedForms,
  type Harmony,
  harmonyOf,
  type Inflection,
  stemsOf,
} from './inflect.js';
import {
  encodeInflection,
  type LexiconData,
  listsData,
  stemCode,
  type Values,
  type ValueTable,
  type WordFormsData,
} from './lexicon-data.js';
import { EncodedLists, exactHit, type ListLookup, type StemEntry, stemEntry } from './lexicon-stems.js';

export interface LexiconHit<T> {
  value: T;
  infl: Inflection;
}
export interface PhraseHit<T> extends LexiconHit<T> {
  /** Number of tokens the name spans. */
  length: number;
}

interface Phrase<T> {
  head: string[];
  last: WordForms<T>;
}

const NEUTRAL_TAIL = /[aou][^aouäöy]*[ei][^aouäöyei]*$/u;

/** Distinct words remembered per lexicon before the memo starts over (bounded memory on huge runs). */
const MEMO_LIMIT = 20_000;
/** Letters of a stem's start kept in the prefilter: a word whose start no stem shares needs no analysis. */
const PREFIX = 4;

/**
 * A compound takes the harmony of its last part, which a neutral tail hides: Kiuruvesi → Kiuruvedellä
 * (vesi), Lahti → Lahdessa. Where the last vowels are e/i only, both harmonies are read.
 */
function harmoniesOf(word: string): Harmony[] {
  return NEUTRAL_TAIL.test(word) ? ['back', 'front'] : [harmonyOf(word)];
}

/**
 * The last word of a multi-word name, read in any case form exactly as a Lexicon of that one word reads
 * it, but held in two small arrays instead of a lexicon's maps: a run's inventory holds some 50,000
 * "First Last" names, and a lexicon apiece took 2.6 KB each.
 */
class WordForms<T> {
  private constructor(
    private readonly stems: StemEntry<T>[],
    private readonly exact: { form: string; hit: LexiconHit<T> }[],
  ) {}

  /** The forms of `word`, each read as `value`. */
  static of<T>(value: T, word: string): WordForms<T> {
    const stems: StemEntry<T>[] = [];
    const exact: { form: string; hit: LexiconHit<T> }[] = [];
    for (const stem of stemsOf(word))
      for (const harmony of harmoniesOf(word))
        if (
          !stems.some(
            (e) =>
              e.stem.stem === stem.stem &&
              e.value === value &&
              e.stem.kind === stem.kind &&
              e.harmony === harmony,
          )
        )
          stems.push({ value, stem, harmony });
    for (const [form, infl] of doubleInflectedForms(word))
      exact.push({ form: form.toLowerCase(), hit: { value, infl } });
    return new WordForms(stems, exact);
  }

  toData(values: ValueTable<T>): WordFormsData {
    return {
      stems: this.stems.map((e) => [e.stem.stem, stemCode(e.stem.kind, e.harmony), values.of(e.value)]),
      exact: this.exact.map((e) => [e.form, encodeInflection(e.hit.infl), values.of(e.hit.value)]),
    };
  }

  /** Read back from toData. */
  static fromData<T>(data: WordFormsData, values: Values<T>): WordForms<T> {
    return new WordForms(
      data.stems.map(([stem, code, value]) => stemEntry(values, value, stem, code)),
      data.exact.map(([form, infl, value]) => ({ form, hit: exactHit(values, value * 32 + infl) })),
    );
  }

  lookup(word: string): LexiconHit<T>[] {
    const w = word.toLowerCase();
    const exact = this.exact.filter((e) => e.form === w).map((e) => e.hit);
    const found = analyse(w, (s) => {
      const entries = this.stems.filter((e) => e.stem.stem === s);
      return entries.length > 0 ? entries : undefined;
    });
    return exact.length > 0 ? [...exact, ...found] : found;
  }
}

const nextHash = (h: number, c: number): number => (Math.imul(h, 31) + c) | 0;

/** The first `n` UTF-16 units of a word as one number (words that differ may share one). */
function prefixHash(w: string, n: number): number {
  let h = 0;
  for (let k = 0; k < n; k++) h = nextHash(h, w.charCodeAt(k));
  return h;
}

/** A word's first two UTF-16 units as one number. */
const pair = (w: string): number => (w.charCodeAt(0) << 16) | w.charCodeAt(1);

export class Lexicon<T> {
  /** Maps while names are added; a build's encoded lists in a lexicon read from data (fromData). */
  private stems: ListLookup<StemEntry<T>> = new Map<string, StemEntry<T>[]>();
  private exact: ListLookup<LexiconHit<T>> = new Map<string, LexiconHit<T>[]>();
  private readonly phrases = new Map<string, Phrase<T>[]>();
  private size = 0;
  private readonly memo = new Map<string, LexiconHit<T>[]>();
  /**
   * The first PREFIX letters of every stem (the whole stem when shorter) as numbers (prefixHash), and the
   * shortest stem's length: most words of a text share their start with no name of a small lexicon (a
   * report's own firms and persons), and are then answered without trying every cut of the word against
   * the stems (and without slicing and hashing strings).
   */
  private readonly prefixHashes = new Set<number>();
  private readonly firstTwo = new Set<number>();
  /** The first two letters of every exact form: a word no stem and no form starts so is answered without hashing it. */
  private readonly exactTwo = new Set<number>();
  /**
   * firstTwo and exactTwo in one set, and with the first two letters of every multi-word name's first word
   * in the other: one lookup tells most words apart (read, matchAt).
   */
  private readonly wordTwo = new Set<number>();
  private readonly startTwo = new Set<number>();
  private shortest = PREFIX;

  /** Adds a name (any case, words separated by spaces) under `value`. */
  add(value: T, name: string): void {
    const stems = this.mutable(this.stems);
    const words = name.trim().toLowerCase().split(/\s+/u).filter(Boolean);
    if (words.length === 0) return;
    if (words.length > 1) {
      const last = WordForms.of(value, words[words.length - 1] ?? '');
      const list = this.phrases.get(words[0] ?? '') ?? [];
      list.push({ head: words.slice(0, -1), last });
      this.phrases.set(words[0] ?? '', list);
      this.notePhrase(words[0] ?? '');
      return;
    }
    const word = words[0] ?? '';
    for (const stem of stemsOf(word)) {
      this.memo.clear();
      this.noteStem(stem.stem);
      const list = stems.get(stem.stem) ?? [];
      for (const harmony of harmoniesOf(word)) {
        if (!list.some((e) => e.value === value && e.stem.kind === stem.kind && e.harmony === harmony))
          list.push({ value, stem, harmony });
      }
      stems.set(stem.stem, list);
    }
    for (const [form, infl] of doubleInflectedForms(word)) this.addForm(value, form, infl);
    this.size++;
  }

  /** Adds one exact word form. */
  addForm(value: T, form: string, infl: Inflection): void {
    const exact = this.mutable(this.exact);
    this.memo.clear();
    const key = form.toLowerCase();
    if (key.length >= 2) this.noteTwo(this.exactTwo, pair(key));
    const list = exact.get(key) ?? [];
    list.push({ value, infl });
    exact.set(key, list);
  }

  /** The lexicon's maps, while names are added: a lexicon read from a build's data takes none. */
  private mutable<H>(lists: ListLookup<H>): Map<string, H[]> {
    if (!(lists instanceof Map)) throw new Error('lexicon: a lexicon read from data takes no names');
    return lists;
  }

  get names(): number {
    return this.size;
  }

  /** The lexicon as data (lexicon-data.ts); its values go into `values`, in the order first met. */
  toData(values: ValueTable<T>): LexiconData {
    const stems = this.mutable(this.stems);
    const exact = this.mutable(this.exact);
    const phrases: LexiconData['phrases'] = [...this.phrases].map(([first, list]) => [
      first,
      list.map((p) => ({ head: p.head, last: p.last.toData(values) })),
    ]);
    return {
      size: this.size,
      shortest: this.shortest,
      stems: listsData(
        [...stems].map(([stem, list]) => [
          stem,
          list.map((e) => values.of(e.value) * 8 + stemCode(e.stem.kind, e.harmony)),
        ]),
      ),
      exact: listsData(
        [...exact].map(([form, list]) => [
          form,
          list.map((hit) => values.of(hit.value) * 32 + encodeInflection(hit.infl)),
        ]),
      ),
      prefixHashes: Int32Array.from(this.prefixHashes),
      firstTwo: Int32Array.from(this.firstTwo),
      exactTwo: Int32Array.from(this.exactTwo),
      phrases,
    };
  }

  /**
   * A lexicon read from toData's data, with `values` the table's values: the same lookups as the original.
   * Its stems and forms stay the build's encoded lists; it takes no more names.
   */
  static fromData<T>(data: LexiconData, values: Values<T>): Lexicon<T> {
    const lexicon = new Lexicon<T>();
    lexicon.stems = new EncodedLists(data.stems, (stem, code) =>
      stemEntry(values, code >> 3, stem, code & 7),
    );
    lexicon.exact = new EncodedLists(data.exact, (_, code) => exactHit(values, code));
    for (const h of data.prefixHashes) lexicon.prefixHashes.add(h);
    for (const two of data.firstTwo) lexicon.noteTwo(lexicon.firstTwo, two);
    for (const two of data.exactTwo) lexicon.noteTwo(lexicon.exactTwo, two);
    lexicon.shortest = data.shortest;
    for (const [first, list] of data.phrases) {
      lexicon.phrases.set(
        first,
        list.map((p) => ({ head: p.head, last: WordForms.fromData(p.last, values) })),
      );
      lexicon.notePhrase(first);
    }
    lexicon.size = data.size;
    return lexicon;
  }

  /** Every stem and exact form of a lexicon read from data (tests compare it with the lists' lexicon). */
  dataKeys(): { stems: string[]; exact: string[] } {
    const keys = (lists: ListLookup<unknown>) =>
      lists instanceof EncodedLists ? [...lists.keys()] : [...(lists as Map<string, unknown>).keys()];
    return { stems: keys(this.stems), exact: keys(this.exact) };
  }

  private notePhrase(first: string): void {
    if (first.length >= 2) {
      this.startTwo.add(pair(first));
    }
  }

  /** Adds a word's first two letters to `set` (firstTwo or exactTwo) and to the unions of the sets. */
  private noteTwo(set: Set<number>, two: number): void {
    set.add(two);
    this.wordTwo.add(two);
    this.startTwo.add(two);
  }

  /** The prefilter's part of adding a stem (see `prefixHashes`). */
  private noteStem(stem: string): void {
    const prefix = stem.slice(0, PREFIX);
    this.prefixHashes.add(prefixHash(prefix, prefix.length));
    if (stem.length >= 2) this.noteTwo(this.firstTwo, pair(stem));
    this.shortest = Math.min(this.shortest, stem.length);
  }

  /** Readings of one word (lower-cased inside). Memoised: reports repeat their words. */
  lookup(word: string): LexiconHit<T>[] {
    return this.lookupLower(word.toLowerCase());
  }

  /**
   * lookup() of a word already in lower case (a token's `lower`, or a part of one): lower-casing a Finnish
   * word again (ä, ö) costs more than the rest of a lookup that finds nothing.
   */
  lookupLower(w: string): LexiconHit<T>[] {
    return this.read(w, true);
  }

  /**
   * lookupLower() that does not remember the answer: for the many made-up words of a spelling search
   * (recognizers/name.ts nearPlace), which would crowd a report's real words out of the memo.
   */
  peekLower(w: string): LexiconHit<T>[] {
    return this.read(w, false);
  }

  private read(w: string, remember: boolean): LexiconHit<T>[] {
    // The cheapest "no" first: no stem and no exact form starts with the word's first two letters (a
    // report's own small lexicons answer most words so, before their memo, which is empty for every new report).
    if (this.shortest >= 2 && w.length >= 2) {
      if (!this.wordTwo.has(pair(w))) return [];
    }
    // No stem is a prefix of the word (clitics come off its end, so its start is the same) and it is no
    // exact form: no reading. Told before the memo, which holds only words that pass (most do not).
    if (!this.mayHaveStem(w) && !this.hasExact(w)) return [];
    const cached = this.memo.get(w);
    if (cached) return cached;
    const exact = this.exact.get(w);
    const found = analyse(w, (s) => this.stems.get(s));
    const result = exact ? [...exact, ...found] : found;
    if (!remember) return result;
    if (this.memo.size >= MEMO_LIMIT) this.memo.clear();
    this.memo.set(w, result);
    return result;
  }

  private hasExact(w: string): boolean {
    return (w.length < 2 || this.exactTwo.has(pair(w))) && this.exact.has(w);
  }

  /** Whether some stem could be a prefix of the lower-case word `w` (no false negatives). */
  private mayHaveStem(w: string): boolean {
    // The word's first PREFIX letters (the whole word when shorter), and its shorter starts from the
    // shortest stem's length on, as numbers: two prefixes of one number only make a needless analysis.
    const whole = Math.min(PREFIX, w.length);
    let h = 0;
    for (let n = 1; n <= whole; n++) {
      h = nextHash(h, w.charCodeAt(n - 1));
      if ((n === whole || n >= this.shortest) && this.prefixHashes.has(h)) return true;
    }
    return whole === 0 && this.prefixHashes.has(0);
  }

  /** Names that start at token `i` of `words` (lower-case), longest first. */
  matchAt(words: readonly string[], i: number): PhraseHit<T>[] {
    const first = words[i];
    if (first === undefined) return [];
    // Most words start no name of a lexicon, and its number set says so without hashing the word (a
    // word of two letters or more shares its first two with any name or form it starts).
    if (this.shortest >= 2 && first.length >= 2 && !this.startTwo.has(pair(first))) return [];
    const out: PhraseHit<T>[] = [];
    for (const p of this.phrases.get(first) ?? []) {
      let ok = true;
      for (let k = 1; k < p.head.length; k++) if (words[i + k] !== p.head[k]) ok = false;
      const lastWord = words[i + p.head.length];
      if (!ok || lastWord === undefined) continue;
      for (const hit of p.last.lookup(lastWord)) out.push({ ...hit, length: p.head.length + 1 });
    }
    for (const hit of this.lookupLower(first)) out.push({ ...hit, length: 1 });
    return out.sort((a, b) => b.length - a.length);
  }
}
