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
    // "DVV:n": the next few words (names are short) with the first one's colon ending cut off.
    let words = lower;
    let at = i;
    if (colon > 0) {
      const window = lower.slice(i, i + MAX_WORDS);
      window[0] = t.lower.slice(0, colon);
      words = window;
      at = 0;
    }
    for (const hit of lexicon.matchAt(words, at)) {
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
