import { availableParallelism } from 'node:os';
import type { QuoteCandidate } from '../aggregate/quote-text.js';
import { makeAliases, rankQuotes, toQuotes } from '../aggregate/quotes.js';
import type { CompiledCodebook } from '../codebook/compile.js';
import type { Diagnostic } from '../diagnostics.js';
import { collectEvery, collectGarbage } from '../heap.js';
import { type FoundReports, findReports } from '../io/find-reports.js';
import { reportKey } from '../io/read-report.js';
import type { RecordSnapshot } from '../io/scratch.js';
import type { GenreRules } from '../language/genre-rules.js';
import type { SourceList } from '../render/qdpx.js';
import { AliasBook, type AliasTable } from '../review/aliases.js';
import type { RunReview } from '../review/run-review.js';
import type { CodingContext } from '../tag/paragraph.js';
import type { Coding, ReportSummary, Tables } from '../types.js';
import type { QuoteAnonymiser } from './quote-anonymiser.js';
import { failed, PACK_AHEAD_FROM, REPORTS_PER_COLLECTION, type ReportOutcome } from './report-job.js';
import { ReportMerge, type RunStores } from './report-merge.js';
import { type Look, type NonReport, planReports } from './report-plan.js';
import { inOrder, type PoolJob, type Runner, startRunners } from './report-pool.js';
import type { RunnerSpec } from './runner-setup.js';

export interface RunOptions {
  paths: string[];
  out: string;
  compiled: CompiledCodebook;
  /** The coder: codebook, rules, fitted model (app/coding-setup.ts). */
  coding: CodingContext;
  lang: 'fi' | 'en' | 'sv';
  quotesPerCode: number;
  anonymiser: QuoteAnonymiser;
  /** Threads that read, code and anonymise reports (default 1: the main thread alone; 'auto': one per
   * core as far as there are reports enough to be worth a thread's start). */
  jobs?: number | 'auto';
  /** What a worker thread builds its own coder and anonymiser from; without it the main thread works alone. */
  runnerSpec?: RunnerSpec;
  /** Where every report's codings and text are kept until the outputs are written (scratch files in the
   * output's staging folder); without them, in memory. */
  stores?: RunStores;
  /** Keep report texts for the REFI-QDA export. */
  keepSources: boolean;
  /** Keep every coding in memory (xlsx and qdpx need them); otherwise they only pass through onCodings. */
  keepCodings: boolean;
  /** Each report's codings, in their final order, as soon as the report is coded (codings.csv streams). */
  onCodings?: (codings: readonly Coding[]) => void;
  onReport?: (path: string) => void;
  onStart?: (total: number) => void;
  /** The alias table from the state folder: aliases stay stable across runs (the result holds it updated). */
  aliasTable?: AliasTable;
  /** Review decisions to apply (review.csv). */
  review?: RunReview;
  /** Genre rules: documents that are not final reports are flagged (and left out with skipNonReports). */
  genres?: GenreRules;
  skipNonReports?: boolean;
  /**
   * Least Coding.confidence a quote is taken from. Default: the model's `strong` level, where it was at least
   * 90 % precise on its fitting data (a quote is published: it must be right).
   */
  quoteConfidence?: number;
}

export interface RunResult {
  tables: Tables;
  /** The report texts for the REFI-QDA export (on disk when the run gave stores). */
  sources: SourceList;
  diagnostics: Diagnostic[];
  missing: string[];
  found: number;
  droppedQuotes: QuoteCandidate[];
  folded: string[];
  /** Codings of the run, kept or not. */
  codingCount: number;
  /** The alias table to save back to the state folder. */
  aliasTable?: AliasTable;
  /** Copies of a report left out (counted once), and documents that are not final reports. */
  duplicates: { path: string; sameAs: string }[];
  nonReports: NonReport[];
  /** Where the report texts are on disk (the REFI-QDA export may be made in another thread). */
  sourceRecords?: RecordSnapshot;
  /** Threads the run had (the outputs may use them too). */
  threads: number;
}

export async function runAnalysis(options: RunOptions): Promise<RunResult> {
  const found = await findReports(options.paths, { exclude: [options.out] });
  // The worker threads start now: they build their coder while the main thread looks at the first files.
  const threads = threadsFor(options.jobs ?? 1, found.files.length);
  const runners = startRunners(
    threads,
    {
      coding: options.coding,
      anonymiser: options.anonymiser.engine,
      ...(options.genres ? { genres: options.genres } : {}),
    },
    options.runnerSpec,
  );
  try {
    return { ...(await analyse(options, found, runners)), threads: runners.length };
  } finally {
    await Promise.all(runners.map((r) => r.close()));
  }
}

/**
 * Reports a worker thread must have to be worth starting: it builds its own coder and word lists first
 * (a few seconds of CPU), about what forty reports take.
 */
const REPORTS_PER_THREAD = 40;

/** Threads for the run: as asked, or with 'auto' one per core, as far as there are reports for them. */
export function threadsFor(jobs: number | 'auto', reports: number): number {
  if (jobs !== 'auto') return jobs;
  return Math.max(1, Math.min(availableParallelism(), Math.floor(reports / REPORTS_PER_THREAD)));
}

