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

/** What a document tells about its line-end hyphens (see `joinContext`). */
export interface JoinContext {
  /** Words of the document, lower case: how a word is written where it is not broken. */
  words: ReadonlySet<string>;
  /** The document was hyphenated automatically: a line-end hyphen is usually not part of the word. */
  autoHyphenated: boolean;
}

const DEFAULT_CONTEXT: JoinContext = { words: new Set(), autoHyphenated: true };

/**
 * Joins two lines of one paragraph, mending words hyphenated at the line end: "kehittä-" + "mistä" →
 * "kehittämistä". The hyphen stays before a capital or digit ("Pohjois-Satakunta", "2020-2021"). Otherwise
 * the document's own words decide first: a form found elsewhere in it (joined or hyphenated) wins, so
 * "prosesse-" + "ja," is "prosesseja,". Before a conjunction followed by a word the hyphen marks an elided
 * word and stays with a space ("sosiaali- ja terveyspalvelut"); in a document that was not hyphenated
 * automatically that holds even against the document's words. Then the
 * hyphen stays where it is part of the word: after an abbreviation ("ICT-palvelut", "Suomi.fi-palvelut"),
 * after a name the document also uses on its own ("Excel-taulukko");
 * between two equal vowels (Finnish compounds: "kunta-alue", "vapaa-aika"); and everywhere in a document
 * that was not hyphenated automatically (Word's default), where a line-end hyphen is a real one.
 */
export function joinLines(a: string, b: string, context: JoinContext = DEFAULT_CONTEXT): string {
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
    const rawNext = /^\S*/.exec(right)?.[0] ?? '';
    const nextWord = rawNext.toLowerCase().replace(/[.,;:!?)]+$/, '');
    // "sosiaali- ja terveys": a conjunction with a word after it; "prosesse- ja," is a syllable.
    const elision = CONJUNCTIONS.has(rawNext.toLowerCase()) && /^\S+\s+\p{L}/u.test(right);
    if (elision && !context.autoHyphenated) return `${left} ${right}`;
    if (!/\p{Ll}/u.test(first)) return left + right;
    const stem = word.replace(/^[^\p{L}\p{N}]+/u, '').toLowerCase();
    if (stem && nextWord) {
      const joined = context.words.has(stem + nextWord);
      const hyphened = context.words.has(`${stem}-${nextWord}`);
      if (hyphened && !joined) return left + right;
      if (joined && !hyphened) return left.slice(0, -1) + right;
    }
    if (elision) return `${left} ${right}`;
    if (!context.autoHyphenated) return left + right;
    // The part after the word's last hyphen: "Kesä-hei-" is "hei".
    const part = (word.split(/[-\u2010]/).at(-1) ?? '').replace(/^[("'“”«]+/, '');
    if (part.length < 2 || /[\p{Lu}\p{N}.]/u.test(part.slice(1))) return left + right;
    // A capitalised part inside a sentence is a name; if the document also has it on its own it is a
    // name in a compound ("Excel-taulukko"), otherwise a long name hyphenated ("Kir-manrannan").
    const sentenceStart = /(^|[.!?:]["”»’)]*\s+)\S*$/u.test(left.slice(0, -1));
    if (/^\p{Lu}/u.test(part) && !sentenceStart && context.words.has(part.toLowerCase())) return left + right;
    if (before.toLowerCase() === first.toLowerCase() && VOWEL.test(first)) return left + right;
    return left.slice(0, -1) + right;
  }
  if ((last === '–' || last === '—') && /\d/.test(before) && /\d/.test(first)) return left + right;
  return `${left} ${right}`;
}

/** Words of a text (lower case, outer punctuation stripped), to tell how a hyphenated word is written. */
function vocabulary(lines: string[]): Set<string> {
  const words = new Set<string>();
  for (const l of lines) {
    for (const raw of l.split(/\s+/)) {
      // A word broken at the line end is only a piece of a word.
      if (/[-\u2010\u00ad]$/.test(raw)) continue;
      const w = raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').toLowerCase();
      if (w) words.add(w);
    }
  }
  return words;
}

/**
 * Reads a document's line ends. Automatic hyphenation leaves a hyphen at the end of many lines (in
 * Finnish, of one line in five or more); without it only hyphenated compounds end a line so, a few in a
 * hundred. `lines` are the document's lines in reading order.
 */
export function joinContext(lines: string[]): JoinContext {
  let breaks = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    if (/\p{L}[-\u2010]$/u.test(lines[i] as string) && /^\p{Ll}/u.test(lines[i + 1] as string)) breaks++;
  }
  return { words: vocabulary(lines), autoHyphenated: breaks >= 2 && breaks / lines.length >= 0.05 };
}
