// The run summary: a few lines on stderr for people, the same as JSON on stdout with --json.
import type { ChalkInstance } from 'chalk';
import type { ReviewRunSummary } from './review-options.js';

export interface RunSummary {
  reports: number;
  failed: number;
  segments: number;
  codings: number;
  morphology: string;
  /** The allow-list the anonymiser used. */
  allowList: string;
  ocrFolded: string[];
  quotes: number;
  quotesRedacted: number;
  quotesDropped: number;
  leaks: number;
  out: string;
  files: string[];
  /** Outputs of an earlier run that this run did not write, removed. */
  removed: string[];
  seconds: number;
  /** Per code: reports and paragraphs, and how many of the reports rest on strong evidence. */
  counts: { code: string; reports: number; segments: number; strongReports: number }[];
  /** With --review: what the decisions did. */
  review?: ReviewRunSummary;
  /** Copies of a report counted once, and documents that are not final reports. */
  duplicates: { path: string; sameAs: string }[];
  nonReports: { path: string; genre: string; skipped: boolean }[];
}

/** "1 report", "3 reports"; `many` for irregular plurals ("1 temporary file" → add s). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function summaryText(s: RunSummary, c: ChalkInstance): string {
  const lines = [
    `${c.bold('analyse')}: ${plural(s.reports, 'report')}${s.failed > 0 ? c.yellow(` (${s.failed} could not be read)`) : ''}, ${plural(s.segments, 'paragraph')}, ${plural(s.codings, 'coding')} in ${s.seconds} s (morphology: ${s.morphology})`,
  ];
  if (s.duplicates.length > 0)
    lines.push(
      c.yellow(`  counted once: ${s.duplicates.map((d) => `${d.path} (= ${d.sameAs})`).join(', ')}`),
    );
  for (const skipped of [false, true]) {
    const list = s.nonReports.filter((n) => n.skipped === skipped);
    if (list.length === 0) continue;
    const names = list.map((n) => `${n.path} (${n.genre})`).join(', ');
    lines.push(
      c.yellow(
        skipped
          ? `  not final reports, left out: ${names}`
          : `  not final reports, counted all the same: ${names} (--skip-non-reports leaves them out)`,
      ),
    );
  }
  if (s.ocrFolded.length > 0) lines.push(`  OCR umlaut loss: ä/ö folded in ${s.ocrFolded.join(', ')}`);
  const width = Math.max(...s.counts.map((k) => k.code.length), 4);
  // "strong": reports with at least one coding as confident as the model's strong level, or confirmed.
  for (const k of s.counts)
    lines.push(
      `  ${k.code.padEnd(width)}  ${String(k.reports).padStart(4)} ${k.reports === 1 ? 'report ' : 'reports'}  ${String(k.strongReports).padStart(4)} strong  ${String(k.segments).padStart(5)} ${k.segments === 1 ? 'paragraph' : 'paragraphs'}`,
    );
  if (s.review) lines.push(reviewLine(s.review, c));
  lines.push(
    `  quotes: ${s.quotes}${s.quotesRedacted > 0 ? `, ${s.quotesRedacted} redacted after the leak check` : ''}${s.quotesDropped > 0 ? `, ${s.quotesDropped} dropped (could not be anonymised)` : ''}`,
  );
  lines.push(`  wrote ${plural(s.files.length, 'file')} to ${s.out}/: ${s.files.join(', ')}`);
  if (s.removed.length > 0)
    lines.push(
      `  removed ${plural(s.removed.length, 'output')} of the previous run that this run did not write: ${s.removed.join(', ')}`,
    );
  if (s.leaks > 0)
    lines.push(c.red(`  leak check: ${plural(s.leaks, 'hit')} in shareable outputs (see above)`));
  return `${lines.join('\n')}\n`;
}

function reviewLine(r: ReviewRunSummary, c: ChalkInstance): string {
  const orphaned = r.orphaned > 0 ? c.yellow(`, ${r.orphaned} orphaned (kept in the file, see above)`) : '';
  const unknown = r.unknownCode > 0 ? c.yellow(`, ${r.unknownCode} on unknown codes`) : '';
  return `  review ${r.file}: ${plural(r.decisions, 'decision')}, ${r.anchored} applied (${r.reanchored} re-anchored by text)${orphaned}${unknown}; codings ${r.accepted} accepted, ${r.added} added, ${r.rejected} rejected, ${r.proposed} not reviewed; ${plural(r.pinned, 'quote')} pinned`;
}
