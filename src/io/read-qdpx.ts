// Reads a REFI-QDA project archive (.qdpx): its project.qde (or the one .qde it holds) and the plain
// texts of its sources ("internal://x.txt" → sources/x.txt; the folder may be "sources" or "Sources").
import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import { diagnostic, type Result } from '../diagnostics.js';
import type { ImportedProject } from '../review/qdpx-decisions.js';
import { parseRefiProject } from '../review/refi-model.js';

export async function readQdpx(path: string): Promise<Result<ImportedProject>> {
  const fail = (reason: string): Result<ImportedProject> => ({
    ok: false,
    diagnostics: [diagnostic(path, 'import/qdpx', reason)],
  });
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(new Uint8Array(await readFile(path)));
  } catch (e) {
    return fail(
      `Not a readable .qdpx archive (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
    );
  }
  const names = Object.keys(entries);
  const qdeName =
    names.find((n) => n.toLowerCase() === 'project.qde') ??
    names.find((n) => n.toLowerCase().endsWith('.qde'));
  if (!qdeName) return fail('The archive holds no project.qde');
  const project = parseRefiProject(`${path}:${qdeName}`, strFromU8(entries[qdeName] as Uint8Array));
  if (!project.ok) return project;
  const byLower = new Map(names.map((n) => [n.toLowerCase(), n]));
  const texts = new Map<string, string>();
  for (const source of project.value.sources) {
    const internal = /^internal:\/\/(.+)$/.exec(source.plainTextPath ?? '')?.[1];
    if (!internal) continue;
    const entry = byLower.get(`sources/${internal.toLowerCase()}`);
    if (entry) texts.set(source.guid, strFromU8(entries[entry] as Uint8Array));
  }
  return { ok: true, value: { file: path, project: project.value, texts } };
}
