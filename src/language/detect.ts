// Language of a paragraph from function words: Finnish and Swedish reports mix (bilingual municipalities),
// so each paragraph is decided on its own; a paragraph too short to tell takes the report's language.

import type { Language } from '../types.js';
import { type Token, wordSpans } from './tokens.js';
import { type Word, wordOf } from './words.js';

const FI = new Set(
  'ja on ei että oli ovat sekä myös kuin tai mutta se ne joka jotka jossa kun jos ole olla ollut olivat hankkeen hankkeessa hanke kunnan kuntien kunnissa tämä nämä sen niiden lisäksi mukaan kanssa aikana jälkeen vielä voi voidaan tulee eri osa kaikki'.split(
    ' ',
  ),
);
const SV = new Set(
  'och att det som är en ett för med på av inte till har var de den om men också kan ska skulle blev vara har hade från vid eller under efter kommunen kommunerna projektet inom samt detta dessa vi man när där i vilket vilka genom tack även sina sig mellan nu mer än kunde dess deras hos ut upp bara alla andra'.split(
    ' ',
  ),
);
const EN = new Set('the and of to in is was were that with for this which be by are from on as'.split(' '));

/** A word's votes: Finnish, Swedish, English. */
type Votes = readonly [number, number, number];
const SHARED = new Map<number, Votes>();
/** The owner of the votes kept on each interned word (words.ts). */
const VOTES = {};

const votesOf = (lower: string): Votes => wordOf(lower).answer(VOTES, wordVotes);

function wordVotes(lower: string): Votes {
  let fi = 0;
  let sv = 0;
  let en = 0;
  if (FI.has(lower)) fi++;
  if (SV.has(lower)) sv++;
  if (EN.has(lower)) en++;
  // Finnish case endings are a strong signal even without function words.
  else if (/(ssa|ssä|sta|stä|lla|llä|lta|ltä|kin|ksi|mme|nsa|nsä)$/.test(lower) && lower.length > 5)
    fi += 0.5;
  if (/[å]/.test(lower)) sv += 0.5;
  // Swedish endings: the definite plural and common derivations.
  if (/(arna|erna|orna|ningen|ningar|heten|tion|ligt|ande|ende)$/.test(lower) && lower.length > 5) sv += 0.5;
  // Few distinct triples occur: share them (the memo holds tens of thousands of words).
  const key = fi * 100 + sv * 10 + en;
  const votes = SHARED.get(key) ?? [fi, sv, en];
  if (!SHARED.has(key)) SHARED.set(key, votes);
  return votes;
}

export function detectLanguage(tokens: readonly Pick<Token, 'lower'>[], fallback: Language = 'fi'): Language {
  let fi = 0;
  let sv = 0;
  let en = 0;
  for (const t of tokens) {
    const v = votesOf(t.lower);
    fi += v[0];
    sv += v[1];
    en += v[2];
  }
  return verdict(fi, sv, en, fallback);
}

/** detectLanguage() of tokens given as their interned words (words.ts). */
export function detectWords(words: readonly Word[], fallback: Language = 'fi'): Language {
  let fi = 0;
  let sv = 0;
  let en = 0;
  for (const w of words) {
    const v = w.answer(VOTES, wordVotes);
    fi += v[0];
    sv += v[1];
    en += v[2];
  }
  return verdict(fi, sv, en, fallback);
}

/** detectLanguage(tokenize(text)), without making the tokens. */
export function detectTextLanguage(text: string, fallback: Language = 'fi'): Language {
  let fi = 0;
  let sv = 0;
  let en = 0;
  // The words of lowerWords(text), in a plain loop: this reads every paragraph and every report.
  const spans = wordSpans(text);
  for (let k = 0; k < spans.length; k += 2) {
    const v = votesOf(text.slice(spans[k] as number, spans[k + 1] as number).toLowerCase());
    fi += v[0];
    sv += v[1];
    en += v[2];
  }
  return verdict(fi, sv, en, fallback);
}

function verdict(fi: number, sv: number, en: number, fallback: Language): Language {
  const best = Math.max(fi, sv, en);
  if (best < 1.5) return fallback;
  if (best === sv && sv > fi) return 'sv';
  if (best === en && en > fi && en > sv) return 'en';
  return 'fi';
}
