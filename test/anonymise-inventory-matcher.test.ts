// The leak check's matcher of the run's inventory is extended, not rebuilt, when the inventory grows (the
// run checks every quote as the inventory fills): the hits must be exactly those of a matcher built anew,
// and a smaller, earlier list must keep its own hits.
import { describe, expect, it } from 'vitest';
import { findLeaks } from '../src/anonymise/index.js';

// Made-up words in lower case: only the inventory can find them (the second look finds nothing here).
const text = 'Palvelussa kvarkkinen ja zorbolaatti toimivat osoitteessa x7.zorbo, kvarkkisen kanssa.';
const hits = (inventory: string[]) =>
  findLeaks([{ file: 'quote', text }], inventory).map((l) => `${l.column}:${l.text}:${l.kind}`);

describe('the inventory matcher', () => {
  const small = ['kvarkkinen'];
  const grown = [...small, 'zorbolaatti', 'x7.zorbo'];

  it('a grown inventory finds what a matcher built for it alone finds', () => {
    const before = hits([...small]);
    const extended = hits(grown);
    const rebuilt = hits([...grown].reverse());
    expect(extended).toEqual(rebuilt);
    expect(before).toHaveLength(2);
    expect(extended).toHaveLength(4);
  });

  it('the smaller list, checked again afterwards, finds only its own', () => {
    const first = hits(small);
    hits(grown);
    expect(hits(small)).toEqual(first);
  });
});
