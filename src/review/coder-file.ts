// A file `analyse agree` compares, read into a coder's view: a decisions file (review.csv) or a run's
// codings.csv, told apart by their header. See agree.ts for what each kind of file says.
import { parse } from 'csv-parse/sync';
import { diagnostic, type Result } from '../diagnostics.js';
import { qualifiedParagraphId } from '../segment/paragraph-id.js';
import type { CoderView } from './agree.js';
import { type Decision, decisionsInForce, parseDecisions, sniffDelimiter } from './decisions.js';

/** The view of a decisions file (optionally one reviewer's rows). */
export function decisionsView(name: string, decisions: readonly Decision[], reviewer?: string): CoderView {
  const mine = reviewer === undefined ? decisions : decisions.filter((d) => d.reviewer === reviewer);
  const applied = new Map<string, Set<string>>();
  const judged = new Set<string>();
  for (const d of decisionsInForce(mine)) {
    const p = qualifiedParagraphId(d.report, d.paragraph);
    judged.add(p);
    if (d.decision === 'reject') continue;
    const set = applied.get(p) ?? new Set<string>();
    set.add(d.code);
    applied.set(p, set);
  }
  return { name, applied, covers: (p) => judged.has(p) };
}

/** The view of the tool's codings (report, paragraph, code, status?) as codings.csv lists them. */
export function codingsView(
  name: string,
  rows: readonly { report: string; segment: string; code: string; status?: string }[],
): CoderView {
  const applied = new Map<string, Set<string>>();
  const reports = new Set<string>();
  for (const r of rows) {
    reports.add(r.report);
    if (r.status === 'added') continue;
    const p = qualifiedParagraphId(r.report, r.segment);
    const set = applied.get(p) ?? new Set<string>();
    set.add(r.code);
    applied.set(p, set);
  }
  // The tool read every paragraph of every report it lists.
  return { name, applied, covers: (p) => reports.has(p.slice(0, p.lastIndexOf('#'))) };
}

/** Reads either kind of file; a reviewer name picks that reviewer's rows of a decisions file. */
export function coderViewOf(file: string, text: string, reviewer?: string): Result<CoderView> {
  const body = text.replace(/^\uFEFF/, '');
  const header = (body.split(/\r?\n/, 1)[0] ?? '').toLowerCase();
  const cells = header.split(sniffDelimiter(body)).map((h) => h.trim().replace(/^"|"$/g, ''));
  if (cells.includes('decision')) {
    const parsed = parseDecisions(file, body);
    if (!parsed.ok) return parsed;
    const view = decisionsView(reviewer ? `${file} (${reviewer})` : file, parsed.value, reviewer);
    return parsed.diagnostics
      ? { ok: true, value: view, diagnostics: parsed.diagnostics }
      : { ok: true, value: view };
  }
  if (cells.includes('segment') && cells.includes('code') && cells.includes('report')) {
    if (reviewer !== undefined)
      return {
        ok: false,
        diagnostics: [
          diagnostic(file, 'agree/reviewer', 'A reviewer can be chosen only in a decisions file'),
        ],
      };
    const rows = parse(body, {
      delimiter: sniffDelimiter(body),
      columns: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as { report: string; segment: string; code: string; status?: string }[];
    return { ok: true, value: codingsView(file, rows) };
  }
  return {
    ok: false,
    diagnostics: [
      diagnostic(
        file,
        'agree/unknown-file',
        'Neither a decisions file (report, paragraph, code, decision, …) nor a codings.csv (report, segment, code, …)',
        { line: 1, column: 1 },
      ),
    ],
  };
}
