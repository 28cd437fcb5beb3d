// The workbooks, the synthesis document and the REFI-QDA project made apart (app/outputs-apart.ts,
// app/outputs-thread.ts): another thread reads the run's record files through snapshots and renders each
// file into a scratch file. The records read back are the records written; every file is the same bytes as
// the one made on the main thread (the REFI-QDA sources packed where the reports were read, as a run does,
// or not); a thread that cannot start (here: run from the sources, where no compiled worker script exists)
// leaves its files to the main thread, and the outputs are the same.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type OutputSinks, renderOutputs } from '../src/app/outputs.js';
import { type ApartJob, ApartRecords, renderApart } from '../src/app/outputs-apart.js';
import { APART_FILES, OutputsThread } from '../src/app/outputs-thread.js';
import { warmUp } from '../src/app/outputs-warm-up.js';
import { CodingStore, SourceStore } from '../src/app/stored.js';
import { RecordFile, RecordReader, scratchPackage } from '../src/io/scratch.js';
import { packSource, renderQdpx, sourceList } from '../src/render/qdpx.js';
import { renderReviewXlsx } from '../src/render/review-xlsx.js';
import { renderSynthesisDocx } from '../src/render/synthesis-docx.js';
import { renderXlsx } from '../src/render/xlsx.js';
import { polarityCodebook, sampleSources, sampleTables } from './fixtures/render/sample-tables.js';

const dir = mkdtempSync(join(tmpdir(), 'analyse-apart-'));
const created = new Date('2024-05-06T07:08:09Z');

describe('a record file read through its snapshot', () => {
  it('gives the records written so far, by number and in order, and leaves the file to its owner', () => {
    const file = new RecordFile(join(dir, 'records'));
    const texts = ['Kankaanpää', '', 'ä'.repeat(700_000), '{"a":1}'];
    for (const t of texts) file.append(t);
    const reader = new RecordReader(file.snapshot());
    file.append('later');
    expect(reader.count).toBe(texts.length);
    expect([...reader.records()]).toEqual(texts);
    for (const [i, t] of texts.entries()) expect(reader.read(i)).toBe(t);
    expect(() => reader.append('x')).toThrow(/read only/);
    reader.close();
    expect(existsSync(file.path)).toBe(true);
    file.close();
  });
});

/** The sample run with its codings and texts on disk, as a run keeps them. */
function storedRun(name: string) {
  const codings = new CodingStore(new RecordFile(join(dir, `${name}-codings`)));
  for (const r of [...new Set(sampleTables.codings.map((c) => c.report))].sort())
    codings.add(
      r,
      sampleTables.codings.filter((c) => c.report === r),
    );
  const sorted = [...sampleSources].sort((a, b) => (a.report < b.report ? -1 : 1));
  const texts = new RecordFile(join(dir, `${name}-sources`));
  const sources = new SourceStore(texts);
  // Packed in the report job, as a run does; the last one not, as a source from elsewhere.
  for (const [i, s] of sorted.entries())
    sources.add(i < sorted.length - 1 ? { ...s, packed: packSource(s.text) } : s);
  return { tables: { ...sampleTables, codings: [], stored: codings }, sorted, texts };
}

describe('a source store', () => {
  it('gives back the texts, and each file packed as it was added or else its text', () => {
    const { sorted, texts } = storedRun('store');
    const store = SourceStore.reading(texts.snapshot());
    expect([...store.all()]).toEqual(sorted);
    const files = [...store.files()];
    expect(files.map((f) => f.report)).toEqual(sorted.map((s) => s.report));
    for (const [i, f] of files.entries()) {
      const s = sorted[i] as (typeof sorted)[number];
      if (i < sorted.length - 1) {
        const { crc, size, data } = packSource(s.text);
        expect([f.packed?.crc, f.packed?.size, f.text]).toEqual([crc, size, undefined]);
        expect(Buffer.from(f.packed?.data ?? []).equals(Buffer.from(data))).toBe(true);
      } else expect(f).toEqual(s);
    }
    store.close();
    texts.close();
  });
});

