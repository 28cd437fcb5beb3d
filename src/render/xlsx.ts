// The evaluator's workbook (out/analysis.xlsx): theme counts, the report × theme matrix, codings, quotes and
// reports, each sheet a filterable table with a frozen header. Numbers are stored as numbers (Excel shows them
// with the reader's locale); the bytes are deterministic: fixed document dates and zip times.
//
// Rows stream out through exceljs's WorkbookWriter, one committed row at a time, instead of a workbook
// model of every cell (which took several times the codings' own memory at 10,000 reports), into the
// package target (xlsx-package.ts: a scratch file on a run, repacked piece by piece into the output);
// the codings come from disk on a run (Tables.stored). exceljs itself loads only when a workbook is
// written (it costs a third of a second to load).
import type { Codebook } from '../codebook/types.js';
import type { Coding, Tables } from '../types.js';
import { countFor, leafThemes, mainThemeOf, themeGroups, themeLabel } from './theme-groups.js';
import { type UiLang, uiStrings } from './ui-strings.js';
import { memoryTarget, type PackageTarget, type WorkbookWriter, writeWorkbook } from './xlsx-package.js';
import { addTableSheet, type Cell, type Column, cellAddress, cellText, rowsOf } from './xlsx-sheet.js';

function byCodebookOrder(codebook: Codebook): (a: string, b: string) => number {
  const order = new Map(codebook.themes.map((t, i) => [t.code, i]));
  return (a, b) => (order.get(a) ?? Number.MAX_SAFE_INTEGER) - (order.get(b) ?? Number.MAX_SAFE_INTEGER);
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The codings in the sheet's order: by report, then position, then codebook order. A run that kept them on
 * disk gives them report by report in report order already; only each report's are sorted here.
 */
function* sheetOrder(tables: Tables, codeOrder: (a: string, b: string) => number): Iterable<Coding> {
  const within = (a: Coding, b: Coding) => a.start - b.start || codeOrder(a.code, b.code);
  if (!tables.stored) {
    yield* [...tables.codings].sort((a, b) => compareText(a.report, b.report) || within(a, b));
    return;
  }
  let group: Coding[] = [];
  for (const c of tables.stored.all()) {
    if (group.length > 0 && group[0]?.report !== c.report) {
      yield* group.sort(within);
      group = [];
    }
    group.push(c);
  }
  yield* group.sort(within);
}

/** `created`: the document's date (SOURCE_DATE_EPOCH); without it the file carries no date at all. */
export async function renderXlsx(
  tables: Tables,
  codebook: Codebook,
  lang: UiLang,
  options: { created?: Date } = {},
): Promise<Uint8Array> {
  const target = memoryTarget();
  await writeXlsx(tables, codebook, lang, options, target);
  return target.bytes();
}

/** The workbook into `target` (see xlsx-package.ts). */
export function writeXlsx(
  tables: Tables,
  codebook: Codebook,
  lang: UiLang,
  options: { created?: Date },
  target: PackageTarget,
): Promise<void> {
  return writeWorkbook(target, options.created, (workbook) => fillWorkbook(workbook, tables, codebook, lang));
}

async function fillWorkbook(
  workbook: WorkbookWriter,
  tables: Tables,
  codebook: Codebook,
  lang: UiLang,
): Promise<void> {
  const ui = uiStrings(lang);
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
  const codings = () => sheetOrder(tables, codeOrder);
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
    rowsOf(codings, (c): Cell[] => [
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
}
