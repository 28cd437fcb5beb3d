// Codings of DOCX and PDF reports carry a place an evaluator can find in the original file: the PDF page,
// the Word paragraph number. Markdown and text keep their line numbers only.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReportBytes } from '../src/io/read-report.js';
import { codeDocument } from '../src/pipeline.js';
import { codingsCsvHead, codingsCsvRows } from '../src/render/csv.js';
import { locationLabel } from '../src/render/location-label.js';
import { withLocations } from '../src/segment/locate.js';
import { segmentDocument } from '../src/segment/segment.js';
import { coding } from './fixtures/coding.js';

const dir = join(import.meta.dirname, 'fixtures', 'readers');
const compiled = await coding();

async function coded(name: string) {
  const r = await parseReportBytes(readFileSync(join(dir, name)), name);
  if (!r.ok) throw new Error(name);
  return {
    doc: r.value,
    codings: withLocations(r.value, codeDocument(r.value, compiled, { fold: false }).codings),
  };
}

describe('locations of codings', () => {
  it.each([
    ['raportti.pdf', 'page'],
    ['raportti.docx', 'paragraph'],
  ])('%s: every coding has its %s, and codings.csv shows it', async (name, unit) => {
    const { doc, codings } = await coded(name);
    expect(codings.length).toBeGreaterThan(0);
    for (const c of codings) {
      expect(c.location?.unit).toBe(unit);
      // The location is the one of the paragraph segment the coding was made from.
      const segment = segmentDocument(doc).find((s) => s.id === c.segment);
      expect(segment?.location).toEqual(c.location);
    }
    const csv = codingsCsvHead() + codingsCsvRows(codings);
    const [head, first] = csv.replace(/^\uFEFF/, '').split('\n');
    expect(head?.split(',').slice(3, 6)).toEqual(['start_line', 'end_line', 'location']);
    expect(first).toContain(`,${locationLabel(codings[0]?.location)},`);
    expect(first).toMatch(new RegExp(`,${unit}s? \\d+(–\\d+)?,`));
  });

  it('quote candidates of a PDF carry the page, for the quote captions', async () => {
    const r = await parseReportBytes(readFileSync(join(dir, 'raportti.pdf')), 'raportti.pdf');
    if (!r.ok) throw new Error('pdf');
    const candidates = codeDocument(r.value, compiled, { fold: false }).candidates;
    expect(candidates.length).toBeGreaterThan(0);
    for (const c of candidates) expect(c.location?.unit).toBe('page');
  });

  it('Markdown codings have none (their lines are the place)', async () => {
    const { codings } = await coded('raportti.md');
    expect(codings.length).toBeGreaterThan(0);
    expect(codings.every((c) => c.location === undefined)).toBe(true);
  });

  it('locationLabel', () => {
    expect(locationLabel({ unit: 'page', first: 4, last: 4 })).toBe('page 4');
    expect(locationLabel({ unit: 'page', first: 4, last: 5 })).toBe('pages 4–5');
    expect(locationLabel({ unit: 'paragraph', first: 37, last: 37 })).toBe('paragraph 37');
    expect(locationLabel(undefined)).toBe('');
  });
});
