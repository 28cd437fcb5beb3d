// With Voikko installed, its proper-noun classes feed the fail-closed rule: first names and surnames are
// persons, place names places, known ordinary words stay. Skips when Voikko is absent.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
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

// Issue 11: Voikko must never make detection weaker. Capitalised compounds Voikko can analyse
// ("Seutuverkon", "Asiointipisteen") used to be kept with Voikko and replaced without it; now whatever
// the rules replace is replaced with Voikko too (with Voikko ⊇ without), on every text we have.
describe('Voikko only adds detections', () => {
  const texts = (): { name: string; text: string }[] => {
    const dir = fileURLToPath(new URL('../reports/', import.meta.url));
    const fixtures = fileURLToPath(new URL('./fixtures/anonymise/', import.meta.url));
    const seed = fileURLToPath(
      new URL('../../shared/seeds/001_final_report_pohjois_satakunta.md', import.meta.url),
    );
    const out = readdirSync(dir).map((f) => ({ name: f, text: readFileSync(join(dir, f), 'utf8') }));
    for (const f of readdirSync(fixtures).filter((f) => f.endsWith('.md')))
      out.push({ name: f, text: readFileSync(join(fixtures, f), 'utf8') });
    if (existsSync(seed)) out.push({ name: 'seed 001', text: readFileSync(seed, 'utf8') });
    return out;
  };

  it.skipIf(!loaded.voikko)('keeps capitalised compounds Voikko knows replaced in mid-sentence', () => {
    const voikko = loaded.voikko;
    if (!voikko) return;
    const a = createAnonymiser({ terms: [] }, { properNoun: properNounFromVoikko(voikko) });
    expect(
      a.anonymise('Yhteys kulki Seutuverkon ja Asiointipisteen kautta.', emptyIdentifiers('v')).text,
    ).toBe('Yhteys kulki [tahon] ja [tahon] kautta.');
  });

  it.skipIf(!loaded.voikko)('replaces with Voikko every character it replaces without', () => {
    const voikko = loaded.voikko;
    if (!voikko) return;
    for (const { name, text } of texts()) {
      const rules = createAnonymiser({ terms: [] }).anonymiseReport(name, text).replacements;
      const withVoikko = createAnonymiser(
        { terms: [] },
        { properNoun: properNounFromVoikko(voikko) },
      ).anonymiseReport(name, text).replacements;
      const covered = new Uint8Array(text.length);
      for (const r of withVoikko) covered.fill(1, r.start, r.end);
      const missed = rules.filter((r) => covered.subarray(r.start, r.end).some((c) => c === 0));
      expect(missed.map((r) => `${name}: ${r.original}`)).toEqual([]);
    }
  });
});
