// The evidence of a paragraph for one theme as a feature vector: the inputs of the coding model
// (model.ts). Every feature is a plain measurement of the text; how much each counts is fitted
// (src/learn/fit.ts), so no weighing constant lives here. Polarity features are signed by the theme's
// polarity (π = +1 success, −1 challenge, 0 none): "agreement" is a cue pointing the theme's way.
import type { Polarity } from '../types.js';
import type { ParagraphEvidence } from './evidence.js';
import type { CueEvent } from './polarity.js';

export const FEATURES = [
  'bias',
  /** π itself: success and challenge themes may differ in how often they apply. */
  'polarity',
  /** log(1 + summed term weight) of the theme in the paragraph. */
  'topic',
  /** The theme's share of all themes' topic weight in the paragraph. */
  'topic_share',
  /** 1 when two or more distinct terms of the theme occur: one neutral word is weak evidence. */
  'several_terms',
  /** Share of the paragraph's sentences that name the theme. */
  'topic_spread',
  /** log(1 + outcome cues agreeing with π) in the theme's sentences, foreground clauses. */
  'agree',
  /** log(1 + outcome cues against π) in the theme's sentences, foreground clauses. */
  'disagree',
  /** +1 when the theme's foreground cues point its way on balance, −1 against, 0 without cues. */
  'net_agreement',
  /** The topic evidence again, when the cues point against the theme: lets the model cancel it. */
  'topic_against',
  /** π when the theme's sentences carry no cue at all (plain success reports vs. unnamed trouble). */
  'silent_polarity',
  /** The same in background clauses (concessive, before a contrast). */
  'agree_background',
  'disagree_background',
  /** The same in the paragraph's other sentences. */
  'agree_context',
  'disagree_context',
  /** A bare negated verb in the theme's sentences, signed by π ("toimittaja ei vastannut"). */
  'bare_negation',
  /** A counterfactual in the theme's sentences, signed by π ("olisi tarvittu"). */
  'counterfactual',
  /** 1 when no sentence of the paragraph has any outcome cue: it records rather than reports. */
  'no_outcome',
  /** log(1 + outcome cues of either direction) in the theme's sentences (themes without polarity). */
  'evaluative',
  /** The section's lean signed by π (+1 a success heading over a success theme). */
  'section_agree',
  /** 1 in a descriptive section (budget, schedule, contacts). */
  'section_descriptive',
  /** Shares of the theme's sentences that state goals, recommend, look back, or record. */
  'goal',
  'recommendation',
  'hindsight',
  'record',
  /**
   * 1 for a label: at most FRAGMENT_WORDS words and no outcome cue (a role title, a heading set as a
   * paragraph: "Hankekoordinaattori", "Laatija: N.N., projektipäällikkö"). A short statement with an
   * outcome ("Rekrytointi epäonnistui.") is no label.
   */
  'fragment',
  /**
   * The learned lexical score of the theme (src/learn/lexical.ts), 0 without one. The lexical model knows
   * topics, not directions: when the cues point against the theme, its words are the opposite theme's
   * evidence (as topic evidence is, evidence.ts), so the score counts only when they do not.
   */
  'lexical',
] as const;

export type FeatureName = (typeof FEATURES)[number];

function pi(polarity: Polarity): number {
  return polarity === 'success' ? 1 : polarity === 'challenge' ? -1 : 0;
}

const log1p = (x: number) => Math.log(1 + x);

/** Longest label: a role with a name ("Laatija: Maija Meikäläinen, hankekoordinaattori" has four words after the colon's head). */
export const FRAGMENT_WORDS = 4;

