import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  loadVoikko,
  partsFromStructure,
  partsFromWordbases,
  type VoikkoAnalysis,
} from '../src/language/voikko.js';

const loaded = loadVoikko();
const voikko = loaded.voikko;
if (!voikko) {
  console.warn(
    `Voikko not installed: skipping the libvoikko tests (${loaded.reason}). Install: libvoikko1 voikko-fi`,
  );
}
afterAll(() => voikko?.close());

function reading(word: string, wordClass?: string): VoikkoAnalysis | undefined {
  const analyses = voikko?.analyse(word) ?? [];
  return wordClass ? analyses.find((a) => a.wordClass === wordClass) : analyses[0];
}

describe('loadVoikko', () => {
  it('never throws and explains a missing library', () => {
    const result = loadVoikko({
      libraryNames: ['/nonexistent/libvoikko.so.1', 'libvoikko-does-not-exist.so'],
    });
    expect(result.voikko).toBeUndefined();
    expect(result.reason).toMatch(/libvoikko not found/);
    expect(result.reason).toContain('libvoikko-does-not-exist.so');
  });

  it('never throws when the file found is not a shared library', () => {
    const result = loadVoikko({ libraryNames: [fileURLToPath(import.meta.url)] });
    expect(result.voikko).toBeUndefined();
    expect(typeof result.reason).toBe('string');
  });

  it('returns either an instance or a reason', () => {
    expect(loaded.voikko !== undefined || typeof loaded.reason === 'string').toBe(true);
  });
});

describe.skipIf(!voikko)('Voikko analyses (libvoikko installed)', () => {
  it.each([
    ['kunnissa', 'kunta', 'nimisana', ['kunta']],
    ['henkilöstövaihdokset', 'henkilöstövaihdos', 'nimisana', ['henkilöstö', 'vaihdos']],
    ['palautejärjestelmien', 'palautejärjestelmä', 'nimisana', ['palaute', 'järjestelmä']],
    ['toimittajalta', 'toimittaja', 'nimisana', ['toimittaja']],
    ['säästöjä', 'säästö', 'nimisana', ['säästö']],
    ['ohjelmistotoimittajien', 'ohjelmistotoimittaja', 'nimisana', ['ohjelmisto', 'toimittaja']],
    ['sote-uudistus', 'sote-uudistus', 'nimisana', ['sote', 'uudistus']],
  ])('%s → %s %j', (word, baseform, wordClass, parts) => {
    const analysis = reading(word);
    expect(analysis).toMatchObject({ baseform, wordClass, parts });
  });

  it('gives case and number', () => {
    expect(reading('kunnissa')).toMatchObject({
      case: 'sisaolento',
      number: 'plural',
      structure: '=pppppppp',
    });
  });

  it('recognises proper nouns by class', () => {
    expect(reading('Kankaanpäässä', 'paikannimi')).toMatchObject({
      baseform: 'Kankaanpää',
      parts: ['Kankaanpää'],
    });
    expect(reading('Virtaselle', 'sukunimi')).toMatchObject({ baseform: 'Virtanen' });
    expect(reading('Pohjois-Satakunnan', 'paikannimi')?.baseform).toBe('Pohjois-Satakunta');
    expect(reading('Matti', 'etunimi')?.baseform).toBe('Matti');
  });

  it('merges readings that differ only in derivation history', () => {
    // Voikko gives säästö both as a lexeme and as säästää + -ö; both say the same here.
    expect(voikko?.analyse('säästöjä')).toHaveLength(1);
  });

  it('returns [] for unknown, empty and over-long words', () => {
    expect(voikko?.analyse('xyzzyq')).toEqual([]);
    expect(voikko?.analyse('')).toEqual([]);
    expect(voikko?.analyse('a'.repeat(300))).toEqual([]);
    expect(voikko?.analyse('kun\0ta')).toEqual([]);
  });

  it('memoises: a repeated word gives equal, frozen readings in a fresh array', () => {
    const first = voikko?.analyse('hankkeessa') ?? [];
    const second = voikko?.analyse('hankkeessa') ?? [];
    expect(second).toEqual(first);
    expect(second).not.toBe(first);
    expect(second[0]).toBe(first[0]);
    expect(Object.isFrozen(second[0])).toBe(true);
  });

  it('keeps working past a tiny cache bound and refuses use after close', () => {
    const small = loadVoikko({ cacheSize: 2 }).voikko;
    expect(small).toBeDefined();
    if (!small) return;
    for (const word of ['kunta', 'kunnan', 'kunnissa', 'kunta', 'kuntien']) {
      expect(small.analyse(word)[0]?.baseform).toBe('kunta');
    }
    expect(small.version).toMatch(/^\d+\.\d+/);
    small.close();
    small.close();
    expect(() => small.analyse('kunta')).toThrow(/after close/);
  });
});

describe('partsFromWordbases', () => {
  it.each([
    ['+kunta(kunta)', 'kunta', ['kunta']],
    ['+henkilöstö(henkilöstö)+vaihdos(vaihdos)', 'henkilöstövaihdos', ['henkilöstö', 'vaihdos']],
    ['+toimitta(toimittaa)+ja(+ja)', 'toimittaja', ['toimittaja']],
    ['+toimitta(toimittaa)+ja(+ja)+palkkio(palkkio)', 'toimittajapalkkio', ['toimittaja', 'palkkio']],
    [
      '+ohjelmisto(ohjelmisto)+toimitta(toimittaa)+ja(+ja)',
      'ohjelmistotoimittaja',
      ['ohjelmisto', 'toimittaja'],
    ],
    ['+sote(sote)+-+uudist(uudistaa)+us(+us)', 'sote-uudistus', ['sote', 'uudistus']],
    ['+pohjois(pohjoinen)+-+Satakunta(Sata=kunta)', 'Pohjois-Satakunta', ['pohjoinen', 'Satakunta']],
    ['+Kankaanpää(Kankaan=pää)', 'Kankaanpää', ['Kankaanpää']],
    ['+kankaan(kangas)+pää(pää)', 'kankaanpää', ['kangas', 'pää']],
    ['+etä+työskentel(työskennellä)+y(+y)', 'etätyöskentely', ['etä', 'työskentely']],
    ['+2020', '2020', ['2020']],
  ])('%s', (wordbases, baseform, parts) => {
    expect(partsFromWordbases(wordbases, baseform)).toEqual(parts);
  });
});

describe('partsFromStructure', () => {
  it.each([
    ['kunnissa', '=pppppppp', 'kunta', ['kunta']],
    ['henkilöstövaihdokset', '=pppppppppp=pppppppppp', 'henkilöstövaihdos', ['henkilöstö', 'vaihdos']],
    ['palautejärjestelmien', '=ppppppp=ppppppppppppp', 'palautejärjestelmä', ['palaute', 'järjestelmä']],
    ['sote-uudistuksessa', '=qqqq-=pppppppppppp', 'sote-uudistus', ['sote', 'uudistus']],
    ['Pohjois-Satakunnan', '=ipppppp-=ippp=pppppp', 'Pohjois-Satakunta', ['Pohjois', 'Sata', 'kunta']],
  ])('%s %s', (word, structure, baseform, parts) => {
    expect(partsFromStructure(word, structure, baseform)).toEqual(parts);
  });
});
