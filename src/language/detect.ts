// Language of a paragraph from function words: Finnish and Swedish reports mix (bilingual municipalities),
// so each paragraph is decided on its own; a paragraph too short to tell takes the report's language.
import type { Language } from '../types.js';
import type { Token } from './tokens.js';

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

export function detectLanguage(tokens: readonly Token[], fallback: Language = 'fi'): Language {
  let fi = 0;
  let sv = 0;
  let en = 0;
  for (const t of tokens) {
    if (FI.has(t.lower)) fi++;
    if (SV.has(t.lower)) sv++;
    if (EN.has(t.lower)) en++;
    // Finnish case endings are a strong signal even without function words.
    else if (/(ssa|ssä|sta|stä|lla|llä|lta|ltä|kin|ksi|mme|nsa|nsä)$/.test(t.lower) && t.lower.length > 5)
      fi += 0.5;
    if (/[å]/.test(t.lower)) sv += 0.5;
    // Swedish endings: the definite plural and common derivations.
    if (/(arna|erna|orna|ningen|ningar|heten|tion|ligt|ande|ende)$/.test(t.lower) && t.lower.length > 5)
      sv += 0.5;
  }
  const best = Math.max(fi, sv, en);
  if (best < 1.5) return fallback;
  if (best === sv && sv > fi) return 'sv';
  if (best === en && en > fi && en > sv) return 'en';
  return 'fi';
}
