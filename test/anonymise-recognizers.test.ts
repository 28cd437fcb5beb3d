// One table per recognizer kind of issue 11, each case in a different case form or position (sentence
// start, after a colon, in a heading, at a line start): input → anonymised text. Then the resolver (a firm
// holding an allow-listed word goes whole) and the operators (placeholder, numbered, redact, keep).
import { describe, expect, it } from 'vitest';
import { emptyIdentifiers, REGISTRY } from '../src/anonymise/index.js';
import { defaultAnonymiser } from './fixtures/anonymise/measure.js';

const anonymiser = defaultAnonymiser();
const quote = (text: string) => anonymiser.anonymise(text, emptyIdentifiers('t')).text;
const report = (text: string) => anonymiser.anonymiseReport('t', text).text;

const TABLES: Record<string, [string, string][]> = {
  'vendors, acronyms, products': [
    ['Järjestelmän toimitti Tietoevry.', 'Järjestelmän toimitti [yritys].'],
    ['Tietoevryn kanssa sovittiin jatkosta.', '[Yrityksen] kanssa sovittiin jatkosta.'],
    ['Integraation teki CGI.', 'Integraation teki [yritys].'],
    ['CGI:n aikataulu venyi.', '[Yrityksen] aikataulu venyi.'],
    ['Tarjouksen jätti myös QXT.', 'Tarjouksen jätti myös [taho].'],
    ['Asiointi siirtyi Kokousväylään.', 'Asiointi siirtyi [tahoon].'],
  ],
  'firms holding an allow-listed word': [
    ['Työn teki Visma Finland Oyj.', 'Työn teki [yritys].'],
    ['Koulutuksen piti Lakeus IT Ky:n kouluttaja.', 'Koulutuksen piti [yrityksen] kouluttaja.'],
  ],
  'project codes': [
    ['Hankenumero S21987 on rahoittajan.', 'Hankenumero [hanketunnus] on rahoittajan.'],
    ['Päätös Dnro VM/2291/2021 annettiin.', 'Päätös Dnro [hanketunnus] annettiin.'],
  ],
  'places, villages, institutions, hashtags': [
    ['Kuhmoisissa järjestettiin kaksi tilaisuutta.', '[Kunnassa] järjestettiin kaksi tilaisuutta.'],
    ['Palautetta saatiin Ylläsjärveltä.', 'Palautetta saatiin [paikkakunnalta].'],
    ['Kokeilu tehtiin Hoiskon kylässä.', 'Kokeilu tehtiin [paikkakunnan] kylässä.'],
    ['Työpaja pidettiin Saarikoski-salissa.', 'Työpaja pidettiin [laitoksessa].'],
    ['Opiskelijat tulivat Centriasta.', 'Opiskelijat tulivat [laitoksesta].'],
    ['Kuvia jaettiin tunnisteella #KuntaDigi2022.', 'Kuvia jaettiin tunnisteella [aihetunniste].'],
  ],
  'residents, also -niemi, -järvi, -lahti and Swedish -bor': [
    ['Palvelu avattiin rovaniemeläisille.', 'Palvelu avattiin [kuntalaisille].'],
    ['Kemijärveläisten palaute oli myönteistä.', '[Kuntalaisten] palaute oli myönteistä.'],
    ['Myös lapinlahtelaiset osallistuivat.', 'Myös [kuntalaiset] osallistuivat.'],
    ['Kyselyyn vastasi etelä-karjalaisia.', 'Kyselyyn vastasi [kuntalaisia].'],
    ['Tjänsten uppskattades av jakobstadsborna.', 'Tjänsten uppskattades av [kommuninvånarna].'],
  ],
  'persons in every position': [
    ['Kallioniemi Riikka, projektipäällikkö', '[Henkilö], projektipäällikkö'],
    ['Pesonen kertoi tuloksista.', '[Henkilö] kertoi tuloksista.'],
    ['Yhteyshenkilö: Tuula Rantanen', 'Yhteyshenkilö: [henkilö]'],
    ['## Kiitokset Hannu Väisäselle', '## Kiitokset [henkilölle]'],
    ['- Lehtola Mikko (tietohallinto)', '- [Henkilö] (tietohallinto)'],
    ['Ohjeet laati Ahmed Warsame.', 'Ohjeet laati [henkilö].'],
    ['Olga Smirnova vastasi asiakaspalvelusta.', '[Henkilö] vastasi asiakaspalvelusta.'],
  ],
  'contacts and codes': [
    ['Sähköposti: etunimi.sukunimi(at)kunta.fi', 'Sähköposti: [sähköpostiosoite]'],
    ['Kirjoita osoitteeseen hanke [at] kunta [dot] fi.', 'Kirjoita osoitteeseen [sähköpostiosoite].'],
    // Every written-out "@" of words.yaml, also one the e-mail pattern's quick test once left out.
    ['Palaute: etunimi.sukunimi(miukumauku)kunta.fi', 'Palaute: [sähköpostiosoite]'],
    ['Palaute: etunimi.sukunimi(at-merkki)kunta.fi', 'Palaute: [sähköpostiosoite]'],
    ['Toimisto: Vapaudenkatu 6 A 3, 98100 Kemijärvi.', 'Toimisto: [osoite].'],
    ['Toimisto: Pohjolan katu 12.', 'Toimisto: [osoite].'],
    ['Työpajat pidettiin Ounaskadulla.', 'Työpajat pidettiin [kadulla].'],
    ['Laskujen postinumero on 96100.', 'Laskujen postinumero on [postinumero].'],
    ['Tili FI21 1234 5600 0007 85 suljettiin.', 'Tili [tilinumero] suljettiin.'],
    ['Tunnus 010180-123A poistettiin.', 'Tunnus [henkilötunnus] poistettiin.'],
    ['Hankkeeseen osallistui 12500 asukasta.', 'Hankkeeseen osallistui 12500 asukasta.'],
  ],
};

