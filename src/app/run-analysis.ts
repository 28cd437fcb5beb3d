import { CandidatePool } from '../aggregate/candidate-pool.js';
import { type ThemeTally as Tally, ThemeTally } from '../aggregate/counts.js';
import type { QuoteCandidate } from '../aggregate/quote-text.js';
import { makeAliases, rankQuotes, toQuotes } from '../aggregate/quotes.js';
import type { CompiledCodebook } from '../codebook/compile.js';
import { detach } from '../detach.js';
import type { Diagnostic } from '../diagnostics.js';
import { findReports } from '../io/find-reports.js';
import { readReport, reportKey } from '../io/read-report.js';
import type { GenreRules } from '../language/genre-rules.js';
import { codeDocument } from '../pipeline.js';
import { AliasBook, type AliasTable, contentFingerprint } from '../review/aliases.js';
import type { RunReview } from '../review/run-review.js';
import { withLocations } from '../segment/locate.js';
import type { CodingContext } from '../tag/paragraph.js';
import type { Coding, ReportSummary, Tables } from '../types.js';
import type { QuoteAnonymiser } from './quote-anonymiser.js';
import { type NonReport, planReports } from './report-plan.js';

export interface RunOptions {
  paths: string[];
  out: string;
  compiled: CompiledCodebook;
  /** The coder: codebook, rules, fitted model (app/coding-setup.ts). */
  coding: CodingContext;
  lang: 'fi' | 'en' | 'sv';
  quotesPerCode: number;
  anonymiser: QuoteAnonymiser;
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
  sources: { report: string; path: string; text: string }[];
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
}

export async function runAnalysis(options: RunOptions): Promise<RunResult> {
  const found = await findReports(options.paths, { exclude: [options.out] });
  const diagnostics: Diagnostic[] = [...found.diagnostics];
  // One report in several files is coded once; a document that is no final report is flagged.
  const plan = await planReports(found.files, {
    ...(options.genres ? { genres: options.genres } : {}),
    ...(options.skipNonReports ? { skipNonReports: true } : {}),
  });
  diagnostics.push(...plan.diagnostics);
  const tally: Tally = new ThemeTally(options.compiled.book, options.coding.model.strong);
  const codings: Coding[] = [];
  const minConfidence = options.quoteConfidence ?? options.coding.model.strong;
  const pool = new CandidatePool(Math.max(1, options.quotesPerCode), minConfidence);
  const summaries: Omit<ReportSummary, 'alias'>[] = [];
  const sources: RunResult['sources'] = [];
  const folded: string[] = [];
  let codingCount = 0;
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
  for (const { path, key } of keyed) {
    const read = plan.parsed.get(path) ?? (await readReport(path));
    plan.parsed.delete(path);
    options.onReport?.(path);
    if (!read.ok) {
      diagnostics.push(...read.diagnostics);
      continue;
    }
    if (read.diagnostics) diagnostics.push(...read.diagnostics);
    const doc = read.value;
    doc.report = key;
    const formerly = aliasBook?.claim(key, doc.path, contentFingerprint(doc.text)) ?? [];
    const coded = codeDocument(doc, options.coding, {
      ...(options.review?.has(key, formerly) ? { keep: true } : {}),
    });
    // Review decisions: statuses, added codings, counted codings, quotable candidates (src/review).
    const reviewed = options.review?.apply(key, formerly, coded);
    const counted = reviewed?.counted ?? coded.codings;
    if (coded.folded) folded.push(doc.report);
    options.anonymiser.learn(doc.report, doc.text);
    tally.add(doc.report, counted);
    codingCount += counted.length;
    const ordered = withLocations(
      doc,
      reviewed?.codings ??
        [...coded.codings].sort(
          (a, b) => a.start - b.start || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
        ),
    );
    options.onCodings?.(ordered);
    // Kept only for the exports that need every coding (xlsx, qdpx); strings sliced from the report
    // would keep its whole text alive, so flat copies.
    if (options.keepCodings)
      for (const c of ordered) codings.push({ ...c, text: detach(c.text), section: detach(c.section) });
    // A report whose text lost its umlauts to OCR gives quotes flagged as such, ranked after clean ones.
    pool.add(
      (reviewed?.candidates ?? coded.candidates).map((q) => ({
        ...q,
        text: detach(q.text),
        section: detach(q.section),
        ...(q.ocr || coded.folded ? { ocr: true } : {}),
      })),
    );
    summaries.push({
      report: doc.report,
      path: doc.path,
      format: doc.format,
      lang: coded.lang,
      paragraphs: coded.paragraphs,
      codedParagraphs: new Set(counted.map((c) => c.segment)).size,
    });
    if (options.keepSources) sources.push({ report: doc.report, path: doc.path, text: doc.text });
  }
  const word = options.lang === 'en' ? 'Report' : options.lang === 'sv' ? 'Rapport' : 'Raportti';
  const stable = aliasBook?.finish(word);
  if (aliasBook) diagnostics.push(...aliasBook.notes);
  const aliases = stable?.aliases ?? makeAliases(summaries, word);
  const aliasOf = new Map(aliases.map((a) => [a.report, a.alias]));
  const codes = options.compiled.book.themes.map((t) => t.code);
  // The pool holds only candidates confident enough to quote; pinned quotes (review) come on their own.
  const ranked = options.review
    ? options.review.rank(pool.all(), codes, options.quotesPerCode)
    : rankQuotes(pool.all(), codes, options.quotesPerCode, minConfidence);
  const { quotes, dropped } = toQuotes(ranked, aliases, (report, text) =>
    options.anonymiser.quote(report, text),
  );
  for (const q of quotes) q.section = options.anonymiser.quote(q.report, q.section) ?? '';
  const reports: ReportSummary[] = summaries
    .map((s) => ({ ...s, alias: aliasOf.get(s.report) ?? '' }))
    .sort((a, b) => (a.report < b.report ? -1 : a.report > b.report ? 1 : 0));
  const tables: Tables = {
    reports,
    codings,
    counts: options.review
      ? options.review.decorate(tally.counts(options.lang), options.lang)
      : tally.counts(options.lang),
    matrix: tally.matrix(),
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
    sources,
    diagnostics,
    missing: found.missing,
    found: found.files.length,
    droppedQuotes: dropped,
    folded,
    codingCount,
    ...(stable ? { aliasTable: stable.table } : {}),
    duplicates: plan.duplicates,
    nonReports: plan.nonReports,
  };
}
