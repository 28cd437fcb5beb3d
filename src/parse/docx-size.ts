// How far a DOCX inflates, measured before mammoth unpacks it. mammoth (through JSZip) inflates every XML
// part whole into memory and builds a tree of it: a few hundred kilobytes of zip whose document.xml
// inflates to hundreds of megabytes (a zip bomb, or a pathological export) ends the whole run out of
// memory. So the XML parts are inflated here first as a stream, in small steps, counting bytes and
// keeping none, and the count stops as soon as it passes the limit: the check costs at most the limit's
// worth of inflating, whatever the file claims in its headers.

import { Unzip, type UnzipFile, UnzipInflate } from 'fflate';

/**
 * Largest total of inflated XML (document, styles, numbering, notes, relationships) read from one DOCX.
 * A 60-page report's parts come to 1–3 MB; measured here, mammoth needs about 1 GB of memory and over a
 * minute of a shared core for 16 MB of paragraph XML, so 16 MiB leaves real reports five times their
 * size and keeps one file from taking the run's memory.
 */
export const MAX_DOCX_XML_BYTES = 16 * 1024 * 1024;

/** Compressed bytes pushed at a time: deflate expands at most ~1032:1, so one step yields ≤ 4.2 MB. */
const STEP = 4 * 1024;

const PART = /\.(xml|rels)$/i;

/**
 * Bytes the zip's XML parts inflate to, counted up to just past `limit`; undefined when the zip cannot be
 * read as a stream (mammoth then gives its own diagnosis).
 */
export function inflatedXmlBytes(bytes: Uint8Array, limit = MAX_DOCX_XML_BYTES): number | undefined {
  let total = 0;
  let broken = false;
  const open: UnzipFile[] = [];
  const unzip = new Unzip((file) => {
    if (!PART.test(file.name)) return;
    file.ondata = (error, chunk) => {
      if (error) broken = true;
      else total += chunk.length;
    };
    try {
      file.start();
      open.push(file);
    } catch {
      // A compression method fflate lacks: mammoth will fail on it too, and say so.
      broken = true;
    }
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < bytes.length && total <= limit && !broken; at += STEP) {
      unzip.push(bytes.subarray(at, at + STEP), at + STEP >= bytes.length);
    }
  } catch {
    return total > limit ? total : undefined;
  } finally {
    for (const file of open) file.terminate();
  }
  if (total > limit) return total;
  return broken ? undefined : total;
}
