// Allow-listed terms (codebooks/allow-list.yaml) as results of their own kind, 'keep': the resolver
// weighs them like any other result, so a firm whose name holds an allowed word ("Visma Finland Oyj",
// "Lakeus IT Ky") still goes as a whole, while "DVV:n" or "Suomi.fi-palvelu" alone stays.
import { NOM, type Recognizer } from './recognizer.js';

export const allowListRecognizer: Recognizer = {
  name: 'AllowListRecognizer',
  entities: ['keep'],
  analyze(a) {
    return a.allow.ranges(a.text, a.tokens).map(([start, end]) => ({
      start,
      end,
      entity: 'keep' as const,
      score: 0.9,
      noun: 'taho' as const,
      infl: NOM,
      recognizer: 'AllowListRecognizer',
    }));
  },
};
