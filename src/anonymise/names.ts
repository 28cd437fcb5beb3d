// Person names: Finnish first names and surnames from @zxcvbn-ts/language-fi, read in any case
// ("Virtaselle" → Virtanen, "Korhosen" → Korhonen), and the role words that announce a name
// ("projektipäällikkö Joni Jokela", "kunnanjohtaja Virtanen").
import { dictionary } from '@zxcvbn-ts/language-fi';
import { readBuildData } from '../io/build-data.js';
import { WORDS } from './data/tables.generated.js';
import { Lexicon } from './lexicon.js';
import { type LexiconData, ValueTable } from './lexicon-data.js';

export interface NameRef {
  name: string;
  kind: 'first' | 'surname';
}

let cached: Lexicon<NameRef> | undefined;
let firstNames: Set<string> | undefined;

/** The name lexicon as plain data (lexicon-data.ts): written by the build, read back by nameLexicon(). */
export interface NameLexiconData {
  values: NameRef[];
  lexicon: LexiconData;
}

/** Where the build writes nameLexiconData() under dist/. */
export const NAME_LEXICON_DATA = 'anonymise/data/names.json';

/** All known first names and surnames, inflection-aware: the build's precompiled copy when there is one. */
export function nameLexicon(): Lexicon<NameRef> {
  if (cached) return cached;
  const data = readBuildData<NameLexiconData>(NAME_LEXICON_DATA);
  cached = data ? Lexicon.fromData(data.lexicon, data.values) : buildNameLexicon();
  return cached;
}

/** The name lexicon built from the word lists, as plain data. */
export function nameLexiconData(): NameLexiconData {
  const values = new ValueTable<NameRef>();
  const lexicon = buildNameLexicon().toData(values);
  return { values: values.list, lexicon };
}

function buildNameLexicon(): Lexicon<NameRef> {
  const lexicon = new Lexicon<NameRef>();
  for (const name of [...dictionary.femaleFirstnames, ...dictionary.maleFirstnames]) {
    lexicon.add({ name, kind: 'first' }, name);
  }
  for (const name of dictionary.lastnames) lexicon.add({ name, kind: 'surname' }, name);
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
