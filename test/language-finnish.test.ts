import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultRules } from '../src/io/read-rules.js';
import { detectLanguage } from '../src/language/detect.js';
import { finnishStems, strengthen, weaken } from '../src/language/finnish.js';
import { foldUmlauts, showsUmlautLoss } from '../src/language/fold.js';
import { type MatchLanguage, PatternMatcher } from '../src/language/matcher.js';
import { parsePattern } from '../src/language/pattern.js';
import { tokenize } from '../src/language/tokens.js';

const repoRoot = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const seed = (name: string) => path.resolve(repoRoot, '../shared/seeds', name);
const SEED_001 = seed('001_final_report_pohjois_satakunta.md');
const SEED_003 = seed('003_discussion_paper_ocr.txt');
const seedsPresent = existsSync(SEED_001) && existsSync(SEED_003);
if (!seedsPresent)
  console.warn('Seeds 001/003 not found in ../shared/seeds: skipping the umlaut-loss tests on them.');

const rules = defaultRules();

/** Whether a one-pattern matcher for `term` finds it in `text` (theme terms: lemmas over two letters inflect). */
function matches(term: string, text: string, lang: MatchLanguage = 'fi', fold = false): boolean {
  const p = parsePattern(term);
  if (!p.ok) throw new Error(p.reason);
  const endings = lang === 'fi' ? rules.fi.endings : undefined;
  const matcher = new PatternMatcher([{ key: 'k', pattern: p.pattern }], lang, endings, 2);
  return matcher.find(tokenize(text), { fold }).length > 0;
}

describe('PatternMatcher (Finnish): inflected forms and compounds match their lemma', () => {
  it.each([
    // consonant gradation nt → nn, plural stem kunti-/kunni-
    ['kunta', 'kunnan'],
    ['kunta', 'kunnissa'],
    ['kunta', 'kuntien'],
    ['kunta', 'kunnat'],
    ['kunta', 'kunnanjohtaja'], // a compound beginning with the genitive
    ['toimittaja', 'toimittajalta'],
    ['toimittaja', 'ohjelmistotoimittajien'], // compound head
    ['säästö', 'säästöjä'],
    ['säästö', 'kustannussäästöt'],
    ['henkilöstö', 'henkilöstövaihdokset'],
    ['palaute', 'palautteen'], // e-stem strong grade: palautte-
    ['palaute', 'palautejärjestelmien'],
    ['palaute', 'asiakaspalautteet'],
    ['yhteistyö', 'yhteistyössä'],
    ['yhteistyö', 'yhteistyökumppanit'],
    ['asukas', 'asukkaiden'], // -as: asukka-
    ['asukas', 'asukkaat'],
    ['sitoutuminen', 'sitoutumisen'], // -nen: sitoutumis-
    ['sitoutuminen', 'sitoutumista'],
    ['vaihtuvuus', 'vaihtuvuuden'],
    ['hanke', 'hankkeessa'], // nk → nkk
    ['hanke', 'hankkeen'],
    ['hanke', 'hankkeita'],
    ['Yhteistyö', 'YHTEISTYÖSSÄ'], // case does not matter
    ['ei sitoutunut', 'Kunta ei sitoutunut hankkeeseen'], // phrases: consecutive words
    ['tehost*', 'tehostaminen'], // a stem given by the author
    ['onnistua', 'onnistui'], // verbs: past, participles, passive, infinitives, verbal noun
    ['onnistua', 'onnistuneet'],
    ['onnistua', 'onnistumisen'],
    ['tehostaa', 'tehostettiin'],
    ['toimia', 'toiminut'], // -ia verbs read both ways (toimia, asia)
    ['tunnistaa', 'tunnistettiin'],
    ['olisi ~1 tarvittu', 'olisi ehkä tarvittu'], // a gap of up to one word
    ['*matta', 'jäi toteutumatta'], // a suffix
    ['# euroa', 'maksoi 12 000 euroa'], // any number
  ])('%s ⊃ %s', (lemma, form) => {
    expect(matches(lemma, form)).toBe(true);
  });
});

