// Visual lines of a PDF → blocks (headings, paragraphs, list items, tables, contents, footnotes).
//
// The layout is measured first over the whole document: body font size and family, the usual distance
// between lines of a paragraph, the left margin and the right edge of full lines. Then each page is read
// top to bottom:
//   - a paragraph goes on while the next line is close (not more than 1.3 × the line distance below),
//     the same size, not indented as a new paragraph and the line before it is not a short line that
//     ends a sentence;
//   - a heading is a short line in a larger font, or bold / in the headings' own font and set apart
//     from the text above, or numbered ("2.1. Title") and standing alone at the left margin;
//   - a list item starts at a bullet or number set apart by a gap; lines indented like its text continue it;
//   - two or more lines split into cells by column-wide gaps make a table; a lone line under a cell
//     continues that cell;
//   - lines ending in a page number after dot leaders are a table of contents;
//   - small-print lines at the foot of a page that start with a note number are footnotes, which go to
//     the end of the document.
// Blocks are then joined across page breaks (pdf-pages.ts).

import { type JoinContext, joinContext, joinLines } from './line-join.js';
import type { Line } from './pdf-lines.js';

export type PdfBlockKind = 'heading' | 'paragraph' | 'list-item' | 'table' | 'toc';

export interface PdfBlock {
  kind: PdfBlockKind;
  lines: Line[];
  /** Text with lines joined (tables: rows). */
  text: string;
  rows?: string[][];
  marker?: string;
  /** Heading style, used to rank headings into depths. */
  style?: string;
  /** Numbering levels of a heading found by its numbering alone ("2.1." → 2). */
  numberDepth?: number;
}

export interface Layout {
  bodySize: number;
  bodyFamily: string;
  /** Usual distance between baselines inside a paragraph of body text. */
  lineGap: number;
  left: number;
  right: number;
  headingFamilies: Set<string>;
  /** How words hyphenated at line ends are mended in this document. */
  join: JoinContext;
}

export function measureLayout(pages: Line[][]): Layout {
  const all = pages.flat();
  const bodySize = weightedMode(all.map((l) => [Math.round(l.size * 2) / 2, l.text.length])) ?? 12;
  const body = all.filter((l) => Math.abs(l.size - bodySize) < 0.5);
  const bodyFamily = weightedMode(body.map((l) => [l.font.family, l.text.length])) ?? '';
  const gaps: [number, number][] = [];
  for (const lines of pages) {
    for (let i = 1; i < lines.length; i++) {
      const a = lines[i - 1] as Line;
      const b = lines[i] as Line;
      const gap = a.y - b.y;
      const plain = a.cells.length === 1 && b.cells.length === 1 && !b.marker;
      if (plain && body.includes(a) && body.includes(b) && gap > 0.8 * bodySize && gap < 3 * bodySize) {
        gaps.push([Math.round(gap * 2) / 2, 1]);
      }
    }
  }
  const lineGap = weightedMode(gaps) ?? 1.2 * bodySize;
  const plainBody = body.filter((l) => !l.marker && l.cells.length === 1);
  const left = weightedMode(plainBody.map((l) => [Math.round(l.x), 1])) ?? 72;
  const ends = plainBody.map((l) => l.xEnd).sort((a, b) => a - b);
  const right = ends[Math.floor(ends.length * 0.9)] ?? left + 450;
  const headingFamilies = new Set(all.filter((l) => l.size >= bodySize * 1.12).map((l) => l.font.family));
  headingFamilies.delete(bodyFamily);
  return {
    bodySize,
    bodyFamily,
    lineGap,
    left,
    right,
    headingFamilies,
    join: joinContext(all.map((l) => l.text)),
  };
}

