// The run's manifest in the output folder: which files the tool wrote, and which of them are shareable
// (anonymised, aliases only). check-leaks reads it; a later run knows its own files by it.
import { join } from 'node:path';
import { readIfExists } from './write-atomic.js';

export const MANIFEST_FILE = '.analyse-manifest.json';

export interface Manifest {
  tool: 'analyse';
  files: string[];
  shareable: string[];
}

export function renderManifest(files: readonly string[], shareable: ReadonlySet<string>): string {
  const sorted = [...files].sort();
  const m: Manifest = { tool: 'analyse', files: sorted, shareable: sorted.filter((f) => shareable.has(f)) };
  return `${JSON.stringify(m, null, 2)}\n`;
}

export async function readManifest(dir: string): Promise<Manifest | undefined> {
  const text = await readIfExists(join(dir, MANIFEST_FILE));
  if (text === undefined) return undefined;
  try {
    const m = JSON.parse(text) as Partial<Manifest>;
    return m.tool === 'analyse' && Array.isArray(m.files) && Array.isArray(m.shareable)
      ? (m as Manifest)
      : undefined;
  } catch {
    return undefined;
  }
}
