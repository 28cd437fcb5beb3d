// The lexical model scores a paragraph by packing its words' n-grams into integers looked up in a table
// of the known ones (GramIndex) instead of slicing out every n-gram: the score must be exactly what summing ngrams(text)'s
// ratios one by one gives, bit for bit (the codings' confidences are printed and must not move).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../src/language/tokens.js';
import { wordOf } from '../src/language/words.js';
import { type LexicalModel, LexicalTable, ngrams } from '../src/learn/lexical.js';

const root = join(import.meta.dirname, '..');

/** The score as the model defines it: the mean ratio over ngrams(text), added in that order. */
function naiveScore(model: LexicalModel, text: string): Map<string, number> {
  const grams = ngrams(text);
  const sums = new Float64Array(model.codes.length);
  for (const g of grams) {
    const r = model.ratio(g);
    if (r) for (let c = 0; c < sums.length; c++) sums[c] = (sums[c] as number) + (r[c] as number);
  }
  const probe = model.score('');
  const out = new Map<string, number>();
  model.codes.forEach((code, c) => {
    if (probe.has(code)) out.set(code, grams.length > 0 ? (sums[c] as number) / grams.length : 0);
  });
  return out;
}

const reports = readdirSync(join(root, 'reports'))
  .filter((f) => /\.(md|txt)$/.test(f))
  .map((f) => readFileSync(join(root, 'reports', f), 'utf8'));
const paragraphs = reports.flatMap((r) => r.split(/\n\s*\n/)).filter((p) => p.trim().length > 0);

// Items from the sample reports' paragraphs, each positive for one of three codes in turn.
const codes = ['a', 'b', 'c'];
const table = new LexicalTable(
  paragraphs.slice(0, 120).map((text, i) => ({ text, positive: [codes[i % 3] as string] })),
  codes,
);
const model = table.model();

describe('lexical score through the packed n-gram index', () => {
  it('equals the n-gram by n-gram mean on every paragraph of the sample reports', () => {
    for (const p of paragraphs) expect(model.score(p)).toEqual(naiveScore(model, p));
  });

  it('equals it on any text (unknown letters, short words, astral characters, markup)', () => {
    const letters = fc.constantFrom(...'aäöåbkunta hanke ÄÖ-:.\n𝒜éü^$1'.split(''));
    fc.assert(
      fc.property(fc.array(letters, { maxLength: 200 }), (chars) => {
        const text = chars.join('');
        const got = model.score(text);
        const want = naiveScore(model, text);
        expect([...got.keys()]).toEqual([...want.keys()]);
        for (const [k, v] of want)
          expect(Object.is(got.get(k), v), `${k} in ${JSON.stringify(text)}`).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("with more codes than the unrolled sum holds, and from the tokens' words, it is the same", () => {
    const many = Array.from({ length: 11 }, (_, i) => `c${i}`);
    const eleven = new LexicalTable(
      paragraphs.slice(0, 120).map((text, i) => ({ text, positive: [many[i % 11] as string] })),
      many,
    ).model();
    for (const p of paragraphs.slice(0, 60)) {
      const words = tokenize(p).map((t) => wordOf(t.lower));
      expect(eleven.score(p)).toEqual(naiveScore(eleven, p));
      expect(eleven.score(p, words)).toEqual(naiveScore(eleven, p));
      expect(model.score(p, words)).toEqual(naiveScore(model, p));
    }
  });

  it('a model leaving items out scores through the same index', () => {
    const partial = table.model((i) => i % 4 === 0);
    for (const p of paragraphs.slice(0, 40)) expect(partial.score(p)).toEqual(naiveScore(partial, p));
  });

  it('with more letters than six bits number (Greek and Cyrillic items), n-grams are sliced as strings', () => {
    const alphabet = [...'αβγδεζηθικλμνξοπρστυφχψωабвгдежзийклмнопрстуфхцчшщыэюяabcdefghijklmnopqrstuvwxyz'];
    const words = alphabet.map(
      (c, i) => `${c}${alphabet[(i + 1) % alphabet.length]}${alphabet[(i + 2) % alphabet.length]}kk`,
    );
    const wide = new LexicalTable(
      words.map((text, i) => ({ text, positive: [codes[i % 3] as string] })),
      codes,
    ).model();
    const text = words.join(' ');
    expect(wide.score(text)).toEqual(naiveScore(wide, text));
    expect([...wide.score(text).values()].some((v) => v !== 0)).toBe(true);
  });
});
