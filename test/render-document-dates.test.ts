// Created and modified dates of analysis.xlsx, review.xlsx and synthesis.docx: no made-up date (the old 2000-01-01);
// without SOURCE_DATE_EPOCH the properties are left out, with it they carry that date. Both deterministic.
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { documentDate } from '../src/cli/run-options.js';
import { renderReviewXlsx } from '../src/render/review-xlsx.js';
import { renderSynthesisDocx } from '../src/render/synthesis-docx.js';
import { renderXlsx } from '../src/render/xlsx.js';
import { polarityCodebook, sampleTables } from './fixtures/render/sample-tables.js';

const core = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)['docProps/core.xml'] ?? new Uint8Array());

const renderers = [
  ['analysis.xlsx', (d?: Date) => renderXlsx(sampleTables, polarityCodebook, 'fi', d ? { created: d } : {})],
  [
    'review.xlsx',
    (d?: Date) => renderReviewXlsx(sampleTables, polarityCodebook, 'fi', d ? { created: d } : {}),
  ],
  [
    'synthesis.docx',
    (d?: Date) => renderSynthesisDocx(sampleTables, polarityCodebook, 'fi', d ? { created: d } : {}),
  ],
] as const;

describe.each(renderers)('%s', (_name, render) => {
  it('carries no created or modified date by default, and its bytes do not change', async () => {
    const a = await render();
    expect(core(a)).not.toMatch(/dcterms:(created|modified)/);
    expect(core(a)).not.toContain('2000-01-01');
    expect(Buffer.from(await render()).equals(Buffer.from(a))).toBe(true);
  });

  it('carries the SOURCE_DATE_EPOCH date when given', async () => {
    const date = documentDate({ SOURCE_DATE_EPOCH: '1700000000' });
    const xml = core(await render(date));
    expect(xml).toMatch(/<dcterms:created[^>]*>2023-11-14T22:13:20Z<\/dcterms:created>/);
    expect(xml).toMatch(/<dcterms:modified[^>]*>2023-11-14T22:13:20Z<\/dcterms:modified>/);
  });
});

describe('documentDate', () => {
  it.each([
    [{}, undefined],
    [{ SOURCE_DATE_EPOCH: '' }, undefined],
    [{ SOURCE_DATE_EPOCH: 'yesterday' }, undefined],
    [{ SOURCE_DATE_EPOCH: '0' }, '1970-01-01T00:00:00.000Z'],
  ])('%o → %s', (env, iso) => {
    expect(documentDate(env)?.toISOString()).toBe(iso);
  });
});
