// Post-processing shared by every parser: tables of contents, and paragraphs split by a page break.
import type { Block } from '../types.js';

const TOC_HEADING = /^(sisällys(luettelo)?|sisältö|innehåll(sförteckning)?|contents|table of contents)\b/i;
/** A table-of-contents line: a title then dot leaders or a tab and a page number. */
const TOC_LINE = /(\.{3,}|…+|\t)\s*\d{1,3}\s*$/m;

/**
 * Marks tables of contents as 'toc' (they repeat headings and are never coded): the blocks under a heading
 * "Sisällys"/"Innehåll" until the next heading, and any paragraph or list item made of dot-leader lines.
 */
export function markTableOfContents(text: string, blocks: Block[]): Block[] {
  let inToc = false;
  return blocks.map((b) => {
    if (b.kind === 'heading') {
      inToc = TOC_HEADING.test((b.label ?? '').replace(/^[#\s*]+/, ''));
      return b;
    }
    const body = text.slice(b.start, b.end);
    if (inToc || (b.kind !== 'table' && isTocBody(body))) return { ...b, kind: 'toc' };
    return b;
  });
}

function isTocBody(body: string): boolean {
  const lines = body.split(/\r\n|\r|\n/).filter((l) => l.trim() !== '');
  if (lines.length === 0) return false;
  const tocLines = lines.filter((l) => TOC_LINE.test(l)).length;
  return tocLines / lines.length >= 0.6;
}

/** Sentence-final punctuation (with closing quotes/brackets) at the end of a block. */
const ENDS_SENTENCE = /[.!?:;…”"»)\]]\s*$/;
/** A continuation starts with a lower-case letter (or a digit/lower-case word after a broken line). */
const STARTS_LOWER = /^\s*[\p{Ll}]/u;

/**
 * Joins a paragraph broken by a page break mid-sentence: a paragraph that does not end a sentence,
 * directly followed by one that begins in lower case, is one paragraph spanning both.
 */
export function joinBrokenParagraphs(text: string, blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (const b of blocks) {
    const prev = out[out.length - 1];
    if (
      prev &&
      prev.kind === 'paragraph' &&
      b.kind === 'paragraph' &&
      !ENDS_SENTENCE.test(text.slice(prev.start, prev.end)) &&
      STARTS_LOWER.test(text.slice(b.start, b.end))
    ) {
      out[out.length - 1] = { ...prev, end: b.end };
      continue;
    }
    out.push(b);
  }
  return out;
}
