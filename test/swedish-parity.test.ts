// A Swedish paragraph gets the code its Finnish counterpart gets: the same findings, said in the other
// national language, must count the same. Pairs written for this test (not from any gold file).
import { describe, expect, it } from 'vitest';
import { predict } from '../src/eval/evaluate.js';
import { coding } from './fixtures/coding.js';

const context = await coding();

const pairs: [string, string, string][] = [
  [
    'success.participation',
    'Invånarenkäten fick över 500 svar, och invånarnas synpunkter togs med i planeringen av servicenätet.',
    'Asukaskyselyyn tuli yli 500 vastausta, ja asukkaiden näkemykset otettiin mukaan palveluverkon suunnitteluun.',
  ],
  [
    'success.understanding',
    'Utbildningarna gav personalen en klarare bild av vad digitala verktyg kan betyda i det dagliga arbetet.',
    'Koulutukset antoivat henkilöstölle selkeämmän kuvan siitä, mitä digitaaliset työvälineet voivat merkitä arjen työssä.',
  ],
  [
    'success.efficiency',
    'Tack vare e-tjänsten behöver ansökningarna inte längre matas in manuellt, vilket sparar flera arbetstimmar i veckan.',
    'Sähköisen palvelun ansiosta hakemuksia ei enää tarvitse syöttää käsin, mikä säästää useita työtunteja viikossa.',
  ],
  [
    'success.cooperation',
    'Samarbetet mellan kommunerna fungerade mycket bra och nätverket fortsätter efter projektet.',
    'Yhteistyö kuntien välillä toimi erittäin hyvin, ja verkosto jatkaa toimintaansa hankkeen jälkeen.',
  ],
  [
    'challenge.cooperation',
    'En av partnerkommunerna drog sig ur projektet och engagemanget hos de övriga var svagt.',
    'Yksi kumppanikunnista vetäytyi hankkeesta, ja muiden sitoutuminen oli heikkoa.',
  ],
  [
    'challenge.staffing',
    'Projektledaren sade upp sig mitt under projektet och rekryteringen av en efterträdare drog ut på tiden.',
    'Projektipäällikkö irtisanoutui kesken hankkeen, ja seuraajan rekrytointi venyi.',
  ],
  [
    'challenge.vendors',
    'Leverantören höll inte tidtabellen och integrationen levererades ett halvt år försenad.',
    'Toimittaja ei pitänyt aikataulua, ja integraatio toimitettiin puoli vuotta myöhässä.',
  ],
  [
    'challenge.mismatch',
    'De nationella kraven passar dåligt för en liten kommun, och systemet kunde inte anpassas till våra arbetssätt.',
    'Valtakunnalliset vaatimukset sopivat huonosti pienelle kunnalle, eikä järjestelmää voitu sovittaa toimintatapoihimme.',
  ],
];

/** How far apart the two languages' confidences in the code may be: the same finding, the same weight. */
const PARITY = 0.25;

describe('Swedish and Finnish get the same codes', () => {
  it.each(pairs)('%s', (code, sv, fi) => {
    const s = predict({ id: 'sv', code, text: sv }, context);
    const f = predict({ id: 'fi', code, text: fi }, context);
    expect(s.top).toBe(code);
    expect(f.top).toBe(code);
    expect(Math.abs((s.confidences[code] ?? 0) - (f.confidences[code] ?? 0))).toBeLessThanOrEqual(PARITY);
  });

  it('codes most pairs in both languages at the model threshold', () => {
    const both = pairs.filter(([code, sv, fi]) =>
      [sv, fi].every((text) => predict({ id: 'x', code, text }, context).predicted === code),
    );
    expect(both.length).toBeGreaterThanOrEqual(pairs.length - 2);
  });
});
