// Interned words: one Word per lower-cased string, each consumer's answer computed once and kept apart
// from the others', the folded word interned too.
import { describe, expect, it } from 'vitest';
import { type Word, WordMemo, wordOf } from '../src/language/words.js';

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

describe('WordMemo', () => {
  it('keeps answers on at most `limit` words, and gives the same answers after forgetting', () => {
    let calls = 0;
    const memo = new WordMemo<number>(2, (s) => {
      calls++;
      return s.length;
    });
    const [a, b, c] = ['kunta', 'hanke', 'digituki'].map(wordOf) as [Word, Word, Word];
    expect([memo.get(a), memo.get(b), memo.get(a)]).toEqual([5, 5, 5]);
    expect(calls).toBe(2);
    expect(memo.get(c)).toBe(8);
    expect(a.has(memo)).toBe(false);
    expect(memo.get(a)).toBe(5);
    expect(calls).toBe(4);
  });
});
