// Agreement metrics between gold and predicted labels: accuracy, Cohen's kappa, per-label precision,
// recall and F1, the confusion matrix, and polarity accuracy (the part of a code before the first dot).

export interface LabelMetrics {
  label: string;
  support: number;
  predicted: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Agreement {
  n: number;
  accuracy: number;
  kappa: number;
  polarityAccuracy: number;
  labels: string[];
  perLabel: LabelMetrics[];
  /** confusion[gold][predicted] = count */
  confusion: Record<string, Record<string, number>>;
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

export function polarityOf(code: string): string {
  if (code === 'none') return 'none';
  const i = code.indexOf('.');
  return i === -1 ? code : code.slice(0, i);
}

export function agreement(
  gold: readonly string[],
  predicted: readonly string[],
  extraLabels: readonly string[] = [],
): Agreement {
  const n = gold.length;
  const labels = [...new Set([...extraLabels, ...gold, ...predicted])].sort();
  const confusion: Record<string, Record<string, number>> = {};
  for (const g of labels) confusion[g] = Object.fromEntries(labels.map((p) => [p, 0]));
  let agree = 0;
  let polar = 0;
  gold.forEach((g, i) => {
    const p = predicted[i] ?? 'none';
    (confusion[g] as Record<string, number>)[p] = ((confusion[g] as Record<string, number>)[p] ?? 0) + 1;
    if (g === p) agree++;
    if (polarityOf(g) === polarityOf(p)) polar++;
  });
  const po = n === 0 ? 0 : agree / n;
  let pe = 0;
  for (const l of labels) {
    const g = gold.filter((x) => x === l).length / Math.max(1, n);
    const p = predicted.filter((x) => x === l).length / Math.max(1, n);
    pe += g * p;
  }
  const kappa = pe === 1 ? 1 : (po - pe) / (1 - pe);
  const perLabel = labels.map((label) => {
    const tp = confusion[label]?.[label] ?? 0;
    const support = gold.filter((x) => x === label).length;
    const predictedN = predicted.filter((x) => x === label).length;
    const precision = predictedN === 0 ? 0 : tp / predictedN;
    const recall = support === 0 ? 0 : tp / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return {
      label,
      support,
      predicted: predictedN,
      precision: round(precision),
      recall: round(recall),
      f1: round(f1),
    };
  });
  return {
    n,
    accuracy: round(po),
    kappa: round(kappa),
    polarityAccuracy: round(n === 0 ? 0 : polar / n),
    labels,
    perLabel,
    confusion,
  };
}
