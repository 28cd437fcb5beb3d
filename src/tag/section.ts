// What the innermost headings of a section say about its paragraphs: a lean to success or to challenge
// ("Onnistumiset", "Toteutuneet riskit"), or a descriptive section (budget, schedule, contacts), from the
// section rules of both languages (a Swedish heading may stand over Finnish text and the other way round).
import { foldUmlauts } from '../language/fold.js';
import { tokenize } from '../language/tokens.js';
import { BoundedMemo } from '../memo.js';
import type { Rules } from '../rules/compile.js';

export interface SectionLean {
  /** +1 a success section, −1 a challenge section, 0 neither or both. */
  lean: number;
  descriptive: boolean;
  /** What fired, e.g. ["section:challenge (toteutuneet riskit)"]. */
  labels: string[];
}

/** Distinct heading pairs whose lean is remembered per rules before the memo starts over. */
const MEMO_LIMIT = 5_000;
/** Per rules, the lean of each heading pair: a report's paragraphs share headings, and reports share them. */
const memos = new WeakMap<Rules, BoundedMemo<string, SectionLean>>();

export function sectionLean(section: readonly string[], rules: Rules, fold = false): SectionLean {
  const headings = section.slice(-2);
  let memo = memos.get(rules);
  if (!memo) {
    memo = new BoundedMemo<string, SectionLean>(MEMO_LIMIT);
    memos.set(rules, memo);
  }
  // The key spells each heading with its length: no heading text can make two keys alike.
  const key = `${fold ? 'f' : 'p'}${headings.map((h) => `${h.length}:${h}`).join('')}`;
  const lean = memo.get(key, () => leanOf(headings, rules, fold));
  // A copy: the caller may extend its labels.
  return { ...lean, labels: [...lean.labels] };
}

function leanOf(headings: readonly string[], rules: Rules, fold: boolean): SectionLean {
  let success = false;
  let challenge = false;
  let descriptive = false;
  const labels: string[] = [];
  // The innermost two headings decide: "3.2.1. Toteutuneet riskit > Henkilöresurssi" is about risks.
  for (const heading of headings) {
    const tokens = tokenize(fold ? foldUmlauts(heading) : heading);
    for (const lang of ['fi', 'sv'] as const) {
      for (const h of rules[lang].sections.find(tokens, { fold })) {
        const key = h.entry.key;
        if (key === 'success') success = true;
        else if (key === 'challenge') challenge = true;
        else descriptive = true;
        const label = `section:${key} (${h.entry.pattern.label})`;
        if (!labels.includes(label)) labels.push(label);
      }
    }
  }
  return { lean: (success ? 1 : 0) - (challenge ? 1 : 0), descriptive, labels };
}
