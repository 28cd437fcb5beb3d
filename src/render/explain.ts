// analyse explain: for each paragraph (and its sentences) every code's score and the terms and cues behind
// it, so an evaluator can check a surprising coding in seconds.
import type { ParagraphTagging } from '../tag/score.js';

function clip(s: string, n: number): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > n ? `${flat.slice(0, n - 1)}…` : flat;
}

export function explainText(file: string, taggings: readonly ParagraphTagging[], threshold: number): string {
  const out: string[] = [];
  for (const t of taggings) {
    const p = t.segment;
    const coded = t.codings.map((c) => c.code);
    out.push(
      `${file}:${p.startPoint.line}:${p.startPoint.column} ${p.id} [${p.lang}] ${coded.length > 0 ? `→ ${coded.join(', ')}` : '→ (no code)'}`,
    );
    if (p.section.length > 0)
      out.push(`  section: ${p.section.join(' > ')}${t.leans.length > 0 ? ` (${t.leans.join(', ')})` : ''}`);
    out.push(`  “${clip(p.text, 160)}”`);
    for (const s of t.sentences) {
      const cues = s.polarity.cues
        .map((c) => `${c.label}(${c.value > 0 ? '+' : ''}${c.value.toFixed(2)})`)
        .join(' ');
      out.push(
        `  ${s.segment.id} L${s.segment.startPoint.line} polarity ${s.polarity.value.toFixed(2)} → effective ${s.effective.toFixed(2)}${cues ? `: ${cues}` : ''}`,
      );
      for (const th of s.themes) {
        out.push(
          `    ${th.code.padEnd(24)} ${th.score.toFixed(2)} = topic ${th.topicWeight.toFixed(2)} × ${th.factor.toFixed(2)}  ${th.matches.join(', ')}`,
        );
      }
    }
    for (const total of t.totals) {
      const mark = total.score >= threshold ? (coded.includes(total.code) ? '✓' : '·') : ' ';
      out.push(`  ${mark} ${total.code.padEnd(24)} ${total.score.toFixed(2)}`);
    }
    out.push('');
  }
  return out.join('\n');
}
