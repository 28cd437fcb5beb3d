import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineIndex } from '../src/positions.js';

describe('LineIndex.point', () => {
  // [text, offset, line, column]
  it.each([
    ['', 0, 1, 1],
    ['abc', 0, 1, 1],
    ['abc', 3, 1, 4],
    ['ab\ncd', 2, 1, 3], // the \n itself belongs to line 1
    ['ab\ncd', 3, 2, 1],
    ['ab\ncd', 5, 2, 3],
    ['ab\r\ncd', 2, 1, 3], // \r
    ['ab\r\ncd', 3, 1, 4], // \n of the \r\n pair: still line 1
    ['ab\r\ncd', 4, 2, 1],
    ['ab\rcd', 3, 2, 1], // lone \r (old Mac) is a line break
    ['ab\r\rcd', 4, 3, 1],
    ['\n\n\n', 3, 4, 1],
    ['a\n\r\nb', 4, 3, 1], // \n then \r\n: two breaks
    ['ä😀\nö', 3, 1, 4], // columns count UTF-16 code units, like offsets
    ['ä😀\nö', 4, 2, 1],
  ])('%j at %i → %i:%i', (text, offset, line, column) => {
    expect(new LineIndex(text).point(offset)).toEqual({ line, column, offset });
  });

  it('clamps offsets outside the text', () => {
    const index = new LineIndex('ab\ncd');
    expect(index.point(-5)).toEqual({ line: 1, column: 1, offset: 0 });
    expect(index.point(99)).toEqual({ line: 2, column: 3, offset: 5 });
  });
});

describe('LineIndex.offset and lineCount', () => {
  it.each([
    ['a\nb\nc', 3],
    ['a\r\nb\r\nc', 3],
    ['a\rb\rc', 3],
    ['a\r\n', 2],
    ['', 1],
  ])('%j has %i lines', (text, lines) => {
    expect(new LineIndex(text).lineCount).toBe(lines);
  });

  it.each([
    ['ab\r\ncd\ref', 2, 1, 4],
    ['ab\r\ncd\ref', 3, 2, 8],
    ['ab\ncd', 9, 1, 3], // line past the end: the last line
    ['ab\ncd', 2, 99, 5], // column past the end: clamped to the text
  ])('%j line %i column %i → %i', (text, line, column, offset) => {
    expect(new LineIndex(text).offset(line, column)).toBe(offset);
  });
});

/** Strings rich in line breaks of every kind, next to multi-unit characters. */
const textWithBreaks = fc
  .array(fc.constantFrom('a', 'ä', 'Ö', ' ', '😀', '\n', '\r', '\r\n', 'x\ty'), { maxLength: 60 })
  .map((parts) => parts.join(''));

describe('LineIndex properties', () => {
  it('point(offset) → offset(line, column) round-trips for every offset', () => {
    fc.assert(
      fc.property(fc.oneof(textWithBreaks, fc.string({ unit: 'binary', maxLength: 80 })), (text) => {
        const index = new LineIndex(text);
        for (let o = 0; o <= text.length; o++) {
          const p = index.point(o);
          expect(p.offset).toBe(o);
          expect(p.line).toBeGreaterThanOrEqual(1);
          expect(p.line).toBeLessThanOrEqual(index.lineCount);
          expect(p.column).toBeGreaterThanOrEqual(1);
          expect(index.offset(p.line, p.column)).toBe(o);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('counts lines as \\r\\n, \\r and \\n separate them', () => {
    fc.assert(
      fc.property(textWithBreaks, (text) => {
        const index = new LineIndex(text);
        const lines = text.split(/\r\n|\r|\n/);
        expect(index.lineCount).toBe(lines.length);
        // Each line starts where the split says it does.
        let start = 0;
        lines.forEach((line, i) => {
          expect(index.offset(i + 1, 1)).toBe(start);
          expect(index.point(start)).toEqual({ line: i + 1, column: 1, offset: start });
          start += line.length;
          if (text.startsWith('\r\n', start)) start += 2;
          else start += 1;
        });
      }),
      { numRuns: 300 },
    );
  });
});
