// The build writes the gazetteer and the name lexicon beside the compiled modules (scripts/build-vocabulary.mjs)
// so that runs do not stem the word lists again: each must be exactly what the sources compute from the
// word lists (a stale build fails here), and a lexicon read back from its data must answer like the original.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GAZETTEER_DATA, gazetteer, gazetteerData } from '../src/anonymise/gazetteer.js';
import { Lexicon } from '../src/anonymise/lexicon.js';
import { ValueTable } from '../src/anonymise/lexicon-data.js';
import { NAME_LEXICON_DATA, nameLexicon, nameLexiconData } from '../src/anonymise/names.js';

const dist = join(import.meta.dirname, '..', 'dist');
const built = (path: string) => join(dist, path);

describe('the precompiled lexicons', () => {
  it.each([
    ['gazetteer', GAZETTEER_DATA, gazetteerData],
    ['name lexicon', NAME_LEXICON_DATA, nameLexiconData],
  ] as const)('the build’s %s equals the one computed from the word lists', (_, path, compute) => {
    if (!existsSync(built(path))) {
      console.warn(`skipped: ${built(path)} is missing (run npm run build)`);
      return;
    }
    const data = JSON.parse(readFileSync(built(path), 'utf8'));
    const computed = JSON.parse(JSON.stringify(compute()));
    expect(data.values.length).toBeGreaterThan(1000);
    expect(data).toEqual(computed);
  });

  it('a lexicon read back from its data gives the same data again', () => {
    for (const lexicon of [gazetteer().lexicon, nameLexicon()] as Lexicon<unknown>[]) {
      const values = new ValueTable<unknown>();
      const data = lexicon.toData(values);
      const again = Lexicon.fromData(data, values.list).toData(new ValueTable<unknown>());
      expect(again).toEqual(data);
    }
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
  const values = new ValueTable<{ id: number }>();
  const copy = Lexicon.fromData(JSON.parse(JSON.stringify(original.toData(values))), values.list);

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
});
