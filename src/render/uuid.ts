// Name-based UUIDs (RFC 9562 version 5, SHA-1), so exported GUIDs follow from content and two exports diff cleanly.
import { createHash } from 'node:crypto';

/** Namespace of every GUID `analyse` derives (itself UUIDv5 of an URL in the RFC's URL namespace). */
export const ANALYSE_NAMESPACE = '28c59ac2-0675-5487-8d77-b3deacde104f';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Namespaces' bytes, parsed once each (an export derives a GUID per selection, all in one namespace). */
const namespaceBytes = new Map<string, Buffer>();

function uuidBytes(uuid: string): Buffer {
  let bytes = namespaceBytes.get(uuid);
  if (bytes === undefined) {
    if (!UUID_PATTERN.test(uuid)) throw new Error(`not a UUID: ${uuid}`);
    bytes = Buffer.from(uuid.replace(/-/g, ''), 'hex');
    if (namespaceBytes.size < 64) namespaceBytes.set(uuid, bytes);
  }
  return bytes;
}

/** UUIDv5 of `name` (UTF-8) in `namespace`, lower-case and hyphenated. */
export function uuidv5(name: string, namespace: string = ANALYSE_NAMESPACE): string {
  const hash = createHash('sha1').update(uuidBytes(namespace)).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
