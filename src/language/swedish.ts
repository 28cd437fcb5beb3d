// Swedish term stems through the Snowball Swedish stemmer (samarbete → samarbet-, leverantören → leverantör).
import snowball from 'snowball-stemmers';

const stemmer = snowball.newStemmer('swedish');

export function swedishStem(word: string): string {
  return stemmer.stem(word.toLocaleLowerCase('sv'));
}

export function swedishStems(lemma: string): string[] {
  const l = lemma.toLocaleLowerCase('sv');
  if (l.endsWith('*')) return [l.slice(0, -1)];
  const s = swedishStem(l);
  // Very short stems (e.g. "tid" → "tid") only match whole words; the matcher enforces that by length.
  return s === l ? [l] : [l, s];
}
