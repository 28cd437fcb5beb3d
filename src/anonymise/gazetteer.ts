// Places that identify a report: the 309 current municipalities in Finnish and Swedish (from the postcode
// package, see scripts/build-gazetteer.mjs), former municipalities, regions and sub-regions, postal
// localities (villages), and the residents' names derived from them (kankaanpääläinen, närpesbor).

import { readBuildBytes } from '../io/build-data.js';
import { MUNICIPALITIES, POSTAL_LOCALITIES } from './data/municipalities.js';
import { AREA_PREFIXES, FORMER_MUNICIPALITIES, REGIONS, SUB_REGIONS } from './data/places.js';
import { demonymsOf } from './inflect.js';
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

export type PlaceKind = 'municipality' | 'region' | 'locality';

export interface PlaceRef {
  /** One id per place across languages: "muni:214" for Kankaanpää, "region:Satakunta" for Satakunda too. */
  id: string;
  kind: PlaceKind;
  /** Finnish name (or the only name). */
  name: string;
  /** The word names the residents ("pomarkkulaiset"), not the place. */
  demonym: boolean;
}

export interface Gazetteer {
  lexicon: Lexicon<PlaceRef>;
  /** Every place name (all languages), for the leak check. */
  names: { name: string; ref: PlaceRef }[];
  /**
   * The kind of a municipality or region named by a word as file names and URLs write it: in lower case,
   * ä and å as a, ö as o, a hyphen also as "_" ("kankaanpaa", "pohjois_satakunta"); for the leak check.
   */
  foldedKind(lower: string): FoldedKind | undefined;
  isAreaPrefix(lower: string): boolean;
}

export type FoldedKind = 'municipality' | 'region';
const FOLDED_KINDS: readonly FoldedKind[] = ['municipality', 'region'];

/** Where the build writes gazetteerData() under dist/. */
export const GAZETTEER_DATA = 'anonymise/data/gazetteer.bin';

let cached: Gazetteer | undefined;

/** The gazetteer: the build's precompiled copy when there is one, else built from the lists. */
export function gazetteer(): Gazetteer {
  if (cached) return cached;
  const bytes = readBuildBytes(GAZETTEER_DATA);
  const file = bytes && new Sections(bytes);
  const built = file ? fromData(file) : gazetteerFromLists();
  const prefixes = new Set(AREA_PREFIXES);
  let folded: ((lower: string) => FoldedKind | undefined) | undefined;
  cached = {
    lexicon: built.lexicon,
    // Read when first asked for: a lookup needs none of it.
    get names() {
      return built.names;
    },
    foldedKind(lower) {
      folded ??= file ? foldedFromData(file) : foldedFromNames(built.names);
      return folded(lower);
    },
    isAreaPrefix: (lower) => prefixes.has(lower),
  };
  return cached;
}

/** The folded names (Gazetteer.foldedKind) and their kinds, later names overriding earlier ones. */
export function foldedNames(names: Gazetteer['names']): Map<string, FoldedKind> {
  const folded = new Map<string, FoldedKind>();
  for (const { name, ref } of names) {
    if (ref.kind === 'locality') continue;
    const kind: FoldedKind = ref.kind === 'region' ? 'region' : 'municipality';
    const lower = name.toLowerCase();
    for (const form of [lower, lower.replace(/[äå]/g, 'a').replace(/ö/g, 'o')]) {
      folded.set(form, kind);
      if (form.includes('-')) folded.set(form.replace(/-/g, '_'), kind);
    }
  }
  return folded;
}

function foldedFromNames(names: Gazetteer['names']): (lower: string) => FoldedKind | undefined {
  const folded = foldedNames(names);
  return (lower) => folded.get(lower);
}

/** The build's folded names: a key table and a kind (FOLDED_KINDS index) per key. */
function foldedFromData(file: Sections): (lower: string) => FoldedKind | undefined {
  const keys = takeKeyTable(file, 'folded');
  const kinds = file.array('folded.kinds', 'u8');
  return (lower) => {
    const k = keys.indexOf(lower);
    return k < 0 ? undefined : FOLDED_KINDS[kinds[k] ?? 0];
  };
}

