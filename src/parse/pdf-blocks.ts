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
// Finally blocks are joined across page breaks when the text plainly runs on (see joinPages).

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
  /** Words of the document (lower case), to decide how a word hyphenated at a line end is mended. */
  words: ReadonlySet<string>;
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
  return { bodySize, bodyFamily, lineGap, left, right, headingFamilies, words: vocabulary(all) };
}

function vocabulary(lines: Line[]): Set<string> {
  const words = new Set<string>();
  for (const l of lines) {
    for (const raw of l.text.split(/\s+/)) {
      const w = raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').toLowerCase();
      if (w) words.add(w);
    }
  }
  return words;
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
    else notes[notes.length - 1] = joinLines(notes[notes.length - 1] ?? '', l.text, layout.words);
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
      const text = joinAll(parts.map(labelOf), layout.words);
      const block: PdfBlock = { kind: 'heading', lines: parts, text, style: heading.style };
      if (heading.numberDepth) block.numberDepth = heading.numberDepth;
      blocks.push(block);
      continue;
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
        layout.words,
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
          row[col] = joinLines(row[col] ?? '', n.text, layout.words);
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
      if (headingStyle(n, last, lines[i + 1], layout, undefined)) break;
      para.push(n);
      i++;
    }
    blocks.push({
      kind: 'paragraph',
      lines: para,
      text: joinAll(
        para.map((l) => l.text),
        layout.words,
      ),
    });
  }
  return blocks;
}

/**
 * True when the first word of `next` would have fitted at the end of `line`: then the line was ended on
 * purpose (a paragraph end), not wrapped. Word width is estimated from the next line's average glyph width.
 */
function wouldHaveFit(line: Line, next: Line, layout: Layout): boolean {
  const word = /^\S+/.exec(next.text)?.[0] ?? '';
  const perChar = (next.xEnd - next.x) / Math.max(1, next.text.length);
  return line.xEnd + (word.length + 1) * perChar < layout.right - 2;
}

