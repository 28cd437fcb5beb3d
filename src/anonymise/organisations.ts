// Firms: a name before a legal form ("Aarnikukko Oy", "KS Viestintä Oy:n", "Tikkasec Oy:ltä") or after
// "Tmi". The name without the legal form is learned, so the vendor is also replaced when used alone
// later ("Aarnikukon raportti").
import { caseOfColonEnding, type Inflection } from './inflect.js';
import { adjacent, type WordToken } from './tokens.js';

const LEGAL_FORM =
  /^(Oy|Oyj|OY|OYJ|Ab|AB|Abp|ABP|Ky|KY|Ay|AY|Tmi|TMI|ry|RY|rf|RF|Ltd|LTD|Inc|GmbH|LLC|Osk|Oü)$/u;

export interface FirmMatch {
  /** Token indices, inclusive, legal form included. */
  first: number;
  last: number;
  /** The firm's name as written, without the legal form ("KS Viestintä"). */
  name: string;
  infl: Inflection;
}

function legalForm(token: WordToken): { form: string; ending: string } | undefined {
  const [form = '', ending = ''] = token.text.split(':');
  return LEGAL_FORM.test(form) ? { form, ending } : undefined;
}

const nameLike = (t: WordToken): boolean => t.capitalised || /\p{N}/u.test(t.text) || /\p{Lu}/u.test(t.text);

export function findFirms(text: string, tokens: readonly WordToken[]): FirmMatch[] {
  const out: FirmMatch[] = [];
  for (const token of tokens) {
    const legal = legalForm(token);
    if (!legal) continue;
    const i = token.index;
    if (legal.form.toLowerCase() === 'tmi') {
      // "Tmi Matti Virtanen": the name follows.
      let j = i;
      while (j + 1 < tokens.length && j - i < 3) {
        const next = tokens[j + 1];
        const cur = tokens[j];
        if (!next || !cur || !nameLike(next) || !adjacent(text, cur, next)) break;
        j++;
      }
      if (j > i) {
        const name = text.slice(tokens[i + 1]?.start ?? 0, tokens[j]?.end ?? 0);
        out.push({ first: i, last: j, name, infl: caseOfColonEnding('') });
        continue;
      }
    }
    let j = i;
    // "Oy Ab": a second legal form belongs to the first.
    while (
      j - 1 >= 0 &&
      legalForm(tokens[j - 1] as WordToken) &&
      adjacent(text, tokens[j - 1] as WordToken, tokens[j] as WordToken)
    )
      j--;
    let start = j;
    while (start - 1 >= 0 && j - start < 4) {
      const prev = tokens[start - 1] as WordToken;
      if (!nameLike(prev) || !adjacent(text, prev, tokens[start] as WordToken)) break;
      start--;
      if (prev.sentenceStart) break;
    }
    if (start === j) continue;
    out.push({
      first: start,
      last: i,
      name: text.slice(tokens[start]?.start ?? 0, tokens[j - 1]?.end ?? 0),
      infl: caseOfColonEnding(legal.ending),
    });
  }
  return out;
}