/**
 * The gazetteer built from the word lists, as the build's file (lexicon-data.ts, sections.ts): the
 * values, the lexicon, and every place name with the index of its place among the values.
 */
export function gazetteerData(): Uint8Array {
  const { lexicon, names } = gazetteerFromLists();
  const values = new ValueTable<PlaceRef>();
  const out: Record<string, SectionValue> = {};
  putLexicon(out, 'lexicon', lexicon.toData(values));
  out.names = { json: names.map((n) => [n.name, values.of(n.ref)]) };
  putValues(out, 'values', values.list);
  const folded = foldedNames(names);
  putKeyTable(out, 'folded', KeyTable.of([...folded.keys()]));
  out['folded.kinds'] = Uint8Array.from([...folded.values()].map((kind) => FOLDED_KINDS.indexOf(kind)));
  return encodeSections(out);
}

function fromData(data: Sections): Pick<Gazetteer, 'lexicon' | 'names'> {
  const values = takeValues<PlaceRef>(data, 'values');
  let names: Gazetteer['names'] | undefined;
  return {
    lexicon: Lexicon.fromData(takeLexicon(data, 'lexicon'), values),
    get names() {
      names ??= data
        .json<[string, number][]>('names')
        .map(([name, i]) => ({ name, ref: values.at(i) as PlaceRef }));
      return names;
    },
  };
}

/** The gazetteer built from the word lists (what the build's file holds). */
export function gazetteerFromLists(): Pick<Gazetteer, 'lexicon' | 'names'> {
  const lexicon = new Lexicon<PlaceRef>();
  const names: { name: string; ref: PlaceRef }[] = [];
  const add = (ref: PlaceRef, name: string, finnish: boolean) => {
    lexicon.add(ref, name);
    names.push({ name, ref });
    const demonym: PlaceRef = { ...ref, demonym: true };
    if (finnish) for (const d of demonymsOf(name)) lexicon.add(demonym, d);
    else if (!name.includes(' ')) {
      // Swedish residents: närpesbo, närpesborna, vasabor.
      const base = name.toLowerCase();
      // Jakobstad → jakobstadsborna: a linking s after a consonant.
      const bases = /[^aeiouyåäö]$/u.test(base) ? [base, `${base}s`] : [base];
      for (const b of bases)
        for (const suffix of ['bo', 'bon', 'bor', 'borna', 'bornas', 'bos', 'are', 'arna'])
          lexicon.addForm(demonym, b + suffix, {
            case: suffix.endsWith('s') ? 'gen' : 'nom',
            number: suffix.startsWith('bo') && suffix.length > 2 ? 'pl' : 'sg',
          });
    }
  };
  const addPair = (kind: PlaceKind, id: string, pair: string) => {
    const [fi = '', sv] = pair.split('|');
    const ref: PlaceRef = { id, kind, name: fi, demonym: false };
    add(ref, fi, true);
    if (sv && sv !== fi) add(ref, sv, false);
  };

  for (const m of MUNICIPALITIES) {
    const ref: PlaceRef = { id: `muni:${m.code}`, kind: 'municipality', name: m.fi, demonym: false };
    // "Koski Tl" is written "Koski" in running text.
    const fi = m.fi.replace(/\s+Tl$/u, '');
    add(ref, fi, true);
    if (fi !== m.fi) add(ref, m.fi, false);
    if (m.sv !== m.fi) add(ref, m.sv, false);
  }
  for (const pair of FORMER_MUNICIPALITIES) addPair('municipality', `former:${pair.split('|')[0]}`, pair);
  for (const pair of [...REGIONS, ...SUB_REGIONS]) addPair('region', `region:${pair.split('|')[0]}`, pair);
  for (const name of POSTAL_LOCALITIES) {
    if (names.some((n) => n.name === name)) continue;
    addPair('locality', `loc:${name}`, name);
  }
  return { lexicon, names };
}
