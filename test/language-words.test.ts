// Interned words: one Word per lower-cased string, each consumer's answer computed once and kept apart
// from the others', the folded word interned too.
import { describe, expect, it } from 'vitest';
import { wordOf } from '../src/language/words.js';

describe('wordOf', () => {
  it('gives one word per string, and each owner its own answer, computed once', () => {
    const a = {};
    const b = {};
    let calls = 0;
    const length = (s: string) => {
      calls++;
      return s.length;
    };
    const word = wordOf('hankkeessa');
    expect(wordOf(['hankkeessa'].join(''))).toBe(word);
    expect(word.answer(a, length)).toBe(10);
    expect(word.answer(a, length)).toBe(10);
    expect(word.answer(b, (s) => s.toUpperCase())).toBe('HANKKEESSA');
    expect(calls).toBe(1);
  });

  it('folds ä/ö/å into another interned word', () => {
    const word = wordOf('yhteistyö');
    expect(word.folded().lower).toBe('yhteistyo');
    expect(word.folded()).toBe(wordOf('yhteistyo'));
  });
});
