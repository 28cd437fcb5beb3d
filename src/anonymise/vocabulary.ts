// What counts as an ordinary word, for the fail-closed rules ("a capitalised word that is no ordinary
// word is a name") and for telling "Kotka" at the start of a sentence (an eagle?) from the town. Built
// from @zxcvbn-ts/language-fi: a subtitle frequency list (everyday words) and a Wikipedia one (also
// proper nouns), less first names, surnames and places. Report language is full of compounds and
// derived nouns the lists do not hold ("tilavarausjärjestelmän", "digitalisaatio"): a word is also
// ordinary when it splits into ordinary parts, or ends in a derivational suffix of Finnish common nouns.
import { createRequire } from 'node:module';
import { dictionary } from '@zxcvbn-ts/language-fi';
import { readBuildBytes } from '../io/build-data.js';
import { BoundedMemo } from '../memo.js';
import { WORDS } from './data/tables.generated.js';
import { gazetteer } from './gazetteer.js';
import { KeyTable } from './key-table.js';
import { putKeyTable, takeKeyTable } from './lexicon-data.js';
import { isListedName } from './names.js';
import { encodeSections, Sections, type SectionValue } from './sections.js';

interface Stemmer {
  stem(word: string): string;
}
const require = createRequire(import.meta.url);
const snowball = require('snowball-stemmers') as { newStemmer(language: string): Stemmer };

export interface Vocabulary {
  /** An ordinary word from the lists (any inflection): not a name. */
  isCommon(lower: string): boolean;
  /** isCommon, or a compound of ordinary parts, or a derived common noun: "hankekoordinaattorina". */
  isOrdinary(lower: string): boolean;
  /** In the everyday (subtitle) list: a place name spelt so is ambiguous at a sentence start. */
  isEveryday(lower: string): boolean;
  /** Known as a first name or surname. */
  isPersonName(lower: string): boolean;
}

// Adjectives and residents' names of ordinary words: "kuntalaiset", "kyläläisille" (of a place: gazetteer).
const LAINEN = /^(.{3,}?)(?:lai|läi)(?:nen|se|si|s)/u;

// Derivational suffixes and verb endings (data/words.yaml): "pilotoinnit", "keskeisimmät", "vertailimme".
const DERIVED = new RegExp(
  `(?:(?:${WORDS['derivational-suffixes'].join('|')})(?:${WORDS['case-endings'].join('|')})?|${WORDS['verb-endings'].join('|')})(?:kin|kaan|kään)?$`,
  'u',
);

let cached: Vocabulary | undefined;
/** Distinct words remembered per memo before it starts over (bounded memory on huge runs). */
const MEMO_LIMIT = 20_000;

/**
 * What the word lists give, stemmed: the ordinary words (names and places taken out, the recognizers' cue
 * words added), their Snowball stems, the stems less their last letter, and the words a compound may
 * start with; and, as the lists have them, the everyday words. Computing
 * it stems some 30,000 words and reads each through the gazetteer (a second of CPU in every thread of
 * every run), so the build writes it beside the compiled module (scripts/build-vocabulary.mjs) as key
 * tables (key-table.ts) that vocabulary() uses as they are when they are there.
 */
export interface VocabularyData {
  common: string[];
  stems: string[];
  shortStems: string[];
  parts: string[];
  everyday: string[];
}

/** The sets vocabulary() asks: key tables from the build's file, or Sets. */
type WordSets = Record<keyof VocabularyData, { has(word: string): boolean }>;

const VOCABULARY_KEYS: readonly (keyof VocabularyData)[] = [
  'common',
  'stems',
  'shortStems',
  'parts',
  'everyday',
];

/** Where the build writes vocabularyFile() under dist/. */
export const VOCABULARY_DATA = 'anonymise/data/vocabulary.bin';

