// Finds the reports under the given paths: files with a known extension, folders walked recursively,
// hidden files and the tool's own output folder skipped. Sorted, so every run sees the same order.
import { readdir, stat } from 'node:fs/promises';
import { extname, join, relative, resolve } from 'node:path';
import { type Diagnostic, diagnostic } from '../diagnostics.js';

export const REPORT_EXTENSIONS = ['.md', '.markdown', '.txt', '.docx', '.pdf'] as const;

export interface FoundReports {
  files: string[];
  /** Files with an unknown extension (reported, not read), and paths that do not exist. */
  diagnostics: Diagnostic[];
  missing: string[];
}

function isReport(path: string): boolean {
  return (REPORT_EXTENSIONS as readonly string[]).includes(extname(path).toLowerCase());
}

async function walk(dir: string, out: string[], skipped: string[], exclude: Set<string>): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const full = join(dir, e.name);
    if (exclude.has(resolve(full))) continue;
    if (e.isDirectory()) await walk(full, out, skipped, exclude);
    else if (e.isFile()) (isReport(full) ? out : skipped).push(full);
  }
}

export async function findReports(
  paths: readonly string[],
  options: { exclude?: string[] } = {},
): Promise<FoundReports> {
  const files: string[] = [];
  const skipped: string[] = [];
  const missing: string[] = [];
  const exclude = new Set((options.exclude ?? []).map((p) => resolve(p)));
  for (const p of paths) {
    let s: Awaited<ReturnType<typeof stat>>;
    try {
      s = await stat(p);
    } catch {
      missing.push(p);
      continue;
    }
    if (s.isDirectory()) await walk(p, files, skipped, exclude);
    else files.push(p);
  }
  const unique = [...new Set(files.map((f) => relative(process.cwd(), f) || f))];
  const known = unique.filter(isReport).sort();
  const unknown = [
    ...unique.filter((f) => !isReport(f)),
    ...skipped.map((f) => relative(process.cwd(), f)),
  ].sort();
  const diagnostics = unknown.map((f) =>
    diagnostic(
      f,
      'read/unknown-extension',
      `Not a report format (${REPORT_EXTENSIONS.join(', ')}); skipped`,
      undefined,
      'warning',
    ),
  );
  return { files: known, diagnostics, missing };
}
