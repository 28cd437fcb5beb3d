// The review page's state: the reports coded once, each proposal with its paragraph, section, neighbours
// and evidence, the decisions file applied for statuses; a decision is merged into the file and written
// atomically at once (one write at a time), and the report's statuses recomputed.
import { type QuoteCandidate, quoteCandidates } from '../aggregate/quote-text.js';
import type { CompiledCodebook } from '../codebook/compile.js';
import { type Diagnostic, diagnostic } from '../diagnostics.js';
import { readDecisionsIfAny, writeDecisionsFile } from '../io/decisions-file.js';
import { findReports } from '../io/find-reports.js';
import { readReport } from '../io/read-report.js';
import { codeDocument } from '../pipeline.js';
import { themeLabel } from '../render/theme-groups.js';
import type { UiLang } from '../render/ui-strings.js';
import { applyDecisions } from '../review/apply.js';
import {
  type Decision,
  type DecisionKind,
  type Delimiter,
  decisionsInForce,
  decisionText,
  mergeDecisions,
  type QuoteMark,
} from '../review/decisions.js';
import { reviewOrder } from '../review/order.js';
import type { CodingContext } from '../tag/paragraph.js';
import type { Coding, Segment } from '../types.js';

/** One proposal (or added coding) as the page shows it. */
export interface ReviewItem {
  key: string;
  report: string;
  paragraph: string;
  code: string;
  label: string;
  confidence: number;
  matches: string[];
  status: NonNullable<Coding['status']>;
  reviewer?: string;
  quote: QuoteMark;
  memo: string;
  section: string[];
  text: string;
  /** Sentences carrying this code's evidence, as [start, end) offsets into `text`. */
  evidence: [number, number][];
  before?: string;
  after?: string;
}

interface ReportState {
  report: string;
  segments: Segment[];
  codings: Coding[];
  candidates: QuoteCandidate[];
  evidence: Map<string, [number, number][]>;
}

export interface SessionOptions {
  paths: string[];
  compiled: CompiledCodebook;
  /** The coder (app/coding-setup.ts). */
  coding: CodingContext;
  decisionsFile: string;
  reviewer: string;
  lang: UiLang;
  delimiter: Delimiter;
}

export class ReviewSession {
  private decisions: Decision[] = [];
  private delimiter: Delimiter;
  private readonly reports = new Map<string, ReportState>();
  private items: ReviewItem[] = [];
  private writing: Promise<unknown> = Promise.resolve();
  readonly diagnostics: Diagnostic[] = [];

  private constructor(private readonly options: SessionOptions) {
    this.delimiter = options.delimiter;
  }

  static async open(options: SessionOptions): Promise<ReviewSession> {
    const s = new ReviewSession(options);
    const existing = await readDecisionsIfAny(options.decisionsFile);
    if (!existing.ok) throw new ReviewSessionError(existing.diagnostics);
    s.decisions = existing.value.decisions;
    s.delimiter = existing.value.delimiter ?? options.delimiter;
    s.diagnostics.push(...(existing.diagnostics ?? []));
    const found = await findReports(options.paths);
    s.diagnostics.push(...found.diagnostics);
    if (found.missing.length > 0)
      throw new ReviewSessionError(
        found.missing.map((m) => diagnostic(m, 'review/missing', 'No such file or folder')),
      );
    for (const path of found.files) {
      const read = await readReport(path);
      if (!read.ok) {
        s.diagnostics.push(...read.diagnostics);
        continue;
      }
      const coded = codeDocument(read.value, options.coding, { keep: true });
      const evidence = new Map<string, [number, number][]>();
      for (const t of coded.taggings)
        for (const sentence of t.sentences)
          for (const th of sentence.themes) {
            const k = `${t.segment.id}\u0000${th.code}`;
            const list = evidence.get(k) ?? [];
            list.push([sentence.segment.start - t.segment.start, sentence.segment.end - t.segment.start]);
            evidence.set(k, list);
          }
      s.reports.set(read.value.report, {
        report: read.value.report,
        segments: coded.segments,
        codings: coded.codings,
        candidates: quoteCandidates(coded.taggings),
        evidence,
      });
    }
    s.rebuild();
    return s;
  }