function weightedMode<T>(pairs: [T, number][]): T | undefined {
  const w = new Map<T, number>();
  for (const [k, n] of pairs) w.set(k, (w.get(k) ?? 0) + n);
  let best: T | undefined;
  let most = -1;
  for (const [k, n] of w) {
    if (n > most) {
      best = k;
      most = n;
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Footnotes

/** Splits the small-print notes at the foot of a page from its body; notes come back as "[1] text". */
export function splitNotes(lines: Line[], layout: Layout): { body: Line[]; notes: string[] } {
  const small = (l: Line) => l.size <= 0.85 * layout.bodySize;
  const isStart = (l: Line) =>
    l.cells.length === 1 && (l.startsWithNoteNumber || (small(l) && /^\d{1,3}\s+\p{L}/u.test(l.text)));
  let k = lines.length;
  while (k > 0) {
    const l = lines[k - 1] as Line;
    if (isStart(l) || small(l)) k--;
    else break;
  }
  const foot = lines.slice(k);
  const s = foot.findIndex(isStart);
  if (s < 0) return { body: lines, notes: [] };
  const notes: string[] = [];
  for (const l of foot.slice(s)) {
    if (isStart(l)) notes.push(l.text.replace(/^(\d{1,3})\s*/, '[$1] '));
    else notes[notes.length - 1] = joinLines(notes[notes.length - 1] ?? '', l.text, layout.join);
  }
  return { body: lines.slice(0, k + s), notes };
}

// ---------------------------------------------------------------------------------------------
// Blocks of one page

const DOT_LEADER = /(?:\.{3,}|(?:\. ){3,}|…+)\s*\d{1,3}$/;
const NUMBERED = /^(\d{1,2}(?:\.\d{1,2}){0,5})\.?\s+\p{Lu}/u;
const ENDS_SENTENCE = /[.!?…:;]["”»’')\]]*$/;

export function pageBlocks(lines: Line[], layout: Layout): PdfBlock[] {
  const blocks: PdfBlock[] = [];
  const paraBreak = (size: number) => 1.3 * layout.lineGap * (size / layout.bodySize);
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as Line;
    const prev = lines[i - 1];
    const next = lines[i + 1];
    const start = i;
    i++;

    if (DOT_LEADER.test(line.text)) {
      while (i < lines.length && DOT_LEADER.test((lines[i] as Line).text)) i++;
      const toc = lines.slice(start, i);
      blocks.push({ kind: 'toc', lines: toc, text: toc.map((l) => l.text).join('\n') });
      continue;
    }

    const heading = headingStyle(line, prev, next, layout, blocks.at(-1));
    if (heading) {
      const parts = [line];
      // A long heading wraps: further lines in the same style right below belong to it.
      while (i < lines.length && parts.length < 3) {
        const n = lines[i] as Line;
        const last = parts[parts.length - 1] as Line;
        if (n.marker || styleKey(n) !== styleKey(line) || last.y - n.y > 1.6 * n.size) break;
        parts.push(n);
        i++;
      }
      const text = joinAll(parts.map(labelOf), layout.join);
      if (text.length <= 150 && !(text.length > 80 && /[.,;]$/.test(text))) {
        const block: PdfBlock = { kind: 'heading', lines: parts, text, style: heading.style };
        if (heading.numberDepth) block.numberDepth = heading.numberDepth;
        blocks.push(block);
        continue;
      }
      // Long text in a large font that ends like a sentence is a lead paragraph, not a heading.
      i = start + 1;
    }

    if (line.marker) {
      const item = [line];
      while (i < lines.length) {
        const n = lines[i] as Line;
        const last = item[item.length - 1] as Line;
        if (n.marker || n.cells.length > 1 || last.y - n.y > paraBreak(n.size)) break;
        if (n.x < line.textX - 2 || headingStyle(n, last, lines[i + 1], layout, undefined)) break;
        item.push(n);
        i++;
      }
      const text = joinAll(
        item.map((l) => l.text),
        layout.join,
      );
      blocks.push({ kind: 'list-item', lines: item, text, marker: line.marker });
      continue;
    }

    if (line.cells.length > 1 && next && next.cells.length > 1 && line.y - next.y <= 2.5 * layout.lineGap) {
      const rows: string[][] = [[...line.cells]];
      const xs = [...line.cellXs];
      const used = [line];
      while (i < lines.length) {
        const n = lines[i] as Line;
        const last = used[used.length - 1] as Line;
        const gap = last.y - n.y;
        if (n.cells.length > 1 && gap <= 2.5 * layout.lineGap) {
          rows.push([...n.cells]);
          xs.splice(0, xs.length, ...n.cellXs);
        } else if (n.cells.length === 1 && gap <= paraBreak(n.size)) {
          // A wrapped cell: its second line sits under the cell it belongs to.
          const col = xs.findIndex((x) => Math.abs(x - n.x) <= 3);
          const row = rows[rows.length - 1] as string[];
          if (col < 0 || col >= row.length) break;
          row[col] = joinLines(row[col] ?? '', n.text, layout.join);
        } else break;
        used.push(n);
        i++;
      }
      blocks.push({ kind: 'table', lines: used, text: rows.map((r) => r.join(' | ')).join('\n'), rows });
      continue;
    }

    const para = [line];
    while (i < lines.length) {
      const n = lines[i] as Line;
      const last = para[para.length - 1] as Line;
      if (n.marker || n.cells.length > 1 || DOT_LEADER.test(n.text)) break;
      if (last.y - n.y > paraBreak(n.size) || Math.abs(n.size - last.size) >= 0.5) break;
      const ends = ENDS_SENTENCE.test(last.text);
      // First-line indent marks a new paragraph in documents without spacing between paragraphs.
      const indented = n.x > last.x + 0.8 * n.size;
      if (ends && (indented || wouldHaveFit(last, n, layout))) break;
      if (styleKey(n) !== styleKey(last) && headingStyle(n, last, lines[i + 1], layout, undefined)) break;
      para.push(n);
      i++;
    }
    blocks.push({
      kind: 'paragraph',
      lines: para,
      text: joinAll(
        para.map((l) => l.text),
        layout.join,
      ),
    });
  }
  return blocks;
}

/**
 * True when the first word of `next` would have fitted at the end of `line`: then the line was ended on
 * purpose (a paragraph end), not wrapped. Word width is estimated from the next line's average glyph width.
 */
export function wouldHaveFit(line: Line, next: Line, layout: Layout): boolean {
  const word = /^\S+/.exec(next.text)?.[0] ?? '';
  const perChar = (next.xEnd - next.x) / Math.max(1, next.text.length);
  return line.xEnd + (word.length + 1) * perChar < layout.right - 2;
}

function joinAll(lines: string[], join: JoinContext): string {
  return lines.reduce((text, line) => joinLines(text, line, join));
}

function styleKey(l: Line): string {
  return `${Math.round(l.size * 2) / 2}|${l.font.family}|${l.font.bold ? 'b' : ''}${l.font.italic ? 'i' : ''}`;
}

function labelOf(l: Line): string {
  return l.marker ? `${l.marker} ${l.text}` : l.text;
}

/** Whether a line starts a heading, and with what style; undefined for body text. */
function headingStyle(
  line: Line,
  prev: Line | undefined,
  next: Line | undefined,
  layout: Layout,
  previousBlock: PdfBlock | undefined,
): { style: string; numberDepth?: number } | undefined {
  const text = labelOf(line);
  if (text.length > 200 || !/\p{L}/u.test(text)) return undefined;
  const endsLikeSentence = /[.,;:!?]$/.test(text);
  const gapAbove = prev ? prev.y - line.y : Number.POSITIVE_INFINITY;
  const setApart = gapAbove > 1.3 * layout.lineGap || previousBlock?.kind === 'heading';
  const style = styleKey(line);
  if (line.size >= layout.bodySize * 1.12 && text.length <= 200) return { style };
  if (line.marker && !NUMBERED.test(text)) return undefined;
  const f = line.font;
  const gapBelow = next ? line.y - next.y : Number.POSITIVE_INFINITY;
  const standsAlone = setApart && gapBelow > 1.3 * layout.lineGap;
  // Headings in their own font need only space above; bold body text must stand alone to count
  // ("**Loppuraportti**" over a date on a title page is not a heading).
  const headingFont =
    f.family !== layout.bodyFamily && (layout.headingFamilies.has(f.family) || f.italic || f.bold);
  const styled = line.uniform >= 0.9 && ((headingFont && setApart) || (f.bold && standsAlone));
  // A heading may ask ("Mitä tekisimme toisin?") or introduce ("Karvia:"); bold body text that ends so
  // is more likely a lead-in.
  const endsBadly = headingFont ? /[.,;]$/.test(text) : endsLikeSentence;
  if (styled && !endsBadly && text.length <= 120 && line.cells.length <= 2) return { style };
  const numbered = NUMBERED.exec(text);
  if (
    numbered?.[1] &&
    !endsLikeSentence &&
    text.length <= 100 &&
    Math.abs(line.x - layout.left) < 3 &&
    standsAlone
  ) {
    return { style, numberDepth: numbered[1].split('.').length };
  }
  return undefined;
}
