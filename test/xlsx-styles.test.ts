// The style memo (render/xlsx-styles.ts) must give every cell the id exceljs itself would: the same
// sequence of style models, with parts shared as exceljs shares them, through a registry with and one
// without the memo.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { rememberStyles, type StylesRegistry } from '../src/render/xlsx-styles.js';

const require = createRequire(import.meta.url);
type Registry = StylesRegistry & { xml: string };
const StylesXform = require('exceljs/lib/xlsx/xform/style/styles-xform.js') as new (
  withWeakMap: boolean,
) => Registry;

const NUMBER = 2;
const STRING = 3;
const DATE = 4;
const bold = { bold: true };
const top = { vertical: 'top', wrapText: false };
const wrapped = { vertical: 'top', wrapText: true };
const shaded = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE2E8F0' } };
const line = { bottom: { style: 'thin', color: { argb: 'FF718096' } } };

// Each model a new object, as exceljs merges a row's and a column's parts into every cell.
const cells: [object | undefined, number | undefined][] = [
  [{ font: bold, alignment: wrapped, fill: shaded, border: line }, STRING],
  [{ font: bold, alignment: wrapped, fill: { ...shaded }, border: line }, STRING],
  [{ alignment: top }, STRING],
  [{ alignment: top }, NUMBER],
  [{ alignment: top }, DATE],
  [{ alignment: top, numFmt: '0.00' }, NUMBER],
  [{ alignment: top, numFmt: '0.0%' }, NUMBER],
  [{ alignment: wrapped }, STRING],
  [{ alignment: top }, STRING],
  [{ alignment: top, numFmt: '0.00' }, STRING],
  [{}, undefined],
  [undefined, NUMBER],
  [{ alignment: { ...top } }, NUMBER],
  [{ alignment: wrapped }, NUMBER],
  [{ alignment: top, numFmt: '0.00' }, NUMBER],
];

describe('rememberStyles', () => {
  it('gives each cell the style id exceljs gives it, and the same styles part', () => {
    const plain = new StylesXform(true);
    const remembered = new StylesXform(true);
    rememberStyles(remembered);
    const ids = (r: Registry) => cells.map(([model, type]) => r.addStyleModel(model, type));
    expect(ids(remembered)).toEqual(ids(plain));
    expect(remembered.xml).toBe(plain.xml);
  });
});
