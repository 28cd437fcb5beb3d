// Quote candidates: for each coding, a passage of its paragraph (at most three contiguous sentences) that
// carries the code's evidence, as plain prose fit to publish:
//   - the window is the one with the most evidence for the code that holds its strongest sentence, so
//     an evidence sentence is never trimmed away in favour of a neighbour without evidence;
//   - one passage serves one theme only: the paragraph's codes, strongest first, each take sentences no
//     stronger code has taken (a weaker code quotes its own evidence, or nothing from this paragraph);
//   - Markdown and HTML markup go, enclosing quotation marks go (the renderers add their own) and inner
//     double quotes become single ones, so a quote never shows "**" or ””doubled”” marks;
//   - text with the marks of OCR damage ("my6s", umlauts lost) is flagged `ocr`, to be ranked last and
//     shown as needing a check against the original, never passed off as the report's words.
import { showsOcrDamage } from '../language/fold.js';
import type { ParagraphTagging, SentenceTagging } from '../tag/paragraph.js';
import type { SourceLocation } from '../types.js';

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
  /** The text shows OCR damage: ranked after clean quotes and flagged wherever shown. */
  ocr?: boolean;
  /** Page (PDF) or paragraph number (DOCX) of the paragraph in the original file. */
  location?: SourceLocation;
}

const MAX_SENTENCES = 3;
const MAX_CHARS = 700;
/** Opening and closing quotation marks, straight and typographic, Finnish, Swedish and English. */
const QUOTE_MARKS = '"”“„«»';

/** Markdown emphasis, links, list bullets, HTML tags and line breaks out; the words stay. */
export function plainText(s: string): string {
  return s
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<\/?[a-zA-Z][^<>]*>/g, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\[\^[^\]]*\]/g, '')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[\s(])[*_]([^*_\n]+)[*_](?=[\s).,;:!?]|$)/g, '$1$2')
    .replace(/^\s*(?:[-*+•▪–]|\d{1,2}[.)])\s+/gm, '')
    .replace(/^\s*>\s?/gm, '')
    .replace(/^\s*#{1,6}\s+/gm, '')
    .replace(/\s+/g, ' ')
    .replace(
      /(^|\s)(\*{1,3}|_{1,3})(?=\S)|(?<=\S)(\*{1,3}|_{1,3})(?=\s|$)|(^|\s)(\*{2,3}|_{2,3})(?=\s|$)/g,
      '$1$4',
    )
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The quote as it will stand between the renderer's own quotation marks: marks enclosing all of it, or
 * left over at either end from a quotation cut by the sentence window, go; inner double quotes become
 * single ones (’…’), as Finnish and Swedish nest quotations.
 */
export function asQuotation(text: string): string {
  let t = text.trim();
  const isMark = (c: string | undefined) => c !== undefined && QUOTE_MARKS.includes(c);
  while (isMark(t[0])) t = t.slice(1).trimStart();
  while (isMark(t[t.length - 1]) || (isMark(t[t.length - 2]) && /[.!?]/.test(t[t.length - 1] ?? ''))) {
    t = isMark(t[t.length - 1]) ? t.slice(0, -1).trimEnd() : `${t.slice(0, -2)}${t.slice(-1)}`;
  }
  return t.replace(new RegExp(`[${QUOTE_MARKS}]`, 'g'), '’');
}

export function quoteCandidates(taggings: readonly ParagraphTagging[]): QuoteCandidate[] {
  const out: QuoteCandidate[] = [];
  for (const t of taggings) {
    const taken = new Set<number>();
    const strongest = [...t.codings].sort(
      (a, b) => b.confidence - a.confidence || b.score - a.score || (a.code < b.code ? -1 : 1),
    );
    for (const c of strongest) {
      const window = evidenceWindow(t.sentences, c.code, taken);
      if (!window) continue;
      for (let i = window.first; i <= window.last; i++) taken.add(i);
      const s0 = t.sentences[window.first]?.segment;
      const s1 = t.sentences[window.last]?.segment;
      if (!s0 || !s1) continue;
      const raw = t.sentences
        .slice(window.first, window.last + 1)
        .map((s) => s.segment.text)
        .join(' ');
      const text = asQuotation(plainText(raw));
      if (text === '') continue;
      const candidate: QuoteCandidate = {
        report: c.report,
        segment: c.segment,
        code: c.code,
        score: c.score,
        confidence: c.confidence,
        section: c.section,
        startLine: s0.startPoint.line,
        endLine: s1.endPoint.line,
        text,
      };
      if (showsOcrDamage(text)) candidate.ocr = true;
      if (t.segment.location) candidate.location = t.segment.location;
      out.push(candidate);
    }
  }
  // Paragraph order, then code: the order the codings came in.
  return out;
}

/**
 * The contiguous run of at most MAX_SENTENCES untaken sentences (and MAX_CHARS, unless the strongest
 * sentence alone is longer) that holds the strongest evidence sentence and the most evidence in all;
 * on a tie the shorter, then the earlier. Undefined when no untaken sentence carries the code.
 */
function evidenceWindow(
  sentences: readonly SentenceTagging[],
  code: string,
  taken: ReadonlySet<number>,
): { first: number; last: number } | undefined {
  const evidence = sentences.map((s, i) =>
    taken.has(i) ? -1 : (s.themes.find((th) => th.code === code)?.score ?? 0),
  );
  let best = -1;
  evidence.forEach((e, i) => {
    if (e > 0 && (best < 0 || e > (evidence[best] ?? 0))) best = i;
  });
  if (best < 0) return undefined;
  const length = (i: number) => sentences[i]?.segment.text.length ?? 0;
  let chosen = { first: best, last: best, total: evidence[best] ?? 0 };
  for (let first = Math.max(0, best - MAX_SENTENCES + 1); first <= best; first++) {
    let total = 0;
    let chars = 0;
    for (let last = first; last < Math.min(sentences.length, first + MAX_SENTENCES); last++) {
      if ((evidence[last] ?? -1) < 0) break;
      total += evidence[last] ?? 0;
      chars += length(last);
      if (last < best) continue;
      if (chars > MAX_CHARS && last > first) break;
      const better =
        total > chosen.total + 1e-9 ||
        (Math.abs(total - chosen.total) <= 1e-9 && last - first < chosen.last - chosen.first);
      if (better) chosen = { first, last, total };
    }
  }
  return { first: chosen.first, last: chosen.last };
}
