// Seed 001 (a real final report, /work/shared/seeds): the anonymised full text must contain none of its
// municipalities, regions, persons, firms, project names or e-mail in any form, and keep ≥ 95 % of the
// other words.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadVoikko } from '../src/language/voikko.js';
import {
  defaultAnonymiser,
  type Identifier,
  survivors,
  wordRetention,
} from './fixtures/anonymise/measure.js';

const SEED = fileURLToPath(
  new URL('../../shared/seeds/001_final_report_pohjois_satakunta.md', import.meta.url),
);
const present = existsSync(SEED);
if (!present) console.warn(`anonymise-seed001: ${SEED} not found; skipping the seed measurement`);

/** Every identifier of seed 001, as stems (any inflection) or whole-word patterns. */
const SEED_001_IDENTIFIERS: Identifier[] = [
  // municipalities (current, merged, misspelt) and their residents
  'kankaanp',
  'kankaanpaa',
  'pomarkk',
  'pomarku',
  'siikai',
  'jämijärv',
  'jämsijärv',
  /\bkarvia/iu,
  'honkajo',
  'seinäjo',
  'nousia',
  'mynämä',
  /\bmasku/iu,
  'paimio',
  /\bsauvo/iu,
  'rääkkyl',
  /\bposio/iu,
  /\branua/iu,
  // regions and their abbreviation
  'satakun',
  'etelä-pohjanm',
  /\bP-S\b/u,
  // persons
  /\bHeli\b/u,
  'puputti',
  /\bJoni\b/u,
  'jokela',
  /\bSanna\b/u,
  'suomalainen-ajanko',
  /\bAjanko/u,
  /\bPetri\b/u,
  'kejonen',
  /\bPauli\b/u,
  'pukaralammi',
  /\bToni\b/u,
  'auvinen',
  /\bPekka\b/u,
  'vepsäläi',
  // firms
  'aarnikuk',
  'avarasti',
  'tikkasec',
  /\bKS Viestin/u,
  // project names and acronyms
  'pohjois-satakunnan digitalisaatiohan',
  'digivapa',
  'satadigi',
  // e-mail
  'digihanke@',
];

const voikko = loadVoikko().voikko;

describe('anonymising seed 001', () => {
  it.skipIf(!present || !voikko)(
    'with Voikko too: no identifier left, ≥ 95 % of the other words kept',
    () => {
      const text = readFileSync(SEED, 'utf8');
      const result = defaultAnonymiser(voikko).anonymiseReport('001_final_report_pohjois_satakunta', text);
      const left = survivors(result.text, SEED_001_IDENTIFIERS);
      const retention = wordRetention(text, result.replacements, SEED_001_IDENTIFIERS);
      console.info(
        `seed 001 (with Voikko): ${left.length} identifiers left; ${retention.kept}/${retention.total} other words kept (${(100 * retention.share).toFixed(1)} %)`,
      );
      expect(left).toEqual([]);
      expect(retention.share).toBeGreaterThanOrEqual(0.95);
    },
  );

  it.skipIf(!present)('leaves no identifier and keeps ≥ 95 % of the other words', () => {
    const text = readFileSync(SEED, 'utf8');
    const anonymiser = defaultAnonymiser();
    const ids = anonymiser.scanReport('001_final_report_pohjois_satakunta', text);
    const result = anonymiser.anonymise(text, ids);
    const left = survivors(result.text, SEED_001_IDENTIFIERS);
    const retention = wordRetention(text, result.replacements, SEED_001_IDENTIFIERS);
    console.info(
      `seed 001: ${left.length} identifiers left; ${retention.kept}/${retention.total} other words kept (${(100 * retention.share).toFixed(1)} %); lost: ${[...new Set(retention.lost)].join(', ')}`,
    );
    expect(left).toEqual([]);
    expect(retention.share).toBeGreaterThanOrEqual(0.95);
  });

  it.skipIf(!present)('also with numbered placeholders, and every quote (paragraph) alone', () => {
    const text = readFileSync(SEED, 'utf8');
    const anonymiser = defaultAnonymiser();
    const ids = anonymiser.scanReport('001', text);
    expect(survivors(anonymiser.anonymise(text, ids, { numbered: true }).text, SEED_001_IDENTIFIERS)).toEqual(
      [],
    );
    const paragraphs = text.split(/\n\s*\n/u).filter((p) => p.trim().length > 40);
    const leaked = paragraphs.flatMap((p) =>
      survivors(anonymiser.anonymise(p, ids).text, SEED_001_IDENTIFIERS),
    );
    expect(leaked).toEqual([]);
  });

  it.skipIf(!present)('keeps the report numbered consistently: one letter per municipality', () => {
    const text = readFileSync(SEED, 'utf8');
    const anonymiser = defaultAnonymiser();
    const ids = anonymiser.scanReport('001', text);
    const out = anonymiser.anonymise('Kankaanpäässä ja Pomarkussa, sitten taas Kankaanpäähän.', ids, {
      numbered: true,
    }).text;
    expect(out).toBe('[Kunta A:ssa] ja [kunta D:ssä], sitten taas [kunta A:han].');
  });
});
