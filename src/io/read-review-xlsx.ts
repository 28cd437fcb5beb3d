// Reads a filled-in review workbook (out/review.xlsx) into rows, finding the columns by their headers in
// any interface language, so a workbook made with --lang sv reads back the same.
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { diagnostic, type Result } from '../diagnostics.js';
import { columnOfHeader, type ReviewColumn } from '../render/review-strings.js';
import type { WorkbookRow } from '../review/import-rows.js';

function text(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('');
  if (typeof value === 'object' && 'text' in value) return String(value.text);
  if (typeof value === 'object' && 'result' in value) return String(value.result ?? '');
  return String(value);
}

export async function readReviewWorkbook(path: string): Promise<Result<WorkbookRow[]>> {
  const fail = (reason: string): Result<WorkbookRow[]> => ({
    ok: false,
    diagnostics: [diagnostic(path, 'review/workbook', reason)],
  });
  let workbook: ExcelJS.Workbook;
  try {
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(path)) as unknown as ArrayBuffer);
  } catch (e) {
    return fail(`Not a readable workbook (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return fail('The workbook has no sheet');
  const columns = new Map<ReviewColumn, number>();
  sheet.getRow(1).eachCell((cell, i) => {
    const c = columnOfHeader(text(cell.value));
    if (c && !columns.has(c)) columns.set(c, i);
  });
  const missing = (['report', 'paragraph', 'code', 'decision'] as const).filter((c) => !columns.has(c));
  if (missing.length > 0)
    return fail(`Not a review workbook: no column ${missing.join(', ')} in its first row`);
  const rows: WorkbookRow[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const get = (c: ReviewColumn) => {
      const i = columns.get(c);
      return i === undefined ? '' : text(row.getCell(i).value).trim();
    };
    rows.push({
      row: n,
      report: get('report'),
      paragraph: get('paragraph'),
      code: get('code'),
      text: get('text'),
      decision: get('decision'),
      quote: get('quote'),
      add: get('add'),
      memo: get('memo'),
    });
  });
  return { ok: true, value: rows };
}