describe('the files made apart', () => {
  const run = storedRun('job');
  const job: ApartJob = {
    tables: { ...sampleTables, codings: [] },
    stored: run.tables.stored.snapshot() as NonNullable<ReturnType<CodingStore['snapshot']>>,
    reports: sourceList(run.sorted).reports(),
    sources: run.texts.snapshot(),
    book: polarityCodebook,
    lang: 'fi',
    created,
    scratch: {},
  };
  for (const f of APART_FILES) {
    job.scratch[f] = join(dir, f);
    job.scratch[`package-${f}`] = join(dir, `package-${f}`);
  }

  it.each([
    ['analysis.xlsx', () => renderXlsx(sampleTables, polarityCodebook, 'fi', { created })],
    ['review.xlsx', () => renderReviewXlsx(sampleTables, polarityCodebook, 'fi', { created })],
    ['synthesis.docx', () => renderSynthesisDocx(sampleTables, polarityCodebook, 'fi', { created })],
    ['project.qdpx', () => renderQdpx(sampleTables, polarityCodebook, sampleSources)],
  ] as const)('%s is the same bytes as the one made on the main thread', async (file, here) => {
    const records = new ApartRecords(structuredClone(job));
    await renderApart(records, file);
    records.close();
    expect(readFileSync(join(dir, file)).equals(Buffer.from(await here()))).toBe(true);
    expect(existsSync(join(dir, `package-${file}`))).toBe(false);
  });

  it('the warm-up renders every file from its placeholder run', async () => {
    expect(await warmUp(APART_FILES)).toEqual([]);
    let asked = 0;
    // The job came: nothing more is rendered.
    expect(await warmUp(APART_FILES, () => ++asked > 1)).toEqual([]);
    expect(asked).toBe(2);
  });
});

/** Sinks in a folder: the files' bytes collected by name. */
function folderSinks(name: string) {
  const written = new Map<string, Buffer[]>();
  const sinks: OutputSinks = {
    file: (f) => {
      const chunks: Buffer[] = [];
      written.set(f, chunks);
      return { write: (bytes) => chunks.push(Buffer.from(bytes)) };
    },
    package: (f) => scratchPackage(join(dir, `${name}-package-${f}`)),
    scratch: (f) => join(dir, `${name}-scratch-${f}`),
  };
  return { sinks, written };
}

describe('an outputs thread that cannot start', () => {
  it('leaves every file to the main thread, and the outputs are the same', async () => {
    const outputs = async (name: string, apart: OutputsThread | undefined) => {
      const run = storedRun(name);
      const { sinks, written } = folderSinks(name);
      const rendered = await renderOutputs(run.tables, polarityCodebook, {
        formats: new Set(['csv', 'md', 'xlsx', 'html', 'synthesis', 'qdpx']),
        lang: 'fi',
        csv: { delimiter: ';', bom: true },
        sources: sourceList(run.sorted),
        sinks,
        documentDate: created,
        sourceRecords: run.texts.snapshot(),
        ...(apart ? { apart } : {}),
      });
      await rendered.rest();
      await apart?.close();
      const all = new Map([...rendered.files].map(([f, v]) => [f, Buffer.from(v)]));
      for (const [f, chunks] of written) all.set(f, Buffer.concat(chunks));
      return all;
    };
    const thread = OutputsThread.start(APART_FILES);
    const apart = await outputs('apart', thread);
    const here = await outputs('here', undefined);
    expect([...apart.keys()].sort()).toEqual([...here.keys()].sort());
    expect(apart.has('analysis.xlsx') && apart.has('synthesis.docx')).toBe(true);
    for (const [f, bytes] of here) expect(apart.get(f)?.equals(bytes), f).toBe(true);
  });
});
