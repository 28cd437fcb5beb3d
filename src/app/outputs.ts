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
import type { SourceList } from '../render/qdpx.js';
import { quotesMarkdown } from '../render/quotes-md.js';
import { renderSynthesisMarkdown } from '../render/synthesis.js';
import { memoryTarget, type PackageTarget } from '../render/xlsx-package.js';
import type { Tables } from '../types.js';
import { type ApartJob, writeApartFile } from './outputs-apart.js';
import { APART_FILES, type ApartFile, type OutputsThread } from './outputs-thread.js';
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
   * The thread the workbooks, the synthesis document and the project are made in (app/outputs-thread.ts);
   * without it, or when it cannot take them, they are made here.
   */
  apart?: OutputsThread;
  /** Where the report texts are on disk (the outputs thread reads them from there for the project). */
  sourceRecords?: RecordSnapshot;
}

/** The outputs this thread rendered, and the rest: the files of the outputs thread. */
export interface Rendered {
  files: Map<string, string | Uint8Array>;
  /**
   * Collects the outputs thread's files, or makes here those it could not (call once the shareable outputs
   * are checked): `files` is whole and every file given to the sinks when it resolves.
   */
  rest(): Promise<void>;
}

/** The files a job of the outputs thread can take, with what it needs at hand, or none. */
function apartJob(tables: Tables, book: Codebook, options: RenderOptions, wanted: readonly ApartFile[]) {
  const scratch = options.sinks?.scratch;
  const { stored: store, ...plain } = tables;
  const stored = store instanceof CodingStore ? store.snapshot() : undefined;
  if (!options.apart || !scratch || (store && !stored)) return undefined;
  // The project reads the report texts, which another thread can read only from their record file.
  const files = wanted.filter((f) => f !== 'project.qdpx' || options.sourceRecords);
  const job: ApartJob = {
    tables: plain,
    ...(stored ? { stored } : {}),
    reports: files.includes('project.qdpx') ? options.sources.reports() : [],
    ...(options.sourceRecords ? { sources: options.sourceRecords } : {}),
    book,
    lang: options.lang,
    ...(options.documentDate ? { created: options.documentDate } : {}),
    scratch: {},
  };
  for (const f of files) {
    job.scratch[f] = scratch(f);
    if (f.endsWith('.xlsx')) job.scratch[`package-${f}`] = scratch(`package-${f}`);
  }
  return { job, files };
}

/** The files of the formats that an outputs thread makes, in the order it takes them. */
export function apartFiles(formats: ReadonlySet<OutputFormat>): ApartFile[] {
  const format: Record<ApartFile, OutputFormat> = {
    'analysis.xlsx': 'xlsx',
    'review.xlsx': 'xlsx',
    'synthesis.docx': 'synthesis',
    'project.qdpx': 'qdpx',
  };
  return APART_FILES.filter((f) => formats.has(format[f]));
}

export async function renderOutputs(
  tables: Tables,
  book: Codebook,
  options: RenderOptions,
): Promise<Rendered> {
  const files = new Map<string, string | Uint8Array>();
  const f = options.formats;
  // The workbooks, the document and the project go to the outputs thread first, which makes them while
  // this one writes the rest.
  // Every one of them goes, in any run. Measured at 10,000 reports (peak RSS): all four in the outputs
  // thread 634 MB; the main thread also taking a workbook or the project from its queue 687–706 MB; the
  // project alone in the thread and the workbooks here, after the leak check 654 MB, before it 782 MB.
  const apart = apartJob(tables, book, options, apartFiles(f));
  if (apart) options.apart?.submit(apart.job, apart.files);
  const elsewhere = new Set<string>(apart?.files);
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
  if (f.has('html')) {
    files.set('report.html', renderHtml(tables, book, options.lang));
    options.onRendered?.('html');
  }
  if (f.has('synthesis')) {
    files.set('synthesis.md', renderSynthesisMarkdown(tables, book, options.lang));
    options.onRendered?.('synthesis.md');
  }
  // What the outputs thread does not make (there is none, or --jobs 1) is made here and now, as before.
  const here = (file: ApartFile) => renderHere(file, tables, book, options, files);
  for (const file of apartFiles(f)) if (!elsewhere.has(file)) await here(file);
  const rest = async () => {
    const thread = options.apart;
    if (!apart || !thread) return;
    for (const file of apart.files) {
      // A file the worker could not make is made here.
      if (!(await thread.made(file))) await here(file);
      else {
        collect(file, apart.job.scratch[file] as string, files, options.sinks);
        options.onRendered?.(file);
      }
    }
  };
  return { files, rest };
}

/** A file of the outputs thread's made on this thread: into its sink, or into `files` in memory. */
async function renderHere(
  file: ApartFile,
  tables: Tables,
  book: Codebook,
  options: RenderOptions,
  files: Map<string, string | Uint8Array>,
): Promise<void> {
  const dated = options.documentDate ? { created: options.documentDate } : {};
  const sinks = options.sinks;
  // The document is held like the other small files; the workbooks and the project go straight into their
  // files (a workbook's package through a scratch file).
  const sink = file === 'synthesis.docx' ? undefined : sinks?.file(file);
  if (sinks && sink) {
    const target = { package: () => sinks.package(file), out: (b: Uint8Array) => sink.write(b) };
    await writeApartFile(file, tables, book, options.lang, dated, options.sources, target);
  } else {
    const target = memoryTarget();
    await writeApartFile(file, tables, book, options.lang, dated, options.sources, target);
    files.set(file, target.bytes());
  }
  options.onRendered?.(file);
}

/** A file the outputs thread made, from its scratch file: the document into `files`, the rest into its sink. */
function collect(
  file: ApartFile,
  path: string,
  files: Map<string, string | Uint8Array>,
  sinks: OutputSinks | undefined,
): void {
  const sink = file === 'synthesis.docx' ? undefined : sinks?.file(file);
  if (sink) {
    drainScratch(path, (bytes) => sink.write(bytes));
    return;
  }
  const chunks: Uint8Array[] = [];
  drainScratch(path, (bytes) => chunks.push(Buffer.from(bytes)));
  files.set(file, Buffer.concat(chunks));
}
