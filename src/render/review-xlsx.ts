// out/review.xlsx: the evaluator's review in Excel. One row per coding the tool proposed, the most
// informative first (src/review/order.ts), with the paragraph, its section and the evidence; the decision,
// quote and add-code columns have drop-downs (data validation), the memo column is free text.
// `analyse import-review out/review.xlsx` merges the filled-in rows into review.csv. Deterministic bytes.
import type ExcelJS from 'exceljs';
import type { Codebook } from '../codebook/types.js';
import { reviewOrder } from '../review/order.js';
import type { Coding, Tables } from '../types.js';
import { stripXmlInvalid } from './escape.js';
import { REVIEW_COLUMNS, type ReviewColumn, reviewStrings } from './review-strings.js';
import { themeLabel } from './theme-groups.js';
import type { UiLang } from './ui-strings.js';
import {
  drain,
  memoryTarget,
  type PackageTarget,
  type WorkbookWriter,
  writeWorkbook,
} from './xlsx-package.js';

const MAX_CELL = 32_000;
const cell = (text: string) => {
  const clean = stripXmlInvalid(text.replace(/\s+/g, ' ').trim());
  return clean.length > MAX_CELL ? `${clean.slice(0, MAX_CELL)}…` : clean;
};

const WIDTH: Record<ReviewColumn, number> = {
  report: 22,
  paragraph: 13,
  section: 30,
  code: 22,
  label: 30,
  confidence: 10,
  evidence: 30,
  text: 80,
  status: 16,
  decision: 14,
  quote: 16,
  add: 24,
  memo: 40,
};

interface Validations {
  add(range: string, validation: ExcelJS.DataValidation): void;
}

const INPUT: ReadonlySet<ReviewColumn> = new Set(['decision', 'quote', 'add', 'memo']);

/** The column letter of a review column (A, B, …). */
export function reviewColumnLetter(column: ReviewColumn): string {
  return String.fromCharCode(65 + REVIEW_COLUMNS.indexOf(column));
}

/**
 * The codings in review order (review/order.ts). A run that kept them on disk is sorted by light keys and
 * each row read back when written, so the workbook never needs every coding in memory at once.
 */
function* rowsInReviewOrder(tables: Tables): Iterable<Coding> {
  const stored = tables.stored;
  if (!stored) {
    yield* reviewOrder(tables.codings);
    return;
  }
  const keys: (Pick<Coding, 'status' | 'confidence' | 'code' | 'report' | 'start'> & { n: number })[] = [];
  let n = 0;
  for (const c of stored.all()) {
    keys.push({
      status: c.status,
      confidence: c.confidence,
      code: c.code,
      report: c.report,
      start: c.start,
      n,
    });
    n++;
  }
  for (const k of reviewOrder(keys as unknown as (Coding & { n: number })[])) yield stored.at(k.n);
}

/** `created`: the document's date (SOURCE_DATE_EPOCH); without it the file carries no date at all. */
export async function renderReviewXlsx(
  tables: Tables,
  codebook: Codebook,
  lang: UiLang,
  options: { created?: Date } = {},
): Promise<Uint8Array> {
  const target = memoryTarget();
  await writeReviewXlsx(tables, codebook, lang, options, target);
  return target.bytes();
}

/** The review workbook into `target` (see xlsx-package.ts), its rows streamed. */
export function writeReviewXlsx(
  tables: Tables,
  codebook: Codebook,
  lang: UiLang,
  options: { created?: Date },
  target: PackageTarget,
): Promise<void> {
  return writeWorkbook(target, options.created, (workbook) =>
    fillReviewWorkbook(workbook, tables, codebook, lang),
  );
}

async function fillReviewWorkbook(
  workbook: WorkbookWriter,
  tables: Tables,
  codebook: Codebook,
  lang: UiLang,
): Promise<void> {
  const s = reviewStrings(lang);
  const themes = new Map(codebook.themes.map((t) => [t.code, t]));
  const sheet = workbook.addWorksheet(s.sheet, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1, activeCell: `${reviewColumnLetter('decision')}2` }],
  });
  sheet.columns = REVIEW_COLUMNS.map((c) => ({
    width: WIDTH[c],
    style: {
      alignment: { vertical: 'top', wrapText: c === 'text' || c === 'memo' || c === 'section' },
      ...(c === 'confidence' ? { numFmt: '0.00' } : {}),
    },
  })) as ExcelJS.Column[];
  const header = sheet.addRow(REVIEW_COLUMNS.map((c) => s.headers[c]));
  header.font = { bold: true };
  header.eachCell((h, i) => {
    const input = INPUT.has(REVIEW_COLUMNS[i - 1] as ReviewColumn);
    h.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: input ? 'FFFDE68A' : 'FFE2E8F0' } };
    h.border = { bottom: { style: 'thin', color: { argb: 'FF718096' } } };
  });
  header.commit();
  let rows = 0;
  for (const c of rowsInReviewOrder(tables)) {
    const theme = themes.get(c.code);
    const status = s.status[c.status ?? 'proposed'];
    const values: Record<ReviewColumn, string | number> = {
      report: c.report,
      paragraph: c.segment,
      section: cell(c.section),
      code: c.code,
      label: theme ? themeLabel(theme, lang) : c.code,
      confidence: c.confidence,
      evidence: cell(c.matches.join('; ')),
      text: cell(c.text),
      status: c.reviewer ? `${status} (${c.reviewer})` : status,
      decision: '',
      quote: '',
      add: '',
      memo: '',
    };
    sheet.addRow(REVIEW_COLUMNS.map((k) => values[k])).commit();
    if (++rows % 500 === 0) await drain();
  }
  const last = Math.max(2, rows + 1);
  // exceljs writes range validations but does not declare `dataValidations` in its types.
  const validations = (sheet as unknown as { dataValidations: Validations }).dataValidations;
  const list = (values: string[]) => ({
    type: 'list' as const,
    allowBlank: true,
    showErrorMessage: true,
    formulae: [`"${values.join(',')}"`],
  });
  validations.add(
    `${reviewColumnLetter('decision')}2:${reviewColumnLetter('decision')}${last}`,
    list([s.decision.accept, s.decision.reject]),
  );
  validations.add(
    `${reviewColumnLetter('quote')}2:${reviewColumnLetter('quote')}${last}`,
    list([s.quote.pin, s.quote.exclude]),
  );
  // Codes come from their own sheet (added below): an inline list is limited to 255 characters.
  validations.add(`${reviewColumnLetter('add')}2:${reviewColumnLetter('add')}${last}`, {
    type: 'list',
    allowBlank: true,
    showErrorMessage: true,
    formulae: [`'${s.codesSheet}'!$A$2:$A$${codebook.themes.length + 1}`],
  });
  sheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: rows + 1, column: REVIEW_COLUMNS.length },
  };
  sheet.commit();
  const codes = workbook.addWorksheet(s.codesSheet);
  codes.columns = [{ width: 30 }, { width: 60 }] as ExcelJS.Column[];
  const head = codes.addRow([s.headers.code, s.headers.label]);
  head.font = { bold: true };
  head.commit();
  for (const t of codebook.themes) codes.addRow([t.code, themeLabel(t, lang)]).commit();
  codes.commit();
}
