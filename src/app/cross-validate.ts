// Cross-validation of `analyse eval --cv`: each gold item is coded by a model fitted on the codebook's own
// training items and every other gold item (leave one item out), so no figure rests on a model that saw
// the item it is measured on.

import { type Abstain, type Evaluation, predict, summarise } from '../eval/evaluate.js';
import type { GoldItem } from '../eval/gold.js';
import { fitModel, itemEvidence } from '../learn/fit.js';
import { balanceUserItems, goldItems } from '../learn/items.js';
import type { ParagraphEvidence } from '../tag/evidence.js';
import type { CodingSetup } from './coding-setup.js';

export function crossValidate(
  gold: readonly GoldItem[],
  source: string,
  setup: CodingSetup,
  abstain: Abstain = 'auto',
): Evaluation {
  const base = setup.context;
  const fitSetup = { compiled: base.compiled, rules: base.rules };
  // The codebook's own examples, and what the user gives: the other gold items and any --learn-from.
  const own = setup.items.filter((i) => i.weight === undefined);
  const learned = setup.items.filter((i) => i.weight !== undefined).map(({ weight: _, ...i }) => i);
  const asItems = goldItems(gold, source);
  const all = [...own, ...learned, ...asItems];
  // Evidence does not depend on the model: read each item once.
  const evidence = new Map(itemEvidence(all, fitSetup).map((e, j) => [all[j]?.id ?? '', e]));
  const results = gold.map((g, i) => {
    const user = [...learned, ...asItems.filter((_, j) => j !== i)];
    const items = balanceUserItems(own, user);
    const fit = fitModel(items, fitSetup, {
      evidence: items.map((it) => evidence.get(it.id) as ParagraphEvidence),
      lambda: base.model.fitted.lambda || undefined,
    });
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
    abstain,
  );
}
