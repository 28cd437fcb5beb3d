// Quote candidates kept while reports stream past, in bounded memory: per code, only the reports whose
// best candidate could still be chosen (the top `perCode` by best score) and, of each, its `perCode`
// best candidates. rankQuotes over the pool chooses exactly what it would over all candidates: a first
// round takes the best of each report, so a report outside the top `perCode` can never be reached.
// "Best" is rankQuotes' order: clean text before OCR-damaged text, then score. Candidates below the
// confidence a quote needs are not kept at all.
import type { QuoteCandidate } from './quote-text.js';

export class CandidatePool {
  private readonly byCode = new Map<string, Map<string, QuoteCandidate[]>>();

  constructor(
    private readonly perCode: number,
    private readonly minConfidence = 0,
  ) {}

  add(candidates: readonly QuoteCandidate[]): void {
    for (const c of candidates) {
      if (c.confidence < this.minConfidence) continue;
      const reports = this.byCode.get(c.code) ?? new Map<string, QuoteCandidate[]>();
      this.byCode.set(c.code, reports);
      const list = reports.get(c.report) ?? [];
      list.push(c);
      list.sort((a, b) => ocr(a) - ocr(b) || b.score - a.score || a.startLine - b.startLine);
      list.length = Math.min(list.length, this.perCode);
      reports.set(c.report, list);
      if (reports.size > this.perCode) this.evictWeakest(reports);
    }
  }

  private evictWeakest(reports: Map<string, QuoteCandidate[]>): void {
    let weakest: string | undefined;
    let low: QuoteCandidate | undefined;
    for (const [report, list] of reports) {
      const best = list[0];
      if (!best) continue;
      // Damaged before clean, lower score before higher; ties go against the later report name, as
      // rankQuotes breaks them.
      const weaker =
        !low ||
        ocr(best) - ocr(low) > 0 ||
        (ocr(best) === ocr(low) &&
          (best.score < low.score ||
            (best.score === low.score && weakest !== undefined && report > weakest)));
      if (weaker) {
        low = best;
        weakest = report;
      }
    }
    if (weakest !== undefined) reports.delete(weakest);
  }

  all(): QuoteCandidate[] {
    return [...this.byCode.values()].flatMap((reports) => [...reports.values()].flat());
  }
}

function ocr(c: QuoteCandidate): number {
  return c.ocr ? 1 : 0;
}
