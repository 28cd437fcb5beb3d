// Persons: "First Last" pairs (Heli Puputti, Sanna Suomalainen-Ajanko; only the surname inflects:
// "Heli Puputille"), "Last First" in lists, a capitalised word after a role ("projektipäällikkö Jokela"),
// initials ("H. Puputti"). First names that are also words ("Onni", "Usko", "Toivo", "Aino", "Into") count
// only with a surname after them, or where a capital letter cannot come from the sentence start.
import { dictionary } from '@zxcvbn-ts/language-fi';
import { guessCase, type Inflection } from './inflect.js';
import { isFirstName, isRoleWord, nameLexicon } from './names.js';
import { adjacent, type WordToken } from './tokens.js';
import type { LearnedPerson } from './types.js';
import type { Vocabulary } from './vocabulary.js';

export interface PersonContext {
  text: string;
  tokens: readonly WordToken[];
  /** Token is not yet claimed by another detector nor allow-listed. */
  free(i: number): boolean;
  /** Token reads as a place in a local case ("Kankaanpäässä"): not a surname. */
  isLocativePlace(i: number): boolean;
  /** Token reads as a place in any case ("Seinäjoen kaupungin"). */
  isPlace(i: number): boolean;
  vocab: Vocabulary;
}

export interface PersonMatch {
  first: number;
  last: number;
  person: LearnedPerson;
  infl: Inflection;
}

let surnames: Set<string> | undefined;
const isSurname = (lower: string): boolean => {
  surnames ??= new Set(dictionary.lastnames);
  return lower.split('-').some((p) => surnames?.has(p));
};

/** Case of a surname token: from the name list when known ("Virtaselle" → allative), else guessed. */
export function surnameCase(word: string): Inflection {
  const hit = nameLexicon()
    .lookup(word)
    .find((h) => h.value.kind === 'surname');
  return hit ? hit.infl : guessCase(word);
}

const capitalRun = (ctx: PersonContext, from: number, max: number): number => {
  let j = from;
  while (j + 1 < ctx.tokens.length && j - from < max - 1) {
    const next = ctx.tokens[j + 1] as WordToken;
    if (
      !next.capitalised ||
      next.allCaps ||
      !ctx.free(j + 1) ||
      !adjacent(ctx.text, ctx.tokens[j] as WordToken, next)
    )
      break;
    j++;
  }
  return j;
};

export function findPersonPatterns(ctx: PersonContext): PersonMatch[] {
  const out: PersonMatch[] = [];
  const { tokens, vocab } = ctx;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as WordToken;
    if (!ctx.free(i) || !t.capitalised || t.allCaps) continue;
    // First name(s) + surname.
    if (isFirstName(t.lower)) {
      const end = capitalRun(ctx, i, 4);
      if (end > i) {
        const surname = tokens[end] as WordToken;
        const firsts = tokens.slice(i, end);
        const everydayStart = t.sentenceStart && vocab.isEveryday(t.lower);
        const plausible =
          firsts.every((f) => isFirstName(f.lower)) &&
          !ctx.isLocativePlace(end) &&
          (isSurname(surname.lower) || !vocab.isCommon(surname.lower)) &&
          !(everydayStart && !isSurname(surname.lower));
        if (plausible) {
          out.push({
            first: i,
            last: end,
            person: { firstNames: firsts.map((f) => f.text), surname: surname.text },
            infl: surnameCase(surname.text),
          });
          i = end;
          continue;
        }
      }
    }
    // Surname + first name, as in lists: "Puputti Heli".
    const next = tokens[i + 1];
    if (
      next &&
      isSurname(t.lower) &&
      next.capitalised &&
      ctx.free(i + 1) &&
      isFirstName(next.lower) &&
      adjacent(ctx.text, t, next) &&
      !(tokens[i + 2]?.capitalised && adjacent(ctx.text, next, tokens[i + 2] as WordToken)) &&
      !(vocab.isCommon(t.lower) && vocab.isCommon(next.lower))
    ) {
      out.push({
        first: i,
        last: i + 1,
        person: { firstNames: [next.text], surname: t.text },
        infl: guessCase(''),
      });
      i++;
      continue;
    }
    // Role word + name: "palvelupäällikkö Suomalainen-Ajanko", "kunnanjohtaja Virtanen".
    const prev = tokens[i - 1];
    if (
      prev &&
      isRoleWord(prev.lower) &&
      !t.sentenceStart &&
      adjacent(ctx.text, prev, t) &&
      !ctx.isPlace(i)
    ) {
      const end = capitalRun(ctx, i, 3);
      const surname = tokens[end] as WordToken;
      out.push({
        first: i,
        last: end,
        person: { firstNames: tokens.slice(i, end).map((f) => f.text), surname: surname.text },
        infl: surnameCase(surname.text),
      });
      i = end;
      continue;
    }
    // Initial + surname: "H. Puputti".
    if (t.text.length === 1 && ctx.text.charAt(t.end) === '.' && next?.capitalised && ctx.free(i + 1)) {
      if (next.start - t.end <= 2 && !vocab.isCommon(next.lower)) {
        out.push({
          first: i,
          last: i + 1,
          person: { firstNames: [], surname: next.text },
          infl: surnameCase(next.text),
        });
        i++;
      }
    }
  }
  return out;
}
