// What the main run needs for review: the decisions file (--review), the alias table in the state folder
// (--state), and the account of the decisions afterwards (orphaned ones named, never dropped in silence).
import type { Command } from 'commander';
import type { Codebook } from '../codebook/types.js';
import { diagnostic } from '../diagnostics.js';
import { loadAliasTable, saveAliasTable } from '../io/alias-state.js';
import { readDecisionsFile } from '../io/decisions-file.js';
import { DEFAULT_STATE_DIR, stateDir } from '../io/state.js';
import type { AliasTable } from '../review/aliases.js';
import { type ReviewSummary, RunReview } from '../review/run-review.js';
import { printDiagnostics, valueOr } from './context.js';

export interface ReviewFlags {
  review?: string;
  state?: string;
}

/** Adds --review and --state to a command. */
export function withReviewOptions(command: Command): Command {
  return command
    .option(
      '--review <file>',
      'apply the decisions in this file (review.csv): accept, reject, add, pin, exclude',
    )
    .option(
      '--state <dir>',
      `folder for run state kept between runs: the stable alias table (default ${DEFAULT_STATE_DIR}/)`,
    );
}

/** The decisions to apply, or undefined without --review; an unreadable or invalid file exits 2. */
export async function reviewFor(flags: ReviewFlags, book: Codebook): Promise<RunReview | undefined> {
  if (flags.review === undefined) return undefined;
  const read = await readDecisionsFile(flags.review);
  const decisions = valueOr(read, `cannot use the decisions file ${flags.review}`);
  if (read.ok && read.diagnostics) printDiagnostics(read.diagnostics);
  return new RunReview(flags.review, decisions, book);
}

/** The alias table of the state folder (empty on the first run); a broken table exits 2. */
export async function aliasTableFor(flags: ReviewFlags): Promise<AliasTable> {
  return valueOr(
    await loadAliasTable(stateDir(flags.state)),
    'the alias table in the state folder is not valid',
  );
}

export async function saveAliases(flags: ReviewFlags, table: AliasTable | undefined): Promise<void> {
  if (!table) return;
  const saved = await saveAliasTable(stateDir(flags.state), table);
  if (!saved.ok) printDiagnostics(saved.diagnostics);
}

const REASONS: Record<string, string> = {
  gone: 'its paragraph is no longer in the report',
  ambiguous: 'two paragraphs match its text equally well',
  'no-text': 'its paragraph id is gone and the row has no text to find it by',
  'report-not-in-run': 'its report is not in this run',
};

/** Warnings for decisions that did not apply: orphaned ones and unknown codes, each at its file. */
export function printReviewWarnings(summary: ReviewSummary): void {
  const warnings = [
    ...summary.orphaned.map(({ decision: d, reason }) =>
      diagnostic(
        summary.file,
        'review/orphaned',
        `Decision ${d.decision} ${d.code} on ${d.report}#${d.paragraph} is orphaned: ${REASONS[reason] ?? reason}; it stays in the file`,
        undefined,
        'warning',
      ),
    ),
    ...summary.unknownCode.map((d) =>
      diagnostic(
        summary.file,
        'review/unknown-code',
        `Decision on ${d.report}#${d.paragraph} names code "${d.code}", which the codebook does not have`,
        undefined,
        'warning',
      ),
    ),
  ];
  printDiagnostics(warnings);
}

/** The review part of the run summary. */
export function reviewSummaryOf(s: ReviewSummary) {
  return {
    file: s.file,
    decisions: s.decisions,
    anchored: s.anchored,
    reanchored: s.reanchored,
    orphaned: s.orphaned.length,
    unknownCode: s.unknownCode.length,
    pinned: s.pinned,
    ...s.status,
  };
}

export type ReviewRunSummary = ReturnType<typeof reviewSummaryOf>;
