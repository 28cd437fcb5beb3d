// CSV tables: UTF-8 with BOM (Excel reads the encoding right), header row, fixed column order, rows in a
// deterministic order. The separators follow the spreadsheet's locale (csvFormatFor): Finnish and Swedish
// Excel split on ';' and read decimal commas; English Excel ',' and points.
import { stringify } from 'csv-stringify/sync';
import type { Codebook } from '../codebook/types.js';
import type { Coding, Quote, Tables } from '../types.js';
import { locationLabel } from './location-label.js';
import { themeLabel } from './theme-groups.js';
import { type UiLang, uiStrings } from './ui-strings.js';

export interface CsvOptions {
  delimiter?: ',' | ';' | '\t';
  /** Decimal mark; default ',' with ';' as delimiter, else '.'. */
  decimal?: ',' | '.';
  /** Prepend a BOM (default true). */
  bom?: boolean;
  /** Review decisions were applied: codings.csv ends with a `status` column. */
  status?: boolean;
}

/**
 * The CSV format for a language: ';' and decimal commas for Finnish and Swedish (Excel's list separator
 * and decimal mark there), ',' and points for English. A delimiter given explicitly wins; a comma
 * delimiter always goes with decimal points, a tab with the language's mark.
 */
export function csvFormatFor(
  lang: UiLang,
  delimiter?: ',' | ';' | '\t',
): Required<Pick<CsvOptions, 'delimiter' | 'decimal'>> {
  const d = delimiter ?? (lang === 'en' ? ',' : ';');
  const decimal = d === ',' ? '.' : d === ';' ? ',' : lang === 'en' ? '.' : ',';
  return { delimiter: d, decimal };
}

/** A number always written with three decimals (shares: 0.000, 0.600, 1.000), never as an integer. */
type Cell = string | number | { fixed: number };

/** Rows without header or BOM: a streamed table (codings.csv) is written report by report. */
function records(rows: Cell[][], options: CsvOptions): string {
  const delimiter = options.delimiter ?? ',';
  const decimal = options.decimal ?? (delimiter === ';' ? ',' : '.');
  // A text cell that a spreadsheet would read as a formula (=, +, -, @; a list item "- ...") gets an
  // apostrophe in front, the OWASP guard against CSV injection: Excel then shows it as text.
  const fmt = (v: Cell) =>
    typeof v === 'object'
      ? v.fixed.toFixed(3).replace('.', decimal)
      : typeof v === 'number'
        ? Number.isInteger(v)
          ? String(v)
          : v.toFixed(3).replace('.', decimal)
        : /^[=+\-@\t\r]/.test(v)
          ? `'${v}`
          : v;
  return stringify(
    rows.map((r) => r.map(fmt)),
    { delimiter, record_delimiter: 'unix', quoted_match: /^'[=+\-@\t\r]/ },
  );
}

function table(header: string[], rows: Cell[][], options: CsvOptions): string {
  return (options.bom === false ? '' : '\uFEFF') + records([header, ...rows], options);
}

const CODINGS_HEADER = [
  'report',
  'segment',
  'section',
  'start_line',
  'end_line',
  'location',
  'code',
  'polarity',
  'theme',
  'score',
  'confidence',
  'matches',
  'text',
];

function codingRow(c: Coding): Cell[] {
  return [
    c.report,
    c.segment,
    c.section,
    c.startLine,
    c.endLine,
    locationLabel(c.location),
    c.code,
    c.polarity,
    c.theme,
    c.score,
    { fixed: c.confidence },
    c.matches.join('; '),
    c.text.replace(/\s+/g, ' ').trim(),
  ];
}

const codingsHeader = (options: CsvOptions) =>
  options.status ? [...CODINGS_HEADER, 'status'] : CODINGS_HEADER;
const codingCells = (options: CsvOptions) => (c: Coding) =>
  options.status ? [...codingRow(c), c.status ?? 'proposed'] : codingRow(c);

/** The head of a streamed codings.csv (BOM and header row). */
export function codingsCsvHead(options: CsvOptions = {}): string {
  return table(codingsHeader(options), [], options);
}

/** Rows of codings.csv for one report's codings, in the order given. */
export function codingsCsvRows(codings: readonly Coding[], options: CsvOptions = {}): string {
  return records(codings.map(codingCells(options)), options);
}

const byReportThenPosition = (a: { report: string; start: number; code: string }, b: typeof a) =>
  a.report < b.report
    ? -1
    : a.report > b.report
      ? 1
      : a.start - b.start || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

export function codingsCsv(tables: Tables, options: CsvOptions = {}): string {
  return table(
    codingsHeader(options),
    [...tables.codings].sort(byReportThenPosition).map(codingCells(options)),
    options,
  );
}

/**
 * The report × theme matrix, for reading in a spreadsheet: headed in the chosen language, one column per
 * theme under its label (as in analysis.xlsx; theme_counts.csv pairs each label with its code).
 */
export function reportThemesCsv(
  tables: Tables,
  book: Codebook,
  options: CsvOptions = {},
  lang: UiLang = 'fi',
): string {
  const rows = tables.matrix.map((r) => [r.report, ...book.themes.map((t) => r.cells[t.code] ?? 0)]);
  return table([uiStrings(lang).report, ...book.themes.map((t) => themeLabel(t, lang))], rows, options);
}

export function themeCountsCsv(tables: Tables, options: CsvOptions = {}): string {
  const rows = tables.counts.map((c) => [
    c.code,
    c.polarity,
    c.theme,
    c.label,
    c.reports,
    c.segments,
    { fixed: c.shareOfReports },
    { fixed: c.shareAmongSiblings },
    c.strongReports,
    c.strongSegments,
    // With review decisions: the counts on confirmed codings alone and on the tool's proposals alone.
    ...(c.review
      ? [
          c.review.confirmedReports,
          c.review.confirmedSegments,
          c.review.proposedReports,
          c.review.proposedSegments,
        ]
      : []),
  ]);
  const reviewed = tables.counts.some((c) => c.review)
    ? ['confirmed_reports', 'confirmed_segments', 'proposed_reports', 'proposed_segments']
    : [];
  return table(
    [
      'code',
      'polarity',
      'theme',
      'label',
      'reports',
      'segments',
      'share_of_reports',
      'share_among_siblings',
      'strong_reports',
      'strong_segments',
      ...reviewed,
    ],
    rows,
    options,
  );
}

/** Quotes carry only the alias; the report key is in aliases.csv alone. */
export function quotesCsv(tables: Tables, options: CsvOptions = {}): string {
  // "[OCR]" opens a quote whose text shows OCR damage: to be checked against the original before use.
  const rows = tables.quotes.map((q) => [q.code, q.rank, q.alias, q.section, q.score, ocrMarked(q)]);
  return table(['code', 'rank', 'alias', 'section', 'score', 'quote'], rows, options);
}

function ocrMarked(q: Quote): string {
  return q.ocr ? `[OCR] ${q.text}` : q.text;
}

export function aliasesCsv(tables: Tables, options: CsvOptions = {}): string {
  return table(
    ['alias', 'report', 'path'],
    tables.aliases.map((a) => [a.alias, a.report, a.path]),
    options,
  );
}
