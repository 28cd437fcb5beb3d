// A zip archive written as it goes, for outputs too large to hold (project.qdpx of 10,000 reports, the
// workbooks' sheets): entries are added one after another, each whole (`add`, or `addDeflated` when
// `deflateEntry` packed it ahead, e.g. in the thread that read the report), streamed in pieces (`stream`,
// sizes in a data descriptor after the data, as Office and archiver write them) or copied already
// compressed from another archive (`copy`, see zip-read.ts). Bytes depend only on the content:
// fixed entry times (FIXED_ZIP_TIME, or the SOURCE_DATE_EPOCH date) and the entries in the order added.
// No Zip64: more than 65,535 entries or 4 GiB is refused with a message rather than written wrong.
import { Deflate, deflateSync } from 'fflate';
import type { PackedEntry } from '../types.js';
import { zipTime } from './zip-deterministic.js';

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (the zip one), continued from `crc`. */
export function crc32(data: Uint8Array, crc = 0): number {
  let c = ~crc >>> 0;
  for (let i = 0; i < data.length; i++)
    c = (CRC_TABLE[(c ^ (data[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return ~c >>> 0;
}

const encoder = new TextEncoder();
const LIMIT = 0xffffffff;

/** An entry's content deflated (level 6) with its CRC-32 and size: what `add` writes, done ahead. */
export function deflateEntry(content: string | Uint8Array): PackedEntry {
  const data = typeof content === 'string' ? encoder.encode(content) : content;
  return { crc: crc32(data), size: data.length, data: deflateSync(data, { level: 6 }) };
}

interface Written {
  name: Uint8Array;
  flags: number;
  method: number;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

/** An entry being streamed: write its content in pieces, then end it. */
export interface EntryStream {
  write(data: string | Uint8Array): void;
  end(): void;
}

export class ZipWriter {
  private offset = 0;
  private readonly entries: Written[] = [];
  private readonly time: number;
  private readonly date: number;
  private open = false;

  constructor(
    private readonly sink: (bytes: Uint8Array) => void,
    date?: Date,
  ) {
    const t = zipTime(date);
    this.time = (t.getHours() << 11) | (t.getMinutes() << 5) | (t.getSeconds() >> 1);
    this.date = ((t.getFullYear() - 1980) << 9) | ((t.getMonth() + 1) << 5) | t.getDate();
  }

  private emit(bytes: Uint8Array): void {
    this.offset += bytes.length;
    if (this.offset > LIMIT)
      throw new Error('the archive would pass 4 GiB, more than a zip without Zip64 holds');
    this.sink(bytes);
  }

  private header(e: Omit<Written, 'offset'>): void {
    if (this.open) throw new Error('an entry is still being written');
    if (this.entries.length >= 0xffff)
      throw new Error('more than 65,535 entries, more than a zip without Zip64 holds');
    this.entries.push({ ...e, offset: this.offset });
    const h = new DataView(new ArrayBuffer(30));
    h.setUint32(0, 0x04034b50, true);
    h.setUint16(4, 20, true);
    h.setUint16(6, e.flags, true);
    h.setUint16(8, e.method, true);
    h.setUint16(10, this.time, true);
    h.setUint16(12, this.date, true);
    h.setUint32(14, e.crc, true);
    h.setUint32(18, e.compressed, true);
    h.setUint32(22, e.size, true);
    h.setUint16(26, e.name.length, true);
    h.setUint16(28, 0, true);
    this.emit(new Uint8Array(h.buffer));
    this.emit(e.name);
  }

  /** A whole entry, deflated. */
  add(name: string, content: string | Uint8Array): void {
    this.addDeflated(name, deflateEntry(content));
  }

  /** A whole entry deflated ahead by `deflateEntry` (elsewhere, maybe another thread): as `add` writes it. */
  addDeflated(name: string, entry: PackedEntry): void {
    const { crc, size, data } = entry;
    this.copy(name, [data], { method: 8, crc, compressed: data.length, size });
  }

  /** An entry already deflated elsewhere (method 8) or stored (0): its bytes as they are. */
  copy(
    name: string,
    raw: Iterable<Uint8Array>,
    meta: { method: number; crc: number; compressed: number; size: number },
  ): void {
    const { method, crc, compressed, size } = meta;
    this.header({ ...nameOf(name), method, crc, compressed, size });
    let copied = 0;
    for (const chunk of raw) {
      copied += chunk.length;
      this.emit(chunk);
    }
    if (copied !== meta.compressed) throw new Error(`${name}: copied ${copied} bytes of ${meta.compressed}`);
  }

  /** An entry written in pieces: deflated as it comes, its sizes and CRC in a data descriptor. */
  stream(name: string): EntryStream {
    const named = nameOf(name);
    this.header({ ...named, flags: named.flags | 0x8, method: 8, crc: 0, compressed: 0, size: 0 });
    const entry = this.entries[this.entries.length - 1] as Written;
    this.open = true;
    let crc = 0;
    let size = 0;
    let compressed = 0;
    const deflate = new Deflate({ level: 6 }, (chunk) => {
      compressed += chunk.length;
      this.emit(chunk);
    });
    return {
      write: (data) => {
        const bytes = typeof data === 'string' ? encoder.encode(data) : data;
        if (bytes.length === 0) return;
        crc = crc32(bytes, crc);
        size += bytes.length;
        deflate.push(bytes);
      },
      end: () => {
        deflate.push(new Uint8Array(0), true);
        if (size > LIMIT) throw new Error(`${name} would pass 4 GiB, more than a zip without Zip64 holds`);
        Object.assign(entry, { crc, compressed, size });
        const d = new DataView(new ArrayBuffer(16));
        d.setUint32(0, 0x08074b50, true);
        d.setUint32(4, crc, true);
        d.setUint32(8, compressed, true);
        d.setUint32(12, size, true);
        this.open = false;
        this.emit(new Uint8Array(d.buffer));
      },
    };
  }

  /** The central directory and its end record: the archive is complete. */
  finish(): void {
    if (this.open) throw new Error('an entry is still being written');
    const start = this.offset;
    for (const e of this.entries) {
      const c = new DataView(new ArrayBuffer(46));
      c.setUint32(0, 0x02014b50, true);
      c.setUint16(4, 20, true);
      c.setUint16(6, 20, true);
      c.setUint16(8, e.flags, true);
      c.setUint16(10, e.method, true);
      c.setUint16(12, this.time, true);
      c.setUint16(14, this.date, true);
      c.setUint32(16, e.crc, true);
      c.setUint32(20, e.compressed, true);
      c.setUint32(24, e.size, true);
      c.setUint16(28, e.name.length, true);
      c.setUint32(42, e.offset, true);
      this.emit(new Uint8Array(c.buffer));
      this.emit(e.name);
    }
    const end = new DataView(new ArrayBuffer(22));
    end.setUint32(0, 0x06054b50, true);
    end.setUint16(8, this.entries.length, true);
    end.setUint16(10, this.entries.length, true);
    end.setUint32(12, this.offset - start, true);
    end.setUint32(16, start, true);
    this.emit(new Uint8Array(end.buffer));
  }
}

/** The name's bytes, with the UTF-8 flag when it is not ASCII. */
function nameOf(name: string): { name: Uint8Array; flags: number } {
  const bytes = encoder.encode(name);
  return { name: bytes, flags: bytes.length === name.length ? 0 : 0x800 };
}
