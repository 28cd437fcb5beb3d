// The code cache file: V8's cached data for the bundle behind a header that ties it to the bundle's exact
// bytes and to its own. V8 checks only the source's length and its own version and flags: a cache of
// another bundle of the same length would run that bundle's code, and a damaged cache crashes the
// process (measured: a few flipped bytes, a segmentation fault). So the loader hands V8 only a cache whose
// digest matches; anything else costs a compilation, never a wrong or failed run.
import { createHash } from 'node:crypto';

const MAGIC = Buffer.from('analyse-v8-cache 1\n', 'latin1');
const DIGEST_BYTES = 32;
const HEADER_BYTES = MAGIC.length + DIGEST_BYTES;

function digest(bundle: Uint8Array, payload: Uint8Array): Buffer {
  return createHash('sha256').update(bundle).update(payload).digest();
}

/** The file to write: the header, then V8's data for the bundle with these bytes. */
export function sealCodeCache(bundle: Uint8Array, data: Uint8Array): Buffer {
  return Buffer.concat([MAGIC, digest(bundle, data), data]);
}

/** V8's data from a cache file, or undefined when the file was not made for these bundle bytes or is damaged. */
export function openCodeCache(bundle: Uint8Array, file: Buffer): Buffer | undefined {
  if (file.length <= HEADER_BYTES || !file.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const payload = file.subarray(HEADER_BYTES);
  const recorded = file.subarray(MAGIC.length, HEADER_BYTES);
  return digest(bundle, payload).equals(recorded) ? payload : undefined;
}
