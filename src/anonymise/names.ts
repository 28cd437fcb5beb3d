// Person names: Finnish first names and surnames from @zxcvbn-ts/language-fi, read in any case
// ("Virtaselle" → Virtanen, "Korhosen" → Korhonen), and the role words that announce a name
// ("projektipäällikkö Joni Jokela", "kunnanjohtaja Virtanen").
import { dictionary } from '@zxcvbn-ts/language-fi';
import { readBuildBytes } from '../io/build-data.js';
import { WORDS } from './data/tables.generated.js';
import { KeyTable } from './key-table.js';
import { Lexicon } from './lexicon.js';
import {
  putKeyTable,
  putLexicon,
  putValues,
  takeKeyTable,
  takeLexicon,
  takeValues,
  ValueTable,
} from './lexicon-data.js';
import { encodeSections, Sections, type SectionValue } from './sections.js';

export interface NameRef {
  name: string;
  kind: 'first' | 'surname';
}

let cached: Lexicon<NameRef> | undefined;
let firstNames: { has(lower: string): boolean } | undefined;
let surnames: { has(lower: string): boolean } | undefined;

/** Where the build writes nameLexiconData() under dist/. */
export const NAME_LEXICON_DATA = 'anonymise/data/names.bin';

let file: Sections | null | undefined;
/** The build's file (lexicon-data.ts, sections.ts), read once; null when there is none (from the sources). */
function buildFile(): Sections | null {
  if (file === undefined) {
    const bytes = readBuildBytes(NAME_LEXICON_DATA);
    file = bytes ? new Sections(bytes) : null;
  }
  return file;
}

/** All known first names and surnames, inflection-aware: the build's precompiled copy when there is one. */
export function nameLexicon(): Lexicon<NameRef> {
  if (cached) return cached;
  const data = buildFile();
  cached = data
    ? Lexicon.fromData(takeLexicon(data, 'lexicon'), takeValues<NameRef>(data, 'values'))
    : nameLexiconFromLists();
  return cached;
}

const FIRST_NAMES = () => [...new Set([...dictionary.femaleFirstnames, ...dictionary.maleFirstnames])];
const SURNAMES = () => [...new Set(dictionary.lastnames)];

/** The name lexicon and the name sets built from the word lists, as the build's file. */
export function nameLexiconData(): Uint8Array {
  const values = new ValueTable<NameRef>();
  const lexicon = nameLexiconFromLists().toData(values);
  const out: Record<string, SectionValue> = {};
  putValues(out, 'values', values.list);
  putLexicon(out, 'lexicon', lexicon);
  putKeyTable(out, 'firstNames', KeyTable.of(FIRST_NAMES()));
  putKeyTable(out, 'surnames', KeyTable.of(SURNAMES()));
  return encodeSections(out);
}

/** The name lexicon built from the word lists (what the build's file holds). */
export function nameLexiconFromLists(): Lexicon<NameRef> {
  const lexicon = new Lexicon<NameRef>();
  for (const name of [...dictionary.femaleFirstnames, ...dictionary.maleFirstnames]) {
    lexicon.add({ name, kind: 'first' }, name);
  }
  for (const name of dictionary.lastnames) lexicon.add({ name, kind: 'surname' }, name);
  return lexicon;
}

/** A set of names: the build's table, or a Set of the word lists' names. */
function nameSet(name: string, words: () => string[]): { has(lower: string): boolean } {
  const data = buildFile();
  return data ? takeKeyTable(data, name) : new Set(words());
}

/** A first name in the nominative ("heli", "anna-maija"): in "Heli Puputille" only the surname inflects. */
export function isFirstName(lower: string): boolean {
  firstNames ??= nameSet('firstNames', FIRST_NAMES);
  return lower.split('-').every((part) => firstNames?.has(part));
}

// Titles and roles stay; the capitalised words after them are a name. Stems (data/words.yaml), so that
// every case of the role word counts ("projektipäällikkö", "hankekoordinaattorina", "päällikön").
const ROLE = new RegExp(`(${WORDS['role-stems'].join('|')})\\p{L}{0,7}$`, 'u');

/** A role word before a name, in any case ("projektipäällikkö", "hankekoordinaattorina"). */
export function isRoleWord(lower: string): boolean {
  return ROLE.test(lower);
}

/** A first name or a surname as the lists write it, the whole word ("heli", "virtanen"). */
export function isListedName(lower: string): boolean {
  firstNames ??= nameSet('firstNames', FIRST_NAMES);
  surnames ??= nameSet('surnames', SURNAMES);
  return firstNames.has(lower) || surnames.has(lower);
}

/** A known surname, or a double surname with one known part ("suomalainen-ajanko"). */
export function isSurname(lower: string): boolean {
  surnames ??= nameSet('surnames', SURNAMES);
  return lower.split('-').some((p) => surnames?.has(p));
}
