// Inflectional endings of Finnish, from the rule data (rules/fi/inflection-*.yaml): an ending is one choice
// from each slot in order (stem vowel, plural, case, possessive suffix, clitic for nouns; stem vowel, tense or
// mood or participle, person, clitic for verbs). A word matches a lemma only when what follows the lemma's
// stem is such an ending, so derivations (-sti adverbs, -ja agent nouns, -lainen, -ttava) are other words.
import type { InflectionFile } from '../rules/load.js';

export interface Endings {
  /**
   * Whether `rest`, what follows a lemma's stem in a word, makes the word a form of the lemma; with
   * `modifier`, also the first part of a compound (the stem is the whole lemma: yhteistyö-ryhmä).
   */
  accepts(cls: 'noun' | 'verb', rest: string, modifier?: boolean): boolean;
}

/** A noun may also be the first part of a compound (yhteistyöryhmä) when the rest is no derivation. */
const MIN_COMPOUND_TAIL = 4;

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function compileEndings(files: readonly InflectionFile[]): Endings {
  const byClass = new Map<string, RegExp>();
  for (const cls of ['noun', 'verb', 'derivation'] as const) {
    const slots = files.filter((f) => f.wordClass === cls).flatMap((f) => f.slots);
    if (slots.length === 0) continue;
    // Longest alternatives first; each slot optional when it lists "" (no ending in that slot).
    const body = slots
      .map((s) => {
        const forms = [...new Set(s.forms)].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
        const alts = forms.filter((f) => f !== '').map(escapeRe);
        if (alts.length === 0) return '';
        return `(?:${alts.join('|')})${forms.includes('') ? '?' : ''}`;
      })
      .join('');
    // Inflection is the whole rest; a derivational suffix need only begin it.
    byClass.set(cls, new RegExp(`^${body}${cls === 'derivation' ? '' : '$'}`, 'u'));
  }
  const derivation = byClass.get('derivation');
  return {
    accepts(cls, rest, modifier = false) {
      const re = byClass.get(cls);
      if (!re) return rest.length <= 4;
      if (re.test(rest)) return true;
      if (!modifier || cls !== 'noun' || derivation === undefined) return false;
      // The modifier is the lemma itself or its genitive (kunnan-johtaja); the head is another word.
      const tail = rest.startsWith('n') && !derivation.test(rest) ? rest.slice(1) : rest;
      return tail.length >= MIN_COMPOUND_TAIL && !derivation.test(tail);
    },
  };
}
