// Renders every output of a run (renderers return strings/bytes); app/output-stage.ts writes them into the
// output folder as one set. The workbooks and the REFI-QDA project, which grow with the corpus, go
// straight into their files when the caller gives sinks. Identical input → identical bytes.
import type { Codebook } from '../codebook/types.js';
import { drainScratch, type RecordSnapshot } from '../io/scratch.js';
import {
  aliasesCsv,
  type CsvOptions,
  codingsCsv,
  quotesCsv,
  reportThemesCsv,
  themeCountsCsv,
} from '../render/csv.js';
import { renderHtml } from '../render/html.js';
import { type SourceList, writeQdpx } from '../render/qdpx.js';
import { quotesMarkdown } from '../render/quotes-md.js';
import { writeReviewXlsx } from '../render/review-xlsx.js';
import { renderSynthesisMarkdown } from '../render/synthesis.js';
import { renderSynthesisDocx } from '../render/synthesis-docx.js';
import { writeXlsx } from '../render/xlsx.js';
import { memoryTarget, type PackageTarget } from '../render/xlsx-package.js';
import { ZipWriter } from '../render/zip-stream.js';
import type { Tables } from '../types.js';
import { type QdpxJob, qdpxApart } from './qdpx-apart.js';
import { CodingStore } from './stored.js';

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

/**
 * Where the outputs too large to hold go (the workbooks, the REFI-QDA project): files of the set written
 * piece by piece, and scratch files for a library's intermediate package (app/output-stage.ts gives both,
 * in the staging folder). Without them they are rendered in memory like the rest.
 */
export interface OutputSinks {
  file(name: string): { write(bytes: Uint8Array): void };
  package(name: string): ReturnType<PackageTarget['package']>;
  /** A scratch file's path in the staging folder (removed with it). */
  scratch?(name: string): string;
}

export interface RenderOptions {
  formats: ReadonlySet<OutputFormat>;
  lang: 'fi' | 'en' | 'sv';
  csv: CsvOptions;
  /** The report texts for the REFI-QDA export (app/stored.ts keeps them on disk on a run). */
  sources: SourceList;
  sinks?: OutputSinks;
  /** Files the caller writes itself, streamed during the run (codings.csv). */
  streamed?: readonly string[];
  /** Creation date written into document properties (xlsx, docx); none when absent. */
  documentDate?: Date;
  /** Called after each format is rendered, with its name (phase timings). */
  onRendered?: (format: string) => void;
  /**
   * Threads the run had, and where its report texts are on disk: with two or more, project.qdpx is made
   * in a worker thread while this one writes the workbooks (app/qdpx-apart.ts).
   */
  threads?: number;
  sourceRecords?: RecordSnapshot;
}

/** project.qdpx started in a worker thread, when the run has the threads and keeps its records on disk. */
function qdpxElsewhere(tables: Tables, book: Codebook, options: RenderOptions): Promise<string | undefined> {
  const stored = tables.stored instanceof CodingStore ? tables.stored.snapshot() : undefined;
  const scratch = options.sinks?.scratch;
  if ((options.threads ?? 1) < 2 || !options.sourceRecords || !scratch || (tables.stored && !stored))
    return Promise.resolve(undefined);
  const out = scratch('project.qdpx');
  const job: QdpxJob = {
    codings: tables.codings,
    ...(tables.memos ? { memos: tables.memos } : {}),
    ...(stored ? { stored } : {}),
    reports: options.sources.reports(),
    sources: options.sourceRecords,
    book,
    lang: options.lang,
    out,
  };
  return qdpxApart(job).then((made) => (made ? out : undefined));
}

export async function renderOutputs(
  tables: Tables,
  book: Codebook,
  options: RenderOptions,
): Promise<Map<string, string | Uint8Array>> {
  const files = new Map<string, string | Uint8Array>();
  const f = options.formats;
  // The REFI-QDA project first, in another thread when it can be, while this one does the rest.
  const qdpxMade = f.has('qdpx') ? qdpxElsewhere(tables, book, options) : undefined;
  if (f.has('csv')) {
    if (!options.streamed?.includes('codings.csv')) files.set('codings.csv', codingsCsv(tables, options.csv));
    files.set('report_themes.csv', reportThemesCsv(tables, book, options.csv, options.lang));
    files.set('theme_counts.csv', themeCountsCsv(tables, options.csv));
    files.set('quotes.csv', quotesCsv(tables, options.csv));
    files.set('aliases.csv', aliasesCsv(tables, options.csv));
    options.onRendered?.('csv');
  }
  if (f.has('md')) {
    files.set('quotes.md', quotesMarkdown(tables, book, options.lang));
    options.onRendered?.('md');
  }
  const dated = options.documentDate ? { created: options.documentDate } : {};
  const sinks = options.sinks;
  // A workbook straight into its file (the package through a scratch file), or in memory.
  const workbook = async (name: string, write: (target: PackageTarget) => Promise<void>) => {
    if (sinks) {
      const file = sinks.file(name);
      await write({ package: () => sinks.package(name), out: (bytes) => file.write(bytes) });
    } else {
      const target = memoryTarget();
      await write(target);
      files.set(name, target.bytes());
    }
  };
  if (f.has('xlsx')) {
    await workbook('analysis.xlsx', (t) => writeXlsx(tables, book, options.lang, dated, t));
    options.onRendered?.('analysis.xlsx');
    // The evaluator's review sheet (src/render/review-xlsx.ts): filled in, read back by import-review.
    await workbook('review.xlsx', (t) => writeReviewXlsx(tables, book, options.lang, dated, t));
    options.onRendered?.('review.xlsx');
  }
  if (f.has('html')) {
    files.set('report.html', renderHtml(tables, book, options.lang));
    options.onRendered?.('html');
  }
  if (f.has('synthesis')) {
    files.set('synthesis.md', renderSynthesisMarkdown(tables, book, options.lang));
    files.set('synthesis.docx', await renderSynthesisDocx(tables, book, options.lang, dated));
    options.onRendered?.('synthesis');
  }
  if (f.has('qdpx')) {
    const chunks: Uint8Array[] = [];
    const file = sinks?.file('project.qdpx');
    const made = await qdpxMade;
    if (made && file) drainScratch(made, (bytes) => file.write(bytes));
    else
      writeQdpx(
        tables,
        book,
        options.sources,
        options.lang,
        new ZipWriter((c) => (file ? file.write(c) : chunks.push(c))),
      );
    if (!file) files.set('project.qdpx', Buffer.concat(chunks));
    options.onRendered?.('project.qdpx');
  }
  return files;
}
