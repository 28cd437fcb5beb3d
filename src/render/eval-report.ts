// The text report of `analyse eval`.
import type { Evaluation } from '../eval/evaluate.js';

export function evalText(gold: string, morphology: string, r: Evaluation, items: boolean): string {
  const a = r.agreement;
  // `none` (no code) is listed only when some item is, or is predicted to be, without a code.
  const noneUsed = a.perLabel.some((l) => l.label === 'none' && (l.support > 0 || l.predicted > 0));
  const labels = a.labels.filter((l) => l !== 'none' || noneUsed);
  const out: string[] = [`Gold: ${gold} (${a.n} items, morphology: ${morphology})`, ''];
  out.push('code                      support  pred  precision  recall     F1');
  for (const l of a.perLabel.filter((p) => labels.includes(p.label))) {
    out.push(
      `${l.label.padEnd(24)} ${String(l.support).padStart(8)} ${String(l.predicted).padStart(5)} ${l.precision.toFixed(3).padStart(10)} ${l.recall.toFixed(3).padStart(7)} ${l.f1.toFixed(3).padStart(6)}`,
    );
  }
  out.push('', 'Confusion (rows gold, columns predicted):');
  const short = (l: string) => (l === 'none' ? 'none' : l.replace(/^(\w)\w*\./, '$1.').slice(0, 8));
  out.push(`${''.padEnd(24)} ${labels.map((l) => short(l).padStart(8)).join(' ')}`);
  for (const g of labels)
    out.push(`${g.padEnd(24)} ${labels.map((p) => String(a.confusion[g]?.[p] ?? 0).padStart(8)).join(' ')}`);
  if (items) {
    out.push('', 'Items:');
    for (const i of r.results)
      out.push(
        `${i.gold === i.predicted ? ' ' : '✗'} ${i.id.padEnd(8)} ${i.gold.padEnd(24)} → ${i.predicted} (${i.confidence})`,
      );
  }
  const ci = (i: { low: number; high: number }) => `(95 % CI ${i.low.toFixed(3)}–${i.high.toFixed(3)})`;
  out.push(
    '',
    `accuracy ${a.accuracy.toFixed(3)} ${ci(r.intervals.accuracy)}`,
    `polarity accuracy ${a.polarityAccuracy.toFixed(3)}`,
    `Cohen's kappa ${a.kappa.toFixed(3)} ${ci(r.intervals.kappa)}`,
    `macro-F1 ${r.macroF1.toFixed(3)} ${ci(r.intervals.macroF1)}`,
    r.abstains
      ? `most confident code, never abstaining: accuracy ${r.forced.accuracy.toFixed(3)}, kappa ${r.forced.kappa.toFixed(3)}`
      : 'predictions: the most confident code (every gold item carries a code; --abstain always to allow none)',
    `items ${a.n}`,
  );
  return `${out.join('\n')}\n`;
}
