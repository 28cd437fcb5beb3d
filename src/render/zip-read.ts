// Reading a zip archive's entries from random-access bytes (a workbook exceljs just wrote to a scratch
// file), and repacking them into a ZipWriter in a fixed order without inflating them again: the compressed
// bytes, CRC and sizes are copied as they are, so a workbook of any size is repacked in small pieces. An
// entry to be changed (docProps/core.xml, its dates) is inflated, changed and deflated alone.
import { inflateSync } from 'fflate';
import type { ZipWriter } from './zip-stream.js';

/** Random access to bytes: a file (io/scratch.ts) or a buffer. */
export interface ByteSource {
  readonly size: number;
  read(offset: number, length: number): Uint8Array;
}

export function bufferSource(bytes: Uint8Array): ByteSource {
  return { size: bytes.length, read: (offset, length) => bytes.subarray(offset, offset + length) };
}

export interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressed: number;
  size: number;
  /** Where the local header starts. */
  header: number;
}

const decoder = new TextDecoder();

/** The entries of the archive's central directory, in its order. */
export function zipEntries(src: ByteSource): ZipEntry[] {
  const tail = Math.min(src.size, 22 + 0xffff);
  const end = src.read(src.size - tail, tail);
  let at = -1;
  for (let i = end.length - 22; i >= 0; i--)
    if (end[i] === 0x50 && end[i + 1] === 0x4b && end[i + 2] === 0x05 && end[i + 3] === 0x06) {
      at = i;
      break;
    }
  if (at < 0) throw new Error('not a zip archive (no end of central directory)');
  const e = new DataView(end.buffer, end.byteOffset + at, 22);
  const count = e.getUint16(10, true);
  const size = e.getUint32(12, true);
  const start = e.getUint32(16, true);
  const dir = src.read(start, size);
  const d = new DataView(dir.buffer, dir.byteOffset, dir.byteLength);
  const out: ZipEntry[] = [];
  let p = 0;
  for (let k = 0; k < count; k++) {
    if (d.getUint32(p, true) !== 0x02014b50) throw new Error('damaged zip central directory');
    const nameLength = d.getUint16(p + 28, true);
    const extra = d.getUint16(p + 30, true);
    const comment = d.getUint16(p + 32, true);
    out.push({
      name: decoder.decode(dir.subarray(p + 46, p + 46 + nameLength)),
      method: d.getUint16(p + 10, true),
      crc: d.getUint32(p + 16, true),
      compressed: d.getUint32(p + 20, true),
      size: d.getUint32(p + 24, true),
      header: d.getUint32(p + 42, true),
    });
    p += 46 + nameLength + extra + comment;
  }
  return out;
}

/** Pieces of an entry's compressed bytes, as stored. */
export function* rawBytes(src: ByteSource, entry: ZipEntry, piece = 1 << 20): Iterable<Uint8Array> {
  const local = src.read(entry.header, 30);
  const l = new DataView(local.buffer, local.byteOffset, 30);
  const data = entry.header + 30 + l.getUint16(26, true) + l.getUint16(28, true);
  for (let done = 0; done < entry.compressed; done += piece)
    yield src.read(data + done, Math.min(piece, entry.compressed - done));
}

/** An entry's content, inflated (for small entries only: it is held whole). */
export function entryContent(src: ByteSource, entry: ZipEntry): Uint8Array {
  const raw = new Uint8Array(entry.compressed);
  let at = 0;
  for (const piece of rawBytes(src, entry)) {
    raw.set(piece, at);
    at += piece.length;
  }
  return entry.method === 0 ? raw : inflateSync(raw, { out: new Uint8Array(entry.size) });
}

/**
 * Copies every entry of `src` into `out` in the order `order` gives (names compared), leading slashes of
 * names dropped; `change` may replace an entry's content (then it is deflated anew).
 */
export function repackEntries(
  src: ByteSource,
  out: ZipWriter,
  order: (a: string, b: string) => number,
  change?: (name: string, content: () => Uint8Array) => Uint8Array | undefined,
): void {
  const entries = zipEntries(src).map((e) => ({ ...e, clean: e.name.replace(/^\/+/, '') }));
  entries.sort((a, b) => order(a.clean, b.clean));
  for (const e of entries) {
    const changed = change?.(e.clean, () => entryContent(src, e));
    if (changed) out.add(e.clean, changed);
    else out.copy(e.clean, rawBytes(src, e), e);
  }
}
