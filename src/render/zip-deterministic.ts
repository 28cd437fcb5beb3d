// Zip archives whose bytes depend only on their content: fixed entry times, entry order kept.
// xlsx, docx and qdpx are zips; exceljs and docx stamp "now" into entries, so their output is re-packed here.
import { strFromU8, strToU8, unzipSync, type Zippable, zipSync } from 'fflate';

/**
 * Entry time of every archive entry. Built from local fields on purpose: zip stores DOS local time, and
 * fflate reads the local fields, so the stored bytes are the same in every time zone.
 */
export const FIXED_ZIP_TIME = new Date(2000, 0, 1, 0, 0, 0);

/** Zip entry time for a given date: its UTC fields as local ones (zip stores local time, see above). */
export function zipTime(date: Date | undefined): Date {
  if (!date || date.getUTCFullYear() < 1980) return FIXED_ZIP_TIME;
  return new Date(
    date.getUTCFullYear(),
    date.getUTCMonth(),
    date.getUTCDate(),
    date.getUTCHours(),
    date.getUTCMinutes(),
    date.getUTCSeconds(),
  );
}

/** Zips entries in the given order with fixed times (`date`, e.g. from SOURCE_DATE_EPOCH, when given). */
export function zipDeterministic(
  entries: ReadonlyArray<readonly [string, Uint8Array]>,
  date?: Date,
): Uint8Array {
  const mtime = zipTime(date);
  const files: Zippable = {};
  for (const [name, data] of entries) files[name] = [data, { mtime, level: 6 }];
  return zipSync(files, { mtime });
}

/**
 * Re-packs an OOXML package (xlsx, docx) with fixed entry times, keeping the entry order of the original.
 * The document's created/modified properties (docProps/core.xml) become `created` when given (the caller
 * passes SOURCE_DATE_EPOCH); otherwise they are left out: an honest "unknown" rather than a made-up date.
 */
export function repackOfficeDeterministic(bytes: Uint8Array, created?: Date): Uint8Array {
  const entries = Object.entries(unzipSync(bytes)).map(([name, data]): [string, Uint8Array] => [
    name,
    name === 'docProps/core.xml' ? strToU8(coreDates(strFromU8(data), created)) : data,
  ]);
  return zipDeterministic(entries, created);
}

const CORE_DATE = /<dcterms:(created|modified)\b[^>]*>[^<]*<\/dcterms:\1>/g;

export function coreDates(xml: string, created: Date | undefined): string {
  if (!created) return xml.replace(CORE_DATE, '');
  const iso = `${created.toISOString().slice(0, 19)}Z`;
  return xml.replace(CORE_DATE, (element) => element.replace(/>[^<]*</, `>${iso}<`));
}
