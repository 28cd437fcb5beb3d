// Quote candidates: for each coding, the sentences of the paragraph that carry the code's evidence (at most
// three, contiguous), with markdown markup removed so the quote reads as prose.
import type { ParagraphTagging } from '../tag/paragraph.js';

export interface QuoteCandidate {
  report: string;
  /** The paragraph's id: review decisions pin or exclude a quote by it. */
  segment?: string;
  code: string;
  score: number;
  confidence: number;
  section: string;
  startLine: number;
  endLine: number;
  /** Plain text, not yet anonymised. */
  text: string;
}

const MAX_SENTENCES = 3;
const MAX_CHARS = 700;

/** Markdown emphasis, links, list bullets and line breaks out; the words stay. */
export function plainText(s: string): string {
  return s
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[\s(])[*_]([^*_\n]+)[*_](?=[\s).,;:!?]|$)/g, '$1$2')
    .replace(/^\s*(?:[-*+•▪–]|\d{1,2}[.)])\s+/gm, '')
    .replace(/^\s*>\s?/gm, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function quoteCandidates(taggings: readonly ParagraphTagging[]): QuoteCandidate[] {
  const out: QuoteCandidate[] = [];
  for (const t of taggings) {
    for (const c of t.codings) {
      const idx = t.sentences
        .map((s, i) => (s.themes.some((th) => th.code === c.code) ? i : -1))
        .filter((i) => i >= 0);
      if (idx.length === 0) continue;
      const best = idx.reduce((a, b) => {
        const sa = t.sentences[a]?.themes.find((th) => th.code === c.code)?.score ?? 0;
        const sb = t.sentences[b]?.themes.find((th) => th.code === c.code)?.score ?? 0;
        return sb > sa ? b : a;
      });
      // Grow around the best sentence over evidence-bearing neighbours, within the limits.
      let first = best;
      let last = best;
      const len = (a: number, b: number) =>
        t.sentences.slice(a, b + 1).reduce((n, s) => n + s.segment.text.length, 0);
      while (last - first + 1 < MAX_SENTENCES) {
        const next = idx.includes(last + 1) ? last + 1 : undefined;
        const prev = idx.includes(first - 1) ? first - 1 : undefined;
        if (next !== undefined && len(first, next) <= MAX_CHARS) last = next;
        else if (prev !== undefined && len(prev, last) <= MAX_CHARS) first = prev;
        else break;
      }
      const s0 = t.sentences[first]?.segment;
      const s1 = t.sentences[last]?.segment;
      if (!s0 || !s1) continue;
      out.push({
        report: c.report,
        segment: c.segment,
        code: c.code,
        score: c.score,
        confidence: c.confidence,
        section: c.section,
        startLine: s0.startPoint.line,
        endLine: s1.endPoint.line,
        text: plainText(
          t.sentences
            .slice(first, last + 1)
            .map((s) => s.segment.text)
            .join(' '),
        ),
      });
    }
  }
  return out;
}
