// Applying the evaluator's decisions to one report's proposals. Pure: the coded report and its decisions
// in, codings with a status, the quote candidates to rank, pins and memos out.
//
//   status proposed   the tool's coding, not reviewed: counted (the unreviewed proposals stand)
//          accepted   the tool's coding, confirmed: counted
//          added      the evaluator's coding the tool did not propose: counted
//          rejected   the tool's coding, refused: listed in codings.csv, never counted or quoted
//
// `accept` of a coding the tool did not propose counts as added, and `add` of one it did as accepted: the
// evaluator's word on the paragraph and code is what matters, not which button they pressed.
import type { QuoteCandidate } from '../aggregate/quote-text.js';
import { plainText } from '../aggregate/quote-text.js';
import type { Theme } from '../codebook/types.js';
import type { Coding, Memo, Segment } from '../types.js';
import { type Anchor, ReportAnchors } from './anchor.js';
import { type Decision, decisionsInForce } from './decisions.js';

export type CodingStatus = 'proposed' | 'accepted' | 'added' | 'rejected';

export interface ReviewedCoding extends Coding {
  status: CodingStatus;
}

export type { Memo };

/** A decision and where it landed in this run. */
export interface AnchoredDecision {
  decision: Decision;
  anchor: Anchor;
}

export interface ReviewedReport {
  /** Every coding with its status, added ones included, in reading order. */
  codings: ReviewedCoding[];
  /** Candidates that may be quoted: neither rejected nor excluded, pins left out. */
  candidates: QuoteCandidate[];
  /** Pinned quotes: always shown first under their code. */
  pins: QuoteCandidate[];
  anchored: AnchoredDecision[];
  /** Decisions naming a code the codebook does not have (kept in the file, not applied). */
  unknownCode: Decision[];
  memos: Memo[];
}

const MAX_PIN_CHARS = 700;

/** A quote made from the paragraph itself, for a pin on a coding the tool had no evidence sentence for. */
function paragraphQuote(p: Segment, code: string, coding: Coding | undefined): QuoteCandidate {
  let text = '';
  let last = p;
  for (const s of p.sentences ?? [p]) {
    if (text !== '' && text.length + s.text.length > MAX_PIN_CHARS) break;
    text = text === '' ? s.text : `${text} ${s.text}`;
    last = s;
  }
  return {
    report: p.report,
    segment: p.id,
    code,
    score: coding?.score ?? 0,
    confidence: coding?.confidence ?? 1,
    section: p.section.join(' > '),
    startLine: p.startPoint.line,
    endLine: last.endPoint.line,
    text: plainText(text),
  };
}

function addedCoding(p: Segment, theme: Theme): Coding {
  return {
    report: p.report,
    segment: p.id,
    section: p.section.join(' > '),
    start: p.start,
    end: p.end,
    startLine: p.startPoint.line,
    endLine: p.endPoint.line,
    code: theme.code,
    polarity: theme.polarity,
    theme: theme.topic,
    score: 0,
    // The evaluator's own coding: certain by definition.
    confidence: 1,
    matches: ['review:added'],
    text: p.text,
  };
}

export function applyDecisions(
  report: string,
  decisions: readonly Decision[],
  paragraphs: readonly Segment[],
  codings: readonly Coding[],
  candidates: readonly QuoteCandidate[],
  themes: ReadonlyMap<string, Theme>,
): ReviewedReport {
  const anchors = new ReportAnchors(paragraphs);
  const byId = new Map(paragraphs.map((p) => [p.id, p]));
  const anchored: AnchoredDecision[] = [];
  const unknownCode: Decision[] = [];
  // Every row is anchored (a memo of an earlier reviewer still counts); then the one in force per
  // (current paragraph, code) decides, so a decision made on a former id competes with newer ones.
  const placed: Decision[] = [];
  for (const d of decisions) {
    const anchor = anchors.anchor(d);
    anchored.push({ decision: d, anchor });
    if (!themes.has(d.code)) unknownCode.push(d);
    else if (anchor.kind !== 'orphaned') placed.push({ ...d, report, paragraph: anchor.paragraph });
  }
  const inForce = new Map(decisionsInForce(placed).map((d) => [`${d.paragraph}\u0000${d.code}`, d]));
  const key = (paragraph: string, code: string) => `${paragraph}\u0000${code}`;

  const out: ReviewedCoding[] = [];
  const proposed = new Set<string>();
  for (const c of codings) {
    proposed.add(key(c.segment, c.code));
    const d = inForce.get(key(c.segment, c.code));
    const status: CodingStatus = !d ? 'proposed' : d.decision === 'reject' ? 'rejected' : 'accepted';
    out.push(d && d.reviewer !== '' ? { ...c, status, reviewer: d.reviewer } : { ...c, status });
  }
  for (const d of inForce.values()) {
    if (d.decision === 'reject' || proposed.has(key(d.paragraph, d.code))) continue;
    const p = byId.get(d.paragraph);
    const theme = themes.get(d.code);
    if (p && theme)
      out.push({
        ...addedCoding(p, theme),
        status: 'added',
        ...(d.reviewer ? { reviewer: d.reviewer } : {}),
      });
  }
  out.sort((a, b) => a.start - b.start || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));

  const codingOf = new Map(out.map((c) => [key(c.segment, c.code), c]));
  const quotable: QuoteCandidate[] = [];
  const pins: QuoteCandidate[] = [];
  const pinned = new Set<string>();
  for (const c of candidates) {
    const k = c.segment === undefined ? undefined : key(c.segment, c.code);
    const d = k === undefined ? undefined : inForce.get(k);
    if (d?.decision === 'reject' || d?.quote === 'exclude') continue;
    if (d?.quote === 'pin' && k !== undefined && !pinned.has(k)) {
      pinned.add(k);
      pins.push(c);
    } else if (d?.quote !== 'pin') quotable.push(c);
  }
  for (const d of inForce.values()) {
    const k = key(d.paragraph, d.code);
    const p = byId.get(d.paragraph);
    if (d.quote !== 'pin' || d.decision === 'reject' || pinned.has(k) || !p) continue;
    pinned.add(k);
    pins.push(paragraphQuote(p, d.code, codingOf.get(k)));
  }

  const memos: Memo[] = [];
  for (const d of placed) {
    const p = byId.get(d.paragraph);
    if (d.memo.trim() === '' || !p) continue;
    memos.push({
      report,
      paragraph: d.paragraph,
      code: d.code,
      memo: d.memo,
      reviewer: d.reviewer,
      date: d.date,
      decision: d.decision,
      start: p.start,
      end: p.end,
    });
  }
  return { codings: out, candidates: quotable, pins, anchored, unknownCode, memos };
}
