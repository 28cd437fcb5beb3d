// The project's own sample reports (reports/), dense with municipalities, persons, firms and contacts:
// anonymised whole, none of their identifiers survives in any form and ≥ 95 % of the other words do.
// The lists are written by hand from the reports, not taken from the anonymiser's own inventory.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadVoikko } from '../src/language/voikko.js';
import {
  defaultAnonymiser,
  type Identifier,
  survivors,
  wordRetention,
} from './fixtures/anonymise/measure.js';

const reports = join(import.meta.dirname, '..', 'reports');

const IDENTIFIERS: Record<string, Identifier[]> = {
  'jarviseutu-tilavaraus.md': [
    'alajärv',
    'vimpeli',
    'lappajärv',
    'evijärv',
    'järviseu',
    'järviseutulai',
    /\bArto\b/u,
    'luoma',
    /\bHenrik\b/u,
    'mäkelä',
    /\bJukka\b/u,
    'ojala',
    /\bKirsi\b/u,
    'peltonie',
    /\bMarja\b/u,
    'hautala',
    /\bSanna\b/u,
    /\bKangas\b/u,
    /\bTimo\b/u,
    'kivistö',
    'lukkotekniik',
    'varaamo',
    '@alajarvi',
  ],
  'kainuu-sahkoinen-paatoksenteko.txt': [
    'sotkamo',
    'kuhmo',
    'paltamo',
    'ristijärv',
    'hyrynsalm',
    'kajaan',
    'kainuu',
    /\bAnne\b/u,
    'leinonen',
    /\bJari\b/u,
    'seppänen',
    /\bLeena\b/u,
    'pulkkinen',
    /\bMinna\b/u,
    'heikkinen',
    /\bPekka\b/u,
    'kemppainen',
    /\bRiikka\b/u,
    'moilanen',
    /\bTapio\b/u,
    'karjalai',
    'av-kainuu',
    'kajaanin tietotekniik',
    'koulutuspalvelu ilmari',
    'pohjoisen tietopalvelu',
    'kaipäätös',
    '@sotkamo',
  ],
  'lansi-uusimaa-asukasdialogit.md': [
    'lohja',
    'vihti',
    'vihdi',
    'vihdissä',
    'karkkila',
    'siuntio',
    'länsi-uu',
    'länsiuusimaa',
    'nummela',
    'ojamo',
    /\bHenna\b/u,
    'lindqvist',
    /\bKatja\b/u,
    'nieminen',
    /\bKristiina\b/u,
    'aaltonen',
    /\bMikael\b/u,
    'grönroos',
    /\bOlli\b/u,
    'salminen',
    /\bRiitta\b/u,
    'laaksonen',
    'dialogikeskus aalto',
    'keskustelutalo',
    'paikkaviisas',
    'digidialogi',
    '@lohja',
    '@vihti',
  ],
  'sydosterbotten-digital-delaktighet.md': [
    'närpes',
    'närpiö',
    'kristinestad',
    'kristiinankaupun',
    'kaskö',
    'kaskinen',
    'sydösterbott',
    'österbott',
    /\bAnders\b/u,
    'granqvist',
    /\bAnnika\b/u,
    'lindholm',
    /\bCamilla\b/u,
    'nyström',
    /\bJenny\b/u,
    'backlund',
    /\bMats\b/u,
    'sjöholm',
    /\bPeter\b/u,
    'vikström',
    'blankettdata',
    'kustkonsult',
    'åsiktsportal',
    '@narpes',
  ],
  'ylasavo-sahkoinen-asiointi.md': [
    'iisalm',
    'kiuruve',
    'sonkajärv',
    'vieremä',
    'ylä-savo',
    'yläsavo',
    /\bAntti\b/u,
    'miettinen',
    /\bEija\b/u,
    'korhonen',
    /\bMarkku\b/u,
    'räsänen',
    /\bPekka\b/u,
    'hyvönen',
    /\bSari\b/u,
    'laitinen',
    /\bTiina\b/u,
    'kärkkäinen',
    /\bVille\b/u,
    'partanen',
    'asiointiväylä',
    'karttakaiku',
    'osallistamo',
    'palvelumuotoilutoimisto kajo',
    '@iisalmi',
  ],
};

const voikko = loadVoikko().voikko;
if (!voikko) console.warn('anonymise-sample-reports: Voikko not available; measuring without it only');

describe.each([
  ['rules only', undefined],
  ['with Voikko', voikko],
] as const)('anonymising the sample reports (%s)', (label, morphology) => {
  const anonymiser = defaultAnonymiser(morphology);
  it
    .skipIf(label === 'with Voikko' && !voikko)
    .each(Object.entries(IDENTIFIERS).map(([f, ids]) => ({ f, ids })))(
    '$f: no identifier left, ≥ 95 %% of other words kept',
    ({ f: file, ids }) => {
      const text = readFileSync(join(reports, file), 'utf8');
      const result = anonymiser.anonymiseReport(file, text);
      expect(survivors(result.text, ids)).toEqual([]);
      const kept = wordRetention(text, result.replacements, ids);
      console.info(
        `${file} (${label}): 0/${ids.length} identifiers left; ${kept.kept}/${kept.total} other words kept (${(100 * kept.share).toFixed(1)} %)`,
      );
      expect(kept.share, `lost: ${kept.lost.join(', ')}`).toBeGreaterThanOrEqual(0.95);
    },
  );
});
