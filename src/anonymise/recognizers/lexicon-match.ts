// Finds the names of a lexicon in a text's tokens, longest first, in any case form: "KS Viestinnän",
// "DVV:n" (an ending after a colon gives the case), "Satadigi".
import { caseOfColonEnding, type Inflection } from '../inflect.js';
import type { Lexicon } from '../lexicon.js';
import { type Analysis, tokenFree } from './recognizer.js';

const MAX_WORDS = 8;

export function matchLexicon(
  a: Analysis,
  lexicon: Lexicon<string>,
  onHit: (key: string, first: number, last: number, infl: Inflection) => boolean,
  options: { capitalised?: boolean } = {},
): void {
  const needsCapital = options.capitalised !== false;
  const { tokens, lower } = a;
  for (let i = 0; i < tokens.length; i++) {
    if (!tokenFree(a, i)) continue;
    const t = tokens[i];
    if (!t) continue;
    const colon = t.lower.indexOf(':');
    // A window of the next few words (names are short), the first without its colon ending.
    const words = lower.slice(i, i + MAX_WORDS);
    if (colon > 0) words[0] = t.lower.slice(0, colon);
    for (const hit of lexicon.matchAt(words, 0)) {
      const last = i + hit.length - 1;
      if (needsCapital && !tokens[last]?.capitalised && !t.capitalised) continue;
      const infl = colon > 0 && hit.length === 1 ? caseOfColonEnding(t.lower.slice(colon + 1)) : hit.infl;
      if (onHit(hit.value, i, last, infl)) {
        i = last;
        break;
      }
    }
  }
}
