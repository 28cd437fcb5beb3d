// Renders every output of a run (renderers return strings/bytes); app/output-stage.ts writes them into the
// output folder as one set. Identical input → identical bytes.
import type { Codebook } from '../codebook/types.js';
import {
  aliasesCsv,
  type CsvOptions,
  codingsCsv,
  quotesCsv,
  reportThemesCsv,
  themeCountsCsv,
} from '../render/csv.js';
import { renderHtml } from '../render/html.js';
import { renderQdpx } from '../render/qdpx.js';
import { quotesMarkdown } from '../render/quotes-md.js';
import { renderReviewXlsx } from '../render/review-xlsx.js';
import { renderSynthesisMarkdown } from '../render/synthesis.js';
import { renderSynthesisDocx } from '../render/synthesis-docx.js';
import { renderXlsx } from '../render/xlsx.js';
import type { Tables } from '../types.js';

export const OUTPUT_FORMATS = ['csv', 'md', 'xlsx', 'html', 'synthesis', 'qdpx'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** The files each format writes. */
export const OUTPUT_FILES: Record<OutputFormat, readonly string[]> = {
  csv: ['codings.csv', 'report_themes.csv', 'theme_counts.csv', 'quotes.csv', 'aliases.csv'],
  md: ['quotes.md'],
  xlsx: ['analysis.xlsx', 'review.xlsx'],
  html: ['report.html'],
  synthesis: ['synthesis.md', 'synthesis.docx'],
  qdpx: ['project.qdpx'],
};

/** Files meant to leave the evaluator's desk: anonymised, aliases only. The leak check reads these. */
export const SHAREABLE = new Set([
  'theme_counts.csv',
  'quotes.csv',
  'quotes.md',
  'synthesis.md',
  'synthesis.docx',
  'report.html',
]);

export interface RenderOptions {
  formats: ReadonlySet<OutputFormat>;
  lang: 'fi' | 'en' | 'sv';
  csv: CsvOptions;
  sources: { report: string; path: string; text: string }[];
  /** Files the caller writes itself, streamed during the run (codings.csv). */
  streamed?: readonly string[];
  /** Creation date written into document properties (xlsx, docx); none when absent. */
  documentDate?: Date;
}

export async function renderOutputs(
  tables: Tables,
  book: Codebook,
  options: RenderOptions,
): Promise<Map<string, string | Uint8Array>> {
  const files = new Map<string, string | Uint8Array>();
  const f = options.formats;
  if (f.has('csv')) {
    if (!options.streamed?.includes('codings.csv')) files.set('codings.csv', codingsCsv(tables, options.csv));
    files.set('report_themes.csv', reportThemesCsv(tables, book, options.csv, options.lang));
    files.set('theme_counts.csv', themeCountsCsv(tables, options.csv));
    files.set('quotes.csv', quotesCsv(tables, options.csv));
    files.set('aliases.csv', aliasesCsv(tables, options.csv));
  }
  if (f.has('md')) files.set('quotes.md', quotesMarkdown(tables, book, options.lang));
  const dated = options.documentDate ? { created: options.documentDate } : {};
  if (f.has('xlsx')) {
    files.set('analysis.xlsx', await renderXlsx(tables, book, options.lang, dated));
    // The evaluator's review sheet (src/render/review-xlsx.ts): filled in, read back by import-review.
    files.set('review.xlsx', await renderReviewXlsx(tables, book, options.lang, dated));
  }
  if (f.has('html')) files.set('report.html', renderHtml(tables, book, options.lang));
  if (f.has('synthesis')) {
    files.set('synthesis.md', renderSynthesisMarkdown(tables, book, options.lang));
    files.set('synthesis.docx', await renderSynthesisDocx(tables, book, options.lang, dated));
  }
  if (f.has('qdpx')) files.set('project.qdpx', await renderQdpx(tables, book, options.sources, options.lang));
  return files;
}
