// Bootstrap confidence intervals for agreement figures: small gold sets (27, 44 items) give wide
// intervals, and a figure without one says little. Items are resampled with replacement, deterministically
// (a seeded generator), and the 2.5th and 97.5th percentiles of each statistic are reported.
import { agreement } from './metrics.js';

export interface Interval {
  low: number;
  high: number;
}

export interface Intervals {
  accuracy: Interval;
  kappa: Interval;
  macroF1: Interval;
}

/** mulberry32: a small, fast, seedable generator, so the intervals are the same on every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Macro-averaged F1 over the labels that occur in gold. */
export function macroF1(
  gold: readonly string[],
  predicted: readonly string[],
  labels: readonly string[],
): number {
  const a = agreement(gold, predicted, labels);
  const present = a.perLabel.filter((l) => l.support > 0);
  return present.length === 0 ? 0 : present.reduce((s, l) => s + l.f1, 0) / present.length;
}

function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))));
  return Math.round((sorted[i] ?? 0) * 1000) / 1000;
}

export function bootstrap(
  gold: readonly string[],
  predicted: readonly string[],
  labels: readonly string[],
  options: { resamples?: number; seed?: number } = {},
): Intervals {
  const b = options.resamples ?? 1000;
  const random = seeded(options.seed ?? 20261128);
  const n = gold.length;
  const acc: number[] = [];
  const kap: number[] = [];
  const mf: number[] = [];
  for (let r = 0; r < b && n > 0; r++) {
    const g: string[] = [];
    const p: string[] = [];
    for (let i = 0; i < n; i++) {
      const k = Math.floor(random() * n);
      g.push(gold[k] as string);
      p.push(predicted[k] as string);
    }
    const a = agreement(g, p, labels);
    acc.push(a.accuracy);
    kap.push(a.kappa);
    mf.push(macroF1(g, p, labels));
  }
  const interval = (xs: number[]) => {
    xs.sort((x, y) => x - y);
    return { low: percentile(xs, 0.025), high: percentile(xs, 0.975) };
  };
  return { accuracy: interval(acc), kappa: interval(kap), macroF1: interval(mf) };
}