describe('PatternMatcher (Finnish): what must not match', () => {
  it.each([
    ['kunta', 'kun'], // Snowball's stem of kunta is the conjunction "kun"
    ['kunta', 'kuntoutus'],
    ['kunta', 'kunto'],
    ['työ', 'työntekijä'], // short lemmas match only themselves
    ['ei', 'eivät'],
    ['ei', 'eikä'],
    ['ja', 'jatko'],
    ['hanke', 'hankala'],
    ['säästö', 'sää'],
    ['palaute', 'palauttaa'],
    ['ei sitoutunut', 'ei ollut sitoutunut'], // phrase words must be consecutive
    ['toimittaja', 'toimi'],
    // Derivations are other words: the rest after the stem is no inflectional ending.
    ['kunta', 'kuntalaiset'],
    ['huomata', 'huomattavasti'], // an adverb
    ['ymmärtää', 'ymmärrettävää'], // a participial adjective
    ['toimittaa', 'toimittaja'], // an agent noun
    ['tunnistaa', 'tunnistautuminen'], // a reflexive verb
    ['olisi ~1 tarvittu', 'olisi ehkä vielä tarvittu'], // the gap is at most one word
  ])('%s ⊅ %s', (lemma, form) => {
    expect(matches(lemma, form)).toBe(false);
  });

  it.each([
    ['ei', 'ei'],
    ['ja', 'Ja'],
    ['työ', 'työ'],
  ])('short word %s matches only itself (%s)', (lemma, form) => {
    expect(matches(lemma, form)).toBe(true);
  });
});

describe('PatternMatcher (Swedish)', () => {
  it.each([
    ['samarbete', 'samarbetet', true],
    ['samarbete', 'samarbeten', true],
    ['leverantör', 'leverantören', true],
    ['leverantör', 'leverantörer', true],
    ['samarbete', 'samarbetsavtal', true], // a compound of samarbete
    ['leverantör', 'lever', false],
  ])('%s vs %s → %s', (lemma, form, expected) => {
    expect(matches(lemma, form, 'sv')).toBe(expected);
  });
});

describe('PatternMatcher: hits', () => {
  it('reports each hit with its token range, in token order', () => {
    const entry = (key: string, raw: string) => {
      const p = parsePattern(raw);
      if (!p.ok) throw new Error(p.reason);
      return { key, pattern: p.pattern };
    };
    const matcher = new PatternMatcher(
      [entry('coop', 'yhteistyö^2'), entry('neg', 'ei sitoutunut')],
      'fi',
      rules.fi.endings,
    );
    const hits = matcher.find(tokenize('Yhteistyö kuntien kanssa: kunta ei sitoutunut yhteistyöhön.'));
    expect(hits.map((h) => [h.entry.key, h.first, h.last])).toEqual([
      ['coop', 0, 0],
      ['neg', 4, 5],
      ['coop', 6, 6],
    ]);
  });
});

describe('PatternMatcher (Finnish): -us/-ys nouns after a vowel and rv → rp gradation', () => {
  it.each([
    ['kokous', 'kokouksessa'],
    ['kokous', 'kokoukset'],
    ['valmius', 'valmiuksia'], // plural stem valmiuksi-
    ['tarve', 'tarpeet'],
    ['tarve', 'tarpeisiin'],
  ])('%s ⊃ %s', (lemma, form) => {
    expect(matches(lemma, form)).toBe(true);
  });
});

// -us nouns of the valmius type (Kotus type 40: valmius, valmiuden, valmiutta, valmiuksia) match in both
// numbers through the stems valmiu- and valmiuks-.
describe('PatternMatcher (Finnish): singular forms of valmius-type nouns', () => {
  it.each([
    ['valmius', 'valmiuden'],
    ['valmius', 'valmiutta'],
    ['muutosvalmius', 'muutosvalmiutta'],
  ])('%s ⊃ %s', (lemma, form) => {
    expect(matches(lemma, form)).toBe(true);
  });
});