  /** Codes the page offers for recoding, in codebook order. */
  codes(): { code: string; label: string }[] {
    return this.options.compiled.book.themes.map((t) => ({
      code: t.code,
      label: themeLabel(t, this.options.lang),
    }));
  }

  list(): ReviewItem[] {
    return this.items;
  }

  private rebuild(): void {
    const themes = new Map(this.options.compiled.book.themes.map((t) => [t.code, t]));
    const all: (Coding & { memo: string; quote: QuoteMark })[] = [];
    for (const r of this.reports.values()) {
      const mine = this.decisions.filter((d) => d.report === r.report);
      const applied = applyDecisions(r.report, mine, r.segments, r.codings, r.candidates, themes);
      const latest = new Map<string, Decision>();
      for (const d of decisionsInForce(mine)) latest.set(`${d.paragraph}\u0000${d.code}`, d);
      for (const c of applied.codings) {
        const d = latest.get(`${c.segment}\u0000${c.code}`);
        all.push({ ...c, memo: d?.memo ?? '', quote: d?.quote ?? '' });
      }
    }
    const ordered = [...reviewOrder(all), ...all.filter((c) => c.status === 'added')];
    this.items = ordered.map((c) => this.item(c, themes));
  }

  private item(
    c: Coding & { memo: string; quote: QuoteMark },
    themes: Map<string, { labels: { fi: string; en: string; sv?: string } }>,
  ): ReviewItem {
    const r = this.reports.get(c.report) as ReportState;
    const i = r.segments.findIndex((s) => s.id === c.segment);
    const p = r.segments[i] as Segment;
    const sameSection = (s: Segment | undefined) =>
      s && s.section.join('\u0000') === p.section.join('\u0000');
    const prev = r.segments[i - 1];
    const next = r.segments[i + 1];
    const theme = themes.get(c.code);
    return {
      key: `${c.report}#${c.segment}#${c.code}`,
      report: c.report,
      paragraph: c.segment,
      code: c.code,
      label: theme ? (theme.labels[this.options.lang] ?? theme.labels.fi) : c.code,
      confidence: c.confidence,
      matches: c.matches,
      status: c.status ?? 'proposed',
      ...(c.reviewer ? { reviewer: c.reviewer } : {}),
      quote: c.quote,
      memo: c.memo,
      section: p.section,
      text: p.text,
      evidence: r.evidence.get(`${c.segment}\u0000${c.code}`) ?? [],
      ...(sameSection(prev) ? { before: prev?.text } : {}),
      ...(sameSection(next) ? { after: next?.text } : {}),
    };
  }

  /** Records one decision: merged into the decisions file, written atomically before this resolves. */
  async decide(input: {
    report: string;
    paragraph: string;
    code: string;
    decision: DecisionKind;
    quote?: QuoteMark;
    memo?: string;
  }): Promise<ReviewItem[]> {
    const r = this.reports.get(input.report);
    const p = r?.segments.find((s) => s.id === input.paragraph);
    if (!p) throw new ReviewInputError(`no paragraph ${input.report}#${input.paragraph}`);
    if (!this.options.compiled.book.themes.some((t) => t.code === input.code))
      throw new ReviewInputError(`no code ${input.code} in the codebook`);
    const decision: Decision = {
      report: input.report,
      paragraph: input.paragraph,
      code: input.code,
      decision: input.decision,
      quote: input.decision === 'reject' ? '' : (input.quote ?? ''),
      memo: input.memo ?? '',
      reviewer: this.options.reviewer,
      date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
      text: decisionText(p.text),
    };
    // One write at a time, each with the file as the previous one left it.
    const write = this.writing.then(async () => {
      const next = mergeDecisions(this.decisions, [decision]);
      const written = await writeDecisionsFile(this.options.decisionsFile, next, this.delimiter);
      if (!written.ok) throw new ReviewSessionError(written.diagnostics);
      this.decisions = next;
      this.rebuild();
    });
    this.writing = write.catch(() => undefined);
    await write;
    return this.items.filter((i) => i.report === input.report && i.paragraph === input.paragraph);
  }
}

export class ReviewSessionError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => d.reason).join('; '));
  }
}

export class ReviewInputError extends Error {}
