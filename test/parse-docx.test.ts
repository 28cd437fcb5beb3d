import { Document, FootnoteReferenceRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocx } from '../src/parse/docx.js';
import { inflatedXmlBytes, MAX_DOCX_XML_BYTES } from '../src/parse/docx-size.js';
import type { SourceDocument } from '../src/types.js';
import { docxBomb } from './fixtures/readers/docx-bomb.js';
import {
  checkOffsets,
  fixtureBytes,
  headingLabels,
  markdownReference,
  paragraphMatch,
} from './fixtures/readers/reference.js';

async function parsed(name: string): Promise<SourceDocument> {
  const r = await parseDocx(fixtureBytes(name), name.replace(/\.docx$/, ''), name);
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
  return r.value;
}

const slices = (doc: SourceDocument, kind: string) =>
  doc.blocks.filter((b) => b.kind === kind).map((b) => doc.text.slice(b.start, b.end));

describe('parseDocx: pandoc DOCX of the markdown fixtures', () => {
  for (const name of ['raportti', 'ylasavo-sahkoinen-asiointi']) {
    it(`${name}.docx has the markdown's headings and paragraphs`, async () => {
      const doc = await parsed(`${name}.docx`);
      const md = markdownReference(`${name}.md`);
      expect(headingLabels(doc)).toEqual(md.headings);
      const match = paragraphMatch(doc, md);
      expect(match.missing).toEqual([]);
      expect(checkOffsets(doc)).toEqual([]);
      expect(doc.format).toBe('docx');
      expect(doc.report).toBe(name);
    });
  }

  it('takes a Node Buffer (what fs.readFile gives) as well as a Uint8Array', async () => {
    const r = await parseDocx(Buffer.from(fixtureBytes('raportti.docx')), 'raportti', 'raportti.docx');
    expect(r.ok).toBe(true);
  });

  it('keeps heading depth, lists, the table and the footnote', async () => {
    const doc = await parsed('raportti.docx');
    expect(doc.title).toBe('Pöllölän ja Kuusirannan digitalisaatiohanke');
    expect(doc.blocks.filter((b) => b.kind === 'heading').map((b) => b.depth)).toEqual([
      1, 2, 2, 3, 3, 4, 4, 3, 2, 3, 3, 2,
    ]);
    expect(slices(doc, 'heading')[3]).toBe('### 2.1. Hankkeen tuotokset');
    expect(slices(doc, 'list-item')).toContain('- kokeiltiin ensin Pöllölässä');
    expect(doc.text).toContain('\n  - kokeiltiin ensin Pöllölässä\n');
    expect(slices(doc, 'list-item')).toContain('2. jokaiselle riskille nimettiin vastuuhenkilö');
    expect(slices(doc, 'table')).toEqual([
      [
        'Hankinta | Toimittaja | Kustannus (€)',
        'Lomakealusta | Asiointiväylä Oy | 38 000',
        'Palautekanava | Karttakaiku Oy | 12 500',
        'Työpajat | Palvelumuotoilutoimisto Kajo Oy | 9 800',
      ].join('\n'),
    ]);
    expect(doc.text).toContain('konkreettisia tuloksia.[1] Pilotointien');
    expect(slices(doc, 'paragraph').at(-1)).toBe(
      '[1] Tulokset on raportoitu tarkemmin hankkeen väliraportissa 15.6.2021.',
    );
    // A hard line break inside a paragraph stays a line break.
    expect(slices(doc, 'paragraph')[0]).toBe('Loppuraportti\n30.11.2021');
  });
});

