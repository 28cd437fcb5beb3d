import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDocx } from '../src/parse/docx.js';
import { joinContext, joinLines } from '../src/parse/line-join.js';
import { parsePdf } from '../src/parse/pdf.js';
import { measureLayout, pageBlocks } from '../src/parse/pdf-blocks.js';
import type { Line } from '../src/parse/pdf-lines.js';
import type { SourceDocument } from '../src/types.js';
import {
  checkOffsets,
  fixtureBytes,
  headingLabels,
  markdownReference,
  paragraphMatch,
} from './fixtures/readers/reference.js';

async function parsed(name: string): Promise<SourceDocument> {
  const parse = name.endsWith('.pdf') ? parsePdf : parseDocx;
  const r = await parse(fixtureBytes(name), name.replace(/\.\w+$/, ''), name);
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
  return r.value;
}

const slices = (doc: SourceDocument, kind: string) =>
  doc.blocks.filter((b) => b.kind === kind).map((b) => doc.text.slice(b.start, b.end));

describe('parsePdf: LibreOffice PDFs of the markdown fixtures', () => {
  for (const name of ['raportti', 'ylasavo-sahkoinen-asiointi']) {
    it(`${name}.pdf: ≥ 95 % of the markdown's paragraphs, every heading, same sections as the DOCX`, async () => {
      const pdf = await parsed(`${name}.pdf`);
      const docx = await parsed(`${name}.docx`);
      const md = markdownReference(`${name}.md`);
      const match = paragraphMatch(pdf, md);
      console.info(
        `${name}.pdf: ${md.paragraphs.length - match.missing.length}/${md.paragraphs.length} markdown paragraphs found`,
      );
      expect(match.share).toBeGreaterThanOrEqual(0.95);
      expect(headingLabels(pdf)).toEqual(md.headings);
      expect(headingLabels(pdf)).toEqual(headingLabels(docx));
      expect(checkOffsets(pdf)).toEqual([]);
      expect(pdf.format).toBe('pdf');
      expect(pdf.title).toBe(docx.title);
    });
  }
});

describe('parsePdf: an automatically hyphenated PDF (LibreOffice with the Finnish hyphenator)', () => {
  it('mends the words hyphenated at line ends and finds the paragraphs and headings', async () => {
    const pdf = await parsed('ylasavo-tavutettu.pdf');
    const md = markdownReference('ylasavo-sahkoinen-asiointi.md');
    const match = paragraphMatch(pdf, md);
    console.info(
      `ylasavo-tavutettu.pdf: ${md.paragraphs.length - match.missing.length}/${md.paragraphs.length} markdown paragraphs found`,
    );
    expect(match.share).toBeGreaterThanOrEqual(0.95);
    expect(headingLabels(pdf)).toEqual(md.headings);
    // Real hyphens at line ends survive, soft ones go.
    expect(pdf.text).toContain('Kesä-heinäkuun');
    expect(pdf.text).toContain('Suomi.fi-tunnistautuminen');
    expect(pdf.text).toContain('Valtionavustusta myönnettiin');
  });
});

