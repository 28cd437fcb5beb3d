// The build writes the anonymiser's stemmed vocabulary beside the compiled module (scripts/build-vocabulary.mjs)
// as key tables a run uses as they are: each must hold exactly the words vocabularyData() computes.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dictionary } from '@zxcvbn-ts/language-fi';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyTable } from '../src/anonymise/key-table.js';
import { takeKeyTable } from '../src/anonymise/lexicon-data.js';
import { Sections } from '../src/anonymise/sections.js';
import { VOCABULARY_DATA, vocabulary, vocabularyData, vocabularyFile } from '../src/anonymise/vocabulary.js';

const built = join(import.meta.dirname, '..', 'dist', VOCABULARY_DATA);
const KEYS = ['common', 'stems', 'shortStems', 'parts', 'everyday'] as const;

describe.skipIf(!existsSync(built))('the precompiled vocabulary', () => {
  it('holds the words computed from the word lists, and no other', () => {
    const file = new Sections(readFileSync(built));
    const computed = vocabularyData();
    for (const key of KEYS) {
      const table = takeKeyTable(file, key);
      const words = computed[key];
      expect(words.length, key).toBeGreaterThan(1000);
      expect(table.size, key).toBe(words.length);
      for (const w of words) expect(table.has(w), `${key} ${w}`).toBe(true);
      // Non-words: each word changed at its end, at its start, and cut short.
      const set = new Set(words);
      for (const w of words.slice(0, 3000))
        for (const other of [`${w}x`, `q${w}`, w.slice(0, -1), w.toUpperCase()])
          expect(table.has(other), `${key} ${other}`).toBe(set.has(other));
    }
  });

  it('is what vocabularyFile() writes, byte for byte', () => {
    expect(Buffer.from(vocabularyFile()).equals(readFileSync(built))).toBe(true);
  });
});

describe('isPersonName', () => {
  it('knows exactly the first names and surnames of the lists, whole words only', () => {
    const names = new Set([
      ...dictionary.femaleFirstnames,
      ...dictionary.maleFirstnames,
      ...dictionary.lastnames,
    ]);
    const { isPersonName } = vocabulary();
    for (const w of names) expect(isPersonName(w), w).toBe(true);
    for (const w of [...names].slice(0, 3000))
      for (const other of [`${w}x`, `q${w}`, w.slice(0, -1), w.toUpperCase(), `${w}-${w}`])
        expect(isPersonName(other), other).toBe(names.has(other));
  });
});

describe('a key table', () => {
  it('answers as a Set of its keys', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ maxLength: 8 })),
        fc.array(fc.string({ maxLength: 8 })),
        (keys, probes) => {
          const table = KeyTable.of(keys);
          const set = new Set(keys);
          expect(table.size).toBe(keys.length);
          keys.forEach((k, i) => {
            expect(table.indexOf(k)).toBe(i);
            expect(table.keyAt(i)).toBe(k);
          });
          for (const p of probes) expect(table.has(p)).toBe(set.has(p));
        },
      ),
    );
  });

  it('refuses a key given twice', () => {
    expect(() => KeyTable.of(['a', 'b', 'a'])).toThrow(/twice/);
  });
});