const WORD = /\p{L}[\p{L}\p{M}'’-]*/gu;

/** The last paragraph asked about: fewWords is asked once per theme of a paragraph. */
let lastText: string | undefined;
let lastFew = false;

/** Whether the text has at most FRAGMENT_WORDS words. */
function fragmentSized(text: string): boolean {
  if (text !== lastText) {
    lastFew = fewWords(text, FRAGMENT_WORDS);
    lastText = text;
  }
  return lastFew;
}

/** Whether the text has at most `most` words (counting stops at the first word past it). */
function fewWords(text: string, most: number): boolean {
  WORD.lastIndex = 0;
  let n = 0;
  while (WORD.exec(text) !== null) if (++n > most) break;
  WORD.lastIndex = 0;
  return n <= most;
}

/** Sums of one sentence list's cue events, each in event order (the order the features were fitted with). */
interface EventSums {
  agree: number;
  against: number;
  agreeB: number;
  againstB: number;
  bare: number;
  counterfactual: number;
  events: number;
}

/**
 * Adds the events of one sentence to the sums (p · direction · weight by clause, bare negations and
 * counterfactuals apart). One loop over the events instead of arrays filtered and flattened per feature:
 * a run weighs every theme of every paragraph. Each sum still adds its events in the same order.
 */
function addEvents(sums: EventSums, events: readonly CueEvent[], p: number): void {
  for (const e of events) {
    sums.events++;
    if (e.kind === 'bare-negation') {
      sums.bare++;
      continue;
    }
    if (e.kind === 'counterfactual') {
      sums.counterfactual++;
      continue;
    }
    const v = p * e.direction * e.weight;
    if (e.background) {
      if (v > 0) sums.agreeB += v;
      else if (v < 0) sums.againstB -= v;
    } else if (v > 0) sums.agree += v;
    else if (v < 0) sums.against -= v;
  }
}

const noSums = (): EventSums => ({
  agree: 0,
  against: 0,
  agreeB: 0,
  againstB: 0,
  bare: 0,
  counterfactual: 0,
  events: 0,
});

/** Whether the sentence's theme evidence has two or more distinct terms, looking at `first` found so far. */
function secondTerm(matches: readonly string[], first: string | undefined): string | undefined | true {
  let seen = first;
  for (const m of matches) {
    if (seen === undefined) seen = m;
    else if (m !== seen) return true;
  }
  return seen;
}

export function themeFeatures(
  ev: ParagraphEvidence,
  code: string,
  polarity: Polarity,
  lexical: number,
): Record<FeatureName, number> {
  const p = pi(polarity);
  const sentences = ev.sentences;
  // The theme's sentences: those naming it; a theme known only lexically reads the whole paragraph.
  let named = 0;
  for (const s of sentences) if (s.topics.has(code)) named++;
  const mineAll = named === 0;
  let topic = 0;
  let all = 0;
  let firstTerm: string | undefined;
  let severalTerms = false;
  let mine = 0;
  let goal = 0;
  let recommendation = 0;
  let hindsight = 0;
  let record = 0;
  let silentParagraph = true;
  const own = noSums();
  const context = noSums();
  for (const s of sentences) {
    let sentenceWeight = 0;
    for (const t of s.topics.values()) sentenceWeight += t.weight;
    all += sentenceWeight;
    if (s.cues.events.length > 0) silentParagraph = false;
    const evidence = s.topics.get(code);
    if (!mineAll && evidence === undefined) {
      addEvents(context, s.cues.events, p);
      continue;
    }
    mine++;
    topic += evidence?.weight ?? 0;
    if (evidence && !severalTerms) {
      const seen = secondTerm(evidence.matches, firstTerm);
      if (seen === true) severalTerms = true;
      else firstTerm = seen;
    }
    addEvents(own, s.cues.events, p);
    if (s.cues.goal) goal++;
    if (s.cues.recommendation) recommendation++;
    if (s.cues.hindsight) hindsight++;
    if (s.cues.record) record++;
  }
  const share = (n: number) => (mine === 0 ? 0 : n / mine);
  const against = own.agree < own.against ? 1 : 0;
  return {
    bias: 1,
    polarity: p,
    topic: log1p(topic),
    topic_share: all > 0 ? topic / all : 0,
    several_terms: severalTerms ? 1 : 0,
    topic_spread: sentences.length === 0 ? 0 : named / sentences.length,
    agree: log1p(own.agree),
    disagree: log1p(own.against),
    net_agreement: Math.sign(own.agree - own.against),
    topic_against: against * log1p(topic),
    silent_polarity: own.events === 0 ? p : 0,
    agree_background: log1p(own.agreeB),
    disagree_background: log1p(own.againstB),
    agree_context: log1p(context.agree),
    disagree_context: log1p(context.against),
    bare_negation: -p * own.bare,
    counterfactual: -p * own.counterfactual,
    no_outcome: silentParagraph ? 1 : 0,
    evaluative: log1p(own.events - own.bare),
    section_agree: p * ev.section.lean,
    section_descriptive: ev.section.descriptive ? 1 : 0,
    goal: share(goal),
    recommendation: share(recommendation),
    hindsight: share(hindsight),
    record: share(record),
    fragment: silentParagraph && fragmentSized(ev.segment.text) ? 1 : 0,
    lexical: (1 - against) * lexical,
  };
}

export function toVector(f: Record<FeatureName, number>): number[] {
  return FEATURES.map((n) => f[n]);
}
