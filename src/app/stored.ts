// What the run keeps of every report for the outputs made at the end, on disk (io/scratch.ts) rather than
// in memory: every coding (the workbooks' rows, the REFI-QDA selections) one record each, and every
// report's text (the REFI-QDA sources) with its file for the archive, deflated where the report was read.
// Memory holds only where each report's records are.
import { RecordReader, type RecordSnapshot, type RecordStore } from '../io/scratch.js';
import type { SourceFile } from '../render/qdpx.js';
import type { Coding, SourceText, StoredCodings } from '../types.js';

/** Where a CodingStore's records are, and each report's: enough to read them in another thread. */
export interface CodingSnapshot {
  records: RecordSnapshot;
  ranges: [string, [number, number]][];
}

export class CodingStore implements StoredCodings {
  private readonly ranges = new Map<string, [number, number]>();

  constructor(private readonly records: RecordStore) {}

  /** The store for another thread, or undefined when its records are not on disk. */
  snapshot(): CodingSnapshot | undefined {
    const records = this.records.snapshot?.();
    return records ? { records, ranges: [...this.ranges] } : undefined;
  }

  /** A store reading another thread's records (read only). */
  static reading(snapshot: CodingSnapshot): CodingStore {
    const store = new CodingStore(new RecordReader(snapshot.records));
    for (const [report, range] of snapshot.ranges) store.ranges.set(report, range);
    return store;
  }

  /** A report's codings, in their final order; reports come in the run's order. */
  add(report: string, codings: readonly Coding[]): void {
    const from = this.records.count;
    for (const c of codings) this.records.append(JSON.stringify(c));
    const known = this.ranges.get(report);
    this.ranges.set(report, [known?.[0] ?? from, this.records.count]);
  }

  get count(): number {
    return this.records.count;
  }

  *all(): Iterable<Coding> {
    for (const r of this.records.records()) yield JSON.parse(r) as Coding;
  }

  ofReport(report: string): Coding[] {
    const range = this.ranges.get(report);
    if (!range) return [];
    return [...this.records.records(range[0], range[1])].map((r) => JSON.parse(r) as Coding);
  }

  at(n: number): Coding {
    return JSON.parse(this.records.read(n)) as Coding;
  }

  close(): void {
    this.records.close();
  }
}

/**
 * A source's packed file as its record holds it: the deflated bytes in base64, one native call each way
 * (measured at 1,000 reports: 50 ms to write, 30 ms to read back, against 190 ms to write and read the texts).
 */
interface PackedRecord {
  report: string;
  crc: number;
  size: number;
  data: string;
}

/**
 * Every report's text for the REFI-QDA project, two records a source: its text (JSON of report, path and
 * text), then its file deflated ahead (PackedRecord, or '' when it was not packed). project.qde reads the
 * texts; the archive's files read only the packed records, not the texts again.
 */
export class SourceStore {
  constructor(private readonly records: RecordStore) {}

  /** Where its records are, for a reader in another thread; undefined when they are not on disk. */
  snapshot(): RecordSnapshot | undefined {
    return this.records.snapshot?.();
  }

  /** A store reading another thread's records (read only). */
  static reading(snapshot: RecordSnapshot): SourceStore {
    return new SourceStore(new RecordReader(snapshot));
  }

  add(source: SourceText): void {
    const { report, path, text, packed } = source;
    this.records.append(JSON.stringify({ report, path, text }));
    if (!packed) {
      this.records.append('');
      return;
    }
    const { crc, size, data } = packed;
    const base64 = Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('base64');
    this.records.append(JSON.stringify({ report, crc, size, data: base64 } satisfies PackedRecord));
  }

  /** Every source's text in the order added (the run's, by report key). */
  *all(): Iterable<SourceText> {
    let n = 0;
    for (const r of this.records.records()) if (n++ % 2 === 0) yield JSON.parse(r) as SourceText;
  }

  /** Every source's file for the archive, in the same order: the packed one, else the text to deflate. */
  *files(): Iterable<SourceFile> {
    for (let n = 0; n < this.count; n++) {
      const packed = this.records.read(2 * n + 1);
      if (packed === '') {
        yield JSON.parse(this.records.read(2 * n)) as SourceText;
        continue;
      }
      const { report, crc, size, data } = JSON.parse(packed) as PackedRecord;
      yield { report, packed: { crc, size, data: Buffer.from(data, 'base64') } };
    }
  }

  get count(): number {
    return Math.floor(this.records.count / 2);
  }

  close(): void {
    this.records.close();
  }
}
