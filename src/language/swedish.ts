// Swedish term stems through the Snowball Swedish stemmer (samarbete → samarbet-, leverantören → leverantör).
import snowball from 'snowball-stemmers';

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
