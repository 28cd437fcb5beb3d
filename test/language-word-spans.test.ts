// The word scanner finds exactly the matches of the WORD regular expression it stands in for, on any text:
// joiners, digits, letters of any script, surrogate pairs and lone surrogates included.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countWordRuns, tokenize, WORD, wordSpans } from '../src/language/tokens.js';

const viaRegex = (text: string) =>
  [...text.matchAll(WORD)].flatMap((m) => [m.index ?? 0, (m.index ?? 0) + m[0].length]);

const PIECES = [
  'a',
  'Z',
  '7',
  'ä',
  'Ö',
  'å',
  ' ',
  '-',
  ':',
  "'",
  '’',
  '.',
  ',',
  '\n',
  '_',
  '²',
  '٣',
  'ǅ',
  'Σ',
  'ß',
  'İ',
  '\u0301',
  '\u00a0',
  '𝔙',
  '𝟘',
  '😀',
  '\ud800',
  '\udc00',
  'hanke',
  'Oy:n',
  'sosiaali- ',
  '--',
  "'s",
];

describe('wordSpans', () => {
  it.each([
    ['Suomi.fi-palvelut ja DVV:n', [0, 5, 6, 17, 18, 20, 21, 26]],
    ['sosiaali- ja terveys', [0, 8, 10, 12, 13, 20]],
    ["rock'n'roll’s", [0, 13]],
    ['a-:b', [0, 1, 3, 4]],
    ['𝔙𝔙 x', [0, 4, 5, 6]],
  ])('%j', (text, spans) => {
    expect(wordSpans(text)).toEqual(spans);
    expect(viaRegex(text)).toEqual(spans);
  });

  it('agrees with the regular expression on any text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        expect(wordSpans(text)).toEqual(viaRegex(text));
      }),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (text) => {
        expect(wordSpans(text)).toEqual(viaRegex(text));
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (text) => {
        expect(wordSpans(text)).toEqual(viaRegex(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('tokenises as before', () => {
    expect(tokenize('Hanke onnistui, Oy:n kanssa.', 10)).toEqual([
      { text: 'Hanke', lower: 'hanke', start: 10, end: 15 },
      { text: 'onnistui', lower: 'onnistui', start: 16, end: 24 },
      { text: 'Oy:n', lower: 'oy:n', start: 26, end: 30 },
      { text: 'kanssa', lower: 'kanssa', start: 31, end: 37 },
    ]);
  });
});

describe('countWordRuns', () => {
  it('counts the matches of /[\\p{L}\\p{N}]+/gu on any text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        expect(countWordRuns(text)).toBe((text.match(/[\p{L}\p{N}]+/gu) ?? []).length);
      }),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (text) => {
        expect(countWordRuns(text)).toBe((text.match(/[\p{L}\p{N}]+/gu) ?? []).length);
      }),
      { numRuns: 2000 },
    );
  });
});
