import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../src/parse/markdown.js';
import { parseText } from '../src/parse/text.js';
import { LineIndex } from '../src/positions.js';
import { cutSpan, MAX_PARAGRAPH_CHARS, MAX_SENTENCE_CHARS } from '../src/segment/bounds.js';
import { paragraphHash } from '../src/segment/paragraph-id.js';
import { headingNumbers } from '../src/segment/sections.js';
import { segmentDocument } from '../src/segment/segment.js';
import { splitSentences } from '../src/segment/sentences.js';
import type { Segment, SourceDocument } from '../src/types.js';

// ---- generators: markdown-ish and plain report text --------------------------------------------------

const word = fc.constantFrom(
  'hanke',
  'Hanke',
  'kunnissa',
  'Yhteistyö',
  'sujui',
  'hyvin',
  'äänestys',
  'Åbo',
  'samarbetet',
  'esim.',
  'mm.',
  'ns.',
  'n.',
  '2020–2021',
  '12,5',
  '€',
  '😀',
  '👍🏽',
  'DVV:n',
  'Suomi.fi-palvelut',
  '*tärkeä*',
  '**lihava**',
  '(sulkeissa)',
  '”lainaus”',
  'ei',
  'mutta',
);
const punct = fc.constantFrom('', '.', '.', '!', '?', ':', ',', '…');
const sentence = fc
  .tuple(fc.array(word, { minLength: 1, maxLength: 9 }), punct)
  .map(([words, p]) => words.join(' ') + p);
const proseLine = fc.array(sentence, { minLength: 1, maxLength: 3 }).map((s) => s.join(' '));
const line = fc.oneof(
  { weight: 6, arbitrary: proseLine },
  { weight: 1, arbitrary: proseLine.map((t) => `# ${t}`) },
  { weight: 1, arbitrary: proseLine.map((t) => `## ${t}`) },
  { weight: 1, arbitrary: proseLine.map((t) => `### ${t}`) },
  { weight: 1, arbitrary: fc.constantFrom('3.2.1. Toteutuneet riskit', '2 Tavoitteet', ' Koonnin toteutus') },
  { weight: 2, arbitrary: proseLine.map((t) => `- ${t}`) },
  { weight: 1, arbitrary: proseLine.map((t) => `• ${t}`) },
  { weight: 1, arbitrary: proseLine.map((t) => `  ${t}`) },
  { weight: 1, arbitrary: proseLine.map((t) => `> ${t}`) },
  { weight: 1, arbitrary: fc.constantFrom('Sisällys', 'Johdanto ........ 3', '| a | b |', '   ', '\t') },
  { weight: 3, arbitrary: fc.constant('') },
);
const eol = fc.constantFrom('\n', '\n', '\r\n', '\r');
/** A document: lines joined by a mix of \n, \r\n and lone \r. */
const reportText = fc
  .array(fc.tuple(line, eol), { maxLength: 25 })
  .map((parts) => parts.map(([l, e]) => l + e).join(''));

// ---- the invariants every segmentation must keep ------------------------------------------------------

function checkSegments(doc: SourceDocument, segments: Segment[]): void {
  const index = new LineIndex(doc.text);
  let previousEnd = 0;
  for (const p of segments) {
    expect(p.kind).toBe('paragraph');
    expect(doc.text.slice(p.start, p.end)).toBe(p.text);
    expect(p.startPoint).toEqual(index.point(p.start));
    expect(p.endPoint).toEqual(index.point(p.end));
    expect(p.text.trim()).not.toBe('');
    expect(p.start).toBeGreaterThanOrEqual(previousEnd);
    previousEnd = p.end;

    const sentences = p.sentences ?? [];
    let covered = p.start;
    sentences.forEach((s, j) => {
      expect(s.kind).toBe('sentence');
      expect(s.id).toBe(`${p.id}.s${j + 1}`);
      expect(doc.text.slice(s.start, s.end)).toBe(s.text);
      expect(s.startPoint).toEqual(index.point(s.start));
      expect(s.endPoint).toEqual(index.point(s.end));
      // Inside the paragraph, in order, not overlapping, trimmed, and nothing but white space between.
      expect(s.start).toBeGreaterThanOrEqual(covered);
      expect(s.end).toBeLessThanOrEqual(p.end);
      expect(s.end).toBeGreaterThan(s.start);
      expect(s.text).toBe(s.text.trim());
      expect(doc.text.slice(covered, s.start).trim()).toBe('');
      covered = s.end;
      expect(s.section).toEqual(p.section);
      expect(s.lang).toBe(p.lang);
    });
    expect(doc.text.slice(covered, p.end).trim()).toBe('');
    expect(sentences.length).toBeGreaterThan(0);

    // The section path ends with the label of the nearest heading before the paragraph.
    const heading = doc.blocks.filter((b) => b.kind === 'heading' && b.end <= p.start).at(-1);
    if (heading) expect(p.section.at(-1)).toBe(heading.label);
    else expect(p.section).toEqual([]);
  }
  expect(new Set(segments.map((s) => s.id)).size).toBe(segments.length);
}

