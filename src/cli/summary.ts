// The run summary: a few lines on stderr for people, the same as JSON on stdout with --json.
import type { ChalkInstance } from 'chalk';
import type { ReviewRunSummary } from './review-options.js';

export interface RunSummary {
  reports: number;
  failed: number;
  segments: number;
  codings: number;
  morphology: string;
  ocrFolded: string[];
  quotes: number;
  quotesRedacted: number;
  quotesDropped: number;
  leaks: number;
  out: string;
  files: string[];
  seconds: number;
  counts: { code: string; reports: number; segments: number }[];
  /** With --review: what the decisions did. */
  review?: ReviewRunSummary;
  /** Copies of a report counted once, and documents that are not final reports. */
  duplicates: { path: string; sameAs: string }[];
  nonReports: { path: string; genre: string; skipped: boolean }[];
}

export function summaryText(s: RunSummary, c: ChalkInstance): string {
  const lines = [
    `${c.bold('analyse')}: ${s.reports} reports${s.failed > 0 ? c.yellow(` (${s.failed} could not be read)`) : ''}, ${s.segments} paragraphs, ${s.codings} codings in ${s.seconds} s (morphology: ${s.morphology})`,
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
  for (const k of s.counts)
    lines.push(
      `  ${k.code.padEnd(width)}  ${String(k.reports).padStart(4)} reports  ${String(k.segments).padStart(5)} paragraphs`,
    );
  if (s.review) lines.push(reviewLine(s.review, c));
  lines.push(
    `  quotes: ${s.quotes}${s.quotesRedacted > 0 ? `, ${s.quotesRedacted} redacted after the leak check` : ''}${s.quotesDropped > 0 ? `, ${s.quotesDropped} dropped (could not be anonymised)` : ''}`,
  );
  lines.push(`  wrote ${s.files.length} files to ${s.out}/: ${s.files.join(', ')}`);
  if (s.leaks > 0) lines.push(c.red(`  leak check: ${s.leaks} hits in shareable outputs (see above)`));
  return `${lines.join('\n')}\n`;
}

function reviewLine(r: ReviewRunSummary, c: ChalkInstance): string {
  const orphaned = r.orphaned > 0 ? c.yellow(`, ${r.orphaned} orphaned (kept in the file, see above)`) : '';
  const unknown = r.unknownCode > 0 ? c.yellow(`, ${r.unknownCode} on unknown codes`) : '';
  return `  review ${r.file}: ${r.decisions} decisions, ${r.anchored} applied (${r.reanchored} re-anchored by text)${orphaned}${unknown}; codings ${r.accepted} accepted, ${r.added} added, ${r.rejected} rejected, ${r.proposed} not reviewed; ${r.pinned} quotes pinned`;
}
