// analyse eval: each gold item is coded as one paragraph (the unit the evaluator coded). The prediction is
// the most confident code when it reaches the threshold, else 'none'; `top` is the most confident code
// whatever its confidence (agreement when abstaining is not allowed, e.g. quotes that all carry a code).
import { itemSegment } from '../learn/items.js';
import { type CodingContext, tagParagraph } from '../tag/paragraph.js';
import { bootstrap, type Intervals, macroF1 } from './bootstrap.js';
import type { GoldItem } from './gold.js';
import { type Agreement, agreement } from './metrics.js';

export interface ItemResult {
  id: string;
  gold: string;
  predicted: string;
  top: string;
  confidence: number;
  confidences: Record<string, number>;
}

export function predict(item: GoldItem, context: CodingContext): ItemResult {
  const tagging = tagParagraph(itemSegment(item.text, item.id), context);
  const best = tagging.totals[0];
  const threshold = context.threshold ?? context.model.threshold;
  const confidences: Record<string, number> = {};
  for (const t of tagging.totals) confidences[t.code] = Math.round(t.confidence * 1000) / 1000;
  return {
    id: item.id,
    gold: item.code,
    predicted: best && best.confidence >= threshold ? best.code : 'none',
    top: best?.code ?? 'none',
    confidence: Math.round((best?.confidence ?? 0) * 1000) / 1000,
    confidences,
  };
}

export interface Evaluation {
  results: ItemResult[];
  /** Whether predictions could be 'none' (see Abstain). */
  abstains: boolean;
  agreement: Agreement;
  /** Macro-averaged F1 over the gold labels, and bootstrap 95 % intervals of the figures. */
  macroF1: number;
  intervals: Intervals;
  /** Agreement of the most confident code, abstention not allowed. */
  forced: Agreement;
}

/**
 * Whether a prediction may be 'none'. A gold file with `none` items poses the task of a run: is the passage
 * evidence at all, and of what. A gold file whose every item carries a code (quotes an evaluator chose as
 * evidence) poses only the second question, so `auto` then takes the most confident code.
 */
export type Abstain = 'auto' | 'always' | 'never';

export function evaluate(
  items: readonly GoldItem[],
  context: CodingContext,
  abstain: Abstain = 'auto',
): Evaluation {
  const results = items.map((i) => predict(i, context));
  return summarise(
    results,
    context.compiled.book.themes.map((t) => t.code),
    abstain,
  );
}

export function summarise(
  given: ItemResult[],
  codes: readonly string[],
  abstain: Abstain = 'auto',
): Evaluation {
  const abstains = abstain === 'always' || (abstain === 'auto' && given.some((r) => r.gold === 'none'));
  const results = abstains ? given : given.map((r) => ({ ...r, predicted: r.top }));
  const used = new Set([...results.map((r) => r.gold), ...results.map((r) => r.predicted)]);
  const labels = [...codes, 'none'].filter((c) => used.has(c));
  const gold = results.map((r) => r.gold);
  const predicted = results.map((r) => r.predicted);
  return {
    results,
    abstains,
    agreement: agreement(gold, predicted, labels),
    macroF1: Math.round(macroF1(gold, predicted, labels) * 10000) / 10000,
    intervals: bootstrap(gold, predicted, labels),
    forced: agreement(
      results.map((r) => r.gold),
      results.map((r) => r.top),
      [...codes].filter((c) => used.has(c) || results.some((r) => r.top === c)),
    ),
  };
}
