// Each theme's examples run as tests: every `match` sentence gets the theme's code (or, for a main
// theme, one of its subthemes'), and no `noMatch` sentence does.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileCodebook } from '../src/codebook/compile.js';
import { loadCodebook } from '../src/codebook/load.js';
import { parseText } from '../src/parse/text.js';
import { codeDocument } from '../src/pipeline.js';

const dir = join(import.meta.dirname, '..', 'codebooks');
const books = readdirSync(dir).filter((f) => f.endsWith('.yaml') && f !== 'allow-list.yaml');

for (const file of books) {
  const loaded = loadCodebook(file, readFileSync(join(dir, file), 'utf8'));
  describe(`codebook ${file}`, () => {
    it('loads without diagnostics', () => {
      expect(loaded.ok ? [] : loaded.diagnostics).toEqual([]);
    });
    if (!loaded.ok) return;
    const compiled = compileCodebook(loaded.value);
    const family = (code: string) =>
      new Set(loaded.value.themes.filter((t) => t.code === code || t.parent === code).map((t) => t.code));
    const codesOf = (text: string) =>
      codeDocument(parseText(text, 'example', 'example'), compiled).codings.map((c) => c.code);
    for (const theme of loaded.value.themes) {
      const codes = family(theme.code);
      describe(`${theme.code} (${file}:${theme.line})`, () => {
        it.each(theme.examples.match)('codes: %s', (text) => {
          expect(codesOf(text).filter((c) => codes.has(c))).not.toEqual([]);
        });
        it.each(theme.examples.noMatch)('does not code: %s', (text) => {
          expect(codesOf(text).filter((c) => codes.has(c))).toEqual([]);
        });
      });
    }
  });
}