describe('segmentDocument: offsets (property)', () => {
  it('keeps text, offsets and points true for markdown', () => {
    fc.assert(
      fc.property(reportText, (text) => {
        const doc = parseMarkdown(text, 'r', 'r.md');
        checkSegments(doc, segmentDocument(doc));
      }),
      { numRuns: 200 },
    );
  });

  it('keeps text, offsets and points true for plain text', () => {
    fc.assert(
      fc.property(reportText, (text) => {
        const doc = parseText(text, 'r', 'r.txt');
        checkSegments(doc, segmentDocument(doc));
      }),
      { numRuns: 200 },
    );
  });

  it('keeps splitSentences spans inside any string, trimmed and in order', () => {
    fc.assert(
      fc.property(fc.oneof(reportText, fc.string({ unit: 'grapheme', maxLength: 120 })), (text) => {
        let previousEnd = 0;
        for (const s of splitSentences(text)) {
          expect(s.start).toBeGreaterThanOrEqual(previousEnd);
          expect(s.end).toBeGreaterThan(s.start);
          expect(s.end).toBeLessThanOrEqual(text.length);
          const body = text.slice(s.start, s.end);
          expect(body).toBe(body.trim());
          expect(text.slice(previousEnd, s.start).trim()).toBe('');
          previousEnd = s.end;
        }
        expect(text.slice(previousEnd).trim()).toBe('');
      }),
      { numRuns: 300 },
    );
  });
});

describe('segmentDocument: structure', () => {
  it('gives paragraphs their heading path; a heading replaces those of its depth and deeper', () => {
    const text = [
      '# 3. Toteutus',
      'Johdanto.',
      '## 3.2. Ohjaus',
      '### 3.2.1. Toteutuneet riskit',
      'Riskit toteutuivat.',
      '## 3.3. Sidosryhmät',
      'Yhteistyö sujui.',
      '# 4. Viestintä',
      '- Tiedotteet',
    ].join('\n\n');
    const doc = parseMarkdown(text, 'r', 'r.md');
    const segments = segmentDocument(doc);
    expect(segments.map((s) => [s.id, s.text, s.section, s.blockKind])).toEqual([
      [paragraphHash('Johdanto.'), 'Johdanto.', ['3. Toteutus'], 'paragraph'],
      [
        paragraphHash('Riskit toteutuivat.'),
        'Riskit toteutuivat.',
        ['3. Toteutus', '3.2. Ohjaus', '3.2.1. Toteutuneet riskit'],
        'paragraph',
      ],
      [
        paragraphHash('Yhteistyö sujui.'),
        'Yhteistyö sujui.',
        ['3. Toteutus', '3.3. Sidosryhmät'],
        'paragraph',
      ],
      [paragraphHash('- Tiedotteet'), '- Tiedotteet', ['4. Viestintä'], 'list-item'],
    ]);
    checkSegments(doc, segments);
  });

  it('leaves headings, tables of contents, code and tables out of the segments', () => {
    const doc = parseMarkdown(
      '# Sisällys\n\nJohdanto ..... 3\n\n# Johdanto\n\n```\nx = 1\n```\n\n| Kulu | € |\n|---|---|\n| ICT | 7454 |\n\nTeksti.',
      'r',
      'r.md',
    );
    expect(segmentDocument(doc).map((s) => s.text)).toEqual(['Teksti.']);
  });

  it('decides the language per paragraph', () => {
    const text = [
      'Hankkeen aikana kunnat kehittivät yhdessä uusia sähköisiä palveluita ja yhteistyö sujui hyvin.',
      'Projektet har varit en framgång och samarbetet mellan kommunerna fungerade bra under hela projektet.',
    ].join('\n\n');
    const segments = segmentDocument(parseText(text, 'r', 'r.txt'));
    expect(segments.map((s) => s.lang)).toEqual(['fi', 'sv']);
    expect(segments[1]?.sentences?.map((s) => s.lang)).toEqual(['sv']);
  });
});

