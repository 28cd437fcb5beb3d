// analyse explain: for each paragraph the cues of each sentence, and for each theme with any evidence the
// model's confidence and what made it — every feature's value, its fitted weight and its contribution to
// the logit — so an evaluator can check a surprising coding in seconds.
import type { CodingModel } from '../tag/model.js';
import type { ParagraphTagging } from '../tag/paragraph.js';

function clip(s: string, n: number): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > n ? `${flat.slice(0, n - 1)}…` : flat;
}

const num = (n: number) => `${n >= 0 ? '+' : ''}${n.toFixed(2)}`;

export function explainText(
  file: string,
  taggings: readonly ParagraphTagging[],
  model: CodingModel,
  threshold: number,
): string {
  const out: string[] = [];
  const weight = new Map(model.features.map((f, i) => [f, model.weights[i] ?? 0]));
  for (const t of taggings) {
    const p = t.segment;
    const coded = t.codings.map((c) => c.code);
    out.push(
      `${file}:${p.startPoint.line}:${p.startPoint.column} ${p.id} [${p.lang}] ${coded.length > 0 ? `→ ${coded.join(', ')}` : '→ (no code)'}`,
    );
    if (p.section.length > 0)
      out.push(
        `  section: ${p.section.join(' > ')}${t.section.labels.length > 0 ? ` (${t.section.labels.join(', ')})` : ''}`,
      );
    out.push(`  “${clip(p.text, 160)}”`);
    for (const s of t.sentences) {
      const c = s.evidence.cues;
      const events = c.events.map(
        (e) => `${e.direction > 0 ? '+' : '-'}${e.label}${e.background ? ' (background)' : ''}`,
      );
      const flags = (['goal', 'recommendation', 'hindsight', 'record'] as const).filter((k) => c[k]);
      const topics = s.themes.map((th) => `${th.code} ${th.matches.join(', ')}`);
      out.push(
        `  ${s.segment.id} L${s.segment.startPoint.line}${events.length > 0 ? ` cues: ${events.join('; ')}` : ''}${flags.length > 0 ? ` [${flags.join(', ')}]` : ''}`,
      );
      for (const topic of topics) out.push(`    ${topic}`);
    }
    for (const d of t.totals) {
      const mark = d.confidence >= threshold ? '✓' : ' ';
      out.push(
        `  ${mark} ${d.code.padEnd(24)} confidence ${d.confidence.toFixed(3)} (logit ${num(d.logit)})`,
      );
      const parts = Object.entries(d.contributions)
        .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]))
        .map(([f, c]) => {
          const v = (d.features as Record<string, number>)[f] ?? 0;
          return `${f} ${v.toFixed(2)}×${(weight.get(f) ?? 0).toFixed(2)}=${num(c)}`;
        });
      if (parts.length > 0) out.push(`      ${parts.join('  ')}`);
    }
    out.push('');
  }
  out.push(
    `model: ${model.codebook}, threshold ${threshold}, strong ≥ ${model.strong}, fitted on ${model.fitted.items} items (${model.fitted.sources.length} sources, λ ${model.fitted.lambda})`,
  );
  return `${out.join('\n')}\n`;
}
