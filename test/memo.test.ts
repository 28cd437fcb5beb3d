// The hot paths' bounded memo: an answer computed once per key, undefined answers remembered too, and
// the memo starts over once full (bounded memory), answers unchanged.
import { describe, expect, it } from 'vitest';
import { BoundedMemo } from '../src/memo.js';

describe('BoundedMemo', () => {
  it('computes an answer once per key, undefined included', () => {
    const calls: string[] = [];
    const memo = new BoundedMemo<string, string | undefined>(10);
    const compute = (k: string) => {
      calls.push(k);
      return k === 'none' ? undefined : k.toUpperCase();
    };
    expect(memo.get('kunta', compute)).toBe('KUNTA');
    expect(memo.get('kunta', compute)).toBe('KUNTA');
    expect(memo.get('none', compute)).toBeUndefined();
    expect(memo.get('none', compute)).toBeUndefined();
    expect(calls).toEqual(['kunta', 'none']);
  });

  it('starts over when full, and gives the same answers after', () => {
    let calls = 0;
    const memo = new BoundedMemo<number, number>(3);
    const square = (n: number) => {
      calls++;
      return n * n;
    };
    for (const n of [1, 2, 3]) memo.get(n, square);
    expect(calls).toBe(3);
    expect(memo.get(4, square)).toBe(16);
    expect(memo.get(1, square)).toBe(1);
    expect(calls).toBe(5);
  });
});
