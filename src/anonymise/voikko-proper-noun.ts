// Voikko's word classes for the anonymiser, which only ever adds names from them (recognizers/name.ts):
// only etunimi/sukunimi → person, only paikannimi → place, a word with both a name and an ordinary
// reading → undefined, any other known word → other, unknown → undefined. `knows` tells an unknown word
// (no reading at all) from a known one. Structural type, so Voikko stays optional.
import type { ProperNoun } from './anonymiser.js';

export interface VoikkoLike {
  analyse(word: string): readonly { wordClass: string }[];
}

export function properNounFromVoikko(voikko: VoikkoLike): ProperNoun {
  const classify: ProperNoun = (word) => {
    const classes = voikko.analyse(word).map((a) => a.wordClass);
    if (classes.length === 0) return undefined;
    const names = new Set(['etunimi', 'sukunimi', 'paikannimi', 'nimi']);
    // A word with an ordinary reading too ("Asukkaiden": asukas, and a rare surname) is ambiguous: the
    // gazetteer, the name lists and the context decide, not Voikko.
    if (classes.some((c) => !names.has(c))) return classes.some((c) => names.has(c)) ? undefined : 'other';
    if (classes.some((c) => c === 'etunimi' || c === 'sukunimi')) return 'person';
    if (classes.some((c) => c === 'paikannimi')) return 'place';
    // "nimi" is Voikko's class for other proper names (firms, products): still a name.
    return undefined;
  };
  classify.knows = (word) => voikko.analyse(word).length > 0;
  return classify;
}
