// Training items from the evaluator's decisions, for fitting the coding model (`--learn-from`, issue 10
// point 4): accept and add make a positive item for the code, reject a negative one for that code.
//
//   { id: "jarviseutu-tilavaraus#p3k9x0m2a", code: "success.cooperation", text: "…", positive: true }
//
// The text is the paragraph as it reads in this run when the decision anchors to one (anchor.ts); a
// decision whose paragraph is gone still teaches through the text it recorded (source "file"), because the
// evaluator's judgement of that text stands. Only the decision in force per paragraph and code counts
// (the latest), so a corrected decision does not teach both ways. Items come in the file's order.
import type { TrainingItem as LearnItem } from '../learn/items.js';
import { qualifiedParagraphId } from '../segment/paragraph-id.js';
import { type ParagraphRef, ReportAnchors } from './anchor.js';
import { type Decision, decisionsInForce } from './decisions.js';

export interface TrainingItem {
  /** Report-qualified paragraph id. */
  id: string;
  code: string;
  text: string;
  /** True: the code applies (accept, add); false: it does not (reject). */
  positive: boolean;
  /** Where the text came from: the paragraph in this run, or the decisions file (orphaned decision). */
  source: 'run' | 'file';
}

/**
 * `paragraphs` holds the run's paragraphs per report key; reports missing from it are read from the file's
 * text alone. `codes`, when given, keeps only decisions on codes the codebook has.
 */
export function trainingItems(
  decisions: readonly Decision[],
  paragraphs: ReadonlyMap<string, readonly ParagraphRef[]>,
  codes?: ReadonlySet<string>,
): TrainingItem[] {
  const anchors = new Map<string, ReportAnchors>();
  const items: TrainingItem[] = [];
  const seen = new Set<string>();
  for (const d of decisionsInForce(decisions)) {
    if (codes && !codes.has(d.code)) continue;
    const list = paragraphs.get(d.report);
    let found: ParagraphRef | undefined;
    if (list) {
      let a = anchors.get(d.report);
      if (!a) {
        a = new ReportAnchors(list);
        anchors.set(d.report, a);
      }
      const anchor = a.anchor(d);
      if (anchor.kind !== 'orphaned') found = list.find((p) => p.id === anchor.paragraph);
    }
    const text = found?.text ?? d.text;
    if (text.trim() === '') continue;
    const id = qualifiedParagraphId(d.report, found?.id ?? d.paragraph);
    // Two old decisions anchoring to one paragraph and code: the first in force wins.
    const key = `${id}\u0000${d.code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    items.push({ id, code: d.code, text, positive: d.decision !== 'reject', source: found ? 'run' : 'file' });
  }
  return items;
}

/**
 * The decisions as items of the coding model (src/learn): one per paragraph, positive for the codes the
 * evaluator accepted or added. A paragraph the evaluator decided on was read by them, so the codes they
 * neither accepted nor added count against it — a rejection most of all.
 */
export function learnItems(items: readonly TrainingItem[], source: string): LearnItem[] {
  const byParagraph = new Map<string, { text: string; codes: string[] }>();
  for (const i of items) {
    const p = byParagraph.get(i.id) ?? { text: i.text, codes: [] };
    if (i.positive && !p.codes.includes(i.code)) p.codes.push(i.code);
    byParagraph.set(i.id, p);
  }
  return [...byParagraph].map(([id, p]) => ({ id, text: p.text, codes: p.codes, also: [], source }));
}
