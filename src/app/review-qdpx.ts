// import-review of a .qdpx: the project and the reports it was made from, read and segmented, and the
// project's codings turned into decisions on the reports' paragraphs (src/review/qdpx-decisions.ts).
import type { Codebook } from '../codebook/types.js';
import type { Diagnostic } from '../diagnostics.js';
import { findReports } from '../io/find-reports.js';
import { readQdpx } from '../io/read-qdpx.js';
import { readReport } from '../io/read-report.js';
import type { Decision } from '../review/decisions.js';
import { decisionsFromProject, type ImportedProject, type ImportReport } from '../review/qdpx-decisions.js';
import { segmentDocument } from '../segment/segment.js';

export async function importQdpxDecisions(
  file: string,
  paths: readonly string[],
  book: Codebook,
  who: { reviewer: string; date: string },
  originalFile?: string,
): Promise<
  { ok: true; decisions: Decision[]; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] }
> {
  const project = await readQdpx(file);
  if (!project.ok) return project;
  let original: ImportedProject | undefined;
  if (originalFile !== undefined) {
    const read = await readQdpx(originalFile);
    if (!read.ok) return read;
    original = read.value;
  }
  const found = await findReports([...paths]);
  const diagnostics: Diagnostic[] = [...found.diagnostics];
  const reports: ImportReport[] = [];
  for (const path of found.files) {
    const read = await readReport(path);
    if (!read.ok) {
      diagnostics.push(...read.diagnostics);
      continue;
    }
    const doc = read.value;
    reports.push({
      report: doc.report,
      path: doc.path,
      text: doc.text,
      paragraphs: segmentDocument(doc).map((p) => ({ id: p.id, start: p.start, end: p.end, text: p.text })),
    });
  }
  const out = decisionsFromProject(project.value, reports, book, who, original);
  return { ok: true, decisions: out.decisions, diagnostics: [...diagnostics, ...out.diagnostics] };
}
