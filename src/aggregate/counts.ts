// Theme counts and the report × theme matrix. A subtheme's codings also count for its parents, so a
// hierarchical frame reports main themes as "share of reports" the way seed 004's slides do.
import type { Codebook } from '../codebook/types.js';
import type { Coding, MatrixRow, ThemeCount } from '../types.js';

/** Each code with its ancestors (a subtheme's coding counts for its main theme too). */
export function ancestry(book: Codebook): Map<string, string[]> {
  const parent = new Map(book.themes.map((t) => [t.code, t.parent]));
  const out = new Map<string, string[]>();
  for (const t of book.themes) {
    const chain = [t.code];
    let p = t.parent;
    while (p !== undefined && !chain.includes(p)) {
      chain.push(p);
      p = parent.get(p);
    }
    out.set(t.code, chain);
  }
  return out;
}

/** Strong evidence: confirmed by the evaluator, or as confident as the model's `strong` level. */
export function isStrong(c: Coding, strong: number): boolean {
  return c.status === 'accepted' || c.status === 'added' || c.confidence >= strong;
}

/** Incremental per-report tally: add one report's codings at a time (bounded memory for big folders). */
export class ThemeTally {
  private readonly reportsWith = new Map<string, number>();
  private readonly segmentsWith = new Map<string, number>();
  private readonly strongReportsWith = new Map<string, number>();
  private readonly strongSegmentsWith = new Map<string, number>();
  private readonly rows: MatrixRow[] = [];
  private readonly chains: Map<string, string[]>;
  private reportCount = 0;

  /** `strong`: the confidence from which a coding is strong evidence (the model's; none: no coding is). */
  constructor(
    private readonly book: Codebook,
    private readonly strong = Number.POSITIVE_INFINITY,
  ) {
    this.chains = ancestry(book);
  }

  add(report: string, codings: readonly Coding[]): void {
    this.reportCount++;
    const segmentsByCode = new Map<string, Set<string>>();
    const strongByCode = new Map<string, Set<string>>();
    const note = (into: Map<string, Set<string>>, code: string, segment: string) => {
      const set = into.get(code) ?? new Set<string>();
      set.add(segment);
      into.set(code, set);
    };
    for (const c of codings) {
      const strong = isStrong(c, this.strong);
      for (const code of this.chains.get(c.code) ?? [c.code]) {
        note(segmentsByCode, code, c.segment);
        if (strong) note(strongByCode, code, c.segment);
      }
    }
    const cells: Record<string, number> = {};
    for (const t of this.book.themes) {
      const n = segmentsByCode.get(t.code)?.size ?? 0;
      cells[t.code] = n;
      if (n > 0) {
        this.reportsWith.set(t.code, (this.reportsWith.get(t.code) ?? 0) + 1);
        this.segmentsWith.set(t.code, (this.segmentsWith.get(t.code) ?? 0) + n);
      }
      const strong = strongByCode.get(t.code)?.size ?? 0;
      if (strong > 0) {
        this.strongReportsWith.set(t.code, (this.strongReportsWith.get(t.code) ?? 0) + 1);
        this.strongSegmentsWith.set(t.code, (this.strongSegmentsWith.get(t.code) ?? 0) + strong);
      }
    }
    this.rows.push({ report, cells });
  }

  get reports(): number {
    return this.reportCount;
  }

  counts(lang: 'fi' | 'en' | 'sv' = 'fi'): ThemeCount[] {
    const siblingTotal = new Map<string, number>();
    for (const t of this.book.themes) {
      const key = t.parent ?? '';
      siblingTotal.set(key, (siblingTotal.get(key) ?? 0) + (this.reportsWith.get(t.code) ?? 0));
    }
    return this.book.themes.map((t) => {
      const reports = this.reportsWith.get(t.code) ?? 0;
      const siblings = siblingTotal.get(t.parent ?? '') ?? 0;
      return {
        shareAmongSiblings: siblings === 0 ? 0 : Math.round((reports / siblings) * 10000) / 10000,
        code: t.code,
        polarity: t.polarity,
        theme: t.topic,
        label: t.labels[lang] ?? t.labels.fi,
        reports,
        segments: this.segmentsWith.get(t.code) ?? 0,
        strongReports: this.strongReportsWith.get(t.code) ?? 0,
        strongSegments: this.strongSegmentsWith.get(t.code) ?? 0,
        shareOfReports: this.reportCount === 0 ? 0 : Math.round((reports / this.reportCount) * 10000) / 10000,
      };
    });
  }

  matrix(): MatrixRow[] {
    return [...this.rows].sort((a, b) => (a.report < b.report ? -1 : a.report > b.report ? 1 : 0));
  }
}
