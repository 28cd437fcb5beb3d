// The outputs that need libraries nothing else in a run needs (exceljs, docx) and grow with the corpus (the
// workbooks, the REFI-QDA project), made in another thread: a job is plain data (it crosses to the worker
// as a message) and each file of it is rendered into its own scratch file in the staging folder, from the
// run's tables and the record files the reports' codings and texts are in (app/stored.ts). The same
// renderers on the same data as on the main thread: the same bytes (tested).
import type { Codebook } from '../codebook/types.js';
import { type RecordSnapshot, scratchPackage, scratchWriter } from '../io/scratch.js';
import { type SourceList, writeQdpx } from '../render/qdpx.js';
import { writeReviewXlsx } from '../render/review-xlsx.js';
import { renderSynthesisDocx } from '../render/synthesis-docx.js';
import type { UiLang } from '../render/ui-strings.js';
import { writeXlsx } from '../render/xlsx.js';
import type { PackageTarget } from '../render/xlsx-package.js';
import { ZipWriter } from '../render/zip-stream.js';
import type { Tables } from '../types.js';
import type { ApartFile } from './outputs-thread.js';
import { type CodingSnapshot, CodingStore, SourceStore } from './stored.js';

/** Everything the renderers of the files read, as plain data. */
export interface ApartJob {
  /** The run's tables without `stored` (the codings on disk come as `stored`). */
  tables: Omit<Tables, 'stored'>;
  stored?: CodingSnapshot;
  /** The reports whose texts the REFI-QDA project holds, in order, and where the texts are. */
  reports: readonly string[];
  sources?: RecordSnapshot;
  book: Codebook;
  lang: UiLang;
  /** The date written into document properties; none when absent. */
  created?: Date;
  /** The scratch file each file goes into (and `package-<file>` for a workbook's intermediate package). */
  scratch: Partial<Record<ApartFile | `package-${ApartFile}`, string>>;
}

/** The run's records, opened once for the files of a job (read only) and closed with it. */
export class ApartRecords {
  readonly tables: Tables;
  private readonly stored: CodingStore | undefined;
  private readonly sources: SourceStore | undefined;

  constructor(readonly job: ApartJob) {
    this.stored = job.stored ? CodingStore.reading(job.stored) : undefined;
    this.sources = job.sources ? SourceStore.reading(job.sources) : undefined;
    this.tables = { ...job.tables, ...(this.stored ? { stored: this.stored } : {}) };
  }

  texts(): ReturnType<SourceStore['all']> {
    return this.sourceStore().all();
  }

  /** The sources' files for the archive, packed where the reports were read. */
  files(): ReturnType<SourceStore['files']> {
    return this.sourceStore().files();
  }

  private sourceStore(): SourceStore {
    if (!this.sources) throw new Error('the job has no report texts');
    return this.sources;
  }

  close(): void {
    this.stored?.close();
    this.sources?.close();
  }
}

/**
 * Writes one of the files into `target` with its renderer, on whichever thread: the outputs thread, the
 * main thread when that one could not, the warm-up. A workbook's package goes through `target.package()`.
 */
export async function writeApartFile(
  file: ApartFile,
  tables: Tables,
  book: Codebook,
  lang: UiLang,
  dated: { created?: Date },
  sources: SourceList,
  target: PackageTarget,
): Promise<void> {
  if (file === 'analysis.xlsx') await writeXlsx(tables, book, lang, dated, target);
  else if (file === 'review.xlsx') await writeReviewXlsx(tables, book, lang, dated, target);
  else if (file === 'synthesis.docx') target.out(await renderSynthesisDocx(tables, book, lang, dated));
  else writeQdpx(tables, book, sources, lang, new ZipWriter((bytes) => target.out(bytes)));
}

/** Renders one file of the job into its scratch file. */
export async function renderApart(records: ApartRecords, file: ApartFile): Promise<void> {
  const { job, tables } = records;
  const path = job.scratch[file];
  if (!path) throw new Error(`the job gives no scratch file for ${file}`);
  const out = scratchWriter(path);
  try {
    const packagePath = job.scratch[`package-${file}`];
    const target: PackageTarget = {
      package: () => {
        if (!packagePath) throw new Error(`the job gives no package scratch file for ${file}`);
        return scratchPackage(packagePath);
      },
      out: (bytes) => out.write(bytes),
    };
    const sources = {
      reports: () => job.reports,
      texts: () => records.texts(),
      files: () => records.files(),
    };
    const dated = job.created ? { created: job.created } : {};
    await writeApartFile(file, tables, job.book, job.lang, dated, sources, target);
  } finally {
    out.close();
  }
}

/** The libraries a file's renderer loads on first use: a worker loads them before its job comes. */
export async function preloadFor(files: readonly ApartFile[]): Promise<void> {
  const loads: Promise<unknown>[] = [];
  if (files.includes('analysis.xlsx') || files.includes('review.xlsx'))
    loads.push(import('exceljs/lib/stream/xlsx/workbook-writer.js'));
  if (files.includes('synthesis.docx')) loads.push(import('docx'));
  await Promise.all(loads);
}