function sentencesOf(text: string, lang = 'fi'): string[] {
  return splitSentences(text, lang).map((s) => text.slice(s.start, s.end));
}

describe('splitSentences', () => {
  it.each([
    ['Hanke alkoi. Kunnat osallistuivat.', ['Hanke alkoi.', 'Kunnat osallistuivat.']],
    ['Sujuiko? Kyllä! Hyvin.', ['Sujuiko?', 'Kyllä!', 'Hyvin.']],
    // abbreviations do not end a sentence, even before a capital
    [
      'Hankkeessa kokeiltiin esim. Chat-palvelua. Toinen lause.',
      ['Hankkeessa kokeiltiin esim. Chat-palvelua.', 'Toinen lause.'],
    ],
    [
      'Mukana olivat mm. Kankaanpää ja Karvia. Yhteistyö sujui.',
      ['Mukana olivat mm. Kankaanpää ja Karvia.', 'Yhteistyö sujui.'],
    ],
    ['Ns. digituki laajeni. Se auttoi.', ['Ns. digituki laajeni.', 'Se auttoi.']],
    [
      'Kustannukset olivat n. 5000 euroa. Budjetti riitti.',
      ['Kustannukset olivat n. 5000 euroa.', 'Budjetti riitti.'],
    ],
    [
      'Projektet omfattade bl.a. Närpes. Det gick bra.',
      ['Projektet omfattade bl.a. Närpes.', 'Det gick bra.'],
    ],
    // a line break inside a sentence does not split it
    [
      'Hanke toteutettiin vuosina\n2020–2021 viidessä\nkunnassa. Uusi lause.',
      ['Hanke toteutettiin vuosina\n2020–2021 viidessä\nkunnassa.', 'Uusi lause.'],
    ],
    ['Rivi jatkuu\r\nseuraavalle\rriville.', ['Rivi jatkuu\r\nseuraavalle\rriville.']],
    ['Hanke alkoi.\nKunnat osallistuivat.', ['Hanke alkoi.', 'Kunnat osallistuivat.']],
    // a lower-case start after a full stop continues the sentence (e.g. a date or number before it)
    ['Kokous pidettiin 12.3. ja päätös tehtiin.', ['Kokous pidettiin 12.3. ja päätös tehtiin.']],
    // white space around is trimmed; white space alone gives nothing
    ['  Hanke alkoi.  ', ['Hanke alkoi.']],
    ['   \n  ', []],
    ['Hymy 😀 lopussa. Äänestys alkoi.', ['Hymy 😀 lopussa.', 'Äänestys alkoi.']],
  ])('%j', (text, expected) => {
    expect(sentencesOf(text)).toEqual(expected);
  });

  // The closing emphasis marker of a sentence that ends inside *...* stays with its sentence, never a
  // sentence "*" of its own (as in seed 001, "*Hankkeessa vaaditaan ... kunnat itse.*", section 3.2.1).
  it('keeps a closing emphasis marker with its sentence', () => {
    expect(sentencesOf('*Hanke alkoi. Kunnat osallistuivat itse.*')).toEqual([
      '*Hanke alkoi.',
      'Kunnat osallistuivat itse.*',
    ]);
  });
});