async function analyse(
  options: RunOptions,
  found: FoundReports,
  runners: readonly Runner[],
): Promise<Omit<RunResult, 'threads'>> {
  const diagnostics: Diagnostic[] = [...found.diagnostics];
  // One report in several files is coded once; a document that is no final report is flagged.
  const looks = inOrder(
    found.files,
    (path): PoolJob => ({ kind: 'look', path }),
    runners,
    (): Look => ({ chars: 0 }),
  );
  const plan = await planReports(
    found.files,
    {
      ...(options.genres ? { genres: options.genres } : {}),
      ...(options.skipNonReports ? { skipNonReports: true } : {}),
    },
    looks,
  );
  diagnostics.push(...plan.diagnostics);
  // The first look at every file leaves only the plan alive; start the reports from a heap that holds it.
  collectGarbage();
  const everyFewHundred = collectEvery(REPORTS_PER_COLLECTION);
  options.onStart?.(plan.files.length);
  // Report keys first (two files with one name in different folders keep distinct keys: a, a~2), then
  // the reports in key order, so that rows streamed out per report are already in their final order.
  const seenKeys = new Map<string, number>();
  const keyed = plan.files.map((path) => {
    const base = reportKey(path);
    const n = (seenKeys.get(base) ?? 0) + 1;
    seenKeys.set(base, n);
    return { path, key: n > 1 ? `${base}~${n}` : base };
  });
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const aliasBook = options.aliasTable
    ? new AliasBook(options.aliasTable, new Set(keyed.map((k) => k.key)))
    : undefined;
  const merge = new ReportMerge(options, aliasBook);
  const toJob = ({ path, key }: { path: string; key: string }): PoolJob => {
    const parsed = plan.parsed.get(path);
    plan.parsed.delete(path);
    return {
      kind: 'code',
      job: {
        path,
        key,
        keepSegments: options.review !== undefined,
        keepText: options.keepSources,
        packText: options.keepSources && keyed.length >= PACK_AHEAD_FROM,
        ...(parsed ? { parsed } : {}),
      },
    };
  };
  const outcomes = inOrder(
    keyed,
    toJob,
    runners,
    ({ path }, e): ReportOutcome => ({
      ok: false,
      diagnostics: [failed(path, e)],
    }),
  );
  let at = 0;
  for await (const outcome of outcomes) {
    const { path, key } = keyed[at++] as { path: string; key: string };
    options.onReport?.(path);
    if (!outcome.ok) {
      diagnostics.push(...outcome.diagnostics);
      continue;
    }
    diagnostics.push(...outcome.report.notes);
    merge.add(key, outcome.report);
    everyFewHundred();
  }
  const word = options.lang === 'en' ? 'Report' : options.lang === 'sv' ? 'Rapport' : 'Raportti';
  const stable = aliasBook?.finish(word);
  if (aliasBook) diagnostics.push(...aliasBook.notes);
  const aliases = stable?.aliases ?? makeAliases(merge.summaries, word);
  const aliasOf = new Map(aliases.map((a) => [a.report, a.alias]));
  const codes = options.compiled.book.themes.map((t) => t.code);
  // The pool holds only candidates confident enough to quote; pinned quotes (review) come on their own.
  const candidates = merge.pool.all();
  const ranked = options.review
    ? options.review.rank(candidates, codes, options.quotesPerCode)
    : rankQuotes(
        candidates,
        codes,
        options.quotesPerCode,
        options.quoteConfidence ?? options.coding.model.strong,
      );
  const { quotes, dropped } = toQuotes(ranked, aliases, (report, text) =>
    options.anonymiser.quote(report, text),
  );
  for (const q of quotes) q.section = options.anonymiser.quote(q.report, q.section) ?? '';
  const reports: ReportSummary[] = merge.summaries
    .map((s) => ({ ...s, alias: aliasOf.get(s.report) ?? '' }))
    .sort((a, b) => (a.report < b.report ? -1 : a.report > b.report ? 1 : 0));
  const tables: Tables = {
    reports,
    ...merge.kept(),
    counts: options.review
      ? options.review.decorate(merge.tally.counts(options.lang), options.lang)
      : merge.tally.counts(options.lang),
    matrix: merge.tally.matrix(),
    quotes,
    aliases,
    ...(options.review
      ? {
          memos: options.review.memos.map((m) => {
            const shareable = options.anonymiser.quote(m.report, m.memo);
            return shareable === undefined ? m : { ...m, shareable };
          }),
        }
      : {}),
  };
  return {
    tables,
    sources: merge.sourceList(),
    ...(merge.sourceRecords() ? { sourceRecords: merge.sourceRecords() } : {}),
    diagnostics,
    missing: found.missing,
    found: found.files.length,
    droppedQuotes: dropped,
    folded: merge.folded,
    codingCount: merge.codingCount,
    ...(stable ? { aliasTable: stable.table } : {}),
    duplicates: plan.duplicates,
    nonReports: plan.nonReports,
  };
}
