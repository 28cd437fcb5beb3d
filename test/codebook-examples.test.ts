// Each codebook loads, and its fitted model reproduces the codebook's own examples: a `match` sentence gets
// the theme's code (or, for a main theme, one of its subthemes'), a `noMatch` sentence does not. The model
// is fitted on these very examples (with the examples folder), so this is its training fit, not a measure
// of unseen text (see README, Measuring): it must hold for nearly all, and every miss is listed.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCodebook } from '../src/codebook/load.js';
import { predict } from '../src/eval/evaluate.js';
import { itemSegment } from '../src/learn/items.js';
import { tagParagraph } from '../src/tag/paragraph.js';
import { CODEBOOKS, coding } from './fixtures/coding.js';

const books = readdirSync(CODEBOOKS).filter((f) => f.endsWith('.yaml') && f !== 'allow-list.yaml');
/** Share of a codebook's inline examples the fitted model must reproduce. */
const TRAINING_FIT = 0.9;

for (const file of books) {
  const path = join(CODEBOOKS, file);
  const loaded = loadCodebook(file, readFileSync(path, 'utf8'));
  describe(`codebook ${file}`, () => {
    it('loads without diagnostics', () => {
      expect(loaded.ok ? [] : loaded.diagnostics).toEqual([]);
    });
    if (!loaded.ok) return;
    const book = loaded.value;
    const family = (code: string) =>
      new Set(book.themes.filter((t) => t.code === code || t.parent === code).map((t) => t.code));

    it(`reproduces at least ${TRAINING_FIT * 100} % of its match and of its noMatch examples`, async () => {
      const context = await coding(path);
      const codesOf = (text: string) =>
        tagParagraph(itemSegment(text, 'example'), context).codings.map((c) => c.code);
      const misses: string[] = [];
      let match = 0;
      let matched = 0;
      let noMatch = 0;
      let kept = 0;
      for (const theme of book.themes) {
        const codes = family(theme.code);
        for (const text of theme.examples.match) {
          match++;
          if (codesOf(text).some((c) => codes.has(c))) matched++;
          else misses.push(`${theme.code} should code: ${text}`);
        }
        for (const text of theme.examples.noMatch) {
          noMatch++;
          if (!codesOf(text).some((c) => codes.has(c))) kept++;
          else misses.push(`${theme.code} should not code: ${text}`);
        }
      }
      if (misses.length > 0)
        console.log(`${file}: ${misses.length} examples missed\n  ${misses.join('\n  ')}`);
      expect(matched / Math.max(1, match)).toBeGreaterThanOrEqual(TRAINING_FIT);
      expect(kept / Math.max(1, noMatch)).toBeGreaterThanOrEqual(TRAINING_FIT);
    });

    it('gives every prediction a confidence in [0, 1]', async () => {
      const context = await coding(path);
      const text = book.themes[0]?.examples.match[0] ?? 'Hanke toteutettiin.';
      const r = predict({ id: 'x', code: 'none', text }, context);
      for (const v of Object.values(r.confidences)) {
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
      }
    });
  });
}
