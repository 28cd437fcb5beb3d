// Joining the lines of a paragraph read from a PDF, mending words hyphenated at line ends.

const CONJUNCTIONS = new Set([
  'ja',
  'tai',
  'sekä',
  'eli',
  'että',
  'kuin',
  'vai',
  'ynnä',
  'and',
  'or',
  'och',
  'eller',
  'samt',
]);
const VOWEL = /[aeiouyäöå]/i;

/**
 * Joins two lines of one paragraph, mending words hyphenated at the line end: "kehittä-" + "mistä" →
 * "kehittämistä". The hyphen stays where it is part of the word: before a capital or digit
 * ("Pohjois-Satakunta", "2020-2021"), after an abbreviation or a name with a dot ("ICT-palvelut",
 * "Suomi.fi-palvelut"), between two equal vowels (Finnish compounds: "kunta-alue", "vapaa-aika"), and
 * before a conjunction, where it marks an elided word ("sosiaali- ja terveyspalvelut"). Before these
 * rules, the document's own words decide: a form found elsewhere in it (joined or hyphenated) wins.
 */
export function joinLines(a: string, b: string, words?: ReadonlySet<string>): string {
  const left = a.trimEnd();
  const right = b.trimStart();
  if (!left) return right;
  if (!right) return left;
  const last = left.at(-1) as string;
  const before = left.at(-2) ?? ' ';
  const first = right[0] as string;
  if (last === '\u00ad') return left.slice(0, -1) + right;
  if (last === '-' || last === '\u2010') {
    if (!/[\p{L}\p{N}]/u.test(before)) return `${left} ${right}`;
    const word = /(\S*)[-\u2010]$/u.exec(left)?.[1] ?? '';
    const nextWord = (/^\S*/.exec(right)?.[0] ?? '').toLowerCase().replace(/[.,;:!?)]+$/, '');
    if (CONJUNCTIONS.has(nextWord)) return `${left} ${right}`;
    // The document itself may show how the word is written elsewhere ("Satadigi-hankkeen").
    const stem = word.replace(/^[^\p{L}\p{N}]+/u, '').toLowerCase();
    if (words && stem && nextWord) {
      const joined = words.has(stem + nextWord);
      const hyphened = words.has(`${stem}-${nextWord}`);
      if (hyphened && !joined) return left + right;
      if (joined && !hyphened) return left.slice(0, -1) + right;
    }
    if (!/\p{Ll}/u.test(first)) return left + right;
    const lettersOnly = word.replace(/^[("'“”«]+/, '');
    if (lettersOnly.length < 2 || /[\p{Lu}\p{N}.]/u.test(lettersOnly.slice(1))) {
      return left + right;
    }
    if (before.toLowerCase() === first.toLowerCase() && VOWEL.test(first)) return left + right;
    return left.slice(0, -1) + right;
  }
  if ((last === '–' || last === '—') && /\d/.test(before) && /\d/.test(first)) return left + right;
  return `${left} ${right}`;
}

/** Words of a text (lower case, outer punctuation stripped), to tell how a hyphenated word is written. */
export function vocabulary(lines: string[]): Set<string> {
  const words = new Set<string>();
  for (const l of lines) {
    for (const raw of l.split(/\s+/)) {
      const w = raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').toLowerCase();
      if (w) words.add(w);
    }
  }
  return words;
}
