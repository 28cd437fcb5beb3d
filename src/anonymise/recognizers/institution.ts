// Institutions and venues that name a place or are unique: a capitalised word before an institution
// head ("Hoiskon koulu", "Kalevan kirjastossa", "Saarikoski-salissa", "Seinäjoen keskussairaalassa": the
// place inside is found by the place recognizer first), and unique institutions from the list
// (data/vendors.yaml: universities of applied sciences, hospitals, wellbeing services counties).
import { UNIQUE_INSTITUTIONS, WORDS } from '../data/tables.generated.js';
import { guessCase } from '../inflect.js';
import { Lexicon } from '../lexicon.js';
import { adjacent, type WordToken } from '../tokens.js';
import { matchLexicon } from './lexicon-match.js';
import { type Recognizer, type RecognizerResult, tokenFree, tokenRange } from './recognizer.js';

const HEADS = new Lexicon<string>();
for (const w of WORDS['institution-heads']) HEADS.add(w, w);
let unique: Lexicon<string> | undefined;

export const institutionRecognizer: Recognizer = {
  name: 'InstitutionRecognizer',
  entities: ['institution'],
  analyze(a) {
    const out: RecognizerResult[] = [];
    if (!unique) {
      unique = new Lexicon<string>();
      for (const name of UNIQUE_INSTITUTIONS) unique.add(name.toLowerCase(), name);
    }
    matchLexicon(a, unique, (key, first, last, infl) => {
      out.push({
        ...tokenRange(a, first, last),
        entity: 'institution',
        score: 0.85,
        noun: 'laitos',
        infl,
        key: `institution|${key}`,
        recognizer: 'InstitutionRecognizer',
      });
      return true;
    });
    for (let i = 0; i < a.tokens.length; i++) {
      const t = a.tokens[i] as WordToken;
      if (!t.capitalised || !tokenFree(a, i) || a.allow.allowsWord(t.text)) continue;
      const dash = t.lower.lastIndexOf('-');
      // "Saarikoski-salissa": the whole compound is the venue.
      if (
        dash > 1 &&
        HEADS.lookupLower(t.lower.slice(dash + 1)).length > 0 &&
        !(t.sentenceStart && a.vocab.isOrdinary(t.lower.slice(0, dash)))
      ) {
        const head = HEADS.lookupLower(t.lower.slice(dash + 1))[0];
        out.push({
          start: t.start,
          end: t.end,
          entity: 'institution',
          score: 0.8,
          noun: 'laitos',
          infl: head?.infl ?? guessCase(t.text),
          key: `institution|${t.lower.slice(0, dash)}`,
          recognizer: 'InstitutionRecognizer',
        });
        continue;
      }
      // "Hoiskon koulu": a name in the genitive before the head; the head stays.
      const next = a.tokens[i + 1];
      if (!next || !adjacent(a.text, t, next) || HEADS.lookupLower(next.lower).length === 0) continue;
      if (t.allCaps || a.vocab.isCommon(t.lower)) continue;
      out.push({
        start: t.start,
        end: t.end,
        entity: 'institution',
        score: 0.75,
        noun: 'taho',
        infl: guessCase(t.text),
        key: `institution|${t.lower}`,
        recognizer: 'InstitutionRecognizer',
      });
    }
    return out;
  },
};
