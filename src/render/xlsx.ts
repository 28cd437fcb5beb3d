// The evaluator's workbook (out/analysis.xlsx): theme counts, the report × theme matrix, codings, quotes and
// reports, each sheet a filterable table with a frozen header. Numbers are stored as numbers (Excel shows them
// with the reader's locale); the bytes are deterministic: fixed document dates and zip times.
//
// Rows stream out through exceljs's WorkbookWriter, one committed row at a time, instead of a workbook
// model of every cell (which took several times the codings' own memory at 10,000 reports); exceljs
// itself loads only when a workbook is written (it costs a third of a second to load).
import { PassThrough } from 'node:stream';
import type ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import type { Codebook } from '../codebook/types.js';
import type { Tables } from '../types.js';
import { stripXmlInvalid } from './escape.js';
import { countFor, leafThemes, mainThemeOf, themeGroups, themeLabel } from './theme-groups.js';
import { type UiLang, uiStrings } from './ui-strings.js';
import { repackOfficeDeterministic, zipDeterministic } from './zip-deterministic.js';

/** [Content_Types].xml first, as Office writes it; then the parts by name. */
const partRank = (name: string): number => (name === '[Content_Types].xml' ? 0 : 1);

type Cell = string | number | null;

interface Column {
  header: string;
  /** Fixed width in characters; otherwise fitted to the content within [min, max]. */
  width?: number;
  max?: number;
  numFmt?: string;
  wrap?: boolean;
}

/** Excel refuses cells over 32 767 characters; long passages are cut with a visible ellipsis. */
const MAX_CELL = 32_000;

function cellText(text: string): string {
  const clean = stripXmlInvalid(text);
  return clean.length > MAX_CELL ? `${clean.slice(0, MAX_CELL)}…` : clean;
}

function fittedWidth(column: Column, rows: () => Iterable<Cell[]>, index: number): number {
  if (column.width !== undefined) return column.width;
  let longest = Math.max(...column.header.split(/\s+/).map((w) => w.length), 6);
  for (const row of rows()) {
    const value = row[index];
    const shown =
      typeof value === 'number' ? (column.numFmt?.includes('%') ? 5 : String(value).length) : (value ?? '');
    longest = Math.max(longest, typeof shown === 'number' ? shown : shown.length);
  }
  return Math.min(longest + 2, column.max ?? 50);
}

