// A run keeps every coding and report text on disk (app/stored.ts over io/scratch.ts) and the workbooks
// and the REFI-QDA project read them from there: the files must be exactly those made from the same
// codings held in memory. The record files themselves: records back by number and in order, across the
// read-ahead, in any script, and nothing left on disk once closed.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CodingStore } from '../src/app/stored.js';
import { MemoryRecords, RecordFile, type RecordStore } from '../src/io/scratch.js';
import { renderQdpx } from '../src/render/qdpx.js';
import { renderReviewXlsx } from '../src/render/review-xlsx.js';
import { renderXlsx } from '../src/render/xlsx.js';
import type { Tables } from '../src/types.js';
import {
  hierarchicalCodebook,
  hierarchicalTables,
  polarityCodebook,
  sampleSources,
  sampleTables,
} from './fixtures/render/sample-tables.js';

const dir = mkdtempSync(join(tmpdir(), 'analyse-scratch-'));
let made = 0;
const stores: [string, () => RecordStore][] = [
  ['in memory', () => new MemoryRecords()],
  ['in a file', () => new RecordFile(join(dir, `r${made++}`))],
];

describe.each(stores)('records %s', (_name, make) => {
  it('come back by number and in order, whatever their text', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 40 }), { maxLength: 30 }), (texts) => {
        const store = make();
        for (const [i, t] of texts.entries()) expect(store.append(t)).toBe(i);
        expect(store.count).toBe(texts.length);
        expect([...store.records()]).toEqual(texts);
        for (const [i, t] of texts.entries()) expect(store.read(i)).toBe(t);
        expect([...store.records(1, 3)]).toEqual(texts.slice(1, 3));
        store.close();
      }),
      { numRuns: 40 },
    );
  });

  it('read in order across the read-ahead (records of 300 KB, 3 MB in all)', () => {
    const store = make();
    const texts = Array.from({ length: 10 }, (_, i) => `${i}:${'ä'.repeat(150_000)}`);
    for (const t of texts) store.append(t);
    expect([...store.records()]).toEqual(texts);
    store.close();
  });
});

it('a closed record file leaves nothing on disk', () => {
  const path = join(dir, 'gone');
  const store = new RecordFile(path);
  store.append('Kankaanpää');
  expect(existsSync(path)).toBe(true);
  store.close();
  expect(existsSync(path)).toBe(false);
});

/** The same tables with their codings in a store, added report by report in report order. */
function storedTables(tables: Tables): Tables {
  const store = new CodingStore(new RecordFile(join(dir, `codings${made++}`)));
  const reports = [...new Set(tables.codings.map((c) => c.report))].sort();
  for (const r of reports)
    store.add(
      r,
      tables.codings.filter((c) => c.report === r),
    );
  return { ...tables, codings: [], stored: store };
}

describe.each([
  ['polarity', sampleTables, polarityCodebook],
  ['hierarchical', hierarchicalTables, hierarchicalCodebook],
] as const)('outputs from stored codings (%s codebook)', (_name, tables, codebook) => {
  it('analysis.xlsx is the same byte for byte', async () => {
    const a = await renderXlsx(tables, codebook, 'fi');
    expect(Buffer.from(await renderXlsx(storedTables(tables), codebook, 'fi')).equals(Buffer.from(a))).toBe(
      true,
    );
  });

  it('review.xlsx is the same byte for byte', async () => {
    const a = await renderReviewXlsx(tables, codebook, 'fi');
    const b = await renderReviewXlsx(storedTables(tables), codebook, 'fi');
    expect(Buffer.from(b).equals(Buffer.from(a))).toBe(true);
  });

  it('project.qdpx is the same byte for byte', async () => {
    const a = await renderQdpx(tables, codebook, sampleSources);
    const b = await renderQdpx(storedTables(tables), codebook, sampleSources);
    expect(Buffer.from(b).equals(Buffer.from(a))).toBe(true);
  });
});
