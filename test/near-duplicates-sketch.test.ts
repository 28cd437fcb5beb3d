// sketchOf finds its words with the character scanner and lower-cases Latin-1 words one character at a
// time. The sketch must be exactly the one of the plain definition (every /[\p{L}\p{N}]+/gu match,
// lower-cased with toLowerCase, hashed, five at a time): a different sketch could join or split reports.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sketchOf } from '../src/aggregate/near-duplicates.js';

/** The sketch by its definition, as it was computed before the scanner. */
function referenceSketch(text: string): Uint32Array {
  const sketch = new Uint32Array(128).fill(0xffffffff);
  const window: number[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const word = m[0].toLowerCase();
    let w = 0x811c9dc5;
    for (let i = 0; i < word.length; i++) w = Math.imul(w ^ word.charCodeAt(i), 0x01000193);
    window.push(w >>> 0);
    if (window.length > 5) window.shift();
    if (window.length < 5) continue;
    let h = 0x811c9dc5;
    for (const x of window) h = Math.imul(h ^ x, 0x01000193);
    h >>>= 0;
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    h = (h ^ (h >>> 16)) >>> 0;
    const bin = h & 127;
    if (h >>> 7 < (sketch[bin] as number)) sketch[bin] = h >>> 7;
  }
  return sketch;
}

/** Characters where lower-casing is not one Latin-1 letter to another, or a word ends or is split. */
const TRICKY = [
  ...'AZazÀÞßàþÿ×÷µªº²¹¼ÄÖÅäöåÉ',
  'İ', // lower-cases to two units
  'Σ', // a final sigma lower-cases by context
  'ſ',
  'K', // Kelvin sign
  '\u0345',
  '𝔙', // an astral letter
  '\ud800', // a lone surrogate
  '\u00ad', // soft hyphen
  ..." \n\t-:.,’'0123456789",
];

const textOf = fc
  .array(fc.oneof(fc.constantFrom(...TRICKY), fc.constantFrom('hanke', 'Kunta', 'ÄÄNI', 'vi', 'ΣΟΦΙΑΣ')), {
    maxLength: 120,
  })
  .map((parts) => parts.join(''));

describe('sketchOf', () => {
  it('is the sketch of its definition on any text', () => {
    fc.assert(
      fc.property(textOf, (text) => {
        expect([...sketchOf(text)]).toEqual([...referenceSketch(text)]);
      }),
      { numRuns: 3000 },
    );
  });

  it('is the sketch of its definition on every Latin-1 character in a word', () => {
    for (let c = 0; c < 0x100; c++) {
      const ch = String.fromCharCode(c);
      const text = `alku ${ch}sana sa${ch}na sana${ch} ${ch.repeat(3)} loppu yksi kaksi kolme`;
      expect([...sketchOf(text)], `U+${c.toString(16)}`).toEqual([...referenceSketch(text)]);
    }
  });

  it('is the sketch of its definition on the sample reports and seeds', () => {
    const dirs = ['reports', '../shared/seeds'].filter((d) => {
      try {
        return readdirSync(d).length > 0;
      } catch {
        return false;
      }
    });
    let checked = 0;
    for (const dir of dirs)
      for (const f of readdirSync(dir).filter((n) => /\.(md|txt)$/.test(n))) {
        const text = readFileSync(join(dir, f), 'utf8');
        expect([...sketchOf(text)], f).toEqual([...referenceSketch(text)]);
        checked++;
      }
    expect(checked).toBeGreaterThan(0);
  });
});
