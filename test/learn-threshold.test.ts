// Where the threshold is chosen: on the user's own items when they include text that should stay uncoded,
// else on paragraphs of whole reports, else on all items. A file of chosen quotes (every item coded) says
// nothing about where to stop coding: taken as the target, it put the threshold at the floor and coded
// everything (dev-passages κ 0.67 → 0.21 after learning from the 27 quotes).
import { describe, expect, it } from 'vitest';
import { thresholdItems } from '../src/learn/fit.js';
import type { TrainingItem } from '../src/learn/items.js';

const item = (id: string, codes: string[], extra: Partial<TrainingItem> = {}): TrainingItem => ({
  id,
  text: id,
  codes,
  also: [],
  source: 'x.yaml',
  ...extra,
});
const many = (n: number, make: (i: number) => TrainingItem) => Array.from({ length: n }, (_, i) => make(i));

const examples = many(30, (i) => item(`e${i}`, i % 2 ? ['a'] : []));
const reportParagraphs = many(70, (i) => item(`r${i}`, i % 3 ? [] : ['a'], { section: ['2. Tulokset'] }));
const indices = (all: TrainingItem[], prefix: string) =>
  new Set(all.flatMap((x, i) => (x.id.startsWith(prefix) ? [i] : [])));

describe('thresholdItems', () => {
  it('takes the user’s items when some of them stay uncoded', () => {
    const user = [
      ...many(25, (i) => item(`u${i}`, ['a'], { weight: 2 })),
      ...many(10, (i) => item(`n${i}`, [], { weight: 2 })),
    ];
    const all = [...examples, ...reportParagraphs, ...user];
    expect(thresholdItems(all)).toEqual(new Set([...indices(all, 'u'), ...indices(all, 'n')]));
  });

  it('passes over user items that are all coded (chosen quotes) for the paragraphs of whole reports', () => {
    const all = [...examples, ...reportParagraphs, ...many(27, (i) => item(`u${i}`, ['a'], { weight: 2 }))];
    expect(thresholdItems(all)).toEqual(indices(all, 'r'));
  });

  it('takes all items when neither set is large enough', () => {
    expect(thresholdItems(examples)).toEqual(new Set(examples.map((_, i) => i)));
  });
});
