// Plain-text reports: no markup, so structure is read from the lines. What real reports show:
//   numbered headings  "3.2.1. Toteutuneet riskit", "2 Hankkeen tavoitteet"
//   short title lines  a line of a few words without sentence punctuation, set apart by blank lines
//   slide/page titles  " Koonnin toteutus" (a page's first line, one leading space, from PDF-to-text)
//   bullets            "• ...", "- ...", "– ..." with wrapped continuation lines
//   paragraphs         consecutive lines, wrapped at a fixed width (OCR), ended by a blank line
import type { Block, SourceDocument } from '../types.js';
import { joinBrokenParagraphs, markTableOfContents } from './blocks.js';

interface Line {
  text: string;
  start: number;
  end: number;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const re = /\r\n|\r|\n/g;
  let start = 0;
  for (const m of text.matchAll(re)) {
    lines.push({ text: text.slice(start, m.index), start, end: m.index ?? start });
    start = (m.index ?? 0) + m[0].length;
  }
  lines.push({ text: text.slice(start), start, end: text.length });
  return lines;
}

const NUMBERED = /^\s{0,3}(\d{1,2}(?:\.\d{1,2}){0,4})\.?\s+(\p{Lu}[^\n]{1,110})$/u;
const BULLET = /^\s*([•▪◦●\-–*]|\d{1,2}[.)])\s+\S/u;
const SENTENCE_END = /[.,;:!]\s*$/;
const PAGE_TITLE = /^ \p{Lu}[^\s].{0,80}$/u;

function isBlank(l: Line | undefined): boolean {
  return l === undefined || l.text.trim() === '';
}

/** The nearest non-blank line before (step -1) or after (step 1) line i. */
function neighbour(lines: Line[], i: number, step: 1 | -1): Line | undefined {
  for (let j = i + step; j >= 0 && j < lines.length; j += step) {
    const l = lines[j] as Line;
    if (!isBlank(l)) return l;
  }
  return undefined;
}

const TOC_ENTRY = /(\.{3,}|…+|\t)\s*\d{1,3}\s*$/;
const SINGLE_NUMBER = /^\s*\d{1,2}\.\s/;
const STARTS_LOWER = /^\s*\p{Ll}/u;

/** The heading depth of a line, or 0. */
function headingDepth(lines: Line[], i: number): number {
  const line = lines[i] as Line;
  const t = line.text;
  const trimmed = t.trim();
  if (trimmed.length === 0 || trimmed.length > 110) return 0;
  // A table-of-contents entry ("1. Johdanto\t3", "Tulokset ..... 5") names a heading; it is not one.
  if (TOC_ENTRY.test(t)) return 0;
  // A line continued on the next line in lower case is the first line of a wrapped sentence.
  const next = lines[i + 1];
  if (next && !isBlank(next) && STARTS_LOWER.test(next.text)) return 0;
  // A line whose sentence goes on after a blank line (a page break) in lower case is half a sentence.
  const after = neighbour(lines, i, 1);
  if (isBlank(next) && after && STARTS_LOWER.test(after.text) && !/[.!?:]$/.test(trimmed)) return 0;
  const numbered = NUMBERED.exec(t);
  if (numbered && !SENTENCE_END.test(trimmed) && trimmed.split(/\s+/).length <= 14) {
    const num = numbered[1] ?? '';
    // "1. DigiAkatemia 2.0" among other single-numbered lines (blank lines between or not) is a list: a
    // heading is followed by its text, not by the next number.
    const before = neighbour(lines, i, -1);
    const runOfItems =
      !num.includes('.') &&
      [before, after].some((n) => n && SINGLE_NUMBER.test(n.text) && !TOC_ENTRY.test(n.text));
    if (!runOfItems) return Math.min(6, num.split('.').length);
  }
  if (PAGE_TITLE.test(t) && !SENTENCE_END.test(trimmed) && trimmed.split(/\s+/).length <= 10) return 2;
  // A short title line standing alone between blank lines (or at the top), without sentence punctuation.
  const words = trimmed.split(/\s+/).length;
  if (
    words <= 8 &&
    trimmed.length <= 70 &&
    /^\p{Lu}/u.test(trimmed) &&
    !SENTENCE_END.test(trimmed) &&
    !BULLET.test(t) &&
    (isBlank(lines[i - 1]) || i === 0) &&
    isBlank(next) &&
    !/\d{1,2}\.\d{1,2}\.\d{4}|@|https?:|\+358|\d{3}\s?\d{4}/.test(trimmed)
  ) {
    return 3;
  }
  return 0;
}

export function parseText(text: string, report: string, path: string): SourceDocument {
  const lines = splitLines(text);
  const raw: Block[] = [];
  let current: Block | undefined;
  const close = () => {
    if (current) raw.push(current);
    current = undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    if (isBlank(line)) {
      close();
      continue;
    }
    const lead = line.text.length - line.text.trimStart().length;
    const start = line.start + lead;
    const end = line.start + line.text.trimEnd().length;
    const depth = headingDepth(lines, i);
    if (depth > 0) {
      close();
      raw.push({ kind: 'heading', start, end, depth, label: line.text.trim().replace(/\s+/g, ' ') });
      continue;
    }
    // Table-of-contents lines stay together in one block (marked 'toc' afterwards), numbered or not.
    if (TOC_ENTRY.test(line.text)) {
      const prev = lines[i - 1];
      if (current && prev && TOC_ENTRY.test(prev.text)) current.end = end;
      else {
        close();
        current = { kind: 'paragraph', start, end };
      }
      continue;
    }
    if (BULLET.test(line.text)) {
      close();
      current = { kind: 'list-item', start, end };
      continue;
    }
    if (current) current.end = end;
    else current = { kind: 'paragraph', start, end };
  }
  close();
  const blocks = markTableOfContents(text, joinBrokenParagraphs(text, raw));
  const title = blocks.find((b) => b.kind === 'heading')?.label;
  return { report, path, format: 'text', text, blocks, ...(title ? { title } : {}) };
}
