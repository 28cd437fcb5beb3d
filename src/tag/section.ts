// What the innermost headings of a section say about its paragraphs: a lean to success or to challenge
// ("Onnistumiset", "Toteutuneet riskit"), or a descriptive section (budget, schedule, contacts), from the
// section rules of both languages (a Swedish heading may stand over Finnish text and the other way round).
import { foldUmlauts } from '../language/fold.js';
import { tokenize } from '../language/tokens.js';
import type { Rules } from '../rules/compile.js';

export interface SectionLean {
  /** +1 a success section, −1 a challenge section, 0 neither or both. */
  lean: number;
  descriptive: boolean;
  /** What fired, e.g. ["section:challenge (toteutuneet riskit)"]. */
  labels: string[];
}

/** The last answer: consecutive paragraphs stand under the same headings. */
let last: { headings: readonly string[]; rules: Rules; fold: boolean; lean: SectionLean } | undefined;

export function sectionLean(section: readonly string[], rules: Rules, fold = false): SectionLean {
  const headings = section.slice(-2);
  if (
    last === undefined ||
    last.rules !== rules ||
    last.fold !== fold ||
    last.headings.length !== headings.length ||
    last.headings.some((h, i) => h !== headings[i])
  )
    last = { headings, rules, fold, lean: leanOf(headings, rules, fold) };
  // A copy: the caller may extend its labels.
  return { ...last.lean, labels: [...last.lean.labels] };
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
