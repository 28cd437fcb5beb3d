// Operators, one per entity kind (Presidio's anonymizer operators): 'placeholder' writes a case-keeping
// placeholder ("Kankaanpäässä" → "[kunnassa]"), 'numbered' the same with a letter per entity within a
// report ("[kunta A:ssa]"), 'redact' a plain mark ("[…]"), 'keep' leaves the text. The tables behind
// the placeholders are data (data/placeholders.yaml).
import {
  FI_FIXED,
  FI_PARADIGMS,
  LETTER_READINGS,
  type PlaceholderNoun,
  SV_PLACEHOLDERS,
} from './data/tables.generated.js';
import type { Case, Inflection } from './inflect.js';
import type { OperatorName } from './types.js';

export type { PlaceholderNoun };

/** Ending of a letter in a case, written after a colon: ("A", iness) → ":ssa", ("F", ill) → ":ään". */
export function letterEnding(letter: string, c: Case): string {
  const reading = LETTER_READINGS[letter.charAt(0)] ?? 'aa';
  const back = /[aou]/.test(reading);
  const a = back ? 'a' : 'ä';
  const vowelFinal = /[aeiouyäö]$/.test(reading);
  const lastVowel = reading.replace(/[^aeiouyäö]/g, '').slice(-1) || 'a';
  switch (c) {
    case 'nom':
      return '';
    case 'gen':
      return ':n';
    case 'part':
      return vowelFinal ? `:t${a}` : `:${a}${a}`;
    case 'ess':
      return `:n${a}`;
    case 'transl':
      return ':ksi';
    case 'iness':
      return `:ss${a}`;
    case 'elat':
      return `:st${a}`;
    case 'ill':
      return vowelFinal ? `:h${lastVowel}n` : `:${a}${a}n`;
    case 'adess':
      return `:ll${a}`;
    case 'ablat':
      return `:lt${a}`;
    case 'allat':
      return ':lle';
    case 'abess':
      return `:tt${a}`;
    case 'comit':
      return ':ineen';
  }
}

/** Letter for the n-th entity of a kind in a report: A, B, …, Z, A2, B2, … */
export function letterFor(n: number): string {
  const letter = String.fromCharCode(65 + (n % 26));
  return n < 26 ? letter : `${letter}${Math.floor(n / 26) + 1}`;
}

function finnishForm(noun: string, infl: Inflection): string {
  const p = FI_PARADIGMS[noun];
  if (!p) return FI_FIXED[noun] ?? noun;
  return p[infl.number][infl.case] ?? p[infl.number].nom ?? p.sg.nom ?? noun;
}

/**
 * The placeholder text, brackets included.
 * Finnish: placeholder('kunta', {iness, sg}) → "[kunnassa]"; numbered 'A' → "[kunta A:ssa]";
 * residents numbered → "[A-kuntalaisille]". Swedish: "[kommunen]", "[kommun A]", "[kommun A:s]".
 */
export function placeholder(
  noun: PlaceholderNoun,
  infl: Inflection,
  lang: 'fi' | 'sv' = 'fi',
  letter?: string,
): string {
  if (lang === 'sv') {
    const [definite, genitive, stem] = SV_PLACEHOLDERS[noun] ?? [noun, noun, noun];
    if (letter && FI_PARADIGMS[noun]) return `[${stem} ${letter}${infl.case === 'gen' ? ':s' : ''}]`;
    return `[${infl.case === 'gen' ? genitive : definite}]`;
  }
  if (!FI_PARADIGMS[noun]) return `[${FI_FIXED[noun] ?? noun}]`;
  if (!letter) return `[${finnishForm(noun, infl)}]`;
  if (noun === 'kuntalainen') return `[${letter}-${finnishForm(noun, infl)}]`;
  if (infl.number === 'pl' && infl.case !== 'nom') return `[${finnishForm(noun, infl)} ${letter}]`;
  return `[${finnishForm(noun, { case: 'nom', number: infl.number })} ${letter}${letterEnding(letter, infl.case)}]`;
}

export interface OperatorInput {
  original: string;
  noun: PlaceholderNoun;
  infl: Inflection;
  lang: 'fi' | 'sv';
  /** The entity's letter, for 'numbered'. */
  letter?: string;
}

export const OPERATORS: Record<OperatorName, (x: OperatorInput) => string> = {
  placeholder: (x) => placeholder(x.noun, x.infl, x.lang),
  numbered: (x) => placeholder(x.noun, x.infl, x.lang, x.letter),
  redact: () => '[…]',
  keep: (x) => x.original,
};
