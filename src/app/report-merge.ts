// The run's merge of each report's result, in report order (whichever thread did the work): the alias
// claim, review decisions, tallies, the codings streamed out (codings.csv) and kept for the workbooks and
// the REFI-QDA project, quote candidates, what the anonymiser learned. What the end of the run needs of
// every report is either small (a summary, a matrix row) or kept on disk (app/stored.ts) when the run
// gives record stores, so memory does not grow with the corpus.
import { CandidatePool } from '../aggregate/candidate-pool.js';
import { ThemeTally } from '../aggregate/counts.js';
import { detach } from '../detach.js';
import type { RecordSnapshot, RecordStore } from '../io/scratch.js';
import { type SourceList, sourceList } from '../render/qdpx.js';
import type { AliasBook } from '../review/aliases.js';
import { withLocations } from '../segment/locate.js';
import type { Coding, ReportSummary, SourceText, StoredCodings } from '../types.js';
import type { CodedReport } from './report-job.js';
import type { RunOptions } from './run-analysis.js';
import { CodingStore, SourceStore } from './stored.js';

export class ReportMerge {
  readonly tally: ThemeTally;
  readonly pool: CandidatePool;
  readonly summaries: Omit<ReportSummary, 'alias'>[] = [];
  readonly folded: string[] = [];
  codingCount = 0;
  private readonly codings: Coding[] = [];
  private readonly sources: SourceText[] = [];
  private readonly codingStore: CodingStore | undefined;
  private readonly sourceStore: SourceStore | undefined;

  constructor(
    private readonly options: RunOptions,
    private readonly aliasBook: AliasBook | undefined,
  ) {
    this.tally = new ThemeTally(options.compiled.book, options.coding.model.strong);
    this.pool = new CandidatePool(
      Math.max(1, options.quotesPerCode),
      options.quoteConfidence ?? options.coding.model.strong,
    );
    const stores = options.stores;
    if (stores && options.keepCodings) this.codingStore = new CodingStore(stores.codings);
    if (stores && options.keepSources) this.sourceStore = new SourceStore(stores.sources);
  }

  add(key: string, r: CodedReport): void {
    const { options } = this;
    const formerly = this.aliasBook?.claim(key, r.path, r.fingerprint) ?? [];
    // Review decisions: statuses, added codings, counted codings, quotable candidates (src/review).
    const reviewed = options.review?.apply(key, formerly, {
      segments: options.review.has(key, formerly) ? r.segments : [],
      codings: r.codings,
      candidates: r.candidates,
    });
    const counted = reviewed?.counted ?? r.codings;
    if (r.folded) this.folded.push(key);
    options.anonymiser.remember(key, r.ids, r.inventory);
    this.tally.add(key, counted);
    this.codingCount += counted.length;
    const ordered = withLocations(
      { format: r.format, blocks: r.located },
      reviewed?.codings ??
        [...r.codings].sort((a, b) => a.start - b.start || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)),
    );
    options.onCodings?.(ordered);
    // Kept only for the exports that need every coding (xlsx, qdpx): on disk, or flat copies in memory
    // (strings sliced from the report would keep its whole text alive).
    if (this.codingStore) this.codingStore.add(key, ordered);
    else if (options.keepCodings)
      for (const c of ordered) this.codings.push({ ...c, text: detach(c.text), section: detach(c.section) });
    // A report whose text lost its umlauts to OCR gives quotes flagged as such, ranked after clean ones.
    this.pool.add(
      (reviewed?.candidates ?? r.candidates).map((q) => ({
        ...q,
        text: detach(q.text),
        section: detach(q.section),
        ...(q.ocr || r.folded ? { ocr: true } : {}),
      })),
    );
    this.summaries.push({
      report: key,
      path: r.path,
      format: r.format,
      lang: r.lang,
      paragraphs: r.paragraphs,
      codedParagraphs: new Set(counted.map((c) => c.segment)).size,
    });
    if (options.keepSources && r.text !== undefined) {
      const source = { report: key, path: r.path, text: r.text, ...(r.packed ? { packed: r.packed } : {}) };
      if (this.sourceStore) this.sourceStore.add(source);
      else this.sources.push(source);
    }
  }

  /** The codings for the tables: in memory, or on disk (`stored`). */
  kept(): { codings: Coding[]; stored?: StoredCodings } {
    return this.codingStore ? { codings: [], stored: this.codingStore } : { codings: this.codings };
  }

  /** Where the report texts are on disk, for a reader in another thread (undefined when in memory). */
  sourceRecords(): RecordSnapshot | undefined {
    return this.sourceStore?.snapshot();
  }

  /** The report texts, in report order. */
  sourceList(): SourceList {
    const store = this.sourceStore;
    if (!store) return sourceList(this.sources);
    const reports = this.summaries.map((s) => s.report);
    return { reports: () => reports, texts: () => store.all(), files: () => store.files() };
  }
}

/** Where a run keeps every report's codings and text until the outputs are written (io/scratch.ts). */
export interface RunStores {
  codings: RecordStore;
  sources: RecordStore;
}
