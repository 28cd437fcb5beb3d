// Quote selection: per code the strongest candidates by score, at most one per report before a second
// from the same report, so one talkative report does not fill a theme; quotes only from confident codings,
// and text damaged by OCR only after every clean quote. Anonymised by the caller's function.
import type { Alias, Quote } from '../types.js';
import type { QuoteCandidate } from './quote-text.js';

export const DEFAULT_QUOTES_PER_CODE = 5;

/** Clean text before OCR-damaged text, then the stronger, then by report and line (stable). */
export function quoteOrder(a: QuoteCandidate, b: QuoteCandidate): number {
  return (
    (a.ocr ? 1 : 0) - (b.ocr ? 1 : 0) ||
    b.score - a.score ||
    a.report.localeCompare(b.report) ||
    a.startLine - b.startLine
  );
}

export function rankQuotes(
  candidates: readonly QuoteCandidate[],
  codes: readonly string[],
  perCode = DEFAULT_QUOTES_PER_CODE,
  minConfidence = 0,
): QuoteCandidate[] {
  const out: QuoteCandidate[] = [];
  for (const code of codes) {
    const list = candidates.filter((c) => c.code === code && c.confidence >= minConfidence).sort(quoteOrder);
    const round = new Map<string, number>();
    // Rank = (how many quotes this report already has, then score): first one per report, then seconds...
    const ranked = list
      .map((c) => {
        const n = round.get(c.report) ?? 0;
        round.set(c.report, n + 1);
        return { c, n };
      })
      .sort((a, b) => (a.c.ocr ? 1 : 0) - (b.c.ocr ? 1 : 0) || a.n - b.n || quoteOrder(a.c, b.c));
    out.push(...ranked.slice(0, perCode).map((r) => r.c));
  }
  return out;
}

/** Stable aliases "Raportti 1..N" in report-key order (the key goes only to aliases.csv). */
export function makeAliases(
  reports: readonly { report: string; path: string }[],
  word = 'Raportti',
): Alias[] {
  return [...reports]
    .sort((a, b) => (a.report < b.report ? -1 : a.report > b.report ? 1 : a.path < b.path ? -1 : 1))
    .map((r, i) => ({ alias: `${word} ${i + 1}`, report: r.report, path: r.path }));
}

export function toQuotes(
  ranked: readonly QuoteCandidate[],
  aliases: readonly Alias[],
  anonymise: (report: string, text: string) => string | undefined,
): { quotes: Quote[]; dropped: QuoteCandidate[] } {
  const aliasOf = new Map(aliases.map((a) => [a.report, a.alias]));
  const rank = new Map<string, number>();
  const quotes: Quote[] = [];
  const dropped: QuoteCandidate[] = [];
  for (const c of ranked) {
    const text = anonymise(c.report, c.text);
    if (text === undefined) {
      dropped.push(c);
      continue;
    }
    const r = (rank.get(c.code) ?? 0) + 1;
    rank.set(c.code, r);
    quotes.push({
      code: c.code,
      rank: r,
      report: c.report,
      alias: aliasOf.get(c.report) ?? '?',
      section: c.section,
      startLine: c.startLine,
      endLine: c.endLine,
      score: c.score,
      confidence: c.confidence,
      text,
      ...(c.ocr ? { ocr: true } : {}),
      ...(c.location ? { location: c.location } : {}),
    });
  }
  return { quotes, dropped };
}
