// Quote-level behaviour, table style: input sentence → anonymised sentence.
import { describe, expect, it } from 'vitest';
import { emptyIdentifiers } from '../src/anonymise/index.js';
import { defaultAnonymiser } from './fixtures/anonymise/measure.js';

const anonymiser = defaultAnonymiser();
const ids = emptyIdentifiers('quotes');

const CASES: [string, string][] = [
  ['Kankaanpäässä teetettiin uudet pohjat.', '[Kunnassa] teetettiin uudet pohjat.'],
  ['Palautetta tuli Kankaanpäähän ja Pomarkkuun.', 'Palautetta tuli [kuntaan] ja [kuntaan].'],
  ['Koulutuksen piti kankaanpääläinen Pauli Pukaralammi.', 'Koulutuksen piti [kuntalainen] [henkilö].'],
  ['Kiitos Virtaselle ja Korhosen tiimille.', 'Kiitos [henkilölle] ja [henkilön] tiimille.'],
  ['Auditoinnin teki Aarnikukko Oy:n asiantuntija.', 'Auditoinnin teki [yrityksen] asiantuntija.'],
  [
    'Lisätietoja: digihanke@kankaanpaa.fi tai 040 123 4567.',
    'Lisätietoja: [sähköpostiosoite] tai [puhelinnumero].',
  ],
  ['Y-tunnus on 1234567-8.', 'Y-tunnus on [y-tunnus].'],
  ['Työ tehtiin Pohjois-Satakunnan alueella.', 'Työ tehtiin [alueen] alueella.'],
  ['Hanke käytti Teamsia ja DVV:n palveluita.', 'Hanke käytti Teamsia ja DVV:n palveluita.'],
  ['Toivo on, että Onni ja Usko jatkavat.', 'Toivo on, että [henkilö] ja [henkilö] jatkavat.'],
  ['Yhteistyö Trimblen kanssa sujui.', 'Yhteistyö [tahon] kanssa sujui.'],
  [
    'Projektet i Närpes och Korsholms kommun var lyckat.',
    'Projektet i [kommunen] och [kommunen] var lyckat.',
  ],
];

describe('anonymising quotes', () => {
  it.each(CASES)('%s', (input, expected) => {
    expect(anonymiser.anonymise(input, ids).text).toBe(expected);
  });

  it('keeps unknown capitalised words when fail-closed is off', () => {
    expect(anonymiser.anonymise('Yhteistyö Trimblen kanssa sujui.', ids, { failClosed: false }).text).toBe(
      'Yhteistyö Trimblen kanssa sujui.',
    );
  });

  // Voikko only ever adds names (issue 11): a callback calling a word ordinary ('other') no longer keeps a
  // capitalised mid-sentence word the rules replace (before, "Zyxwv" stayed); one calling it a person adds.
  it('uses a Voikko-like proper-noun callback only to add names, never to keep one', async () => {
    const { createAnonymiser } = await import('../src/anonymise/index.js');
    const other = createAnonymiser(
      { terms: [] },
      { properNoun: (w) => (w === 'Zyxwv' ? 'other' : undefined) },
    );
    expect(other.anonymise('Yhteistyö Zyxwv kanssa ja Trimblen kanssa.', ids).text).toBe(
      'Yhteistyö [taho] kanssa ja [tahon] kanssa.',
    );
    const person = createAnonymiser(
      { terms: [] },
      { properNoun: (w) => (w === 'Qwerty' ? 'person' : undefined) },
    );
    expect(person.anonymise('Hyvin meni. Qwerty kertoi tuloksista.', ids).text).toBe(
      'Hyvin meni. [Henkilö] kertoi tuloksista.',
    );
  });
});
