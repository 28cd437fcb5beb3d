// With Voikko installed, its proper-noun classes feed the fail-closed rule: first names and surnames are
// persons, place names places, known ordinary words stay. Skips when Voikko is absent.
import { describe, expect, it } from 'vitest';
import { createAnonymiser, emptyIdentifiers, properNounFromVoikko } from '../src/anonymise/index.js';
import { loadVoikko } from '../src/language/voikko.js';

const loaded = loadVoikko();
if (!loaded.voikko)
  console.warn(`anonymise-voikko: Voikko not available (${loaded.reason ?? 'unknown'}); skipping`);

describe('Voikko proper nouns', () => {
  it.skipIf(!loaded.voikko)('classifies words by Voikko word class', () => {
    const voikko = loaded.voikko;
    if (!voikko) return;
    const classify = properNounFromVoikko(voikko);
    expect(classify('Virtanen')).toBe('person');
    expect(classify('Jämijärvi')).toBe('place');
    // A name that is also an ordinary word (kangas + pää; asukas and a rare surname) is left to the
    // gazetteer and the name lists.
    expect(classify('Kankaanpää')).toBeUndefined();
    expect(classify('Asukkaiden')).toBeUndefined();
    expect(classify('kunta')).toBe('other');
    expect(classify('Zyxwvq')).toBeUndefined();
    const a = createAnonymiser({ terms: [] }, { properNoun: classify });
    const out = a.anonymise(
      'Hanketta veti Virtanen, ja työpaja pidettiin Kankaanpäässä.',
      emptyIdentifiers('v'),
    ).text;
    expect(out).toBe('Hanketta veti [henkilö], ja työpaja pidettiin [kunnassa].');
  });
});
