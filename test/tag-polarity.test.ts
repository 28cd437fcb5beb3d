import { describe, expect, it } from 'vitest';
import { defaultRules } from '../src/io/read-rules.js';
import { parseMarkdown } from '../src/parse/markdown.js';
import { segmentDocument } from '../src/segment/segment.js';
import { type ParagraphTagging, tagParagraph } from '../src/tag/paragraph.js';
import { sentenceCues, sentenceTokens } from '../src/tag/polarity.js';
import { sectionLean } from '../src/tag/section.js';
import { coding } from './fixtures/coding.js';

const rules = defaultRules();
const cues = (text: string, lang: 'fi' | 'sv' = 'fi') => sentenceCues(sentenceTokens(text), rules[lang]);

/** The sentence's point: its cues outside background clauses (before a contrast, inside a concession). */
function polarity(text: string, lang: 'fi' | 'sv' = 'fi'): number {
  return cues(text, lang)
    .events.filter((e) => !e.background)
    .reduce((n, e) => n + e.direction * e.weight, 0);
}

describe('sentenceCues', () => {
  // [sentence, lang, expected sign: '+' > 0, '-' < 0, '0' = 0, '>=0']
  it.each([
    ['Yhteistyö sujui hyvin.', 'fi', '+'],
    ['Hanke onnistui erinomaisesti.', 'fi', '+'],
    ['Yhteistyö ei toiminut.', 'fi', '-'],
    ['Hanke ei onnistunut.', 'fi', '-'],
    ['Hanke viivästyi.', 'fi', '-'],
    ['Kunnat eivät olleet halukkaita sitoutumaan.', 'fi', '-'],
    ['Toimittaja ei vastannut viesteihin.', 'fi', '-'], // a bare negated verb: mild trouble
    ['Hankkeessa ei ollut ongelmia.', 'fi', '+'], // negated problem
    ['Ilman viiveitä hanke eteni.', 'fi', '+'],
    ['Paperilomakkeita ei enää tarvita.', 'fi', '+'], // "ei enää": no longer needed
    ['Hanke ei vain säästänyt aikaa vaan myös paransi palvelua.', 'fi', '+'], // "ei vain ... vaan myös"
    ['Lisää resursseja olisi tarvittu.', 'fi', '-'], // counterfactual: something was missing
    // contrast: the clause after "mutta" weighs more
    ['Alku oli vaikea, mutta lopulta kaikki sujui hyvin.', 'fi', '+'],
    ['Alku sujui hyvin, mutta lopulta kaikki viivästyi pahasti ja hanke epäonnistui.', 'fi', '-'],
    ['Vaikka alku oli vaikea, yhteistyö sujui hyvin.', 'fi', '+'],
    // negation stops at a clause boundary
    ['Yhteistyö ei toiminut, ja päätökset viivästyivät.', 'fi', '-'],
    // descriptive: no cue at all
    ['Hankkeen kokonaisbudjetti oli 124 970 euroa.', 'fi', '0'],
    ['Ohjausryhmään kuuluivat kuntien edustajat.', 'fi', '0'],
    // Swedish
    ['Samarbetet fungerade bra.', 'sv', '+'],
    ['Projektet lyckades väl.', 'sv', '+'],
    ['Leverantören levererade inte i tid.', 'sv', '-'],
    ['Det fanns inga problem.', 'sv', '+'],
    ['Samarbetet fungerade inte, och det var svårt att komma överens.', 'sv', '-'],
  ] as const)('%j (%s) → %s', (text, lang, sign) => {
    const v = polarity(text, lang);
    if (sign === '+') expect(v).toBeGreaterThan(0);
    else if (sign === '-') expect(v).toBeLessThan(0);
    else expect(v).toBe(0);
  });

  // Finnish puts the negated existential after the problem word: "Ongelmia ei ollut" (there were no
  // problems) denies the problem.
  it.each([
    ['Ongelmia ei ollut.'],
    ['Viiveitä ei ollut.'],
    ['Suurempia ongelmia ei hankkeen aikana ilmennyt.'],
  ])('%j → ≥ 0 (problem word before the negator)', (text) => {
    expect(polarity(text)).toBeGreaterThanOrEqual(0);
  });

  it('names the cues that fired, and what kind each is', () => {
    expect(cues('Hanke ei onnistunut.').events.map((e) => [e.kind, e.label])).toEqual([
      ['negated-pos', 'ei= + onnistua'],
    ]);
    expect(cues('Yhteistyö sujui hyvin.').events.map((e) => e.kind)).toContain('pos');
  });

  it('makes the clause before "mutta" background', () => {
    const events = cues('Alku oli vaikea, mutta lopulta kaikki sujui hyvin.').events;
    expect(events.find((e) => e.label === 'vaikea')?.background).toBe(true);
    expect(events.find((e) => e.label === 'sujua')?.background).toBe(false);
  });

  it.each([
    ['Kyselyn tulokset ovat liitteenä 3.', 'record'],
    ['Tavoitteena on, että palvelut otetaan käyttöön ensi vuonna.', 'goal'],
    ['Kuntien kannattaa varata aikaa käyttäjien perehdyttämiseen.', 'recommendation'],
    ['Jälkikäteen tekisimme määrittelyn toisin.', 'hindsight'],
  ] as const)('%j is flagged %s', (text, flag) => {
    expect(cues(text)[flag]).toBe(true);
  });

  it('reads "huomattavasti" as no form of huomata, and "tekemättä" as something left undone', () => {
    expect(cues('Käsittelyaika lyheni huomattavasti.').events.map((e) => e.label)).not.toContain('huomata');
    expect(cues('Osa selvityksistä jäi tekemättä.').events.map((e) => e.direction)).toEqual([-1]);
    expect(cues('Sääolosuhteista huolimatta tilaisuus pidettiin.').events).toEqual([]);
  });
});

