// Where a workbook goes. exceljs's streaming writer writes the package (a zip with "now" in every entry and
// in docProps/core.xml, its parts in the order their streams finished) into a stream; the package is then
// read back and repacked into the output: its parts in a fixed order ([Content_Types].xml first, then by
// name), fixed entry times, the document dates set to `created` (SOURCE_DATE_EPOCH) or left out. The parts
// are copied compressed as they are (zip-read.ts), so a workbook of any size passes in small pieces. The
// run gives a scratch file and the output folder's spool (io/scratch.ts, io/spool.ts); tests, memory.
import { PassThrough, type Writable } from 'node:stream';
import { strFromU8, strToU8 } from 'fflate';
import { rememberStyles, type StylesRegistry } from './xlsx-styles.js';
import { coreDates } from './zip-deterministic.js';
import { type ByteSource, bufferSource, repackEntries } from './zip-read.js';
import { ZipWriter } from './zip-stream.js';

export interface PackageTarget {
  /** A stream for exceljs to write the package into, its bytes once it is closed, and a way to drop it. */
  package(): { stream: Writable; written(): Promise<ByteSource>; dispose(): void };
  /** Where the repacked workbook goes, piece by piece. */
  out(bytes: Uint8Array): void;
}

export type WorkbookWriter = import('exceljs').stream.xlsx.WorkbookWriter;

/**
 * A workbook streamed into `target`: exceljs's WorkbookWriter (loaded on first use) with the tool as
 * creator, `fill` adds the sheets, then the package is committed and repacked (see the header).
 */
export async function writeWorkbook(
  target: PackageTarget,
  created: Date | undefined,
  fill: (workbook: WorkbookWriter) => Promise<void>,
): Promise<void> {
  const { default: Writer } = await import('exceljs/lib/stream/xlsx/workbook-writer.js');
  const pkg = target.package();
  const workbook = new Writer({ stream: pkg.stream, useStyles: true, useSharedStrings: false });
  workbook.creator = 'analyse';
  workbook.lastModifiedBy = 'analyse';
  // exceljs does not declare the writer's styles registry in its types.
  rememberStyles((workbook as unknown as { styles: StylesRegistry }).styles);
  // exceljs stamps "now"; the repack sets `created` or drops the dates.
  await fill(workbook);
  await workbook.commit();
  try {
    repackWorkbook(await pkg.written(), (bytes) => target.out(bytes), created);
  } finally {
    pkg.dispose();
  }
}

/** [Content_Types].xml first, as Office writes it; then the parts by name. */
const partRank = (name: string): number => (name === '[Content_Types].xml' ? 0 : 1);
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Repacks the package exceljs wrote (see the header). */
export function repackWorkbook(src: ByteSource, out: (bytes: Uint8Array) => void, created?: Date): void {
  const zip = new ZipWriter(out, created);
  repackEntries(
    src,
    zip,
    (a, b) => partRank(a) - partRank(b) || compareText(a, b),
    (name, content) =>
      name === 'docProps/core.xml' ? strToU8(coreDates(strFromU8(content()), created)) : undefined,
  );
  zip.finish();
}

/** A target in memory: the workbook's bytes are returned by `bytes()` once written. */
export function memoryTarget(): PackageTarget & { bytes(): Uint8Array } {
  const chunks: Uint8Array[] = [];
  return {
    package() {
      const stream = new PassThrough();
      const parts: Buffer[] = [];
      stream.on('data', (c: Buffer) => parts.push(c));
      const ended = new Promise<void>((resolve) => stream.on('end', resolve));
      const written = async () => {
        await ended;
        return bufferSource(Buffer.concat(parts));
      };
      return { stream, written, dispose: () => parts.splice(0) };
    },
    out: (bytes) => chunks.push(bytes),
    bytes: () => Buffer.concat(chunks),
  };
}

/** Lets queued stream writes drain (exceljs commits rows synchronously): memory stays flat. */
export function drain(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