describe.each(Object.entries(TABLES))('%s', (_, cases) => {
  it.each(cases)('%s', (input, expected) => {
    expect(quote(input)).toBe(expected);
  });
});

describe('what a report teaches its own text', () => {
  it('finds the project name inflected, its head word inflected and its acronym in a compound', () => {
    const text = [
      '# Lapin asiointipalvelujen digihanke (LAPDIGI)',
      '',
      'Lapin asiointipalvelujen digihankkeessa kokeiltiin etäpalvelua. LAPDIGI-Palveluväylän kautta asioitiin.',
    ].join('\n');
    expect(report(text)).toBe(
      ['# [Hanke] ([hanke])', '', '[Hankkeessa] kokeiltiin etäpalvelua. [Palvelun] kautta asioitiin.'].join(
        '\n',
      ),
    );
  });

  // A text report without a title opens with prose: its first line names no project. Taking "hankkeen" of
  // such a line (a one-line hostile file) for the project's name redacted the quotes of every report.
  it.each([
    [
      'a title-less line of prose',
      'hankkeen yhteistyö kuntien kanssa sujui hyvin mutta aikataulu viivästyi, '.repeat(30),
    ],
    ['a first sentence', 'Hanke eteni suunnitellusti ja yhteistyö sujui hyvin.\n\nToinen kappale.'],
    ['a title whose only name is the word "hanke"', '# Hankkeen loppuraportti\n\nHanke eteni hyvin.'],
  ])('takes no project name from %s', (_, text) => {
    const fresh = defaultAnonymiser();
    expect(fresh.scanReport('t', text).projectNames).toEqual([]);
    expect(fresh.inventory()).toEqual([]);
  });

  it('finds a name written at a sentence start when the report also writes it in mid-sentence', () => {
    expect(report('Kokousväylä otettiin käyttöön, ja Kokousväylän pöytäkirjat julkaistiin.')).toBe(
      '[Taho] otettiin käyttöön, ja [tahon] pöytäkirjat julkaistiin.',
    );
  });
});

describe('resolver and operators', () => {
  it('has one recognizer per entity kind in the registry, each named', () => {
    const names = REGISTRY.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    const kinds = new Set(REGISTRY.flatMap((r) => r.entities));
    for (const k of ['email', 'phone', 'iban', 'identity-code', 'address', 'postcode', 'hashtag', 'person'])
      expect(kinds).toContain(k);
  });

  it('applies an operator per entity kind: redact, keep, numbered', () => {
    const text = 'Kuhmoisissa Pesonen soitti numeroon 040 123 4567.';
    const ids = emptyIdentifiers('o');
    expect(anonymiser.anonymise(text, ids, { operators: { phone: 'redact' } }).text).toBe(
      '[Kunnassa] [henkilö] soitti numeroon […].',
    );
    expect(anonymiser.anonymise(text, ids, { operators: { municipality: 'keep' } }).text).toBe(
      'Kuhmoisissa [henkilö] soitti numeroon [puhelinnumero].',
    );
    expect(anonymiser.anonymise(text, ids, { numbered: true }).text).toBe(
      '[Kunta A:ssa] [henkilö A] soitti numeroon [puhelinnumero].',
    );
  });

  it('capitalises a placeholder at a sentence start, a line start and in a heading, not after a colon', () => {
    expect(quote('Hanke alkoi. Kuhmoisissa oli hiljaista.')).toBe('Hanke alkoi. [Kunnassa] oli hiljaista.');
    expect(quote('## Kuhmoinen\n- Kuhmoisissa: kaksi')).toBe('## [Kunta]\n- [Kunnassa]: kaksi');
    expect(quote('Paikka: Kuhmoinen')).toBe('Paikka: [kunta]');
  });
});
