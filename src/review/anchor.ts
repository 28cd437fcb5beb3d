// Re-anchoring: a decision names its paragraph by id (a hash of the normalised text), so a paragraph that
// moved keeps its id and is found at once. A paragraph whose text changed slightly has a new id; the
// decision then finds it by the text it recorded:
//
//   1. the same normalised text (the id changed only in its duplicate suffix), else
//   2. the paragraph of the same report whose normalised text (letters and digits, see paragraph-id.ts)
//      is closest by edit distance, if the distance is at most REANCHOR_MAX_EDIT of the longer text
//      (15 %: a corrected typo, a changed figure, a reworded clause) and no other paragraph is as close.
//
// Anything else (a paragraph deleted, split in two, or rewritten beyond the bound) leaves the decision
// orphaned: kept in the file and reported, never silently dropped or attached to the wrong paragraph.
import { normaliseForId, paragraphHash } from '../segment/paragraph-id.js';
import type { Decision } from './decisions.js';

/** Largest edit distance, as a share of the longer normalised text, at which a decision re-anchors. */
export const REANCHOR_MAX_EDIT = 0.15;

export interface ParagraphRef {
  id: string;
  text: string;
}

export type Anchor =
  | { kind: 'id'; paragraph: string }
  | { kind: 'text'; paragraph: string; similarity: number }
  | { kind: 'orphaned'; reason: 'gone' | 'ambiguous' | 'no-text' };

/**
 * Edit distance of a and b if it is at most `limit`, else limit + 1. Only the diagonal band of width
 * 2·limit + 1 is computed: O(|a| · limit).
 */
export function boundedEditDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (a.length === 0 || b.length === 0) return Math.max(a.length, b.length);
  const big = limit + 1;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j <= limit ? j : big;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - limit);
    const to = Math.min(b.length, i + limit);
    cur.fill(big);
    cur[0] = i <= limit ? i : big;
    let rowMin = cur[0] as number;
    for (let j = from; j <= to; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min((prev[j - 1] as number) + cost, (prev[j] as number) + 1, (cur[j - 1] as number) + 1);
      cur[j] = Math.min(v, big);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return big;
    [prev, cur] = [cur, prev];
  }
  return Math.min(prev[b.length] as number, big);
}

/** Anchors the decisions on one report to its current paragraphs. */
export class ReportAnchors {
  private readonly ids: Set<string>;
  private readonly byHash = new Map<string, string[]>();
  private normalised: string[] | undefined;

  constructor(private readonly paragraphs: readonly ParagraphRef[]) {
    this.ids = new Set(paragraphs.map((p) => p.id));
    for (const p of paragraphs) {
      const base = p.id.replace(/-\d+$/, '');
      this.byHash.set(base, [...(this.byHash.get(base) ?? []), p.id]);
    }
  }

  anchor(decision: Pick<Decision, 'paragraph' | 'text'>): Anchor {
    if (this.ids.has(decision.paragraph)) return { kind: 'id', paragraph: decision.paragraph };
    if (decision.text.trim() === '') return { kind: 'orphaned', reason: 'no-text' };
    const same = this.byHash.get(paragraphHash(decision.text));
    if (same?.[0] !== undefined) return { kind: 'text', paragraph: same[0], similarity: 1 };
    return this.closest(normaliseForId(decision.text));
  }

  private closest(target: string): Anchor {
    this.normalised ??= this.paragraphs.map((p) => normaliseForId(p.text));
    let best = Number.POSITIVE_INFINITY;
    let bestIds: string[] = [];
    let bestLonger = 1;
    this.normalised.forEach((text, i) => {
      const longer = Math.max(text.length, target.length);
      const limit = Math.floor(longer * REANCHOR_MAX_EDIT);
      if (Math.abs(text.length - target.length) > limit) return;
      const d = boundedEditDistance(
        text,
        target,
        Math.min(limit, best === Number.POSITIVE_INFINITY ? limit : best),
      );
      if (d > limit) return;
      const id = (this.paragraphs[i] as ParagraphRef).id;
      if (d < best) {
        best = d;
        bestIds = [id];
        bestLonger = Math.max(longer, 1);
      } else if (d === best) bestIds.push(id);
    });
    const [only] = bestIds;
    if (only === undefined) return { kind: 'orphaned', reason: 'gone' };
    // Two paragraphs equally close (and not equal texts): no way to tell which one was meant.
    if (bestIds.length > 1) return { kind: 'orphaned', reason: 'ambiguous' };
    return { kind: 'text', paragraph: only, similarity: Math.round((1 - best / bestLonger) * 1000) / 1000 };
  }
}
