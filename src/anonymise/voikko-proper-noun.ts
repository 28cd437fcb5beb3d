// Voikko's word classes as the anonymiser's proper-noun callback: only etunimi/sukunimi → person,
// only paikannimi → place, a word with both a name and an ordinary reading → undefined, any other
// known word → other (an ordinary word: never replaced by the fail-closed
// rule), unknown → undefined (the word lists decide). Structural type, so Voikko stays optional.

export interface VoikkoLike {
  analyse(word: string): readonly { wordClass: string }[];
}

export function properNounFromVoikko(
  voikko: VoikkoLike,
): (word: string) => 'person' | 'place' | 'other' | undefined {
  return (word) => {
    const classes = voikko.analyse(word).map((a) => a.wordClass);
    if (classes.length === 0) return undefined;
    const names = new Set(['etunimi', 'sukunimi', 'paikannimi', 'nimi']);
    // A word with an ordinary reading too ("Asukkaiden": asukas, and a rare surname) is ambiguous: the
    // gazetteer, the name lists and the context decide, not Voikko.
    if (classes.some((c) => !names.has(c))) return classes.some((c) => names.has(c)) ? undefined : 'other';
    if (classes.some((c) => c === 'etunimi' || c === 'sukunimi')) return 'person';
    if (classes.some((c) => c === 'paikannimi')) return 'place';
    // "nimi" is Voikko's class for other proper names (firms, products): still a name.
    if (classes.every((c) => c === 'nimi')) return undefined;
    return 'other';
  };
}