describe('segmentDocument: bounded paragraphs and sentences (a report that is one huge line)', () => {
  it('cuts a single line without any sentence end into paragraphs and sentences within the bounds', () => {
    const line = 'hankkeen yhteistyö kuntien kanssa sujui hyvin mutta aikataulu viivästyi, '.repeat(2_000);
    const doc = parseText(line, 'r', 'r.txt');
    const segments = segmentDocument(doc);
    expect(segments.length).toBeGreaterThanOrEqual(Math.floor(line.length / MAX_PARAGRAPH_CHARS));
    for (const p of segments) {
      expect(p.text.length).toBeLessThanOrEqual(MAX_PARAGRAPH_CHARS);
      for (const s of p.sentences ?? []) expect(s.text.length).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
    }
    checkSegments(doc, segments);
    // Nothing is lost: the pieces hold every word of the line, in order.
    expect(segments.map((p) => p.text).join(' ')).toBe(line.trim());
  });

  it('cuts a long paragraph of ordinary sentences between sentences', () => {
    const text = 'Yhteistyö kuntien kanssa sujui hyvin. Aikataulu viivästyi hieman. '.repeat(300);
    const segments = segmentDocument(parseText(text, 'r', 'r.txt'));
    expect(segments.length).toBeGreaterThan(1);
    for (const p of segments) {
      expect(p.text).toMatch(/^(Yhteistyö|Aikataulu) .*\.$/s);
      expect(p.sentences?.every((s) => /^(Yhteistyö|Aikataulu) .*\.$/.test(s.text))).toBe(true);
    }
  });

  it('leaves paragraphs and sentences of real length as they are', () => {
    const sentence = `${'Hankkeen aikana kunnat kehittivät yhdessä palveluita '.repeat(18).trim()}.`;
    expect(sentence.length).toBeGreaterThan(900);
    const text = `${sentence} ${sentence}`;
    const [p] = segmentDocument(parseText(text, 'r', 'r.txt'));
    expect(p?.text).toBe(text);
    expect(p?.sentences?.map((s) => s.text)).toEqual([sentence, sentence]);
  });

  it('cutSpan: pieces within the bound, trimmed, in order, every non-space character kept (property)', () => {
    const unit = fc.constantFrom('a', 'ä', 'b', ' ', ' ', '\n', '.', '😀', '\u00a0');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 400 }), fc.integer({ min: 4, max: 60 }), (text, max) => {
        const spans = cutSpan(text, 0, text.length, max);
        let last = 0;
        for (const s of spans) {
          expect(s.end - s.start).toBeLessThanOrEqual(max);
          expect(s.start).toBeGreaterThanOrEqual(last);
          const piece = text.slice(s.start, s.end);
          expect(piece).toBe(piece.trim());
          expect(piece.isWellFormed()).toBe(true);
          last = s.end;
        }
        const kept = spans.map((s) => text.slice(s.start, s.end)).join('');
        expect(kept.replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
      }),
      { numRuns: 300 },
    );
  });
});