describe('parsePdf: layout', () => {
  let doc: SourceDocument;
  beforeAll(async () => {
    doc = await parsed('raportti.pdf');
  });

  it('ranks headings by style like the DOCX headings', async () => {
    const docx = await parsed('raportti.docx');
    const depths = (d: SourceDocument) => d.blocks.filter((b) => b.kind === 'heading').map((b) => b.depth);
    expect(depths(doc)).toEqual(depths(docx));
  });

  it('drops the running header and the page numbers', () => {
    expect(doc.text).not.toContain('Loppuraportti – Kuntien digitalisaatiohanke');
    expect(doc.blocks.some((b) => /^\d+$/.test(doc.text.slice(b.start, b.end)))).toBe(false);
  });

  it('joins a paragraph that runs over a page break', () => {
    const long = slices(doc, 'paragraph').find((p) => p.startsWith('Hankkeen laajemmat vaikutukset'));
    expect(long).toMatch(
      /neuvotteluasema toimittajien suuntaan on yksin heikko ja yhteisellä volyymilla hinnoista/,
    );
    expect(long).toMatch(/olisi mahdollista\.$/);
  });

  it('keeps list items, their nesting and numbering', () => {
    const items = slices(doc, 'list-item');
    expect(items).toContain(
      '- karttapohjainen palautekanava, jonka kautta kuntalaiset voivat ilmoittaa katuvaloviasta, roskaantuneista puistoista ja muista ympäristön epäkohdista suoraan vastuuhenkilölle',
    );
    expect(doc.text).toContain('\n  - kokeiltiin ensin Pöllölässä\n');
    expect(items).toContain('1. riskit kirjattiin riskirekisteriin');
  });

  it('reads the table as one block, its repeated header row on the next page dropped', () => {
    const tables = slices(doc, 'table');
    expect(tables).toHaveLength(1);
    const rows = tables[0]?.split('\n') ?? [];
    expect(rows).toHaveLength(4);
    expect(rows[0]).toBe('Hankinta | Toimittaja | Kustannus (€)');
    expect(rows[1]).toBe('Lomakealusta | Asiointiväylä Oy | 38 000');
    // The cell's word was broken by the narrow column without a hyphen; a space is the best guess.
    expect(rows[3]).toBe('Työpajat | Palvelumuotoilutoi misto Kajo Oy | 9 800');
  });

  it('moves the footnote to the end and marks its reference', () => {
    expect(doc.text).toContain('konkreettisia tuloksia.[1] Pilotointien');
    expect(slices(doc, 'paragraph').at(-1)).toBe(
      '[1] Tulokset on raportoitu tarkemmin hankkeen väliraportissa 15.6.2021.',
    );
  });

  it('gives every block the PDF page(s) it stands on, for an evaluator to find it', () => {
    const at = (start: string) => {
      const b = doc.blocks.find((x) => doc.text.slice(x.start, x.end).startsWith(start));
      return b?.location;
    };
    expect(doc.blocks.every((b) => b.location?.unit === 'page')).toBe(true);
    expect(at('# Pöllölän')).toEqual({ unit: 'page', first: 1, last: 1 });
    // The paragraph run over a page break, and the table continued on the next page.
    expect(at('Hankkeen laajemmat vaikutukset')).toEqual({ unit: 'page', first: 2, last: 3 });
    expect(at('Hankinta | Toimittaja')).toEqual({ unit: 'page', first: 1, last: 2 });
    expect(at('## 4. Onnistumiset')).toEqual({ unit: 'page', first: 3, last: 3 });
    // The footnote moved to the end keeps the page it was printed on.
    expect(at('[1] Tulokset')).toEqual({ unit: 'page', first: 1, last: 1 });
    const firsts = doc.blocks.slice(0, -1).map((b) => b.location?.first ?? 0);
    expect(firsts).toEqual([...firsts].sort((a, b) => a - b));
  });

  it('mends words hyphenated at line ends and keeps real hyphens', async () => {
    const t = await parsed('tavutus.pdf');
    expect(slices(t, 'paragraph')).toEqual([
      'Hankkeen tavoitteena oli kuntien digitalisaation kehittämistä tukevien toimintamallien luominen. ' +
        'Mukana olivat myös sosiaali- ja terveyspalvelut sekä Suomi.fi-palvelut, joiden käyttöönotossa ' +
        'kunta-alueen asukkaat saivat tukea. Pohjois-Satakunnan kunnat ja ICT-palveluiden toimittajat ' +
        'osallistuivat työpajoihin vuosina 2020–2021.',
    ]);
  });
});

describe('pageBlocks: documents without paragraph spacing (synthetic lines)', () => {
  // A page as Word writes it with "Normal" paragraphs: no space between paragraphs, first lines indented,
  // headings numbered in the body font, a table of contents with dot leaders.
  const line = (y: number, text: string, x = 72, xEnd = 540): Line => ({
    page: 1,
    text,
    cells: [text],
    cellXs: [x],
    x,
    textX: x,
    xEnd,
    y,
    size: 12,
    font: { family: 'Calibri', bold: false, italic: false },
    uniform: 1,
    startsWithNoteNumber: false,
  });
  const lines = [
    line(760, 'Sisällys', 72, 130),
    line(746, '1. Tiivistelmä .......................... 2', 72, 540),
    line(732, '2. Hankkeen arviointi .................... 3', 72, 540),
    line(704, '2.1. Tavoitteet', 72, 170),
    line(676, 'Hankkeen tavoitteena oli kehittää kuntien sähköistä asiointia ja', 90),
    line(662, 'osallisuutta yhdessä kuntalaisten kanssa.', 72, 320),
    line(648, 'Toinen kappale alkaa sisennettynä ilman väliä edelliseen kappaleeseen', 90),
    line(634, 'ja jatkuu täyden rivin verran, kunnes se päättyy lyhyeen riviin.', 72, 400),
    line(620, 'Kolmas kappale alkaa ilman sisennystä, mutta edellinen rivi jäi lyhyeksi.', 72),
    line(606, 'Siksi tämä on uusi kappale eikä jatkoa edelliselle.', 72, 390),
  ];
  it('finds the contents, the numbered heading and three paragraphs', () => {
    const blocks = pageBlocks(lines, measureLayout([lines]));
    expect(blocks.map((b) => [b.kind, b.text])).toEqual([
      ['paragraph', 'Sisällys'],
      ['toc', '1. Tiivistelmä .......................... 2\n2. Hankkeen arviointi .................... 3'],
      ['heading', '2.1. Tavoitteet'],
      [
        'paragraph',
        'Hankkeen tavoitteena oli kehittää kuntien sähköistä asiointia ja osallisuutta yhdessä kuntalaisten kanssa.',
      ],
      [
        'paragraph',
        'Toinen kappale alkaa sisennettynä ilman väliä edelliseen kappaleeseen ja jatkuu täyden rivin verran, kunnes se päättyy lyhyeen riviin.',
      ],
      [
        'paragraph',
        'Kolmas kappale alkaa ilman sisennystä, mutta edellinen rivi jäi lyhyeksi. Siksi tämä on uusi kappale eikä jatkoa edelliselle.',
      ],
    ]);
    expect(blocks[2]?.numberDepth).toBe(2);
  });
});

