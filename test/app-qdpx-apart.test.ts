// project.qdpx made apart (app/qdpx-apart.ts): another thread reads the run's record files through a
// snapshot and writes the archive into a scratch file. The records read back are the records written; the
// archive is the same bytes as the one made on the main thread; a worker that cannot start (here: run
// from the sources, where no compiled worker script exists) leaves the job to the caller and no scratch.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { qdpxApart, runQdpxJob } from '../src/app/qdpx-apart.js';
import { CodingStore, SourceStore } from '../src/app/stored.js';
import { RecordFile, RecordReader } from '../src/io/scratch.js';
import { renderQdpx, sourceList } from '../src/render/qdpx.js';
import { polarityCodebook, sampleSources, sampleTables } from './fixtures/render/sample-tables.js';

const dir = mkdtempSync(join(tmpdir(), 'analyse-apart-'));

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

describe('the archive made apart', () => {
  const codings = new CodingStore(new RecordFile(join(dir, 'codings')));
  for (const r of [...new Set(sampleTables.codings.map((c) => c.report))].sort())
    codings.add(
      r,
      sampleTables.codings.filter((c) => c.report === r),
    );
  const sorted = [...sampleSources].sort((a, b) => (a.report < b.report ? -1 : 1));
  const texts = new RecordFile(join(dir, 'sources'));
  const sources = new SourceStore(texts);
  for (const s of sorted) sources.add(s);
  const job = (out: string) => ({
    codings: [],
    stored: codings.snapshot() as NonNullable<ReturnType<CodingStore['snapshot']>>,
    reports: sourceList(sorted).reports(),
    sources: texts.snapshot(),
    book: polarityCodebook,
    lang: 'fi' as const,
    out,
  });

  it('is the same bytes as the one made on the main thread', async () => {
    const out = join(dir, 'apart.qdpx');
    runQdpxJob(structuredClone(job(out)));
    const here = await renderQdpx(sampleTables, polarityCodebook, sampleSources);
    expect(readFileSync(out).equals(Buffer.from(here))).toBe(true);
  });

  it('is left to the caller, without a scratch file, when no worker can do it', async () => {
    const out = join(dir, 'never.qdpx');
    writeFileSync(out, 'partial');
    expect(await qdpxApart(job(out))).toBe(false);
    expect(existsSync(out)).toBe(false);
  });
});