describe('sectionLean', () => {
  it.each([
    [['3.2. Ohjaus ja riskien hallinta', '3.2.1. Toteutuneet riskit'], -1, false],
    [['7. Onnistumiset ja oppimiset hankkeessa'], 1, false],
    [['6. Toteutuneet kustannukset', 'Henkilöstökustannukset'], 0, true],
    [['1. Tiivistelmä'], 0, false],
    [[], 0, false],
  ])('%j → lean %d, descriptive %s', (section, lean, descriptive) => {
    expect(sectionLean(section, rules)).toMatchObject({ lean, descriptive });
  });

  it('reads only the two innermost headings', () => {
    expect(
      sectionLean(['3.2.1. Toteutuneet riskit', 'Henkilöresurssin kohdennus', 'Kuntien Tiera'], rules).lean,
    ).toBe(0);
  });
});

// ---- tagging through the default codebook ----------------------------------------------------------------

const context = await coding();

/** Tags every paragraph of a small markdown report; `heading` puts the paragraphs under a section. */
function tag(paragraph: string, heading = '## 3. Hankkeen toteutus'): ParagraphTagging {
  const doc = parseMarkdown(`${heading}\n\n${paragraph}\n`, 'r', 'r.md');
  const [segment] = segmentDocument(doc);
  if (!segment) throw new Error('no segment');
  return tagParagraph(segment, context);
}

function codes(paragraph: string, heading?: string): string[] {
  return tag(paragraph, heading).codings.map((c) => c.code);
}

