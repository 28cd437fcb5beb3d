// Polarity read from the text: what a sentence says about how something went, as a list of cue events. The
// rules (rules/<lang>/*.yaml) say which words are which kind of cue; this file holds only the mechanics of
// the kinds: how far a negation reaches, which clause is background, what a reducer or "no longer" does.
// How much each kind of event counts is not decided here: the events become features of a fitted model.
//   outcome        "onnistui" (+), "viivästyi" (−); one cue per word, the longest pattern wins
//   negation       "ei onnistunut" (negated +), "ei ongelmia", "ongelmia ei ilmennyt" (negated −),
//                  "ei enää tarvitse" (no longer: +), "eivät aiemmin" (former state: +), a bare negated
//                  verb ("ei vastannut": a weak −); "ilman" negates without being trouble itself
//   reducer        "vähensi virheitä": less of a problem (+)
//   counterfactual "olisi tarvittu" (−: something was missing)
//   background     a concessive clause ("vaikka …,") and what stands before a contrast ("…, mutta")

import type { Hit, MatchOptions } from '../language/matcher.js';
import type { Token } from '../language/tokens.js';
import { tokenize } from '../language/tokens.js';
import type { Word } from '../language/words.js';
import type { CueKey, LanguageRules } from '../rules/compile.js';

export type EventKind =
  | 'pos'
  | 'neg'
  | 'negated-pos'
  | 'negated-neg'
  | 'no-longer'
  | 'former-state'
  | 'reduced'
  | 'counterfactual'
  | 'bare-negation';

export interface CueEvent {
  kind: EventKind;
  /** +1: reads as a success; −1: as a problem. */
  direction: 1 | -1;
  /** The pattern's weight from the rule file. */
  weight: number;
  /** In a concessive clause or before a contrast: background to the sentence's point. */
  background: boolean;
  /** e.g. "onnistua", "ei + onnistua", "vähentää + virhe". */
  label: string;
  /** Token index of the cue. */
  at: number;
}

export interface SentenceCues {
  events: CueEvent[];
  record: boolean;
  goal: boolean;
  recommendation: boolean;
  hindsight: boolean;
}

/** The words a negation governs: up to the clause end, at most this many (a syntactic bound). */
const NEGATION_SCOPE = 4;
/** A reducer governs the outcome words of its clause within this many words either side. */
const REDUCER_SCOPE = 6;
/** "Ongelmia ei ollut": the problem word stands at most this many words before the negator. */
const FRONTED_SCOPE = 3;

/** `words`: the tokens' interned words (words.ts), when the caller has them. */
export function sentenceCues(
  tokens: readonly Token[],
  rules: LanguageRules,
  options: MatchOptions = {},
  words?: readonly Word[],
): SentenceCues {
  const hits = (
    words ? rules.cues.findWords(words, options) : rules.cues.find(tokens, options)
  ) as Hit<CueKey>[];
  const excepted = new Set<number>();
  for (const h of hits)
    if (h.entry.key === 'exception') for (let i = h.first; i <= h.last; i++) excepted.add(i);
  const at = new Map<number, Hit<CueKey>[]>();
  for (const h of hits) {
    const list = at.get(h.first) ?? [];
    list.push(h);
    at.set(h.first, list);
  }
  const has = (i: number, key: CueKey) => (at.get(i) ?? []).find((h) => h.entry.key === key);
  const isOutcome = (h: Hit<CueKey>) =>
    (h.entry.key === 'pos' || h.entry.key === 'neg' || h.entry.key === 'counterfactual') &&
    !excepted.has(h.first);
  const background = backgroundOf(tokens, hits);
  const events: CueEvent[] = [];
  const consumed = new Set<number>();
  const push = (kind: EventKind, direction: 1 | -1, weight: number, label: string, i: number) =>
    events.push({ kind, direction, weight, background: background(i), label, at: i });

  const negators = hits
    .filter((h) => h.entry.key === 'negator' || h.entry.key === 'quiet-negator')
    .sort((a, b) => a.first - b.first);
  const seen = new Set<number>();
  let noLonger = false;
  for (const n of negators) {
    if (seen.has(n.first)) continue;
    seen.add(n.first);
    const label = n.entry.pattern.label;
    if (has(n.first + 1, 'not-only')) continue;
    const scope = scopeOf(tokens, n.first);
    // "ei enää tarvitse", "ei tarvitse enää", and the "eikä" that continues it: a need that stopped.
    const continues = noLonger && /kä$|heller$/.test(tokens[n.first]?.lower ?? '');
    if (scope.slice(0, 2).some((j) => has(j, 'no-longer')) || continues) {
      noLonger = true;
      push('no-longer', 1, 1, `${label} + enää`, n.first);
      for (const j of scope) consumed.add(j);
      continue;
    }
    if (clauseOf(tokens, n.first).some((j) => has(j, 'former-state'))) {
      push('former-state', 1, 1, `${label} + aiemmin`, n.first);
      for (const j of scope) consumed.add(j);
      continue;
    }
    let flipped = false;
    for (const j of scope) {
      const cue = (at.get(j) ?? []).filter(isOutcome).sort((a, b) => b.last - a.last)[0];
      if (!cue || consumed.has(j) || cue.entry.key === 'counterfactual') continue;
      const positive = cue.entry.key === 'pos';
      push(
        positive ? 'negated-pos' : 'negated-neg',
        positive ? -1 : 1,
        cue.entry.pattern.weight,
        `${label} + ${cue.entry.pattern.label}`,
        j,
      );
      for (let k = cue.first; k <= cue.last; k++) consumed.add(k);
      flipped = true;
      break;
    }
    // "Ongelmia ei ollut", "Viiveitä ei hankkeen aikana ilmennyt": a problem fronted before a negated
    // verb of occurring is denied.
    if (!flipped && scope.some((j) => has(j, 'existential'))) {
      for (
        let j = n.first - 1;
        j >= Math.max(0, n.first - FRONTED_SCOPE) && !breakBefore(tokens, j + 1);
        j--
      ) {
        const cue = (at.get(j) ?? []).find((h) => h.entry.key === 'neg' && isOutcome(h));
        if (cue && !consumed.has(j)) {
          push('negated-neg', 1, cue.entry.pattern.weight, `${cue.entry.pattern.label} + ${label}`, j);
          consumed.add(j);
          flipped = true;
          break;
        }
      }
    }
    if (!flipped && n.entry.key === 'negator') push('bare-negation', -1, 1, label, n.first);
  }
  // "vähensi virheitä", "virheet vähenivät": a reducer turns the problem words of its clause into gains.
  for (const r of hits) {
    if (r.entry.key !== 'reducer') continue;
    for (
      let j = Math.max(0, r.first - REDUCER_SCOPE);
      j <= Math.min(tokens.length - 1, r.first + REDUCER_SCOPE);
      j++
    ) {
      if (j === r.first || consumed.has(j) || !sameClause(tokens, r.first, j)) continue;
      const cue = (at.get(j) ?? []).find((h) => h.entry.key === 'neg' && isOutcome(h));
      if (!cue) continue;
      for (let k = cue.first; k <= cue.last; k++) consumed.add(k);
      push(
        'reduced',
        1,
        cue.entry.pattern.weight,
        `${r.entry.pattern.label} + ${cue.entry.pattern.label}`,
        j,
      );
    }
  }
  // Plain outcome cues: one per word, the longest pattern first ("ratkaistiin ongelmat" covers "ongelma").
  const covered = new Set<number>();
  const outcome = hits
    .filter(isOutcome)
    .sort(
      (a, b) =>
        b.last - b.first - (a.last - a.first) ||
        b.entry.pattern.weight - a.entry.pattern.weight ||
        a.first - b.first,
    );
  const chosen: Hit<CueKey>[] = [];
  for (const h of outcome) {
    let free = true;
    for (let i = h.first; i <= h.last; i++) if (covered.has(i) || consumed.has(i)) free = false;
    if (!free) continue;
    for (let i = h.first; i <= h.last; i++) covered.add(i);
    chosen.push(h);
  }
  for (const h of chosen.sort((a, b) => a.first - b.first)) {
    const kind = h.entry.key === 'pos' ? 'pos' : h.entry.key === 'neg' ? 'neg' : 'counterfactual';
    push(kind, kind === 'pos' ? 1 : -1, h.entry.pattern.weight, h.entry.pattern.label, h.first);
  }
  const any = (key: CueKey) => hits.some((h) => h.entry.key === key);
  return {
    events,
    record: any('record'),
    goal: any('goal'),
    recommendation: any('recommendation'),
    hindsight: any('hindsight'),
  };
}

