// The run's manifest in the output folder: which files the tool wrote (with their SHA-256), and which of
// them are shareable (anonymised, aliases only). check-leaks reads it; a later run knows its own files by it
// (to remove stale ones, and to refuse to overwrite a file someone edited since); the report finder skips
// the files it lists and folders that hold one.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { readIfExists } from './write-atomic.js';

export const MANIFEST_FILE = '.analyse-manifest.json';

export interface Manifest {
  tool: 'analyse';
  /** The files of the run (hidden state files aside), sorted. */
  files: string[];
  shareable: string[];
  /** SHA-256 of every file the run wrote, hidden ones included (absent in manifests of older versions). */
  sha256?: Record<string, string>;
  /** The morphology the run used ("voikko", "snowball"): anonymised quotes can differ without Voikko. */
  morphology?: string;
}

export function renderManifest(
  files: readonly string[],
  shareable: ReadonlySet<string>,
  sha256: ReadonlyMap<string, string> = new Map(),
  about: { morphology?: string } = {},
): string {
  const sorted = [...files].sort();
  const hashes = [...sha256.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const m: Manifest = {
    tool: 'analyse',
    files: sorted,
    shareable: sorted.filter((f) => shareable.has(f)),
    ...(hashes.length > 0 ? { sha256: Object.fromEntries(hashes) } : {}),
    ...(about.morphology ? { morphology: about.morphology } : {}),
  };
  return `${JSON.stringify(m, null, 2)}\n`;
}

export function parseManifest(text: string): Manifest | undefined {
  try {
    const m = JSON.parse(text) as Partial<Manifest>;
    return m.tool === 'analyse' && Array.isArray(m.files) && Array.isArray(m.shareable)
      ? (m as Manifest)
      : undefined;
  } catch {
    return undefined;
  }
}

export async function readManifest(dir: string): Promise<Manifest | undefined> {
  const text = await readIfExists(join(dir, MANIFEST_FILE));
  return text === undefined ? undefined : parseManifest(text);
}

/** Every file a manifest says the tool wrote (plain names only). */
export function manifestFiles(m: Manifest): string[] {
  const names = new Set([...m.files, ...Object.keys(m.sha256 ?? {})]);
  return [...names].filter((n) => n.length > 0 && !/[/\\]/.test(n) && n !== '.' && n !== '..').sort();
}

/** SHA-256 of a file, streamed (codings.csv can be large); undefined when it is not there. */
export function hashFile(path: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', () => resolve(undefined))
      .on('end', () => resolve(hash.digest('hex')));
  });
}
