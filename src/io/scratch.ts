// Scratch files: what a run must keep of every report but not in memory (the codings and texts the
// workbooks and the REFI-QDA export are made of at the end, what the anonymiser learned of each report), on
// disk in the output folder's hidden staging folder, removed before the outputs are swapped in (and with
// the staging folder if the run dies). They hold original text: never in the shareable set.
import { closeSync, createWriteStream, fstatSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import type { Writable } from 'node:stream';
import type { ByteSource } from '../render/zip-read.js';

/** Numbered text records, appended and read back by number, or all of them in order. */
export interface RecordStore {
  /** Appends a record; returns its number (0, 1, …). */
  append(text: string): number;
  read(n: number): string;
  /** Records from..to-1 in order (all by default), read ahead in large pieces. */
  records(from?: number, to?: number): Iterable<string>;
  readonly count: number;
  /** Frees what it holds (the file goes). */
  close(): void;
  /** Where its records are, for a reader in another thread (stores on disk only). */
  snapshot?(): RecordSnapshot;
}

/** Records in memory: for runs without an output stage (tests, the library). */
export class MemoryRecords implements RecordStore {
  private readonly list: string[] = [];
  append(text: string): number {
    this.list.push(text);
    return this.list.length - 1;
  }
  read(n: number): string {
    return this.list[n] ?? '';
  }
  *records(from = 0, to = this.list.length): Iterable<string> {
    for (let i = Math.max(0, from); i < Math.min(to, this.list.length); i++) yield this.list[i] as string;
  }
  get count(): number {
    return this.list.length;
  }
  close(): void {
    this.list.length = 0;
  }
}

/** Bytes read ahead when records are read in order. */
const READ_AHEAD = 1 << 20;

/** Where a record file's records are: enough for another thread to read them (RecordReader). */
export interface RecordSnapshot {
  path: string;
  /** The end offset of each record. */
  ends: Float64Array;
}

/** Records on disk, read back by number or in order; the file and the offsets are the subclass's. */
abstract class RecordsOnDisk {
  protected fd: number | undefined;
  protected ends: Float64Array<ArrayBufferLike> = new Float64Array(1024);
  protected n = 0;

  constructor(readonly path: string) {}

  protected start(n: number): number {
    return n === 0 ? 0 : (this.ends[n - 1] as number);
  }

  read(n: number): string {
    if (n < 0 || n >= this.n) return '';
    const from = this.start(n);
    const buffer = Buffer.allocUnsafe((this.ends[n] as number) - from);
    readFully(this.open(), buffer, from);
    return buffer.toString('utf8');
  }

  *records(from = 0, to = this.n): Iterable<string> {
    let i = Math.max(0, from);
    const last = Math.min(to, this.n);
    while (i < last) {
      // As many whole records as fit in the read-ahead (at least one).
      let j = i + 1;
      while (j < last && (this.ends[j] as number) - this.start(i) <= READ_AHEAD) j++;
      const base = this.start(i);
      const buffer = Buffer.allocUnsafe((this.ends[j - 1] as number) - base);
      readFully(this.open(), buffer, base);
      for (; i < j; i++) yield buffer.toString('utf8', this.start(i) - base, (this.ends[i] as number) - base);
    }
  }

  get count(): number {
    return this.n;
  }

  protected open(): number {
    if (this.fd === undefined) throw new Error(`scratch file ${this.path} is closed`);
    return this.fd;
  }
}

/** Records in a file: UTF-8 text one after another, their offsets in memory (8 bytes a record). */
export class RecordFile extends RecordsOnDisk implements RecordStore {
  private size = 0;

  constructor(path: string) {
    super(path);
    this.fd = openSync(path, 'w+', 0o600);
  }

  append(text: string): number {
    const bytes = Buffer.from(text, 'utf8');
    let done = 0;
    while (done < bytes.length)
      done += writeSync(this.open(), bytes, done, bytes.length - done, this.size + done);
    this.size += bytes.length;
    if (this.n === this.ends.length) {
      const grown = new Float64Array(this.ends.length * 2);
      grown.set(this.ends);
      this.ends = grown;
    }
    this.ends[this.n] = this.size;
    return this.n++;
  }

  /** The records so far, for a reader in another thread (the file stays this store's). */
  snapshot(): RecordSnapshot {
    return { path: this.path, ends: this.ends.slice(0, this.n) };
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    rmSync(this.path, { force: true });
  }
}

/** Another thread's view of a RecordFile's records (read only; closing leaves the file to its owner). */
export class RecordReader extends RecordsOnDisk implements RecordStore {
  constructor(snapshot: RecordSnapshot) {
    super(snapshot.path);
    this.fd = openSync(snapshot.path, 'r');
    this.ends = snapshot.ends;
    this.n = snapshot.ends.length;
  }

  append(_text: string): number {
    throw new Error(`scratch file ${this.path} is read only here`);
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

function readFully(fd: number, buffer: Buffer, position: number): void {
  let done = 0;
  while (done < buffer.length) {
    const got = readSync(fd, buffer, done, buffer.length - done, position + done);
    if (got === 0) throw new Error('scratch file ended early');
    done += got;
  }
}

/** Random access to a file's bytes (a zip written by a library, read back to be repacked). */
export function fileBytes(path: string): ByteSource & { close(): void } {
  const fd = openSync(path, 'r');
  const size = fstatSync(fd).size;
  return {
    size,
    read(offset, length) {
      const buffer = Buffer.allocUnsafe(Math.max(0, Math.min(length, size - offset)));
      readFully(fd, buffer, offset);
      return buffer;
    },
    close: () => closeSync(fd),
  };
}

/** A stream into a scratch file, for a library that writes to a stream (exceljs); resolves when closed. */
export function scratchStream(path: string): { stream: Writable; closed: Promise<void> } {
  const stream = createWriteStream(path, { mode: 0o600 });
  const closed = new Promise<void>((resolve, reject) => {
    stream.on('close', resolve);
    stream.on('error', reject);
  });
  return { stream, closed };
}

/**
 * A package a library writes into a scratch file (exceljs's workbook), then read back at random: `written`
 * once the stream is closed; `dispose` closes and removes the file.
 */
export function scratchPackage(path: string): {
  stream: Writable;
  written(): Promise<ByteSource>;
  dispose(): void;
} {
  const { stream, closed } = scratchStream(path);
  let bytes: ReturnType<typeof fileBytes> | undefined;
  return {
    stream,
    written: async () => {
      await closed;
      bytes = fileBytes(path);
      return bytes;
    },
    dispose: () => {
      bytes?.close();
      removeScratch(path);
    },
  };
}

/** A file written piece by piece, synchronously (a zip made in another thread). */
export function scratchWriter(path: string): { write(bytes: Uint8Array): void; close(): void } {
  const fd = openSync(path, 'w', 0o600);
  return {
    write(bytes) {
      let done = 0;
      while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
    },
    close: () => closeSync(fd),
  };
}

/** A scratch file's bytes handed on in pieces of 1 MiB, then the file removed. */
export function drainScratch(path: string, write: (bytes: Uint8Array) => void): void {
  const source = fileBytes(path);
  try {
    for (let at = 0; at < source.size; at += 1 << 20) write(source.read(at, 1 << 20));
  } finally {
    source.close();
    removeScratch(path);
  }
}

export function removeScratch(path: string): void {
  rmSync(path, { force: true });
}