describe('pageBlocks: a lead paragraph in a large font', () => {
  const line = (y: number, text: string, size: number, xEnd = 540): Line => ({
    page: 1,
    text,
    cells: [text],
    cellXs: [72],
    x: 72,
    textX: 72,
    xEnd,
    y,
    size,
    font: { family: 'Calibri', bold: false, italic: false },
    uniform: 1,
    startsWithNoteNumber: false,
  });
  it('is a paragraph, not three headings', () => {
    const lines = [
      line(760, 'Hankkeessa kehitettiin neljän kunnan sähköistä asiointia ja', 14),
      line(743, 'kuntalaisten osallisuutta, ja kehittämistyö jatkuu kuntien omana', 14),
      line(726, 'toimintana hankkeen päätyttyä.', 14, 300),
      ...Array.from({ length: 8 }, (_, k) =>
        line(700 - 14 * k, `Tavallista leipätekstiä rivillä ${k + 1} ja`, 12),
      ),
    ];
    const blocks = pageBlocks(lines, measureLayout([lines]));
    expect(blocks[0]?.kind).toBe('paragraph');
    expect(blocks[0]?.text).toBe(
      'Hankkeessa kehitettiin neljän kunnan sähköistä asiointia ja kuntalaisten osallisuutta, ja kehittämistyö jatkuu kuntien omana toimintana hankkeen päätyttyä.',
    );
    expect(blocks.filter((b) => b.kind === 'heading')).toEqual([]);
  });
});

