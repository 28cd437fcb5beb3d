// The leak check runs each contact pattern only on a text that holds the pattern's ASCII core (HOLDS in
// find-leaks.ts): a hand-written prefilter beside its pattern. If a core ever asked for more than every
// match holds, the check would skip a text with a leak in it. Every text the pattern matches must hold the
// core, over texts built from the pieces these patterns are made of.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HOLDS } from '../src/anonymise/check/find-leaks.js';

const PIECES = [
  ...'0123456789',
  '00',
  '+358',
  ' ',
  '\t',
  '\n',
  '-',
  '+',
  '.',
  ',',
  '_',
  '%',
  '@',
  '#',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  'at',
  'AT',
  'ät',
  'ÄT',
  'a',
  'A',
  'dot',
  'piste',
  'FI-',
  'FI',
  'Helsinki',
  'äiti',
  'Åbo',
  'x',
  'Y',
  'ſ',
  'K',
  '1234567-8',
  '010101-123A',
  '00100 ',
  '00100\t',
  'FI-00100',
  'Oulu',
  '040 123 4567',
  '040\t1234567',
  'nimi(at)',
  'nimi [ät] ',
  '{a}',
  '@kunta.fi',
  '010101+123B',
  'FI21',
  '1234',
  'ABCD',
  'FI21 1234 5600 0007 85',
];

const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((p) => p.join(''));

describe('the leak check’s pattern cores', () => {
  for (const [pattern, core] of HOLDS) {
    it(`every match of ${pattern.source.slice(0, 40)}… holds its core`, () => {
      const once = new RegExp(pattern.source, pattern.flags.replace('g', ''));
      let matched = 0;
      fc.assert(
        fc.property(text, (t) => {
          if (!once.test(t)) return;
          matched++;
          expect(core.test(t), t).toBe(true);
        }),
        { numRuns: 10000 },
      );
      // The texts do reach the pattern: a property over texts it never matches would prove nothing.
      expect(matched).toBeGreaterThan(0);
    });
  }
});
