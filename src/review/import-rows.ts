// Rows of a filled-in review workbook → decisions. A row says something when its decision, quote or
// add-code cell is filled:
//   decision accept/reject          → that decision on the row's code (with the quote mark and memo)
//   quote pin/exclude, no decision  → accept with that mark (pinning or excluding a quote confirms the code)
//   add-code                        → an `add` decision for that code on the row's paragraph
// A memo with nothing else to carry it is skipped with a warning; so is an unknown code.
import { type Diagnostic, diagnostic } from '../diagnostics.js';
import { decisionOfCell, quoteOfCell } from '../render/review-strings.js';
import type { Decision } from './decisions.js';

export interface WorkbookRow {
  /** 1-based row number in the sheet, for diagnostics. */
  row: number;
  report: string;
  paragraph: string;
  code: string;
  text: string;
  decision: string;
  quote: string;
  add: string;
  memo: string;
}

export function decisionsFromRows(
  file: string,
  rows: readonly WorkbookRow[],
  who: { reviewer: string; date: string },
  codes: ReadonlySet<string>,
): { decisions: Decision[]; diagnostics: Diagnostic[] } {
  const decisions: Decision[] = [];
  const diagnostics: Diagnostic[] = [];
  const warn = (row: number, column: number, reason: string) =>
    diagnostics.push(diagnostic(file, 'review/row', reason, { line: row, column }, 'warning'));
  for (const r of rows) {
    const base = { report: r.report, paragraph: r.paragraph, text: r.text, ...who };
    const decision = r.decision.trim() === '' ? undefined : decisionOfCell(r.decision);
    const quote = r.quote.trim() === '' ? '' : quoteOfCell(r.quote);
    if (r.decision.trim() !== '' && !decision)
      warn(r.row, 10, `Unknown decision "${r.decision}"; row skipped`);
    if (quote === undefined) warn(r.row, 11, `Unknown quote mark "${r.quote}"; row skipped`);
    if (!r.report || !r.paragraph || !r.code) {
      if (r.decision || r.quote || r.add || r.memo)
        warn(r.row, 1, 'Row without report, paragraph or code; skipped');
      continue;
    }
    if ((r.decision.trim() !== '' && !decision) || quote === undefined) continue;
    const add = r.add.trim();
    if (add !== '' && !codes.has(add)) warn(r.row, 12, `Unknown code "${add}" to add; skipped`);
    const addable = add !== '' && codes.has(add) && add !== r.code;
    const kind = decision ?? (quote !== '' ? 'accept' : undefined);
    if (kind)
      decisions.push({
        ...base,
        code: r.code,
        decision: kind,
        quote: kind === 'reject' ? '' : quote,
        memo: r.memo,
      });
    if (addable) decisions.push({ ...base, code: add, decision: 'add', quote: '', memo: kind ? '' : r.memo });
    if (!kind && !addable && r.memo.trim() !== '')
      warn(r.row, 13, 'A memo without a decision, quote or code to add; choose a decision to keep it');
  }
  return { decisions, diagnostics };
}
