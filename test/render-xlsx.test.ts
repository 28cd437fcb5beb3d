import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { renderXlsx } from '../src/render/xlsx.js';
import {
  hierarchicalCodebook,
  hierarchicalTables,
  polarityCodebook,
  sampleTables,
} from './fixtures/render/sample-tables.js';

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}

function rowValues(sheet: ExcelJS.Worksheet, row: number): unknown[] {
  return (sheet.getRow(row).values as unknown[]).slice(1);
}

describe('renderXlsx', () => {
  it('has the five sheets, in Finnish by default', async () => {
    const workbook = await readBack(await renderXlsx(sampleTables, polarityCodebook, 'fi'));
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Teemat',
      'Raportit x teemat',
      'Koodaukset',
      'Lainaukset',
      'Raportit',
    ]);
  });

  it('freezes the header row and puts a filter on every sheet', async () => {
    const workbook = await readBack(await renderXlsx(sampleTables, polarityCodebook, 'fi'));
    for (const sheet of workbook.worksheets) {
      const view = sheet.views[0];
      expect(view?.state, sheet.name).toBe('frozen');
      expect((view as { ySplit?: number }).ySplit, sheet.name).toBe(1);
      expect(sheet.autoFilter, sheet.name).toBeTruthy();
      const width = sheet.getRow(1).cellCount;
      const lastColumn = sheet.getCell(1, width).address.replace(/\d+$/, '');
      expect(sheet.autoFilter, sheet.name).toBe(`A1:${lastColumn}${sheet.rowCount}`);
      for (let c = 1; c <= width; c++) {
        const w = sheet.getColumn(c).width ?? 0;
        expect(w, `${sheet.name} column ${c}`).toBeGreaterThanOrEqual(6);
        expect(w, `${sheet.name} column ${c}`).toBeLessThanOrEqual(90);
      }
    }
    const matrix = workbook.getWorksheet('Raportit x teemat');
    expect((matrix?.views[0] as { xSplit?: number } | undefined)?.xSplit).toBe(2);
  });

  it('writes theme counts as numbers with codebook labels', async () => {
    const sheet = (await readBack(await renderXlsx(sampleTables, polarityCodebook, 'fi'))).getWorksheet(
      'Teemat',
    );
    if (!sheet) throw new Error('no sheet');
    expect(rowValues(sheet, 1)).toEqual([
      'Koodi',
      'Teema',
      'Polariteetti',
      'Raportteja',
      'Osuus raporteista',
      'Kappaleita',
    ]);
    expect(rowValues(sheet, 2)).toEqual([
      'success.participation',
      'Asukkaiden osallistumis- ja vaikuttamismahdollisuuksien monipuolistuminen',
      'onnistuminen',
      2,
      2 / 3,
      2,
    ]);
    expect(sheet.getCell('E2').numFmt).toBe('0 %');
    expect(sheet.rowCount).toBe(1 + polarityCodebook.themes.length);
  });

  it('writes the report × theme matrix with a total column', async () => {
    const sheet = (await readBack(await renderXlsx(sampleTables, polarityCodebook, 'en'))).getWorksheet(
      'Reports x themes',
    );
    if (!sheet) throw new Error('no sheet');
    const header = rowValues(sheet, 1);
    expect(header[0]).toBe('Report');
    expect(header[2]).toBe('More ways for residents to participate and influence');
    expect(header.at(-1)).toBe('Total');
    expect(rowValues(sheet, 2)).toEqual(['kokkola-digi', 'Raportti A', 1, 0, 1, 1, 0, 1, 0, 0, 4]);
  });

  it('lists codings in reading order and anonymised quotes best first', async () => {
    const workbook = await readBack(await renderXlsx(sampleTables, polarityCodebook, 'fi'));
    const codings = workbook.getWorksheet('Koodaukset');
    const quotes = workbook.getWorksheet('Lainaukset');
    if (!codings || !quotes) throw new Error('missing sheet');
    expect(codings.rowCount).toBe(1 + sampleTables.codings.length);
    expect(rowValues(codings, 2).slice(0, 6)).toEqual([
      'kokkola-digi',
      'Raportti A',
      'Loppuraportti 🚀 Kokkolan digihanke > 3. Onnistumiset',
      5,
      5,
      'success.participation',
    ]);
    expect(codings.getCell('L2').alignment?.wrapText).toBe(true);
    expect(quotes.rowCount).toBe(1 + sampleTables.quotes.length);
    const participation = [2, 3].map((r) => rowValues(quotes, r));
    expect(participation.map((r) => r[2])).toEqual([1, 2]);
    expect(String(participation[0]?.[8])).not.toContain('Kokkola');
    expect(quotes.getCell('I2').value).toBe(sampleTables.quotes[0]?.text);
  });

  it('groups a hierarchical codebook by main theme, without a polarity column', async () => {
    const workbook = await readBack(await renderXlsx(hierarchicalTables, hierarchicalCodebook, 'fi'));
    const themes = workbook.getWorksheet('Teemat');
    if (!themes) throw new Error('no sheet');
    expect(rowValues(themes, 1)).toEqual([
      'Koodi',
      'Teema',
      'Pääteema',
      'Raportteja',
      'Osuus raporteista',
      'Kappaleita',
    ]);
    expect(rowValues(themes, 3).slice(0, 3)).toEqual([
      'osaaminen.henkilosto',
      'Henkilöstön digiosaaminen',
      'Osaaminen',
    ]);
    // Main themes carry the aggregate's roll-up of their subthemes.
    expect(rowValues(themes, 2)).toEqual(['osaaminen', 'Osaaminen', 'Osaaminen', 2, 2 / 3, 2]);
    const matrix = workbook.getWorksheet('Raportit x teemat');
    // 9 leaf themes between the two report columns and the total.
    expect(matrix?.getRow(1).cellCount).toBe(2 + 9 + 1);
  });

  it('is byte-identical across renders, with no made-up document dates', async () => {
    const a = await renderXlsx(sampleTables, polarityCodebook, 'fi');
    await new Promise((r) => setTimeout(r, 2100)); // zip times have 2 s resolution
    const b = await renderXlsx(sampleTables, polarityCodebook, 'fi');
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const core = strFromU8(unzipSync(a)['docProps/core.xml'] as Uint8Array);
    expect(core).not.toMatch(/dcterms:(created|modified)|2000-01-01/);
  });
});
