// Voikko's word classes for the anonymiser, which only ever adds names from them (recognizers/name.ts):
// only etunimi/sukunimi → person, only paikannimi → place, a word with both a name and an ordinary
// reading → undefined, any other known word → other, unknown → undefined. `knows` tells an unknown word
// (no reading at all) from a known one. Structural type, so Voikko stays optional.
import { BoundedMemo } from '../memo.js';
import type { ProperNoun } from './anonymiser.js';
import type { ProperNounClass } from './types.js';

export interface VoikkoLike {
  analyse(word: string): readonly { wordClass: string }[];
}

const NAMES = new Set(['etunimi', 'sukunimi', 'paikannimi', 'nimi']);
/** Distinct words whose class is remembered before the memo starts over (bounded memory). */
const MEMO_LIMIT = 20_000;

export function properNounFromVoikko(voikko: VoikkoLike): ProperNoun {
  // Asked for nearly every capitalised word of a report, which repeats its words: remembered per word.
  const memo = new BoundedMemo<string, ProperNounClass>(MEMO_LIMIT);
  const uncached = (word: string): ProperNounClass => {
    const classes = voikko.analyse(word).map((a) => a.wordClass);
    if (classes.length === 0) return undefined;
    // A word with an ordinary reading too ("Asukkaiden": asukas, and a rare surname) is ambiguous: the
    // gazetteer, the name lists and the context decide, not Voikko.
    if (classes.some((c) => !NAMES.has(c))) return classes.some((c) => NAMES.has(c)) ? undefined : 'other';
    if (classes.some((c) => c === 'etunimi' || c === 'sukunimi')) return 'person';
    if (classes.some((c) => c === 'paikannimi')) return 'place';
    // "nimi" is Voikko's class for other proper names (firms, products): still a name.
    return undefined;
  };
  const classify: ProperNoun = (word) => memo.get(word, uncached);
  classify.knows = (word) => voikko.analyse(word).length > 0;
  return classify;
}
