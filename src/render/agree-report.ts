// The agreement report of `analyse agree`, as text for a terminal or JSON.
import type { AgreementReport } from '../review/agree.js';

const fmt = (x: number | null) => (x === null ? '–' : x.toFixed(3));

export function agreeText(r: AgreementReport): string {
  const lines = [
    `A: ${r.a}`,
    `B: ${r.b}`,
    `paragraphs compared: ${r.units} (coded by A or B, judged by both)${r.uncovered.a + r.uncovered.b > 0 ? `; left out: ${r.uncovered.a} coded only in A's and ${r.uncovered.b} only in B's part` : ''}`,
    `Krippendorff's alpha (nominal, paragraph × code): ${fmt(r.alpha)}`,
    `agreement (paragraph × code): ${fmt(r.agreement)}; paragraphs with the same codes: ${fmt(r.exactParagraphs)}`,
    '',
  ];
  const width = Math.max(4, ...r.codes.map((c) => c.code.length));
  lines.push(`${'code'.padEnd(width)}  kappa  agree   both  onlyA  onlyB  neither`);
  for (const c of r.codes)
    lines.push(
      `${c.code.padEnd(width)}  ${fmt(c.kappa).padStart(5)}  ${fmt(c.agreement).padStart(5)}  ${String(c.both).padStart(5)}  ${String(c.onlyA).padStart(5)}  ${String(c.onlyB).padStart(5)}  ${String(c.neither).padStart(7)}`,
    );
  const labels = [
    ...new Set([
      ...Object.keys(r.confusion),
      ...Object.values(r.confusion).flatMap((row) => Object.keys(row)),
    ]),
  ].sort();
  if (labels.length > 0) {
    const w = Math.max(6, ...labels.map((l) => l.length));
    lines.push(
      '',
      'confusion (rows A, columns B):',
      `${''.padEnd(w)}  ${labels.map((l) => l.padStart(w)).join('  ')}`,
    );
    for (const a of labels)
      lines.push(
        `${a.padEnd(w)}  ${labels.map((b) => String(r.confusion[a]?.[b] ?? 0).padStart(w)).join('  ')}`,
      );
  }
  return `${lines.join('\n')}\n`;
}

export function agreeJson(r: AgreementReport): string {
  return `${JSON.stringify(r, null, 2)}\n`;
}