/** Which tokens are background: inside a concessive clause, or before the last contrast marker. */
function backgroundOf(tokens: readonly Token[], hits: readonly Hit<CueKey>[]): (i: number) => boolean {
  const contrasts = hits.filter((h) => h.entry.key === 'contrast').map((h) => h.first);
  const lastContrast = contrasts.length > 0 ? Math.max(...contrasts) : -1;
  const concessive = hits
    .filter((h) => h.entry.key === 'concession')
    .map((h) => {
      let end = h.last + 1;
      while (end < tokens.length && !breakBefore(tokens, end)) end++;
      return [h.first, end] as const;
    });
  return (i) => i < lastContrast || concessive.some(([a, b]) => i > a && i < b);
}

/** The tokens a negator at n governs: the next words of its clause, at most NEGATION_SCOPE. */
function scopeOf(tokens: readonly Token[], n: number): number[] {
  const out: number[] = [];
  for (let j = n + 1; j <= n + NEGATION_SCOPE && j < tokens.length && !breakBefore(tokens, j); j++)
    out.push(j);
  return out;
}

/** The token indices of the clause around token i. */
function clauseOf(tokens: readonly Token[], i: number): number[] {
  let a = i;
  while (a > 0 && !breakBefore(tokens, a)) a--;
  let b = i;
  while (b + 1 < tokens.length && !breakBefore(tokens, b + 1)) b++;
  const out: number[] = [];
  for (let j = a; j <= b; j++) out.push(j);
  return out;
}

/** Whether clause punctuation stands between token j-1 and token j. */
function breakBefore(tokens: readonly Token[], j: number): boolean {
  return /[,;:.!?–—]/.test((tokens[j - 1] as SentenceToken | undefined)?.gapAfter ?? '');
}

function sameClause(tokens: readonly Token[], a: number, b: number): boolean {
  const [lo, hi] = a < b ? [a, b] : [b, a];
  for (let j = lo + 1; j <= hi; j++) if (breakBefore(tokens, j)) return false;
  return true;
}

export interface SentenceToken extends Token {
  /** The punctuation between this token and the next (clause boundaries). */
  gapAfter: string;
}

/** Tokenises a sentence and records the punctuation between tokens. */
export function sentenceTokens(text: string, base = 0): SentenceToken[] {
  return withGaps(tokenize(text, base), text, base);
}

/** The sentence's tokens (offsets from `base`, as tokenize(text, base) gives them) with their gaps. */
export function withGaps(tokens: readonly Token[], text: string, base: number): SentenceToken[] {
  return tokens.map((t, i) => {
    const nextStart = tokens[i + 1]?.start ?? base + text.length;
    return {
      text: t.text,
      lower: t.lower,
      start: t.start,
      end: t.end,
      gapAfter: text.slice(t.end - base, nextStart - base).trim(),
    };
  });
}
