// The review decisions across one run: each report's decisions applied as the report is coded, tallies of
// the tool's proposals and of the confirmed codings beside the main counts, pins and memos collected, and
// every decision accounted for at the end (applied, re-anchored or orphaned — never dropped).

import { ThemeTally } from '../aggregate/counts.js';
import type { QuoteCandidate } from '../aggregate/quote-text.js';
import { rankQuotes } from '../aggregate/quotes.js';
import type { Codebook, Theme } from '../codebook/types.js';
import { detach } from '../detach.js';
import type { Coding, Memo, Segment, ThemeCount } from '../types.js';
import { type AnchoredDecision, applyDecisions, type ReviewedCoding } from './apply.js';
import type { Decision } from './decisions.js';

export type OrphanReason = 'gone' | 'ambiguous' | 'no-text' | 'report-not-in-run';

export interface ReviewSummary {
  file: string;
  /** Rows of the decisions file. */
  decisions: number;
  /** Rows that found their paragraph by id, and by text (re-anchored). */
  anchored: number;
  reanchored: number;
  orphaned: { decision: Decision; reason: OrphanReason }[];
  /** Rows naming a code the codebook does not have. */
  unknownCode: Decision[];
  status: { proposed: number; accepted: number; added: number; rejected: number };
  pinned: number;
}

export interface CodedForReview {
  /** The report's paragraphs (needed only when it has decisions). */
  segments: readonly Segment[];
  codings: readonly Coding[];
  candidates: readonly QuoteCandidate[];
}

export class RunReview {
  private readonly byReport = new Map<string, Decision[]>();
  private readonly used = new Set<string>();
  private readonly themes: Map<string, Theme>;
  private readonly proposedTally: ThemeTally;
  private readonly confirmedTally: ThemeTally;
  private readonly anchored: AnchoredDecision[] = [];
  private readonly unknownCode: Decision[] = [];
  private readonly status = { proposed: 0, accepted: 0, added: 0, rejected: 0 };
  readonly pins: QuoteCandidate[] = [];
  readonly memos: Memo[] = [];

  constructor(
    private readonly file: string,
    private readonly decisions: readonly Decision[],
    book: Codebook,
  ) {
    for (const d of decisions) this.byReport.set(d.report, [...(this.byReport.get(d.report) ?? []), d]);
    this.themes = new Map(book.themes.map((t) => [t.code, t]));
    this.proposedTally = new ThemeTally(book);
    this.confirmedTally = new ThemeTally(book);
  }

  /** Whether a report (under its key or a former one) has decisions: then its paragraphs are needed. */
  has(report: string, formerly: readonly string[] = []): boolean {
    return [report, ...formerly].some((k) => this.byReport.has(k));
  }

  /** Applies a report's decisions; returns its codings with status, those counted, and its quotable candidates. */
  apply(
    report: string,
    formerly: readonly string[],
    coded: CodedForReview,
  ): { codings: ReviewedCoding[]; counted: Coding[]; candidates: QuoteCandidate[] } {
    const keys = [report, ...formerly];
    const mine = keys.flatMap((k) => this.byReport.get(k) ?? []);
    for (const k of keys) this.used.add(k);
    this.proposedTally.add(report, coded.codings);
    const r = applyDecisions(report, mine, coded.segments, coded.codings, coded.candidates, this.themes);
    this.anchored.push(...r.anchored);
    this.unknownCode.push(...r.unknownCode);
    // Pins outlive their report: flat copies, not slices that would keep the whole text alive.
    this.pins.push(...r.pins.map((q) => ({ ...q, text: detach(q.text), section: detach(q.section) })));
    this.memos.push(...r.memos);
    for (const c of r.codings) this.status[c.status]++;
    const counted = r.codings.filter((c) => c.status !== 'rejected');
    this.confirmedTally.add(
      report,
      counted.filter((c) => c.status === 'accepted' || c.status === 'added'),
    );
    return { codings: r.codings, counted, candidates: r.candidates };
  }

  /** The main counts with the confirmed-only and proposed-only counts beside them. */
  decorate(counts: readonly ThemeCount[], lang: 'fi' | 'en' | 'sv'): ThemeCount[] {
    const proposed = new Map(this.proposedTally.counts(lang).map((c) => [c.code, c]));
    const confirmed = new Map(this.confirmedTally.counts(lang).map((c) => [c.code, c]));
    return counts.map((c) => ({
      ...c,
      review: {
        confirmedReports: confirmed.get(c.code)?.reports ?? 0,
        confirmedSegments: confirmed.get(c.code)?.segments ?? 0,
        proposedReports: proposed.get(c.code)?.reports ?? 0,
        proposedSegments: proposed.get(c.code)?.segments ?? 0,
      },
    }));
  }

  /** Pinned quotes first under their code (all of them), then the ranked rest up to `perCode`. */
  rank(candidates: readonly QuoteCandidate[], codes: readonly string[], perCode: number): QuoteCandidate[] {
    const ranked = rankQuotes(candidates, codes, perCode + this.pins.length);
    const out: QuoteCandidate[] = [];
    for (const code of codes) {
      const pins = this.pins
        .filter((p) => p.code === code)
        .sort((a, b) => (a.report < b.report ? -1 : a.report > b.report ? 1 : a.startLine - b.startLine));
      const rest = ranked.filter((c) => c.code === code).slice(0, Math.max(0, perCode - pins.length));
      out.push(...pins, ...rest);
    }
    return out;
  }

  summary(): ReviewSummary {
    const orphaned: ReviewSummary['orphaned'] = [];
    for (const a of this.anchored)
      if (a.anchor.kind === 'orphaned') orphaned.push({ decision: a.decision, reason: a.anchor.reason });
    for (const [report, list] of this.byReport)
      if (!this.used.has(report))
        for (const d of list) orphaned.push({ decision: d, reason: 'report-not-in-run' });
    return {
      file: this.file,
      decisions: this.decisions.length,
      anchored: this.anchored.filter((a) => a.anchor.kind !== 'orphaned').length,
      reanchored: this.anchored.filter((a) => a.anchor.kind === 'text').length,
      orphaned,
      unknownCode: this.unknownCode,
      status: { ...this.status },
      pinned: this.pins.length,
    };
  }
}
