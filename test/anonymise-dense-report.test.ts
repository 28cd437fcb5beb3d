// A dense report written for this test (test/fixtures/anonymise/dense-report.md): names in every case, in
// Finnish and Swedish. It is NOT held out: it was written beside the anonymiser and the anonymiser was
// developed against it. Measured as seed 001: no identifier in any form, ≥ 95 % of the other words kept.
// The held-out measurement is test/anonymise-attack.test.ts on attack-heldout-*.md.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  defaultAnonymiser,
  type Identifier,
  survivors,
  wordRetention,
} from './fixtures/anonymise/measure.js';

const FIXTURE = fileURLToPath(new URL('./fixtures/anonymise/dense-report.md', import.meta.url));

const IDENTIFIERS: Identifier[] = [
  // municipalities, current and merged, Finnish and Swedish names, residents
  'alajärv',
  'alajarv',
  'vimpel',
  'lappajärv',
  'seinäjo',
  'kuortan',
  'ähtär',
  'tamper',
  /\bTur(ku|u)/u,
  'helsin',
  /\bLah(ti|de|te)/u,
  /\bPori/u,
  'kuopio',
  /\bOulu/u,
  'jyväskyl',
  'espoo',
  'vantaa',
  'hämeenlinn',
  /\bVaasa|\bVasa\b/u,
  'kokkola',
  'pietarsaar',
  'kruunupyy',
  'kronoby',
  'kaarlepyy',
  'närpiö',
  'närpes',
  'mustasaar',
  'korsholm',
  'maalah',
  'raasepor',
  'raseborg',
  'porvoo',
  'borgå',
  /\bKurik/u,
  'jalasjärv',
  'lehtimä',
  'siikai',
  'pomark',
  'kankaanp',
  'jämijärv',
  // regions and sub-regions
  'pohjanma',
  'uusimaa',
  'uudellamaa',
  'kuusiokun',
  'järviseu',
  'suupohj',
  'österbotten',
  // persons
  /\bMatti\b/u,
  'virtan',
  'virtas',
  'korhon',
  'korhos',
  /\bLiisa\b/u,
  'mäkelä-niemi',
  /\bAino\b/u,
  'hämäläi',
  /\bAnna\b/u,
  'lindström',
  // firms
  'lakeuden digipalvel',
  'koulutus kivinen',
  /\b(Oy|Oyj|Ky|Tmi)\b/u,
  /\bSalo\b/u,
  /\bPekka\b/u,
  'viestintätoimisto',
  // project
  'sähköisen asioinnin hanke',
  'jäpsä',
  'japsa',
  // contacts
  'matti.virtanen@',
  '040 123 4567',
  '+358 6 241 1234',
  '1234567-8',
  'https://www.alajarvi.fi/japsa',
  'kauppatie 1',
  '62900',
];

describe('anonymising the dense development report (not held out)', () => {
  const text = readFileSync(FIXTURE, 'utf8');

  it('leaves no identifier and keeps ≥ 95 % of the other words', () => {
    const anonymiser = defaultAnonymiser();
    const ids = anonymiser.scanReport('dense-report', text);
    const result = anonymiser.anonymise(text, ids);
    const left = survivors(result.text, IDENTIFIERS);
    const retention = wordRetention(text, result.replacements, IDENTIFIERS);
    console.info(
      `dense report: ${left.length} identifiers left; ${retention.kept}/${retention.total} other words kept (${(100 * retention.share).toFixed(1)} %); lost: ${[...new Set(retention.lost)].join(', ')}`,
    );
    expect(left).toEqual([]);
    expect(retention.share).toBeGreaterThanOrEqual(0.95);
  });

  it('keeps allow-listed public bodies and products and everyday words that look like names', () => {
    const anonymiser = defaultAnonymiser();
    const out = anonymiser.anonymise(text, anonymiser.scanReport('dense-report', text)).text;
    for (const kept of [
      'Valtiovarainministeriöltä',
      'Teams-kokouksia',
      'SharePointia',
      'Suomi.fi-tunnistautuminen',
      'DVV:n',
      'Kuntaliiton',
      'Toivo on',
      'Onni oli',
    ]) {
      expect(out).toContain(kept);
    }
  });

  it('uses Swedish placeholders in the Swedish paragraph and numbers entities consistently', () => {
    const anonymiser = defaultAnonymiser();
    const ids = anonymiser.scanReport('dense-report', text);
    const out = anonymiser.anonymise(text, ids, { numbered: true }).text;
    expect(out).toMatch(
      /Projektet genomfördes i samarbete med \[kommun [A-Z]\d?\], \[kommun [A-Z]\d?\] och \[kommun [A-Z]\d?\]\./u,
    );
    // Närpes (Swedish) and Närpiö (Finnish) are one municipality: one letter.
    const narpio = /\[kunnan ([A-Z]\d?)\], \[kunnan [A-Z]\d?\] ja \[kunnan [A-Z]\d?\] edustajat/u.exec(out);
    const narpes = /samarbete med \[kommun ([A-Z]\d?)\]/u.exec(out);
    expect(narpio).toBeNull(); // numbered placeholders carry the letter inside: [kunta X:n]
    const narpioNumbered =
      /\[kunta ([A-Z]\d?):n\], \[kunta [A-Z]\d?:n\] ja \[kunta [A-Z]\d?:n\] edustajat/u.exec(out);
    expect(narpioNumbered?.[1]).toBe(narpes?.[1]);
  });
});
