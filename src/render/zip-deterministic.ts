// Zip archives whose bytes depend only on their content: fixed entry times, entry order kept.
// xlsx, docx and qdpx are zips; exceljs and docx stamp "now" into entries, so their output is re-packed here.
import { strFromU8, strToU8, unzipSync, type Zippable, zipSync } from 'fflate';

/**
 * Entry time of every archive entry. Built from local fields on purpose: zip stores DOS local time, and
 * fflate reads the local fields, so the stored bytes are the same in every time zone.
 */
export const FIXED_ZIP_TIME = new Date(2000, 0, 1, 0, 0, 0);

/** The fixed creation/modification time written into document properties (docProps/core.xml). */
export const FIXED_DOCUMENT_TIME = new Date(Date.UTC(2000, 0, 1, 0, 0, 0));
const FIXED_DOCUMENT_ISO = '2000-01-01T00:00:00Z';

/** Zips entries in the given order with fixed times. */
export function zipDeterministic(entries: ReadonlyArray<readonly [string, Uint8Array]>): Uint8Array {
  const files: Zippable = {};
  for (const [name, data] of entries) files[name] = [data, { mtime: FIXED_ZIP_TIME, level: 6 }];
  return zipSync(files, { mtime: FIXED_ZIP_TIME });
}

/**
 * Re-packs an OOXML package (xlsx, docx) with fixed entry times and fixed docProps/core.xml dates,
 * keeping the entry order of the original.
 */
export function repackOfficeDeterministic(bytes: Uint8Array): Uint8Array {
  const entries = Object.entries(unzipSync(bytes)).map(([name, data]): [string, Uint8Array] => [
    name,
    name === 'docProps/core.xml' ? strToU8(fixCoreDates(strFromU8(data))) : data,
  ]);
  return zipDeterministic(entries);
}

function fixCoreDates(xml: string): string {
  return xml.replace(
    /(<dcterms:(?:created|modified)\b[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g,
    `$1${FIXED_DOCUMENT_ISO}$2`,
  );
}
