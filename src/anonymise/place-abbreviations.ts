// A report's abbreviations of hyphenated places: "P-S" or "PS" for Pohjois-Satakunta, when the report
// uses them. Read once per report, before its analysis (anonymiser.ts prepare).
import { gazetteer } from './gazetteer.js';
import { anchoredMatches, runStart, stickyOf } from './recognizers/anchored.js';

/** Words that may abbreviate a place: one or two capitals, a hyphen perhaps, a capital. */
const ABBREVIATION = /\b\p{Lu}{1,2}-?\p{Lu}\b/gu;
/** Hyphenated capitalised words ("Pohjois-Satakunnan"). */
export const HYPHENATED = /\p{Lu}\p{L}+-\p{Lu}\p{L}+/gu;
const HYPHENATED_STICKY = stickyOf(HYPHENATED);
/** Where a hyphenated word's second part starts: every HYPHENATED match holds one. */
const SECOND_PART = /-\p{Lu}\p{L}/gu;
const LETTER = /^\p{L}$/u;

/**
 * The matches of HYPHENATED, tried only in the letters before a "-X" (anchored.ts): a match must start
 * among them, since only letters come between its first capital and its hyphen.
 */
export function hyphenated(text: string): RegExpExecArray[] {
  const starts: number[] = [];
  for (const m of text.matchAll(SECOND_PART)) {
    const hyphen = m.index ?? 0;
    // Every character (code point) of the word before the hyphen.
    for (let k = runStart(text, hyphen, LETTER); k < hyphen; k += (text.codePointAt(k) ?? 0) > 0xffff ? 2 : 1)
      starts.push(k);
  }
  return anchoredMatches(text, HYPHENATED_STICKY, starts);
}

export function placeAbbreviations(text: string): string[] {
  const out = new Set<string>();
  const words = new Set<string>();
  for (const m of text.matchAll(ABBREVIATION)) words.add(m[0]);
  if (words.size === 0) return [];
  for (const m of hyphenated(text)) {
    if (
      !gazetteer()
        .lexicon.lookup(m[0])
        .some((h) => !h.value.demonym)
    )
      continue;
    const initials = m[0].split('-').map((p) => p.charAt(0).toUpperCase());
    for (const abbr of [initials.join('-'), initials.join('')]) if (words.has(abbr)) out.add(abbr);
  }
  return [...out];
}
