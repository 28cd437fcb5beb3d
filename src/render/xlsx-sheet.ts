// One sheet of a streamed workbook (exceljs's WorkbookWriter): a filterable table with a frozen, shaded
// header, columns fitted to their content, rows committed one at a time (and let out to the package
// between batches, so memory stays flat however many rows there are).
import type ExcelJS from 'exceljs';
import { stripXmlInvalid } from './escape.js';
import { drain } from './xlsx-package.js';

export type Cell = string | number | null;

export interface Column {
  header: string;
  /** Fixed width in characters; otherwise fitted to the content within [min, max]. */
  width?: number;
  max?: number;
  numFmt?: string;
  wrap?: boolean;
}

/** Rows committed between two chances for the package to take them in. */
const ROWS_PER_DRAIN = 500;

/** Excel refuses cells over 32 767 characters; long passages are cut with a visible ellipsis. */
const MAX_CELL = 32_000;

export function cellText(text: string): string {
  const clean = stripXmlInvalid(text);
  return clean.length > MAX_CELL ? `${clean.slice(0, MAX_CELL)}…` : clean;
}

/** Each column's width: fixed, or fitted to its content within [min, max], all in one pass over the rows. */
function fittedWidths(columns: readonly Column[], rows: () => Iterable<Cell[]>): number[] {
  const longest = columns.map((c) => Math.max(...c.header.split(/\s+/).map((w) => w.length), 6));
  const fitted = columns.map((c, i) => (c.width === undefined ? i : -1)).filter((i) => i >= 0);
  if (fitted.length > 0)
    for (const row of rows())
      for (const index of fitted) {
        const column = columns[index] as Column;
        const value = row[index];
        const shown =
          typeof value === 'number'
            ? column.numFmt?.includes('%')
              ? 5
              : String(value).length
            : (value ?? '').length;
        if (shown > (longest[index] as number)) longest[index] = shown;
      }
  return columns.map((c, i) => c.width ?? Math.min((longest[i] as number) + 2, c.max ?? 50));
}

/** "C2" for row 2, column 3 (committed rows cannot be asked for their cells' addresses). */
export function cellAddress(row: number, column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row}`;
}

/**
 * Rows from a list (or a source read anew each time), one at a time: read twice (widths, then cells),
 * never copied.
 */
export function rowsOf<T>(
  items: readonly T[] | (() => Iterable<T>),
  row: (item: T) => Cell[],
): () => Iterable<Cell[]> {
  return function* () {
    for (const item of typeof items === 'function' ? items() : items) yield row(item);
  };
}

export interface SheetOptions {
  frozenColumns?: number;
  headerHeight?: number;
  /** Called with the number of data rows, before the sheet is committed (conditional formats). */
  finish?: (sheet: ExcelJS.Worksheet, rowCount: number) => void;
}

export async function addTableSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  columns: Column[],
  rows: () => Iterable<Cell[]>,
  options: SheetOptions = {},
): Promise<void> {
  const sheet = workbook.addWorksheet(name, {
    views: [
      {
        state: 'frozen',
        xSplit: options.frozenColumns ?? 0,
        ySplit: 1,
        topLeftCell: undefined,
        activeCell: 'A2',
      },
    ],
  });
  const widths = fittedWidths(columns, rows);
  sheet.columns = columns.map((c, i) => ({
    width: widths[i],
    style: { numFmt: c.numFmt, alignment: { vertical: 'top', wrapText: c.wrap ?? false } },
  })) as ExcelJS.Column[];
  const header = sheet.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { vertical: 'bottom', wrapText: true };
  if (options.headerHeight !== undefined) header.height = options.headerHeight;
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE2E8F0' } };
    cell.border = { bottom: { style: 'thin', color: { argb: 'FF718096' } } };
  });
  header.commit();
  let count = 0;
  for (const row of rows()) {
    sheet.addRow(row.map((v) => (typeof v === 'string' ? cellText(v) : v))).commit();
    if (++count % ROWS_PER_DRAIN === 0) await drain();
  }
  sheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: Math.max(1, count + 1), column: columns.length },
  };
  options.finish?.(sheet, count);
  sheet.commit();
}