describe('finnishStems and gradation', () => {
  it.each([
    ['kunta', ['kunta', 'kunna', 'kunti', 'kunni']],
    ['palaute', ['palaute', 'palautte']],
    ['asukas', ['asukas', 'asukka', 'asuka']],
    ['sitoutuminen', ['sitoutuminen', 'sitoutumis']],
    ['vaihtuvuus', ['vaihtuvuus', 'vaihtuvuu']],
    ['sopimus', ['sopimus', 'sopimuks']],
    ['tehost*', ['tehost']],
  ])('finnishStems(%s) = %j', (lemma, stems) => {
    expect(finnishStems(lemma)).toEqual(stems);
  });

  it('never yields a stem shorter than three letters', () => {
    for (const lemma of ['kunta', 'tuki', 'hanke', 'sujua', 'tehostaa', 'tiimi', 'ala']) {
      for (const s of finnishStems(lemma)) expect(s.length).toBeGreaterThanOrEqual(3);
    }
  });

  it.each([
    ['kunt', 'kunn'],
    ['hank', 'hang'],
    ['tuk', 'tu'],
    ['lahd', 'lahd'], // nothing to weaken
  ])('weaken(%s) = %s', (stem, weak) => {
    expect(weaken(stem)).toBe(weak);
  });

  it.each([
    ['kunn', 'kunt'],
    ['palaut', 'palautt'],
    ['hankk', 'hankk'], // nothing to strengthen
  ])('strengthen(%s) = %s', (stem, strong) => {
    expect(strengthen(stem)).toBe(strong);
  });
});

describe('OCR umlaut folding', () => {
  it.each([
    ['hyödyntäen', 'hyodyntaen'],
    ['Åbo ÄÖ', 'Abo AO'],
    ['my6s', 'myos'], // the digit-for-ö confusion of OCR
    ['myéhemmin', 'myohemmin'],
    ['plain', 'plain'],
  ])('foldUmlauts(%s) = %s', (text, folded) => {
    expect(foldUmlauts(text)).toBe(folded);
  });

  it('keeps the length of the text (offsets stay true)', () => {
    const s = 'Yhteistyö sujui hyvin, myös säästöjä syntyi. Åbo 😀';
    expect(foldUmlauts(s)).toHaveLength(s.length);
  });

  it.each([
    ['yhteistyö', 'yhteistyossa'],
    ['yhteistyö', 'yhteisty6ssa'],
    ['säästö', 'saastoja'],
    ['kunta', 'kunnissa'],
  ])('with fold, %s matches the OCR form %s', (lemma, form) => {
    expect(matches(lemma, form, 'fi', true)).toBe(true);
    if (/[äö]/.test(lemma)) expect(matches(lemma, form, 'fi', false)).toBe(false);
  });

  it.each([
    ['Hyvä yhteistyö sujui hyvin.', false],
    ['my6s ilmi6', true], // short, no umlauts, digit-for-letter inside words
    ['', false],
  ])('showsUmlautLoss(%j) = %s', (text, expected) => {
    expect(showsUmlautLoss(text)).toBe(expected);
  });

  it.skipIf(!seedsPresent)('sees the umlaut loss of seed 003 (OCR) and none in seed 001', () => {
    expect(showsUmlautLoss(readFileSync(SEED_003, 'utf8'))).toBe(true);
    expect(showsUmlautLoss(readFileSync(SEED_001, 'utf8'))).toBe(false);
  });
});

describe('detectLanguage', () => {
  it.each([
    ['Hankkeen aikana kunnat kehittivät palveluita ja yhteistyö oli hyvää.', 'fi'],
    ['Projektet har varit en framgång och samarbetet mellan kommunerna var bra.', 'sv'],
    ['The project was a success and the municipalities were satisfied with the results.', 'en'],
    ['Digituki', 'fi'], // too short to tell: the fallback
  ])('%j → %s', (text, lang) => {
    expect(detectLanguage(tokenize(text), 'fi')).toBe(lang);
  });

  it('returns the fallback for a text too short to tell', () => {
    expect(detectLanguage(tokenize('Samarbete'), 'sv')).toBe('sv');
    expect(detectLanguage(tokenize(''), 'und')).toBe('und');
  });
});