export function vocabularyData(): VocabularyData {
  const stemmer = snowball.newStemmer('finnish');
  const names = new Set([
    ...dictionary.femaleFirstnames,
    ...dictionary.maleFirstnames,
    ...dictionary.lastnames,
  ]);
  const places = gazetteer().lexicon;
  const common = new Set<string>();
  for (const w of [...dictionary.commonWords, ...dictionary.wikipedia]) {
    if (names.has(w) || w.length < 2) continue;
    // Wikipedia's list is full of place names: a word the gazetteer reads as a municipality or region
    // is not an ordinary word (localities, being villages named after things, do not count).
    if (places.lookup(w).some((h) => h.value.kind !== 'locality')) continue;
    common.add(w);
  }
  const stems = new Set<string>();
  // Stems less their last letter too: the stemmer leaves "digitaalis" for "digitaalisten" but
  // "digitaalin" for "digitaalinen"; for long words the shorter stem still tells them apart from names.
  const shortStems = new Set<string>();
  // Parts a compound may start with: ordinary words of three letters or more, as written.
  const parts = new Set<string>();
  for (const w of common) {
    const s = stemmer.stem(w);
    stems.add(s);
    if (s.length >= 7) shortStems.add(s.slice(0, -1));
    if (w.length >= 3 && /^[a-zåäö]+$/u.test(w)) parts.add(w);
  }
  for (const h of WORDS['compound-heads']) parts.add(h);
  // The recognizers' own cue words are ordinary words ("Dnro", "Laatija", "Yhteyshenkilö"), added after
  // the stems were taken (as they always were).
  for (const w of [...WORDS['project-code-cues'], ...WORDS['person-cue-forms'], ...WORDS.abbreviations])
    common.add(w);
  return {
    common: [...common],
    stems: [...stems],
    shortStems: [...shortStems],
    parts: [...parts],
    everyday: [...new Set(dictionary.commonWords)],
  };
}

/** vocabularyData() as the build writes it: a key table per list, in one file of sections. */
export function vocabularyFile(): Uint8Array {
  const data = vocabularyData();
  const out: Record<string, SectionValue> = {};
  for (const key of VOCABULARY_KEYS) putKeyTable(out, key, KeyTable.of(data[key]));
  return encodeSections(out);
}

/** The build's tables (dist/anonymise/data/vocabulary.bin) when there are some, else vocabularyData()'s Sets. */
function wordSets(): WordSets {
  const bytes = readBuildBytes(VOCABULARY_DATA);
  const file = bytes && new Sections(bytes);
  const data = file ? undefined : vocabularyData();
  const sets = {} as WordSets;
  for (const key of VOCABULARY_KEYS) sets[key] = file ? takeKeyTable(file, key) : new Set(data?.[key]);
  return sets;
}

export function vocabulary(): Vocabulary {
  if (cached) return cached;
  const stemmer = snowball.newStemmer('finnish');
  const { common, stems, shortStems, parts, everyday } = wordSets();
  // Stemming is the costly part and every report repeats its words: answers are remembered (bounded).
  const commonMemo = new BoundedMemo<string, boolean>(MEMO_LIMIT);
  const stemIsCommon = (lower: string): boolean => {
    const s = stemmer.stem(lower);
    const shorter = s.slice(0, -1);
    return stems.has(s) || (s.length >= 8 && (stems.has(shorter) || shortStems.has(shorter)));
  };
  const isCommon = (lower: string): boolean => {
    if (common.has(lower)) return true;
    if (lower.length <= 3) return false;
    return commonMemo.get(lower, stemIsCommon);
  };
  // The parts a compound is tried by ("tilavaraus", "ilavarausj", …) in a memo of their own: in the words'
  // memo they would crowd out the words the recognizers ask about, whose stemming is the costly part.
  const partMemo = new BoundedMemo<string, boolean>(MEMO_LIMIT);
  const isCommonPart = (lower: string): boolean => {
    if (common.has(lower)) return true;
    if (lower.length <= 3) return false;
    return partMemo.get(lower, stemIsCommon);
  };
  const memo = new BoundedMemo<string, boolean>(MEMO_LIMIT);
  const compound = (w: string, depth: number): boolean => {
    // Cheapest first (the answer is the same in any order): stemming is the costly test.
    if (everyday.has(w) || (w.length >= 7 && DERIVED.test(w)) || isCommonPart(w)) return true;
    const lainen = LAINEN.exec(w);
    if (lainen && depth < 3 && compound(lainen[1] ?? '', depth + 1)) return true;
    if (depth > 3 || w.length < 6) return false;
    for (let k = w.length - 3; k >= 3; k--) {
      const head = w.slice(0, k);
      // A compound's first part is an ordinary word as written ("palaute-", "kunnan-", "saavutettavuus-").
      if (
        !(
          parts.has(head) ||
          (head.length >= 6 && DERIVED.test(head)) ||
          (head.length >= 4 && isCommonPart(head))
        )
      )
        continue;
      if (compound(w.slice(k), depth + 1)) return true;
    }
    return false;
  };
  const ordinary = (lower: string): boolean => {
    const w = lower.replace(/:.*$/u, '');
    return w.includes('-') && !w.startsWith('-')
      ? w.split('-').every((p) => p.length <= 2 || compound(p, 0))
      : compound(w, 0);
  };
  const isOrdinary = (lower: string): boolean => memo.get(lower, ordinary);
  cached = {
    isCommon,
    isOrdinary,
    isEveryday: (lower) => everyday.has(lower),
    // The name lists' own tables (names.ts): the same words, not a second copy of them.
    isPersonName: isListedName,
  };
  return cached;
}
