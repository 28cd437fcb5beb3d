// The place in the original file (PDF page, DOCX paragraph number) of anything with an offset into a
// parsed report: codings are made from paragraph segments, which lie inside one block each.
import type { Block, Coding, SourceDocument, SourceLocation } from '../types.js';

/** The location of the block holding `offset`, found by binary search over the blocks (in text order). */
export function locator(blocks: readonly Block[]): (offset: number) => SourceLocation | undefined {
  const located = blocks.filter((b) => b.location !== undefined);
  return (offset) => {
    let lo = 0;
    let hi = located.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const b = located[mid] as Block;
      if (offset < b.start) hi = mid - 1;
      else if (offset >= b.end) lo = mid + 1;
      else return b.location;
    }
    return undefined;
  };
}

/** Each coding with the location of its paragraph (unchanged for formats without one: Markdown, text). */
export function withLocations(
  doc: Pick<SourceDocument, 'format' | 'blocks'>,
  codings: readonly Coding[],
): Coding[] {
  if (doc.format !== 'pdf' && doc.format !== 'docx') return [...codings];
  const at = locator(doc.blocks);
  return codings.map((c) => {
    const location = at(c.start);
    return location ? { ...c, location } : c;
  });
}
