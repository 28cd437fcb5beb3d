// The build writes the gazetteer and the name lexicon beside the compiled modules (scripts/build-vocabulary.mjs)
// so that runs do not stem the word lists again: each must be exactly what the sources compute from the
// word lists (a stale build fails here), and a lexicon read back from its data must answer like the
// original, for every key it holds and for words it does not.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  foldedNames,
  GAZETTEER_DATA,
  gazetteer,
  gazetteerData,
  gazetteerFromLists,
} from '../src/anonymise/gazetteer.js';
import { Lexicon } from '../src/anonymise/lexicon.js';
import { putLexicon, putValues, takeLexicon, takeValues, ValueTable } from '../src/anonymise/lexicon-data.js';
import {
  isFirstName,
  isSurname,
  NAME_LEXICON_DATA,
  nameLexicon,
  nameLexiconData,
  nameLexiconFromLists,
} from '../src/anonymise/names.js';
import { encodeSections, Sections, type SectionValue } from '../src/anonymise/sections.js';

const dist = join(import.meta.dirname, '..', 'dist');
const built = (path: string) => join(dist, path);

/** A lexicon through the build's file format and back. */
function throughFile<T>(lexicon: Lexicon<T>): Lexicon<T> {
  const values = new ValueTable<T>();
  const out: Record<string, SectionValue> = {};
  putLexicon(out, 'lexicon', lexicon.toData(values));
  putValues(out, 'values', values.list);
  const file = new Sections(encodeSections(out));
  return Lexicon.fromData(takeLexicon(file, 'lexicon'), takeValues<T>(file, 'values'));
}

describe('the precompiled lexicons', () => {
  it.each([
    ['gazetteer', GAZETTEER_DATA, gazetteerData],
    ['name lexicon', NAME_LEXICON_DATA, nameLexiconData],
  ] as const)('the build’s %s is what the sources compute from the word lists', (_, path, compute) => {
    if (!existsSync(built(path))) {
      console.warn(`skipped: ${built(path)} is missing (run npm run build)`);
      return;
    }
    expect(Buffer.from(compute()).equals(readFileSync(built(path)))).toBe(true);
  });

  it.each([
    ['gazetteer', () => gazetteerFromLists().lexicon],
    ['name lexicon', nameLexiconFromLists],
  ] as const)(
    'the %s read from its file answers every key and its neighbours as the lists’ one',
    (_, make) => {
      const original: Lexicon<unknown> = make();
      const copy = throughFile(original);
      const keys = original.dataKeys();
      expect(copy.dataKeys()).toEqual(keys);
      expect(keys.stems.length).toBeGreaterThan(1000);
      // Every key, and around every fifth one words that are no key (kept to some seconds).
      [...keys.stems, ...keys.exact].forEach((key, i) => {
        const words = i % 5 === 0 ? [key, `${key}ssa`, `${key}n`, `${key}x`, key.slice(0, -1)] : [key];
        for (const word of words) expect(copy.lookupLower(word), word).toEqual(original.lookupLower(word));
      });
    },
  );

  it('the folded place names read from the build are those of the lists’ names', () => {
    const { names } = gazetteerFromLists();
    const folded = foldedNames(names);
    expect(folded.size).toBeGreaterThan(500);
    const words = [...folded.keys()].flatMap((k) => [k, `${k}x`, k.slice(1)]);
    for (const { name } of names) words.push(name.toLowerCase().replace(/[äåö]/g, 'a'));
    for (const word of words) expect(gazetteer().foldedKind(word), word).toBe(folded.get(word));
  });

  it('the run’s lexicons and name sets are the build’s or the lists’, alike', () => {
    expect(gazetteer().lexicon.lookup('Kankaanpäässä').length).toBeGreaterThan(0);
    expect(nameLexicon().lookup('Virtaselle').length).toBeGreaterThan(0);
    expect(isFirstName('anna-maija')).toBe(true);
    expect(isSurname('suomalainen-ajanko')).toBe(true);
    expect(isFirstName('kunta')).toBe(false);
  });
});

describe('a lexicon read back from its data', () => {
  const NAMES = [
    'Kankaanpää',
    'Lahti',
    'Uusikaupunki',
    'Pielisen Karjala',
    'KS Viestintä',
    'Siikainen',
    'Virrat',
  ];
  const original = new Lexicon<{ id: number }>();
  NAMES.forEach((name, id) => {
    original.add({ id }, name);
  });
  original.addForm({ id: 99 }, 'närpesborna', { case: 'nom', number: 'pl' });
  const copy = throughFile(original);

  it.each([
    'Kankaanpäässä',
    'Lahdessa',
    'Uudessakaupungissa',
    'Siikaisten',
    'Virroilla',
    'närpesborna',
    'Lahtikin',
    'Turussa',
  ])('reads %s as the original does', (word) => {
    expect(copy.lookup(word)).toEqual(original.lookup(word));
  });

  it('matches multi-word names as the original does', () => {
    const words = ['pielisen', 'karjalassa', 'ks', 'viestinnälle', 'lahti'];
    for (let i = 0; i < words.length; i++) expect(copy.matchAt(words, i)).toEqual(original.matchAt(words, i));
  });

  it('answers any word as the original does', () => {
    fc.assert(
      fc.property(fc.constantFrom(...NAMES), fc.string({ maxLength: 6 }), (name, tail) => {
        const word = (name.split(' ').pop() ?? '').toLowerCase().slice(0, -2) + tail;
        expect(copy.lookup(word)).toEqual(original.lookup(word));
      }),
    );
  });

  it('keeps one object per value', () => {
    const a = copy.lookup('Lahdessa')[0]?.value;
    expect(a).toBeDefined();
    expect(copy.lookup('Lahteen')[0]?.value).toBe(a);
  });

  it('takes no more names', () => {
    expect(() => copy.add({ id: 5 }, 'Pori')).toThrow(/no names/);
  });
});
