// The build writes the anonymiser's stemmed vocabulary beside the compiled module (scripts/build-vocabulary.mjs)
// so that runs do not stem the word lists again: it must be exactly what vocabularyData() computes.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeKeys } from '../src/anonymise/lexicon-data.js';
import { vocabularyData } from '../src/anonymise/vocabulary.js';

const built = join(import.meta.dirname, '..', 'dist', 'anonymise', 'data', 'vocabulary.json');

describe('the precompiled vocabulary', () => {
  it.skipIf(!existsSync(built))('equals the vocabulary computed from the word lists', () => {
    const data = JSON.parse(readFileSync(built, 'utf8'));
    const computed = vocabularyData();
    for (const key of ['common', 'stems', 'shortStems', 'parts'] as const) {
      const words = decodeKeys(data[key]);
      expect(new Set(words), key).toEqual(new Set(computed[key]));
      expect(words.length, key).toBeGreaterThan(1000);
    }
  });
});