/** "C2" for row 2, column 3 (committed rows cannot be asked for their cells' addresses). */
function cellAddress(row: number, column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row}`;
}

/** Rows from a list, one at a time: the list is read twice (widths, then cells) and never copied. */
function rowsOf<T>(items: readonly T[], row: (item: T) => Cell[]): () => Iterable<Cell[]> {
  return function* () {
    for (const item of items) yield row(item);
  };
}

interface SheetOptions {
  frozenColumns?: number;
  headerHeight?: number;
  /** Called with the number of data rows, before the sheet is committed (conditional formats). */
  finish?: (sheet: ExcelJS.Worksheet, rowCount: number) => void;
}

async function addTableSheet(
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
  sheet.columns = columns.map((c, i) => ({
    width: fittedWidth(c, rows, i),
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
    count++;
  }
  sheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: Math.max(1, count + 1), column: columns.length },
  };
  options.finish?.(sheet, count);
  sheet.commit();
}

function byCodebookOrder(codebook: Codebook): (a: string, b: string) => number {
  const order = new Map(codebook.themes.map((t, i) => [t.code, i]));
  return (a, b) => (order.get(a) ?? Number.MAX_SAFE_INTEGER) - (order.get(b) ?? Number.MAX_SAFE_INTEGER);
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** `created`: the document's date (SOURCE_DATE_EPOCH); without it the file carries no date at all. */
export async function renderXlsx(
  tables: Tables,
  codebook: Codebook,
  lang: UiLang,
  options: { created?: Date } = {},
): Promise<Uint8Array> {
  const ui = uiStrings(lang);
  const { default: ExcelJS } = await import('exceljs');
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'analyse';
  workbook.lastModifiedBy = 'analyse';
  // exceljs stamps "now"; the repack below sets options.created or drops the dates.
  workbook.title = cellText(codebook.title[lang] ?? codebook.title.fi);
  // The quotes sheet holds anonymised text, which can differ with and without Voikko.
  if (tables.morphology) workbook.description = ui.morphology(tables.morphology);

  const byCode = new Map(codebook.themes.map((t) => [t.code, t]));
  const label = (code: string): string => {
    const theme = byCode.get(code);
    return theme ? themeLabel(theme, lang) : code;
  };
  const alias = new Map(tables.reports.map((r) => [r.report, r.alias]));
  for (const a of tables.aliases) if (!alias.has(a.report)) alias.set(a.report, a.alias);
  const hierarchical = codebook.themes.some((t) => t.parent !== undefined);
  const usesPolarity = themeGroups(codebook, lang).some((g) => g.polarity !== undefined);
  const codeOrder = byCodebookOrder(codebook);

  // Theme counts: every theme of the codebook, parents included, in codebook order.
  const themeColumns: Column[] = [
    { header: ui.code, max: 30 },
    { header: ui.theme, max: 60 },
    ...(hierarchical ? [{ header: ui.mainTheme, max: 40 }] : []),
    ...(usesPolarity ? [{ header: ui.polarityTitle }] : []),
    { header: ui.reports, numFmt: '0' },
    { header: ui.shareOfReports, numFmt: '0 %' },
    { header: ui.segments, numFmt: '0' },
  ];
  const themeRows = rowsOf(codebook.themes, (theme) => {
    const count = countFor(tables, theme);
    return [
      theme.code,
      themeLabel(theme, lang),
      ...(hierarchical ? [themeLabel(mainThemeOf(codebook, theme), lang)] : []),
      ...(usesPolarity ? [ui.polarity[theme.polarity]] : []),
      count.reports,
      count.shareOfReports,
      count.segments,
    ];
  });
  await addTableSheet(workbook, ui.sheets.themes, themeColumns, themeRows);

  // Report × theme matrix over the leaf themes (the codes paragraphs carry), with a row total.
  const leaves = leafThemes(codebook);
  const matrixSorted = [...tables.matrix].sort((a, b) =>
    compareText(alias.get(a.report) ?? a.report, alias.get(b.report) ?? b.report),
  );
  const matrixRows = rowsOf(matrixSorted, (row) => {
    const cells = leaves.map((t) => row.cells[t.code] ?? 0);
    return [row.report, alias.get(row.report) ?? '', ...cells, cells.reduce((s, n) => s + n, 0)];
  });
  const matrixColumns: Column[] = [
    { header: ui.report, max: 40 },
    { header: ui.alias, max: 20 },
    ...leaves.map((t) => ({ header: themeLabel(t, lang), width: 16, numFmt: '0' })),
    { header: ui.total, width: 10, numFmt: '0' },
  ];
  await addTableSheet(workbook, ui.sheets.matrix, matrixColumns, matrixRows, {
    frozenColumns: 2,
    headerHeight: 90,
    finish: (matrix, rowCount) => {
      if (rowCount === 0 || leaves.length === 0) return;
      const first = cellAddress(2, 3);
      const last = cellAddress(rowCount + 1, leaves.length + 2);
      matrix.addConditionalFormatting({
        ref: `${first}:${last}`,
        rules: [
          {
            type: 'colorScale',
            priority: 1,
            cfvo: [{ type: 'num', value: 0 }, { type: 'max' }],
            color: [{ argb: 'FFFFFFFF' }, { argb: 'FF63A4D8' }],
          },
        ],
      });
    },
  });

  // Codings, in reading order within each report.
  const codings = [...tables.codings].sort(
    (a, b) => compareText(a.report, b.report) || a.start - b.start || codeOrder(a.code, b.code),
  );
  await addTableSheet(
    workbook,
    ui.sheets.codings,
    [
      { header: ui.report, max: 30 },
      { header: ui.alias, max: 16 },
      { header: ui.section, max: 30 },
      { header: ui.startLine, numFmt: '0' },
      { header: ui.endLine, numFmt: '0' },
      { header: ui.code, max: 26 },
      { header: ui.theme, max: 40 },
      ...(usesPolarity ? [{ header: ui.polarityTitle }] : []),
      { header: ui.score, numFmt: '0.00' },
      { header: ui.confidence, numFmt: '0.00' },
      { header: ui.matches, max: 40 },
      { header: ui.text, width: 90, wrap: true },
    ],
    rowsOf(codings, (c) => [
      c.report,
      alias.get(c.report) ?? '',
      c.section,
      c.startLine,
      c.endLine,
      c.code,
      label(c.code),
      ...(usesPolarity ? [ui.polarity[c.polarity]] : []),
      c.score,
      c.confidence,
      c.matches.join('; '),
      c.text,
    ]),
  );

  // Anonymised quotes, best first within each theme.
  const quotes = [...tables.quotes].sort((a, b) => codeOrder(a.code, b.code) || a.rank - b.rank);
  await addTableSheet(
    workbook,
    ui.sheets.quotes,
    [
      { header: ui.theme, max: 40 },
      { header: ui.code, max: 26 },
      { header: ui.rank, numFmt: '0' },
      { header: ui.alias, max: 16 },
      { header: ui.section, max: 30 },
      { header: ui.startLine, numFmt: '0' },
      { header: ui.endLine, numFmt: '0' },
      { header: ui.score, numFmt: '0.00' },
      { header: ui.quote, width: 90, wrap: true },
    ],
    rowsOf(quotes, (q) => [
      label(q.code),
      q.code,
      q.rank,
      q.alias,
      q.section,
      q.startLine,
      q.endLine,
      q.score,
      q.text,
    ]),
  );

  const reports = [...tables.reports].sort((a, b) => compareText(a.report, b.report));
  await addTableSheet(
    workbook,
    ui.sheets.reports,
    [
      { header: ui.report, max: 40 },
      { header: ui.alias, max: 16 },
      { header: ui.path, max: 60 },
      { header: ui.format },
      { header: ui.language },
      { header: ui.paragraphs, numFmt: '0' },
      { header: ui.codedParagraphs, numFmt: '0' },
    ],
    rowsOf(reports, (r) => [r.report, r.alias, r.path, r.format, r.lang, r.paragraphs, r.codedParagraphs]),
  );

  await workbook.commit();
  // The streaming writer adds parts as their streams finish: put them in a fixed order.
  const repacked = repackOfficeDeterministic(new Uint8Array(Buffer.concat(chunks)), options.created);
  const parts = Object.entries(unzipSync(repacked));
  parts.sort(([a], [b]) => partRank(a) - partRank(b) || compareText(a, b));
  return zipDeterministic(parts, options.created);
}
