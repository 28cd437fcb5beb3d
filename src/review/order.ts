// The order in which proposals are worth reviewing: the ones the evaluator's word changes most come first.
//   1. not yet reviewed before reviewed (a reviewed row stays in the workbook so a decision can be changed);
//   2. least confident first, in bands of 0.1 (a confidence of 0.52 and 0.55 are equally uncertain);
//   3. within a band, codes the evaluator has reviewed least first (so every code gets examples early);
//   4. then report, position and code, so the order is total and the bytes deterministic.
import type { Coding } from '../types.js';

const band = (confidence: number) => Math.floor(confidence * 10);

/** Proposals (added codings left out) in review order. */
export function reviewOrder<C extends Coding>(codings: readonly C[]): C[] {
  const reviewed = new Map<string, number>();
  for (const c of codings)
    if (c.status !== undefined && c.status !== 'proposed')
      reviewed.set(c.code, (reviewed.get(c.code) ?? 0) + 1);
  const open = (c: Coding) => (c.status === undefined || c.status === 'proposed' ? 0 : 1);
  return codings
    .filter((c) => c.status !== 'added')
    .sort(
      (a, b) =>
        open(a) - open(b) ||
        band(a.confidence) - band(b.confidence) ||
        (reviewed.get(a.code) ?? 0) - (reviewed.get(b.code) ?? 0) ||
        a.confidence - b.confidence ||
        (a.report < b.report ? -1 : a.report > b.report ? 1 : 0) ||
        a.start - b.start ||
        (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
    );
}
