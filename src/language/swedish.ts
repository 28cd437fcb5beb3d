// Swedish term stems through the Snowball Swedish stemmer (samarbete → samarbet-, leverantören → leverantör).
import { createRequire } from 'node:module';
import type snowballStemmers from 'snowball-stemmers';

// Required, not imported: an ESM import of this 870 KB CommonJS file first scans all of it for its exports
// (60–120 ms of every start); vocabulary.ts requires it likewise.
const snowball = createRequire(import.meta.url)('snowball-stemmers') as typeof snowballStemmers;
const stemmer = snowball.newStemmer('swedish');

export function swedishStem(word: string): string {
  return stemmer.stem(word.toLowerCase());
}

export function swedishStems(lemma: string): string[] {
  const l = lemma.toLowerCase();
  if (l.endsWith('*')) return [l.slice(0, -1)];
  const s = swedishStem(l);
  // Snowball strips derivational suffixes too (färdighet → färd, enhetlig → enhet): such a stem would match
  // other words, so only a stem that keeps most of the word is used; the lemma itself always is.
  return s === l || l.length - s.length > 3 ? [l] : [l, s];
}
