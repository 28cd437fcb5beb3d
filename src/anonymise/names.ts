// Person names: Finnish first names and surnames from @zxcvbn-ts/language-fi, read in any case
// ("Virtaselle" → Virtanen, "Korhosen" → Korhonen), and the role words that announce a name
// ("projektipäällikkö Joni Jokela", "kunnanjohtaja Virtanen").
import { dictionary } from '@zxcvbn-ts/language-fi';
import { WORDS } from './data/tables.generated.js';
import { Lexicon } from './lexicon.js';

export interface NameRef {
  name: string;
  kind: 'first' | 'surname';
}

let cached: Lexicon<NameRef> | undefined;
let firstNames: Set<string> | undefined;

/** All known first names and surnames, inflection-aware. */
export function nameLexicon(): Lexicon<NameRef> {
  if (cached) return cached;
  const lexicon = new Lexicon<NameRef>();
  for (const name of [...dictionary.femaleFirstnames, ...dictionary.maleFirstnames]) {
    lexicon.add({ name, kind: 'first' }, name);
  }
  for (const name of dictionary.lastnames) lexicon.add({ name, kind: 'surname' }, name);
  cached = lexicon;
  return lexicon;
}

/** A first name in the nominative ("heli", "anna-maija"): in "Heli Puputille" only the surname inflects. */
export function isFirstName(lower: string): boolean {
  firstNames ??= new Set([...dictionary.femaleFirstnames, ...dictionary.maleFirstnames]);
  return lower.split('-').every((part) => firstNames?.has(part));
}

// Titles and roles stay; the capitalised words after them are a name. Stems (data/words.yaml), so that
// every case of the role word counts ("projektipäällikkö", "hankekoordinaattorina", "päällikön").
const ROLE = new RegExp(`(${WORDS['role-stems'].join('|')})\\p{L}{0,7}$`, 'u');

/** A role word before a name, in any case ("projektipäällikkö", "hankekoordinaattorina"). */
export function isRoleWord(lower: string): boolean {
  return ROLE.test(lower);
}

let surnames: Set<string> | undefined;

/** A known surname, or a double surname with one known part ("suomalainen-ajanko"). */
export function isSurname(lower: string): boolean {
  surnames ??= new Set(dictionary.lastnames);
  return lower.split('-').some((p) => surnames?.has(p));
}
