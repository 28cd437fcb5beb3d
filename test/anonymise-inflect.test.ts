// Finnish case forms are generated from nominatives by rule (gradation, -nen, -i/-e stems, long vowels),
// read back with their case, and turned into placeholders in the same case.
import { describe, expect, it } from 'vitest';
import { gazetteer } from '../src/anonymise/gazetteer.js';
import { demonymsOf, formsOf } from '../src/anonymise/inflect.js';
import { placeholder } from '../src/anonymise/operators.js';

const FORMS: [string, string, string][] = [
  // nominative, inflected form, case
  ['Kankaanpää', 'kankaanpäässä', 'iness'],
  ['Kankaanpää', 'kankaanpäähän', 'ill'],
  ['Lahti', 'lahdessa', 'iness'],
  ['Lahti', 'lahteen', 'ill'],
  ['Turku', 'turussa', 'iness'],
  ['Turku', 'turkuun', 'ill'],
  ['Siikainen', 'siikaisissa', 'iness'],
  ['Siikainen', 'siikaisten', 'gen'],
  ['Pori', 'porissa', 'iness'],
  ['Helsinki', 'helsingissä', 'iness'],
  ['Espoo', 'espooseen', 'ill'],
  ['Kuopio', 'kuopiossa', 'iness'],
  ['Hämeenlinna', 'hämeenlinnassa', 'iness'],
  ['Jyväskylä', 'jyväskylässä', 'iness'],
  ['Pomarkku', 'pomarkkuun', 'ill'],
  ['Pomarkku', 'pomarkun', 'gen'],
  ['Jämijärvi', 'jämijärvellä', 'adess'],
  ['Honkajoki', 'honkajoella', 'adess'],
  ['Pihtipudas', 'pihtiputaalla', 'adess'],
  ['Kannus', 'kannuksessa', 'iness'],
  ['Heinävesi', 'heinävedellä', 'adess'],
  ['Punkalaidun', 'punkalaitumella', 'adess'],
  ['Outokumpu', 'outokummussa', 'iness'],
  ['Satakunta', 'satakunnan', 'gen'],
  ['Harjavalta', 'harjavallassa', 'iness'],
  ['Virrat', 'virroilla', 'adess'],
  ['Tampere', 'tampereella', 'adess'],
  ['Loppi', 'lopella', 'adess'],
  ['Juuka', 'juuassa', 'iness'],
  ['Virtanen', 'virtaselle', 'allat'],
  ['Puputti', 'puputin', 'gen'],
  ['Aarnikukko', 'aarnikukon', 'gen'],
];

describe('Finnish case forms from a nominative', () => {
  it.each(FORMS)('%s → %s (%s)', (nominative, form, c) => {
    expect(formsOf(nominative).get(form)?.case).toBe(c);
  });

  it('reads both parts of Uusikaupunki and Uusimaa', () => {
    const lex = gazetteer().lexicon;
    expect(lex.lookup('Uudessakaupungissa')[0]?.value.name).toBe('Uusikaupunki');
    expect(lex.lookup('Uudellamaalla')[0]?.infl.case).toBe('adess');
  });

  it('derives residents and reads them inflected', () => {
    expect(demonymsOf('Kankaanpää')).toContain('kankaanpääläinen');
    expect(demonymsOf('Lahti')).toContain('lahtelainen');
    expect(demonymsOf('Siikainen')).toContain('siikaislainen');
    const hit = gazetteer().lexicon.lookup('pomarkkulaisille')[0];
    expect(hit?.value).toMatchObject({ name: 'Pomarkku', demonym: true });
    expect(hit?.infl).toEqual({ case: 'allat', number: 'pl' });
  });

  it('knows Swedish and Finnish names as one municipality', () => {
    const lex = gazetteer().lexicon;
    for (const [a, b] of [
      ['Närpes', 'Närpiö'],
      ['Korsholm', 'Mustasaari'],
      ['Raseborg', 'Raasepori'],
      ['Borgå', 'Porvoo'],
    ]) {
      expect(lex.lookup(a as string)[0]?.value.id).toBe(lex.lookup(b as string)[0]?.value.id);
    }
    expect(lex.lookup('Honkajoella')[0]?.value.kind).toBe('municipality');
  });
});

describe('placeholders keep the case', () => {
  it.each([
    ['kunta', 'iness', undefined, '[kunnassa]'],
    ['kunta', 'gen', undefined, '[kunnan]'],
    ['kunta', 'ill', undefined, '[kuntaan]'],
    ['kunta', 'iness', 'A', '[kunta A:ssa]'],
    ['kunta', 'ill', 'B', '[kunta B:hen]'],
    ['henkilö', 'allat', undefined, '[henkilölle]'],
    ['yritys', 'ablat', undefined, '[yritykseltä]'],
    ['alue', 'iness', undefined, '[alueella]'],
    ['hanke', 'iness', undefined, '[hankkeessa]'],
  ] as const)('%s %s %s → %s', (noun, c, letter, expected) => {
    expect(placeholder(noun, { case: c, number: 'sg' }, 'fi', letter)).toBe(expected);
  });

  it('writes Swedish placeholders', () => {
    expect(placeholder('kunta', { case: 'nom', number: 'sg' }, 'sv')).toBe('[kommunen]');
    expect(placeholder('kunta', { case: 'nom', number: 'sg' }, 'sv', 'A')).toBe('[kommun A]');
    expect(placeholder('kunta', { case: 'gen', number: 'sg' }, 'sv', 'A')).toBe('[kommun A:s]');
  });
});
