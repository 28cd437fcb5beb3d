// The evidence of a paragraph for one theme as a feature vector: the inputs of the coding model
// (model.ts). Every feature is a plain measurement of the text; how much each counts is fitted
// (src/learn/fit.ts), so no weighing constant lives here. Polarity features are signed by the theme's
// polarity (π = +1 success, −1 challenge, 0 none): "agreement" is a cue pointing the theme's way.
import type { Polarity } from '../types.js';
import type { ParagraphEvidence, SentenceEvidence } from './evidence.js';
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

/** Whether the text has at most `most` words (counting stops at the first word past it). */
function fewWords(text: string, most: number): boolean {
  WORD.lastIndex = 0;
  let n = 0;
  while (WORD.exec(text) !== null) if (++n > most) break;
  WORD.lastIndex = 0;
  return n <= most;
}

function signedSums(events: readonly CueEvent[], p: number, background: boolean): [number, number] {
  let agree = 0;
  let against = 0;
  for (const e of events) {
    if (e.background !== background || e.kind === 'bare-negation' || e.kind === 'counterfactual') continue;
    const v = p * e.direction * e.weight;
    if (v > 0) agree += v;
    else if (v < 0) against -= v;
  }
  return [agree, against];
}

function share(list: readonly SentenceEvidence[], pick: (s: SentenceEvidence) => boolean): number {
  return list.length === 0 ? 0 : list.filter(pick).length / list.length;
}

export function themeFeatures(
  ev: ParagraphEvidence,
  code: string,
  polarity: Polarity,
  lexical: number,
): Record<FeatureName, number> {
  const p = pi(polarity);
  // The theme's sentences: those naming it; a theme known only lexically reads the whole paragraph.
  const named = ev.sentences.filter((s) => s.topics.has(code));
  const mine = named.length > 0 ? named : ev.sentences;
  const others = named.length > 0 ? ev.sentences.filter((s) => !s.topics.has(code)) : [];
  const weightOf = (s: SentenceEvidence, c: string) => s.topics.get(c)?.weight ?? 0;
  const topic = mine.reduce((n, s) => n + weightOf(s, code), 0);
  const all = ev.sentences.reduce((n, s) => n + [...s.topics.values()].reduce((m, t) => m + t.weight, 0), 0);
  const terms = new Set(mine.flatMap((s) => s.topics.get(code)?.matches ?? []));
  const mineEvents = mine.flatMap((s) => s.cues.events);
  const [agree, disagree] = signedSums(mineEvents, p, false);
  const [agreeB, disagreeB] = signedSums(mineEvents, p, true);
  const [agreeC, disagreeC] = signedSums(
    others.flatMap((s) => s.cues.events),
    p,
    false,
  );
  const count = (kind: CueEvent['kind']) => mineEvents.filter((e) => e.kind === kind).length;
  const against = agree < disagree ? 1 : 0;
  return {
    bias: 1,
    polarity: p,
    topic: log1p(topic),
    topic_share: all > 0 ? topic / all : 0,
    several_terms: terms.size >= 2 ? 1 : 0,
    topic_spread: share(ev.sentences, (s) => s.topics.has(code)),
    agree: log1p(agree),
    disagree: log1p(disagree),
    net_agreement: Math.sign(agree - disagree),
    topic_against: against * log1p(topic),
    silent_polarity: mineEvents.length === 0 ? p : 0,
    agree_background: log1p(agreeB),
    disagree_background: log1p(disagreeB),
    agree_context: log1p(agreeC),
    disagree_context: log1p(disagreeC),
    bare_negation: -p * count('bare-negation'),
    counterfactual: -p * count('counterfactual'),
    no_outcome: ev.sentences.every((s) => s.cues.events.length === 0) ? 1 : 0,
    evaluative: log1p(mineEvents.filter((e) => e.kind !== 'bare-negation').length),
    section_agree: p * ev.section.lean,
    section_descriptive: ev.section.descriptive ? 1 : 0,
    goal: share(mine, (s) => s.cues.goal),
    recommendation: share(mine, (s) => s.cues.recommendation),
    hindsight: share(mine, (s) => s.cues.hindsight),
    record: share(mine, (s) => s.cues.record),
    fragment:
      ev.sentences.every((s) => s.cues.events.length === 0) && fewWords(ev.segment.text, FRAGMENT_WORDS)
        ? 1
        : 0,
    lexical: (1 - against) * lexical,
  };
}

export function toVector(f: Record<FeatureName, number>): number[] {
  return FEATURES.map((n) => f[n]);
}