describe('parseDocx: Word documents with Finnish style names', () => {
  async function wordDocument(): Promise<Uint8Array> {
    const doc = new Document({
      styles: {
        paragraphStyles: [
          { id: 'Otsikko1', name: 'Otsikko 1', basedOn: 'Normal', run: { bold: true, size: 32 } },
          { id: 'Otsikko2', name: 'Otsikko 2', basedOn: 'Normal', run: { bold: true, size: 28 } },
          { id: 'Rubrik1', name: 'Rubrik 1', basedOn: 'Normal', run: { bold: true, size: 32 } },
        ],
      },
      sections: [
        {
          children: [
            new Paragraph({ style: 'Otsikko1', children: [new TextRun('1. Tiivistelmä')] }),
            new Paragraph({
              children: [
                new TextRun('Yhteistyö sujui hyvin'),
                new FootnoteReferenceRun({ children: [new Paragraph('Ohjausryhmän pöytäkirja 3/2021.')] }),
                new TextRun('. Toimittajan kanssa oli haasteita.'),
              ],
            }),
            new Paragraph({ style: 'Otsikko2', children: [new TextRun('1.1. Tavoitteet')] }),
            // A heading faked with bold and numbering, as many reports do.
            new Paragraph({ children: [new TextRun({ text: '3.2.1. Toteutuneet riskit', bold: true })] }),
            // Bold text that is not numbered stays a paragraph.
            new Paragraph({ children: [new TextRun({ text: 'Huomio', bold: true })] }),
            new Paragraph({ style: 'Rubrik1', children: [new TextRun('Sammanfattning')] }),
            new Table({
              rows: [
                new TableRow({
                  children: [
                    new TableCell({ children: [new Paragraph('Kunta'), new Paragraph('(hankekunta)')] }),
                    new TableCell({ children: [new Paragraph('Käyttäjiä')] }),
                  ],
                }),
                new TableRow({
                  children: [
                    new TableCell({ children: [new Paragraph('Karvia')] }),
                    new TableCell({ children: [new Paragraph('120')] }),
                  ],
                }),
              ],
            }),
          ],
        },
      ],
    });
    return new Uint8Array(await Packer.toBuffer(doc));
  }

  it('reads Otsikko/Rubrik headings, bold numbered headings, tables and footnotes', async () => {
    const r = await parseDocx(await wordDocument(), 'word', 'word.docx');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const doc = r.value;
    expect(doc.blocks.map((b) => [b.kind, b.depth ?? null, doc.text.slice(b.start, b.end)])).toEqual([
      ['heading', 1, '# 1. Tiivistelmä'],
      ['paragraph', null, 'Yhteistyö sujui hyvin[1]. Toimittajan kanssa oli haasteita.'],
      ['heading', 2, '## 1.1. Tavoitteet'],
      ['heading', 3, '### 3.2.1. Toteutuneet riskit'],
      ['paragraph', null, 'Huomio'],
      ['heading', 1, '# Sammanfattning'],
      ['table', null, 'Kunta (hankekunta) | Käyttäjiä\nKarvia | 120'],
      ['paragraph', null, '[1] Ohjausryhmän pöytäkirja 3/2021.'],
    ]);
    expect(doc.title).toBe('1. Tiivistelmä');
    expect(checkOffsets(doc)).toEqual([]);
  });

  it('numbers the blocks by Word paragraph, as an evaluator counts them in the document', async () => {
    const r = await parseDocx(await wordDocument(), 'word', 'word.docx');
    if (!r.ok) throw new Error('not read');
    const numbers = r.value.blocks.map((b) => (b.location ? [b.location.first, b.location.last] : null));
    // The table's cells hold five paragraphs ("Kunta", "(hankekunta)", "Käyttäjiä", "Karvia", "120");
    // the footnote, at the end of the text, is not a body paragraph.
    expect(numbers).toEqual([[1, 1], [2, 2], [3, 3], [4, 4], [5, 5], [6, 6], [7, 11], null]);
    expect(r.value.blocks.every((b) => !b.location || b.location.unit === 'paragraph')).toBe(true);
  });
});

describe('parseDocx: broken input is a diagnostic, never a throw', () => {
  const pdf = fixtureBytes('raportti.pdf');
  const docx = fixtureBytes('raportti.docx');
  const table: [string, Uint8Array, string, RegExp][] = [
    ['empty file', new Uint8Array(0), 'read/empty', /empty/],
    ['random bytes', new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 256), 'parse/docx-corrupt', /zip/],
    ['truncated DOCX', docx.slice(0, Math.floor(docx.length / 2)), 'parse/docx-corrupt', /zip/],
    ['a PDF named .docx', pdf, 'parse/docx-corrupt', /PDF/],
    [
      'an old Word .doc',
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]),
      'parse/docx-corrupt',
      /\.doc\b/,
    ],
  ];
  for (const [name, bytes, ruleId, reason] of table) {
    it(`${name} → ${ruleId}`, async () => {
      const r = await parseDocx(bytes, 'x', 'x.docx');
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.diagnostics[0]?.ruleId).toBe(ruleId);
      expect(r.diagnostics[0]?.file).toBe('x.docx');
      expect(r.diagnostics[0]?.reason).toMatch(reason);
    });
  }

  it('a zip that is not a Word document', async () => {
    const zip = await Packer.toBuffer(new Document({ sections: [{ children: [] }] }));
    const r = await parseDocx(new Uint8Array(zip), 'x', 'x.docx');
    // An empty but valid document has no text to analyse.
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostics[0]?.ruleId).toBe('parse/docx-no-text');
  });

  it('arbitrary bytes never throw', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 0, maxLength: 512 }), async (bytes) => {
        const r = await parseDocx(bytes, 'x', 'x.docx');
        expect(r.ok).toBe(false);
      }),
      { numRuns: 50 },
    );
  });
});

describe('parseDocx: a DOCX that inflates far past any report is skipped, not unpacked', () => {
  it('a zip bomb (document.xml of 20 MB in a small file) → parse/docx-too-large', async () => {
    const bomb = docxBomb(20);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const r = await parseDocx(bomb, 'x', 'x.docx');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ ruleId: 'parse/docx-too-large', file: 'x.docx', severity: 'error' }),
    ]);
    expect(r.diagnostics[0]?.reason).toMatch(/16 MB/);
  });

  it('counts only up to the limit, and reads real documents whole', () => {
    const counted = inflatedXmlBytes(docxBomb(4), 256 * 1024) ?? 0;
    expect(counted).toBeGreaterThan(256 * 1024);
    expect(counted).toBeLessThan(4 * 1024 * 1024);
    const real = inflatedXmlBytes(fixtureBytes('raportti.docx')) ?? 0;
    expect(real).toBeGreaterThan(1000);
    expect(real).toBeLessThan(MAX_DOCX_XML_BYTES);
    expect(inflatedXmlBytes(new Uint8Array([1, 2, 3])) ?? 0).toBe(0);
  });

  it('a document just under the limit is still read', async () => {
    const r = await parseDocx(docxBomb(0.1), 'x', 'x.docx');
    expect(r.ok && r.value.blocks.length).toBeGreaterThan(1000);
  });
});
