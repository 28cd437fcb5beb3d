// Cross-validation of `analyse eval --cv`: each gold item is coded by a model fitted on the codebook's own
// training items and every other gold item (leave one item out), so no figure rests on a model that saw
// the item it is measured on.

import { type Evaluation, predict, summarise } from '../eval/evaluate.js';
import type { GoldItem } from '../eval/gold.js';
import { fitModel, itemEvidence } from '../learn/fit.js';
import { goldItems } from '../learn/items.js';
import type { CodingSetup } from './coding-setup.js';

export function crossValidate(gold: readonly GoldItem[], source: string, setup: CodingSetup): Evaluation {
  const base = setup.context;
  const fitSetup = { compiled: base.compiled, rules: base.rules };
  const asItems = goldItems(gold, source);
  const all = [...setup.items, ...asItems];
  // Evidence does not depend on the model: read each item once.
  const evidence = itemEvidence(all, fitSetup);
  const results = gold.map((g, i) => {
    const keep = all.map((_, j) => j !== setup.items.length + i);
    const fit = fitModel(
      all.filter((_, j) => keep[j]),
      fitSetup,
      { evidence: evidence.filter((_, j) => keep[j]), lambda: base.model.fitted.lambda || undefined },
    );
    return predict(g, {
      ...base,
      model: fit.model,
      lexical: fit.lexical,
      ...(base.threshold !== undefined ? { threshold: base.threshold } : {}),
    });
  });
  return summarise(
    results,
    base.compiled.book.themes.map((t) => t.code),
  );
}