describe('tagParagraph with the default codebook: polarity decides between codes of one topic', () => {
  it.each([
    ['Yhteistyö naapurikuntien kanssa sujui erinomaisesti.', 'success.cooperation'],
    [
      'Kuntien välinen yhteistyö oli hedelmällistä ja verkosto jatkaa toimintaansa hankkeen jälkeen.',
      'success.cooperation',
    ],
    [
      'Hankekuntien yhteistyö sujui hyvin, ja kokemuksia jaettiin avoimesti kaikkien kesken.',
      'success.cooperation',
    ],
    ['Kunnat eivät olleet halukkaita sitoutumaan yhteisiin tavoitteisiin.', 'challenge.cooperation'],
    ['Yhteistyö naapurikuntien kanssa oli vaikeaa, koska kunnat eivät sitoutuneet.', 'challenge.cooperation'],
    [
      'Osa kunnista ei sitoutunut hankkeeseen, eikä yhteisiä ratkaisuja saatu aikaan.',
      'challenge.cooperation',
    ],
    [
      'Samarbetet mellan kommunerna fungerade mycket bra och nätverket kommer att fortsätta efter projektet.',
      'success.cooperation',
    ],
  ])('%j → %s', (paragraph, code) => {
    const got = codes(paragraph);
    expect(got).toContain(code);
    const opposite = code.startsWith('success.')
      ? code.replace('success.', 'challenge.')
      : code.replace('challenge.', 'success.');
    expect(got).not.toContain(opposite);
  });

  it('codes one paragraph by what each sentence says, keeping the matches that fired', () => {
    const t = tag(
      'Yhteistyö naapurikuntien kanssa sujui erinomaisesti. Hankkeen budjetti oli 124 970 euroa.',
    );
    const coding = t.codings.find((c) => c.code === 'success.cooperation');
    expect(coding).toBeDefined();
    expect(coding?.matches).toContain('term:yhteistyö');
    expect(coding?.matches.some((m) => m.startsWith('cue:+'))).toBe(true);
    expect(coding?.polarity).toBe('success');
    expect(coding?.theme).toBe('cooperation');
    expect(coding?.section).toBe('3. Hankkeen toteutus');
    expect(coding?.text).toBe(t.segment.text);
    expect(t.sentences).toHaveLength(2);
    // The budget sentence carries no theme evidence.
    expect(t.sentences[1]?.themes).toEqual([]);
  });

  // More success terms than challenge terms must not outweigh what the sentence says.
  it('a negative sentence goes to the challenge code even when the success code has more terms', () => {
    const got = codes('Yhteistyö naapurikuntien verkostossa ei toiminut.');
    expect(got).toContain('challenge.cooperation');
    expect(got).not.toContain('success.cooperation');
  });

  it('a section heading does not overturn a sentence that says cooperation did not work', () => {
    const got = codes(
      'Yhteistyö naapurikuntien kanssa ei toiminut toivotulla tavalla.',
      '## 2. Hankkeen tulokset',
    );
    expect(got).toContain('challenge.cooperation');
    expect(got).not.toContain('success.cooperation');
  });
});

describe('tagParagraph with the default codebook: descriptive text gets no code', () => {
  it.each([
    ['Hankkeen kokonaisbudjetti oli 124 970 euroa, josta henkilöstökustannukset olivat 72 353 euroa.'],
    ['Ohjausryhmään kuuluivat kaikkien hankekuntien kunnanjohtajat sekä hankekoordinaattori.'],
    ['Ohjausryhmä kokoontui hankkeen aikana kahdeksan kertaa.'],
    ['Hanke toteutettiin 1.6.2020–30.11.2021.'],
    ['Hankkeen loppuseminaari järjestettiin kaupungintalolla marraskuussa.'],
  ])('%j → no code', (paragraph) => {
    expect(codes(paragraph)).toEqual([]);
  });

  it('gives no code to budget lines under a costs heading', () => {
    expect(
      codes(
        'Palvelujen ostot: 51 624 €, josta asiantuntijapalvelut 39 161 €.',
        '## 6. Toteutuneet kustannukset',
      ),
    ).toEqual([]);
  });
});

describe('tagParagraph: codings', () => {
  it('carries the paragraph position and id', () => {
    const doc = parseMarkdown(
      '# Raportti\n\nJohdanto.\n\nYhteistyö naapurikuntien kanssa sujui erinomaisesti.\n',
      'r',
      'r.md',
    );
    const segment = segmentDocument(doc)[1];
    if (!segment) throw new Error('no segment');
    const [first] = tagParagraph(segment, context).codings;
    expect(first).toMatchObject({
      report: 'r',
      segment: segment.id,
      start: segment.start,
      end: segment.end,
      startLine: 5,
      endLine: 5,
    });
  });

  it('applies the threshold, and every coding carries its confidence', () => {
    const doc = parseMarkdown('Yhteistyö naapurikuntien kanssa sujui erinomaisesti.', 'r', 'r.md');
    const segment = segmentDocument(doc)[0];
    if (!segment) throw new Error('no segment');
    const [c] = tagParagraph(segment, context).codings;
    expect(c?.confidence).toBeGreaterThanOrEqual(context.model.threshold);
    expect(c?.confidence).toBeLessThanOrEqual(1);
    expect(tagParagraph(segment, { ...context, threshold: 0.999 }).codings).toEqual([]);
  });
});
