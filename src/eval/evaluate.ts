// analyse eval: each gold item is coded as a report of its own; the prediction is the code with the
// highest summed score over the item's paragraphs, or 'none' when nothing is coded.
import type { CompiledCodebook } from '../codebook/compile.js';
import { parseText } from '../parse/text.js';
import { type CodeOptions, codeDocument } from '../pipeline.js';
import type { GoldItem } from './gold.js';
import { type Agreement, agreement } from './metrics.js';

export interface ItemResult {
  id: string;
  gold: string;
  predicted: string;
  score: number;
  scores: Record<string, number>;
}

export function predict(item: GoldItem, compiled: CompiledCodebook, options: CodeOptions = {}): ItemResult {
  const doc = parseText(item.text, item.id, item.id);
  const coded = codeDocument(doc, compiled, options);
  const sums: Record<string, number> = {};
  for (const c of coded.codings) sums[c.code] = Math.round(((sums[c.code] ?? 0) + c.score) * 1000) / 1000;
  let predicted = 'none';
  let best = 0;
  for (const [code, s] of Object.entries(sums).sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (s > best) {
      best = s;
      predicted = code;
    }
  }
  return { id: item.id, gold: item.code, predicted, score: best, scores: sums };
}

export function evaluate(
  items: readonly GoldItem[],
  compiled: CompiledCodebook,
  options: CodeOptions = {},
): { results: ItemResult[]; agreement: Agreement } {
  const results = items.map((i) => predict(i, compiled, options));
  const codes = [...compiled.book.themes.map((t) => t.code), 'none'];
  const used = new Set([...results.map((r) => r.gold), ...results.map((r) => r.predicted)]);
  return {
    results,
    agreement: agreement(
      results.map((r) => r.gold),
      results.map((r) => r.predicted),
      codes.filter((c) => used.has(c) || c === 'none'),
    ),
  };
}
