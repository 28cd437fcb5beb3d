// Places that identify a report: the 309 current municipalities in Finnish and Swedish (from the postcode
// package, see scripts/build-gazetteer.mjs), former municipalities, regions and sub-regions, postal
// localities (villages), and the residents' names derived from them (kankaanpääläinen, närpesbor).

import { readBuildBytes } from '../io/build-data.js';
import { MUNICIPALITIES, POSTAL_LOCALITIES } from './data/municipalities.js';
import { AREA_PREFIXES, FORMER_MUNICIPALITIES, REGIONS, SUB_REGIONS } from './data/places.js';
import { demonymsOf } from './inflect.js';
import { Lexicon } from './lexicon.js';
import { putLexicon, putValues, takeLexicon, takeValues, ValueTable } from './lexicon-data.js';
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
  isAreaPrefix(lower: string): boolean;
}

/** Where the build writes gazetteerData() under dist/. */
export const GAZETTEER_DATA = 'anonymise/data/gazetteer.bin';

let cached: Gazetteer | undefined;

/** The gazetteer: the build's precompiled copy when there is one, else built from the lists. */
export function gazetteer(): Gazetteer {
  if (cached) return cached;
  const bytes = readBuildBytes(GAZETTEER_DATA);
  const built = bytes ? fromData(new Sections(bytes)) : gazetteerFromLists();
  const prefixes = new Set(AREA_PREFIXES);
  cached = {
    lexicon: built.lexicon,
    // Read when first asked for (the leak check's folded names): a lookup needs none of it.
    get names() {
      return built.names;
    },
    isAreaPrefix: (lower) => prefixes.has(lower),
  };
  return cached;
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
