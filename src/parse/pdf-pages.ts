// The blocks of all pages as one document: paragraphs and tables continued over page breaks are joined,
// and heading styles are ranked into depths.

import { joinLines } from './line-join.js';
import { type Layout, type PdfBlock, wouldHaveFit } from './pdf-blocks.js';

/** A paragraph ends with a full stop, not with a colon or semicolon. */
const ENDS_PARAGRAPH = /[.!?…]["”»’')\]]*$/;

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
        // Runs on: no sentence end (a colon or semicolon goes on), and the next page starts in lower case or the last line was wrapped
        // (the next word would not have fitted on it), as before a name: "Lisäksi | Sonkajärven …".
        // A sentence ending at the foot of a page is taken as a paragraph end: measured on a real report
        // converted to PDF, joining there when the last line was full merged more paragraphs wrongly
        // than it mended.
        const tail = last.lines.at(-1);
        const head = b.lines[0];
        const wrapped = tail !== undefined && head !== undefined && !wouldHaveFit(tail, head, layout);
        const runsOn = !ENDS_PARAGRAPH.test(last.text) && (/^\p{Ll}/u.test(b.text) || wrapped);
        // A list item goes on only in a line indented like its text.
        const aligned =
          head !== undefined &&
          (last.kind === 'paragraph' || Math.abs(head.x - (last.lines[0]?.textX ?? head.x)) <= 3);
        if (
          runsOn &&
          aligned &&
          b.kind === 'paragraph' &&
          (last.kind === 'paragraph' || last.kind === 'list-item')
        ) {
          last.text = joinLines(last.text, b.text, layout.join);
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
