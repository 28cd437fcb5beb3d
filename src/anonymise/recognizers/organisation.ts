// Firms: a name before a legal form ("Aarnikukko Oy", "KS Viestintä Oy:n", "Visma Finland Oyj", "Lakeus IT
// Ky") or after "Tmi"; the name the report tied to a legal form, used alone ("Aarnikukon raportti"); and
// vendors from the vendor list (src/anonymise/data/vendors.yaml) in any case form, also at a sentence
// start and as acronyms ("CGI:n", "Tiedon", "Gofore-toimittaja").
import { VENDORS, WORDS } from '../data/tables.generated.js';
import { caseOfColonEnding, type Inflection } from '../inflect.js';
import { Lexicon } from '../lexicon.js';
import { adjacent, type WordToken } from '../tokens.js';
import { matchLexicon } from './lexicon-match.js';
import { isFree, kindResult, type Recognizer, type RecognizerResult } from './recognizer.js';

const LEGAL_FORMS = new Set(WORDS['legal-forms']);

export interface FirmMatch {
  /** Token indices, inclusive, legal form included. */
  first: number;
  last: number;
  /** The firm's name as written, without the legal form ("KS Viestintä"). */
  name: string;
  infl: Inflection;
}

function legalForm(token: WordToken | undefined): { form: string; ending: string } | undefined {
  if (!token) return undefined;
  const colon = token.text.indexOf(':', token.text.startsWith('T:') ? 2 : 0);
  const form = colon > 0 ? token.text.slice(0, colon) : token.text;
  return LEGAL_FORMS.has(form) ? { form, ending: colon > 0 ? token.text.slice(colon + 1) : '' } : undefined;
}

const nameLike = (t: WordToken): boolean => t.capitalised || /\p{N}|\p{Lu}/u.test(t.text);

export function findFirms(text: string, tokens: readonly WordToken[]): FirmMatch[] {
  const out: FirmMatch[] = [];
  for (const token of tokens) {
    const legal = legalForm(token);
    if (!legal) continue;
    const i = token.index;
    if (/^t:?mi$/iu.test(legal.form)) {
      // "Tmi Matti Virtanen": the name follows.
      let j = i;
      while (j + 1 < tokens.length && j - i < 3) {
        const next = tokens[j + 1] as WordToken;
        if (!nameLike(next) || !adjacent(text, tokens[j] as WordToken, next)) break;
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
      legalForm(tokens[j - 1]) &&
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

const firmResult = kindResult('organisation', 'yritys', 'org|');

/** Firms with a legal form; they win over allow-listed words inside their name. */
export const legalFormRecognizer: Recognizer = {
  name: 'LegalFormRecognizer',
  entities: ['organisation'],
  analyze(a) {
    return findFirms(a.text, a.tokens).map((f) => ({
      ...firmResult(a, f.first, f.last, f.infl, f.name.toLowerCase(), 0.95, 'LegalFormRecognizer'),
      learn: { firm: f.name },
    }));
  },
};

/** Firm names the report tied to a legal form, used alone: "Aarnikukon", "KS Viestinnän". */
export const learnedFirmRecognizer: Recognizer = {
  name: 'LearnedFirmRecognizer',
  entities: ['organisation'],
  analyze(a) {
    const lexicon = new Lexicon<string>();
    const names = new Set(a.ids.firms);
    for (const r of a.found) if (r.learn?.firm && !a.allow.allowsWord(r.learn.firm)) names.add(r.learn.firm);
    for (const name of names) lexicon.add(name.toLowerCase(), name);
    const out: RecognizerResult[] = [];
    matchLexicon(a, lexicon, (key, first, last, infl) => {
      out.push(firmResult(a, first, last, infl, key, 0.9, 'LearnedFirmRecognizer'));
      return true;
    });
    return out;
  },
};

let vendors: Lexicon<string> | undefined;
const ambiguous = new Set<string>();

/** Vendors from the list, in any case form; one spelt like an everyday word counts at a sentence start only when written as the vendor elsewhere. */
export const vendorRecognizer: Recognizer = {
  name: 'VendorRecognizer',
  entities: ['organisation'],
  analyze(a) {
    if (!vendors) {
      vendors = new Lexicon<string>();
      for (const v of VENDORS) {
        vendors.add(v.toLowerCase(), v);
        if (!v.includes(' ') && a.vocab.isCommon(v.toLowerCase())) ambiguous.add(v.toLowerCase());
      }
    }
    const out: RecognizerResult[] = [];
    const sure = new Set<string>();
    const pending: RecognizerResult[] = [];
    matchLexicon(
      a,
      vendors,
      (key, first, last, infl) => {
        const t = a.tokens[first] as WordToken;
        const result = firmResult(a, first, last, infl, key, 0.85, 'VendorRecognizer');
        if (ambiguous.has(key) && (t.sentenceStart || !t.capitalised)) pending.push(result);
        else {
          sure.add(key);
          out.push(result);
        }
        return true;
      },
      { capitalised: false },
    );
    for (const p of pending) if (p.key && sure.has(p.key.slice(4))) out.push(p);
    return out.filter((r) => isFree(a, r.start, r.end));
  },
};