describe('joinLines', () => {
  const table: [string, string, string][] = [
    ['digitalisaation kehittä-', 'mistä tukevien', 'digitalisaation kehittämistä tukevien'],
    ['sosiaali-', 'ja terveyspalvelut', 'sosiaali- ja terveyspalvelut'],
    ['koulutus-', 'tai neuvontapalvelut', 'koulutus- tai neuvontapalvelut'],
    ['Suomi.fi-', 'palvelut', 'Suomi.fi-palvelut'],
    ['ICT-', 'palvelut', 'ICT-palvelut'],
    ['Pohjois-', 'Satakunta', 'Pohjois-Satakunta'],
    ['kunta-', 'alue', 'kunta-alue'],
    ['vapaa-', 'aikapalvelut', 'vapaa-aikapalvelut'],
    ['vuosina 2020-', '2021', 'vuosina 2020-2021'],
    ['vuosina 2020–', '2021', 'vuosina 2020–2021'],
    ['hanke –', 'ja sen tulokset', 'hanke – ja sen tulokset'],
    ['e-', 'palvelut', 'e-palvelut'],
    ['Kesä-hei-', 'näkuun', 'Kesä-heinäkuun'],
    ['jatkuu. Seu-', 'raava kierros', 'jatkuu. Seuraava kierros'],
    ['tieto\u00ad', 'turva', 'tietoturva'],
    ['tavallinen', 'rivi', 'tavallinen rivi'],
    ['', 'rivi', 'rivi'],
  ];
  for (const [a, b, expected] of table) {
    it(`${JSON.stringify(a)} + ${JSON.stringify(b)} → ${JSON.stringify(expected)}`, () => {
      expect(joinLines(a, b)).toBe(expected);
    });
  }

  it('follows the document where it shows the word elsewhere', () => {
    const join = { words: new Set(['digi-hankkeen', 'kankaanpään']), autoHyphenated: true };
    expect(joinLines('digi-', 'hankkeen kanssa', join)).toBe('digi-hankkeen kanssa');
    expect(joinLines('Kankaan-', 'pään kaupunki', join)).toBe('Kankaanpään kaupunki');
  });

  it('tells a syllable "ja" from a conjunction', () => {
    const join = { words: new Set(['prosesseja']), autoHyphenated: true };
    expect(joinLines('sähköistää prosesse-', 'ja, jolloin', join)).toBe('sähköistää prosesseja, jolloin');
    expect(joinLines('kokeilu-', 'ja, oppimisia', join)).toBe('kokeiluja, oppimisia');
    expect(joinLines('sosiaali-', 'ja terveyspalvelut', join)).toBe('sosiaali- ja terveyspalvelut');
  });

  it('keeps the hyphen after a name the document uses on its own', () => {
    const join = { words: new Set(['excel']), autoHyphenated: true };
    expect(joinLines('varaukset Excel-', 'taulukkoon', join)).toBe('varaukset Excel-taulukkoon');
    expect(joinLines('Nerkoon ja Kir-', 'manrannan alueilla', join)).toBe('Nerkoon ja Kirmanrannan alueilla');
  });

  it('keeps every line-end hyphen of a document that was not hyphenated automatically', () => {
    const join = { words: new Set<string>(), autoHyphenated: false };
    expect(joinLines('digi-', 'tuki', join)).toBe('digi-tuki');
    expect(joinLines('sosiaali-', 'ja terveys', join)).toBe('sosiaali- ja terveys');
  });

  it('tells automatic hyphenation from hyphenated compounds', () => {
    const hyphenated = [
      'kehittä-',
      'mistä tukevien toimin-',
      'tamallien luominen ja',
      'käyttöön-',
      'otto sujui',
    ];
    expect(joinContext(hyphenated).autoHyphenated).toBe(true);
    const plain = [
      'Kirjasimme varaukset Excel-',
      'taulukkoon ja',
      ...Array.from({ length: 40 }, () => 'tavallinen rivi'),
    ];
    expect(joinContext(plain).autoHyphenated).toBe(false);
  });
});

describe('parsePdf: broken input is a diagnostic, never a throw', () => {
  const pdf = fixtureBytes('raportti.pdf');
  const table: [string, Uint8Array, string, RegExp][] = [
    ['empty file', new Uint8Array(0), 'read/empty', /empty/],
    [
      'random bytes',
      new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 256),
      'parse/pdf-corrupt',
      /no %PDF header/,
    ],
    ['a DOCX named .pdf', fixtureBytes('raportti.docx'), 'parse/pdf-corrupt', /no %PDF header/],
    ['truncated PDF', pdf.slice(0, Math.floor(pdf.length / 2)), 'parse/pdf-corrupt', /cut short/],
    [
      'PDF header then garbage',
      new Uint8Array([...Buffer.from('%PDF-1.7\n'), ...new Uint8Array(2000).map((_, i) => (i * 31) % 251)]),
      'parse/pdf-corrupt',
      /cannot read/,
    ],
    ['password-protected PDF', fixtureBytes('salattu.pdf'), 'parse/pdf-no-text', /password/],
    ['a page without text (scan)', fixtureBytes('tyhja-sivu.pdf'), 'parse/pdf-no-text', /OCR/],
  ];
  for (const [name, bytes, ruleId, reason] of table) {
    it(`${name} → ${ruleId}`, async () => {
      const r = await parsePdf(bytes, 'x', 'x.pdf');
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.diagnostics[0]?.ruleId).toBe(ruleId);
      expect(r.diagnostics[0]?.file).toBe('x.pdf');
      expect(r.diagnostics[0]?.reason).toMatch(reason);
    });
  }

  it('takes a Node Buffer (what fs.readFile gives) as well as a Uint8Array', async () => {
    const r = await parsePdf(Buffer.from(fixtureBytes('tavutus.pdf')), 'tavutus', 'tavutus.pdf');
    expect(r.ok).toBe(true);
  });

  it("leaves the caller's bytes intact", async () => {
    const bytes = fixtureBytes('tavutus.pdf');
    const before = Buffer.from(bytes).toString('base64');
    await parsePdf(bytes, 'x', 'x.pdf');
    expect(Buffer.from(bytes).toString('base64')).toBe(before);
  });

  it('arbitrary bytes after a PDF header never throw', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 0, maxLength: 600 }), async (tail) => {
        const r = await parsePdf(new Uint8Array([...Buffer.from('%PDF-1.4\n'), ...tail]), 'x', 'x.pdf');
        expect(r.ok).toBe(false);
      }),
      { numRuns: 40 },
    );
  });
});
