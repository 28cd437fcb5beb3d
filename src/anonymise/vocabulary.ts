// What counts as an ordinary word, for the fail-closed rule ("a capitalised word in mid-sentence that is
// neither a known common word nor allow-listed is treated as a name") and for telling "Kotka" at the
// start of a sentence (an eagle?) from the town. Built from @zxcvbn-ts/language-fi: a subtitle frequency
// list (everyday words) and a Wikipedia one (also proper nouns), less first names, surnames and places.
import { createRequire } from 'node:module';
import { dictionary } from '@zxcvbn-ts/language-fi';
import { gazetteer } from './gazetteer.js';

interface Stemmer {
  stem(word: string): string;
}
const require = createRequire(import.meta.url);
const snowball = require('snowball-stemmers') as { newStemmer(language: string): Stemmer };

export interface Vocabulary {
  /** An ordinary word (any inflection): not a name. */
  isCommon(lower: string): boolean;
  /** In the everyday (subtitle) list: a place name spelt so is ambiguous at a sentence start. */
  isEveryday(lower: string): boolean;
  /** Known as a first name or surname. */
  isPersonName(lower: string): boolean;
}

let cached: Vocabulary | undefined;

export function vocabulary(): Vocabulary {
  if (cached) return cached;
  const stemmer = snowball.newStemmer('finnish');
  const names = new Set([
    ...dictionary.femaleFirstnames,
    ...dictionary.maleFirstnames,
    ...dictionary.lastnames,
  ]);
  const everyday = new Set(dictionary.commonWords);
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
  for (const w of common) {
    const s = stemmer.stem(w);
    stems.add(s);
    if (s.length >= 7) shortStems.add(s.slice(0, -1));
  }
  const isCommon = (lower: string): boolean => {
    if (common.has(lower)) return true;
    if (lower.length <= 3) return false;
    const s = stemmer.stem(lower);
    if (stems.has(s)) return true;
    const shorter = s.slice(0, -1);
    return s.length >= 8 && (stems.has(shorter) || shortStems.has(shorter));
  };
  cached = {
    isCommon,
    isEveryday: (lower) => everyday.has(lower),
    isPersonName: (lower) => names.has(lower),
  };
  return cached;
}