describe('segmentDocument: sections nest by their numbers, unnumbered headings by depth', () => {
  const pathsOf = (lines: string[]) =>
    segmentDocument(parseMarkdown(lines.join('\n\n'), 'r', 'r.md')).map((s) => [s.text, s.section]);

  it('a first chapter marked one level higher than the rest does not swallow them (seed 001’s shape)', () => {
    expect(
      pathsOf([
        '# **Loppuraportti**',
        '# 1. Tiivistelmä',
        'A.',
        '## 2. Vaikutukset',
        'B.',
        '### 2.1. Tuotokset',
        'C.',
        '## 3. Toteutus',
        'D.',
      ]),
    ).toEqual([
      ['A.', ['Loppuraportti', '1. Tiivistelmä']],
      ['B.', ['Loppuraportti', '2. Vaikutukset']],
      ['C.', ['Loppuraportti', '2. Vaikutukset', '2.1. Tuotokset']],
      ['D.', ['Loppuraportti', '3. Toteutus']],
    ]);
  });

  it('levels marked at random nest by numbers (seed 000’s shape: "## 2.2.", "#### 2.4.", "### 3.")', () => {
    expect(
      pathsOf([
        '## 2. Onnistumiset',
        '### 2.1. Osallisuus',
        'A.',
        '## **2.2. Ymmärrys**',
        'B.',
        '#### **2.4. Yhteistyö**',
        'C.',
        '### 3. Haasteet',
        'D.',
        '### 3.1. Sitoutuminen',
        'E.',
        '#### 4. Yhteenveto',
        'F.',
      ]),
    ).toEqual([
      ['A.', ['2. Onnistumiset', '2.1. Osallisuus']],
      ['B.', ['2. Onnistumiset', '2.2. Ymmärrys']],
      ['C.', ['2. Onnistumiset', '2.4. Yhteistyö']],
      ['D.', ['3. Haasteet']],
      ['E.', ['3. Haasteet', '3.1. Sitoutuminen']],
      ['F.', ['4. Yhteenveto']],
    ]);
  });

  it('an unnumbered subheading stays under its numbered section, whatever level the numbering gets', () => {
    // Seed 001's shape: "## 3." and "## 3.2." at one level, "### 3.2.1." then "#### …" subheadings.
    expect(
      pathsOf([
        '## 1. Tiivistelmä',
        '## 2. Vaikutukset',
        '### 2.1. Tuotokset',
        '## 3. Toteutus',
        '## 3.2. Ohjaus',
        '### 3.2.1. Riskit',
        '#### Resurssit',
        'A.',
        '### Osallistuminen',
        'B.',
        '### 3.2.2. Hallinta',
        'C.',
        '## 4. Viestintä',
        '### 4.1. Ulkoinen viestintä',
        'D.',
      ]),
    ).toEqual([
      ['A.', ['3. Toteutus', '3.2. Ohjaus', '3.2.1. Riskit', 'Resurssit']],
      ['B.', ['3. Toteutus', '3.2. Ohjaus', 'Osallistuminen']],
      ['C.', ['3. Toteutus', '3.2. Ohjaus', '3.2.2. Hallinta']],
      ['D.', ['4. Viestintä', '4.1. Ulkoinen viestintä']],
    ]);
  });

  it('an unnumbered heading at the level of a numbered subsection stays in its chapter (seed 001’s "## Digituki")', () => {
    expect(
      pathsOf([
        '## 2. Vaikutukset',
        '## 2.2. Muutokset',
        'A.',
        '## Digituki',
        'B.',
        '## 2.3. Laajemmat',
        'C.',
      ]),
    ).toEqual([
      ['A.', ['2. Vaikutukset', '2.2. Muutokset']],
      ['B.', ['2. Vaikutukset', 'Digituki']],
      ['C.', ['2. Vaikutukset', '2.3. Laajemmat']],
    ]);
  });

  it('the heading of a table of contents is no section: the title stays above the chapters', () => {
    expect(
      pathsOf([
        '# Loppuraportti',
        '# Sisällys',
        '1. Johdanto ..... 3\n2. Tulokset ..... 5',
        '## 1. Johdanto',
        'A.',
      ]),
    ).toEqual([['A.', ['Loppuraportti', '1. Johdanto']]]);
  });

  it('a section whose chapter heading is missing is not put under the previous chapter', () => {
    expect(pathsOf(['## 2. Tulokset', '### 2.2. Ymmärrys', 'A.', '### 3.1. Riskit', 'B.'])).toEqual([
      ['A.', ['2. Tulokset', '2.2. Ymmärrys']],
      ['B.', ['3.1. Riskit']],
    ]);
  });

  it('unnumbered headings nest by depth, under and beside numbered ones', () => {
    expect(
      pathsOf([
        '# Loppuraportti',
        '## 2. Tulokset',
        '### Onnistumiset',
        'A.',
        '### 2.1 Palvelut',
        'B.',
        '## Liitteet',
        'C.',
      ]),
    ).toEqual([
      ['A.', ['Loppuraportti', '2. Tulokset', 'Onnistumiset']],
      ['B.', ['Loppuraportti', '2. Tulokset', '2.1 Palvelut']],
      ['C.', ['Loppuraportti', 'Liitteet']],
    ]);
  });

  it('headingNumbers reads section numbers, not dates or years', () => {
    expect(headingNumbers('3.2.1. Toteutuneet riskit')).toEqual([3, 2, 1]);
    expect(headingNumbers('2 Hankkeen tavoitteet')).toEqual([2]);
    expect(headingNumbers('2020 hankkeet')).toBeUndefined();
    expect(headingNumbers('1.1.2020 alkaen')).toBeUndefined();
    expect(headingNumbers('Tiivistelmä')).toBeUndefined();
  });
});

describe('sections of the seeds follow their numbering', () => {
  const seeds = join(import.meta.dirname, '..', '..', 'shared', 'seeds');
  const seed = (name: string) => {
    const text = readFileSync(join(seeds, name), 'utf8');
    return segmentDocument(parseMarkdown(text, 'r', name));
  };

  it.skipIf(!existsSync(seeds))('seed 001: no chapter after the first stands under "1. Tiivistelmä"', () => {
    const segments = seed('001_final_report_pohjois_satakunta.md');
    const later = segments.filter((s) => s.section.some((h) => /^[2-9]\./.test(h)));
    expect(later.length).toBeGreaterThan(50);
    for (const s of later) expect(s.section.join(' > ')).not.toMatch(/Tiivistelmä/);
  });

  it.skipIf(!existsSync(seeds))('seed 000: 3.x stands under "3. Haasteet", never under 2.x', () => {
    const segments = seed('000_synthesis_report_2020_redacted.txt');
    const under3 = segments.filter((s) => s.section.some((h) => /^3\.\d/.test(h)));
    expect(under3.length).toBeGreaterThan(10);
    for (const s of under3) {
      expect(s.section.some((h) => /^2\./.test(h))).toBe(false);
      expect(s.section.some((h) => /^3\. Haasteet/.test(h))).toBe(true);
    }
  });
});
