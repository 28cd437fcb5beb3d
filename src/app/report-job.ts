// One report's work, the part of a run that needs no other report: read and parse it, code it, analyse it
// for the anonymiser (its identifiers, once), and hand back only what the run keeps. The same function runs
// on the main thread and in the worker threads (app/report-worker.ts), so `--jobs 1` and `--jobs 2` do the
// same work; every result is plain data that crosses a thread as a structured clone, and the run merges
// the results in report order (app/run-analysis.ts), so outputs do not depend on which thread did what.
import type { QuoteCandidate } from '../aggregate/quote-text.js';
import type { Anonymiser, ReportIdentifiers } from '../anonymise/index.js';
import { type Diagnostic, diagnostic, type Result } from '../diagnostics.js';
import { readReport } from '../io/read-report.js';
import { codeDocument } from '../pipeline.js';
import { packSource } from '../render/qdpx-source.js';
import { contentFingerprint } from '../review/aliases.js';
import type { CodingContext } from '../tag/paragraph.js';
import type { Block, Coding, Format, Language, PackedEntry, Segment, SourceDocument } from '../types.js';

/**
 * From this many reports a run deflates the REFI-QDA sources in the report jobs, spread over the threads,
 * rather than one after another at the end in the outputs thread (1,000 reports: project.qdpx 2.3 → 1.1 s,
 * 100 reports: 0.30 → 0.15 s). A thread's first deflates run cold (17–42 ms for a first report of 10 KB in
 * a fresh process, measured), more than the outputs thread, warmed up while the reports were read, takes
 * for a handful of sources; a one-report run's difference was within the shared machine's noise. The
 * threshold between is a choice, not measured.
 */
export const PACK_AHEAD_FROM = 50;

/** Reports a thread does between two full garbage collections (src/heap.ts). */
export const REPORTS_PER_COLLECTION = 500;

/** What a thread needs to do report jobs: the coder and an anonymiser (each thread has its own). */
export interface ReportRunner {
  coding: CodingContext;
  anonymiser: Anonymiser;
}

export interface ReportJob {
  path: string;
  /** The report's key in every table ("a", or "a~2" for a second file of that name). */
  key: string;
  /** Keep the paragraph segments (review decisions re-anchor by them). */
  keepSegments: boolean;
  /** Hand back the text (the REFI-QDA export carries every source). */
  keepText: boolean;
  /** Hand back its file for the archive too, deflated here (a run of PACK_AHEAD_FROM reports or more). */
  packText?: boolean;
  /** The document the first look already parsed (DOCX, PDF), so it is not parsed twice. */
  parsed?: Result<SourceDocument>;
}

export interface CodedReport {
  path: string;
  format: Format;
  /** What decoding noticed, passed on with the report. */
  notes: Diagnostic[];
  fingerprint: string;
  lang: Language;
  folded: boolean;
  paragraphs: number;
  /** Codings in the coder's order, without locations (app/run-analysis.ts adds them after review). */
  codings: Coding[];
  candidates: QuoteCandidate[];
  segments: Segment[];
  /** Blocks that carry a PDF page or DOCX paragraph number, for the codings' locations. */
  located: Block[];
  /** What the anonymiser learned from the report, and the identifiers it found that the thread had not. */
  ids: ReportIdentifiers;
  inventory: string[];
  text?: string;
  /** The text's file in the REFI-QDA archive, deflated here so that the end of the run only copies it. */
  packed?: PackedEntry;
}

export type ReportOutcome = { ok: true; report: CodedReport } | { ok: false; diagnostics: Diagnostic[] };

/** Does one report's work; a report that cannot be read, or fails on the way, becomes diagnostics. */
export async function runReportJob(job: ReportJob, runner: ReportRunner): Promise<ReportOutcome> {
  const read = job.parsed ?? (await readReport(job.path));
  if (!read.ok) return { ok: false, diagnostics: read.diagnostics };
  try {
    return { ok: true, report: codeReport(job, read.value, read.diagnostics ?? [], runner) };
  } catch (e) {
    return { ok: false, diagnostics: [...(read.diagnostics ?? []), failed(job.path, e)] };
  }
}

function codeReport(
  job: ReportJob,
  doc: SourceDocument,
  notes: Diagnostic[],
  runner: ReportRunner,
): CodedReport {
  doc.report = job.key;
  const coded = codeDocument(doc, runner.coding, job.keepSegments ? { keep: true } : {});
  const before = runner.anonymiser.inventorySize();
  // The coder's tokens of the report, read by the anonymiser too: one tokenisation per report.
  const ids = runner.anonymiser.scanReport(doc.report, doc.text, coded.tokens);
  return {
    path: doc.path,
    format: doc.format,
    notes,
    fingerprint: contentFingerprint(doc.text),
    lang: coded.lang,
    folded: coded.folded,
    paragraphs: coded.paragraphs,
    codings: coded.codings,
    candidates: coded.candidates,
    segments: coded.segments,
    located: doc.blocks.filter((b) => b.location !== undefined),
    ids,
    inventory: runner.anonymiser.inventorySince(before),
    ...(job.keepText ? { text: doc.text } : {}),
    ...(job.keepText && job.packText ? { packed: packSource(doc.text) } : {}),
  };
}

/** A report whose work threw, or whose worker thread died, as a diagnostic: the run goes on. */
export function failed(path: string, error: unknown): Diagnostic {
  const message = error instanceof Error ? error.message : String(error);
  return diagnostic(path, 'run/report-failed', `Could not analyse the report: ${message}`);
}
