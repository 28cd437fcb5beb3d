// Finds the reports under the given paths: files with a known extension, folders walked recursively,
// hidden files and the tool's own output folder skipped. The tool never reads its own outputs: a folder met
// on the walk that holds an analyse manifest is an output folder and is skipped whole; in a folder given by
// name, and for a file given by name, the files its manifest lists are skipped. Each skip is a note.
// A folder that cannot be read is a diagnostic and the walk goes on. Sorted, so every run sees one order.
import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { type Diagnostic, diagnostic } from '../diagnostics.js';
import { MANIFEST_FILE, manifestFiles, readManifest } from './manifest.js';

export const REPORT_EXTENSIONS = ['.md', '.markdown', '.txt', '.docx', '.pdf'] as const;

export interface FoundReports {
  files: string[];
  /** Unknown extensions, unreadable folders and skipped outputs (reported, not read). */
  diagnostics: Diagnostic[];
  /** Paths that do not exist. */
  missing: string[];
}

function isReport(path: string): boolean {
  return (REPORT_EXTENSIONS as readonly string[]).includes(extname(path).toLowerCase());
}

const display = (p: string) => relative(process.cwd(), p) || p;
const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

interface Walk {
  out: string[];
  skipped: string[];
  exclude: Set<string>;
  diagnostics: Diagnostic[];
}

/** The files an analyse manifest in `dir` lists (empty when there is none). */
async function listedOutputs(dir: string): Promise<Set<string>> {
  const m = await readManifest(dir);
  return new Set(m ? [...manifestFiles(m), MANIFEST_FILE] : []);
}

async function walk(dir: string, w: Walk, root: boolean): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    w.diagnostics.push(
      diagnostic(
        display(dir),
        'read/unreadable-folder',
        `Cannot read the folder (${code}); the reports in it are not analysed`,
      ),
    );
    return;
  }
  entries.sort(byName);
  let own = new Set<string>();
  if (entries.some((e) => e.name === MANIFEST_FILE && e.isFile())) {
    if (!root) {
      w.diagnostics.push(
        diagnostic(
          display(dir),
          'read/own-outputs',
          `Holds outputs of analyse (${MANIFEST_FILE}); folder skipped`,
          undefined,
          'info',
        ),
      );
      return;
    }
    own = await listedOutputs(dir);
    const listed = entries.filter((e) => own.has(e.name) && !e.name.startsWith('.')).length;
    if (listed > 0)
      w.diagnostics.push(
        diagnostic(
          display(dir),
          'read/own-outputs',
          `${listed} output file${listed === 1 ? '' : 's'} of analyse listed in ${MANIFEST_FILE} skipped`,
          undefined,
          'info',
        ),
      );
  }
  for (const e of entries) {
    if (e.name.startsWith('.') || own.has(e.name)) continue;
    const full = join(dir, e.name);
    if (w.exclude.has(resolve(full))) continue;
    if (e.isDirectory()) await walk(full, w, false);
    else if (e.isFile()) (isReport(full) ? w.out : w.skipped).push(full);
  }
}

export async function findReports(
  paths: readonly string[],
  options: { exclude?: string[] } = {},
): Promise<FoundReports> {
  const w: Walk = {
    out: [],
    skipped: [],
    exclude: new Set((options.exclude ?? []).map((p) => resolve(p))),
    diagnostics: [],
  };
  const missing: string[] = [];
  for (const p of paths) {
    let s: Awaited<ReturnType<typeof stat>>;
    try {
      s = await stat(p);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') missing.push(p);
      else w.diagnostics.push(diagnostic(p, 'read/unreadable', `Cannot read (${code ?? 'error'})`));
      continue;
    }
    if (s.isDirectory()) await walk(p, w, true);
    else if ((await listedOutputs(dirname(p))).has(basename(p)))
      w.diagnostics.push(
        diagnostic(
          display(p),
          'read/own-outputs',
          `An output of analyse (listed in ${MANIFEST_FILE}); skipped`,
          undefined,
          'info',
        ),
      );
    else w.out.push(p);
  }
  const unique = [...new Set(w.out.map(display))];
  const known = unique.filter(isReport).sort();
  const unknown = [...unique.filter((f) => !isReport(f)), ...w.skipped.map(display)].sort();
  const diagnostics = [
    ...w.diagnostics,
    ...unknown.map((f) =>
      diagnostic(
        f,
        'read/unknown-extension',
        `Not a report format (${REPORT_EXTENSIONS.join(', ')}); skipped`,
        undefined,
        'warning',
      ),
    ),
  ];
  return { files: known, diagnostics, missing };
}