function joinAll(lines: string[], words: ReadonlySet<string>): string {
  return lines.reduce((text, line) => joinLines(text, line, words));
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

// ---------------------------------------------------------------------------------------------
// Across pages

/**
 * Joins the pages' blocks into one list: a paragraph (or list item) cut by a page break goes on when the
 * first page's last line does not end a sentence and the next page's first line begins in lower case
 * (or the last line is a full, wrapped line);
 * a table continued on the next page is one table (its repeated header row dropped).
 */
export function joinPages(pages: PdfBlock[][], layout: Layout): PdfBlock[] {
  const out: PdfBlock[] = [];
  for (const blocks of pages) {
    for (const [i, b] of blocks.entries()) {
      const last = out.at(-1);
      if (i === 0 && last) {
        // Runs on: no sentence end, and the next page starts in lower case or the last line was wrapped
        // (the next word would not have fitted on it), as before a name: "Lisäksi | Sonkajärven …".
        // A sentence ending at the foot of a page is taken as a paragraph end: measured on a real report
        // converted to PDF, joining there when the last line was full merged more paragraphs wrongly
        // than it mended.
        const tail = last.lines.at(-1);
        const head = b.lines[0];
        const wrapped = tail !== undefined && head !== undefined && !wouldHaveFit(tail, head, layout);
        const runsOn = !ENDS_SENTENCE.test(last.text) && (/^\p{Ll}/u.test(b.text) || wrapped);
        if (runsOn && b.kind === 'paragraph' && (last.kind === 'paragraph' || last.kind === 'list-item')) {
          last.text = joinLines(last.text, b.text, layout.words);
          last.lines.push(...b.lines);
          continue;
        }
        if (last.kind === 'table' && b.kind === 'table' && last.rows && b.rows) {
          const repeated = b.rows[0]?.join('|') === last.rows[0]?.join('|');
          last.rows.push(...b.rows.slice(repeated ? 1 : 0));
          last.lines.push(...b.lines);
          continue;
        }
      }
      out.push(b);
    }
  }
  return out;
}

/**
 * Heading depths: heading styles ranked by size, then the headings' own font before the body font, then
 * bold before plain, then upright before italic;
 * the largest style is depth 1. Headings found only by their numbering take the numbering's depth.
 */
export function headingDepths(blocks: PdfBlock[], bodyFamily: string): Map<PdfBlock, number> {
  const styles = [
    ...new Set(blocks.filter((b) => b.kind === 'heading' && !b.numberDepth).map((b) => b.style ?? '')),
  ];
  const rank = (s: string): number[] => {
    const [size, family, flags = ''] = s.split('|');
    return [
      -Number(size),
      family === bodyFamily ? 1 : 0,
      flags.includes('b') ? 0 : 1,
      flags.includes('i') ? 1 : 0,
    ];
  };
  styles.sort((a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    for (let k = 0; k < ra.length; k++) {
      const d = (ra[k] ?? 0) - (rb[k] ?? 0);
      if (d !== 0) return d;
    }
    return 0;
  });
  const depths = new Map<PdfBlock, number>();
  for (const b of blocks) {
    if (b.kind !== 'heading') continue;
    depths.set(b, Math.min(6, b.numberDepth ?? styles.indexOf(b.style ?? '') + 1));
  }
  return depths;
}

// ---------------------------------------------------------------------------------------------
// Joining lines

const CONJUNCTIONS = new Set([
  'ja',
  'tai',
  'sekä',
  'eli',
  'että',
  'kuin',
  'vai',
  'ynnä',
  'and',
  'or',
  'och',
  'eller',
  'samt',
]);
const VOWEL = /[aeiouyäöå]/i;

/**
 * Joins two lines of one paragraph, mending words hyphenated at the line end: "kehittä-" + "mistä" →
 * "kehittämistä". The hyphen stays where it is part of the word: before a capital or digit
 * ("Pohjois-Satakunta", "2020-2021"), after an abbreviation or a name with a dot ("ICT-palvelut",
 * "Suomi.fi-palvelut"), between two equal vowels (Finnish compounds: "kunta-alue", "vapaa-aika"), and
 * before a conjunction, where it marks an elided word ("sosiaali- ja terveyspalvelut"). Before these
 * rules, the document's own words decide: a form found elsewhere in it (joined or hyphenated) wins.
 */
export function joinLines(a: string, b: string, words?: ReadonlySet<string>): string {
  const left = a.trimEnd();
  const right = b.trimStart();
  if (!left) return right;
  if (!right) return left;
  const last = left.at(-1) as string;
  const before = left.at(-2) ?? ' ';
  const first = right[0] as string;
  if (last === '\u00ad') return left.slice(0, -1) + right;
  if (last === '-' || last === '\u2010') {
    if (!/[\p{L}\p{N}]/u.test(before)) return `${left} ${right}`;
    const word = /(\S*)[-\u2010]$/u.exec(left)?.[1] ?? '';
    const nextWord = (/^\S*/.exec(right)?.[0] ?? '').toLowerCase().replace(/[.,;:!?)]+$/, '');
    if (CONJUNCTIONS.has(nextWord)) return `${left} ${right}`;
    // The document itself may show how the word is written elsewhere ("Satadigi-hankkeen").
    const stem = word.replace(/^[^\p{L}\p{N}]+/u, '').toLowerCase();
    if (words && stem && nextWord) {
      const joined = words.has(stem + nextWord);
      const hyphened = words.has(`${stem}-${nextWord}`);
      if (hyphened && !joined) return left + right;
      if (joined && !hyphened) return left.slice(0, -1) + right;
    }
    if (!/\p{Ll}/u.test(first)) return left + right;
    const lettersOnly = word.replace(/^[("'“”«]+/, '');
    if (lettersOnly.length < 2 || /[\p{Lu}\p{N}.]/u.test(lettersOnly.slice(1))) {
      return left + right;
    }
    if (before.toLowerCase() === first.toLowerCase() && VOWEL.test(first)) return left + right;
    return left.slice(0, -1) + right;
  }
  if ((last === '–' || last === '—') && /\d/.test(before) && /\d/.test(first)) return left + right;
  return `${left} ${right}`;
}
