// The text report of `analyse eval`: a `none` row and column only when some item is (or is predicted to
// be) without a code.
import { describe, expect, it } from 'vitest';
import { type ItemResult, summarise } from '../src/eval/evaluate.js';
import { agreement } from '../src/eval/metrics.js';
import { evalText } from '../src/render/eval-report.js';

const item = (id: string, gold: string, predicted: string): ItemResult => ({
  id,
  gold,
  predicted,
  top: predicted === 'none' ? gold : predicted,
  confidence: 0.9,
  confidences: {},
});

// The agreement is over the labels and `none` whether used or not: evalText itself leaves out an unused `none`.
function report(items: ItemResult[]): string {
  const a = agreement(
    items.map((i) => i.gold),
    items.map((i) => i.predicted),
    ['none'],
  );
  return evalText('gold.yaml', 'snowball', { ...summarise(items, []), agreement: a }, false);
}

describe('evalText', () => {
  it.each([
    [
      'no item is none',
      [item('a', 'success.x', 'success.x'), item('b', 'challenge.y', 'challenge.y')],
      false,
    ],
    ['a gold item is none', [item('a', 'none', 'success.x'), item('b', 'success.x', 'success.x')], true],
    [
      'an item is predicted none',
      [item('a', 'success.x', 'none'), item('b', 'success.x', 'success.x')],
      true,
    ],
  ])('%s', (_what, items, shown) => {
    const text = report(items);
    expect(/^none\s/m.test(text)).toBe(shown);
    expect(/\snone(\s|$)/.test(text.split('Confusion')[1]?.split('\n')[1] ?? '')).toBe(shown);
  });
});
