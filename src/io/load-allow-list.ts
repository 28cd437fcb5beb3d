// Reads the anonymiser's allow-list (codebooks/allow-list.yaml): a mapping of group names to lists of
// terms, or a plain list. Every term must be a non-empty string; problems carry file:line:col.
// Which allow-list a run uses: the one given (--allow-list); else the one the codebook names (`allowList:`,
// relative to the codebook); else allow-list.yaml beside the codebook; else the bundled one, so that a
// codebook copied anywhere still works.
import { access } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AllowList } from '../anonymise/types.js';
import { type Diagnostic, diagnostic, type Result } from '../diagnostics.js';
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from '../yaml-lazy.js';
import { cachedLoad } from './load-cache.js';
import { readText } from './read-text.js';

/** The allow-list that ships with the tool (src/io or dist/io → ../../codebooks). */
export const BUNDLED_ALLOW_LIST = fileURLToPath(new URL('../../codebooks/allow-list.yaml', import.meta.url));

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

export interface AllowListEntry {
  /** The file the codebook's `allowList:` names, as written ('' when it names none), and its place. */
  name: string;
  place: { line: number; column: number; offset: number };
}

/** The `allowList:` entry of a codebook's text, if it has one (a Result for the load cache). */
export function allowListEntry(text: string): Result<AllowListEntry | null> {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const root = doc.contents;
  if (!isMap(root)) return { ok: true, value: null };
  const pair = root.items.find((p) => isScalar(p.key) && p.key.value === 'allowList');
  if (!pair) return { ok: true, value: null };
  const value = pair.value as Node | null;
  const offset = value?.range?.[0] ?? (pair.key as Node).range?.[0] ?? 0;
  const p = lines.linePos(offset);
  const place = { line: p.line, column: p.col, offset };
  const name = isScalar(value) && typeof value.value === 'string' ? value.value.trim() : '';
  return { ok: true, value: { name, place } };
}

/** The `allowList:` a codebook names, resolved against the codebook's folder, with its place. */
function namedByCodebook(file: string, text: string) {
  const entry = cachedLoad('allow-list-entry', file, text, (_, t) => allowListEntry(t));
  if (!entry.ok || entry.value === null) return undefined;
  const { name, place } = entry.value;
  return { path: name === '' ? undefined : resolve(dirname(file), name), place };
}

/** Loads the allow-list a run with this codebook uses (see the head of this file). */
export async function allowListFor(
  codebookFile: string,
  codebookText: string,
  given?: string,
): Promise<Result<{ path: string; list: AllowList }>> {
  const named = given === undefined ? namedByCodebook(codebookFile, codebookText) : undefined;
  if (named && named.path === undefined)
    return {
      ok: false,
      diagnostics: [
        diagnostic(codebookFile, 'codebook/allow-list-name', 'allowList must name a YAML file', named.place),
      ],
    };
  if (named?.path !== undefined && !(await exists(named.path)))
    return {
      ok: false,
      diagnostics: [
        diagnostic(
          codebookFile,
          'codebook/allow-list-missing',
          `The allow-list this codebook names cannot be read: ${named.path}`,
          named.place,
        ),
      ],
    };
  const beside = join(dirname(codebookFile), 'allow-list.yaml');
  const path = given ?? named?.path ?? ((await exists(beside)) ? beside : BUNDLED_ALLOW_LIST);
  const list = await loadAllowList(path);
  return list.ok ? { ok: true, value: { path, list: list.value } } : list;
}

export async function loadAllowList(path: string): Promise<Result<AllowList>> {
  const text = await readText(path);
  if (!text.ok) return text;
  return cachedLoad('allow-list', path, text.value, (file, t) => parseAllowList(t, file));
}

export function parseAllowList(text: string, file: string): Result<AllowList> {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const diagnostics: Diagnostic[] = [];
  const at = (node: Node | null | undefined) => {
    const offset = node?.range?.[0] ?? 0;
    const p = lines.linePos(offset);
    return { line: p.line, column: p.col, offset };
  };
  for (const e of doc.errors) {
    const p = lines.linePos(e.pos[0]);
    diagnostics.push(
      diagnostic(file, 'allow-list/yaml', e.message.split('\n')[0] ?? 'YAML error', {
        line: p.line,
        column: p.col,
        offset: e.pos[0],
      }),
    );
  }
  if (diagnostics.length > 0) return { ok: false, diagnostics };
  const terms: string[] = [];
  const readList = (node: Node | null | undefined) => {
    if (!isSeq(node)) {
      diagnostics.push(diagnostic(file, 'allow-list/not-a-list', 'Expected a list of terms', at(node)));
      return;
    }
    for (const item of node.items) {
      if (isScalar(item) && typeof item.value === 'string' && item.value.trim() !== '')
        terms.push(item.value.trim());
      else if (isScalar(item) && typeof item.value === 'number') terms.push(String(item.value));
      else
        diagnostics.push(
          diagnostic(file, 'allow-list/bad-term', 'A term must be a non-empty string', at(item as Node)),
        );
    }
  };
  const root = doc.contents;
  if (root === null || root === undefined) return { ok: true, value: { terms: [] } };
  if (isMap(root)) for (const pair of root.items) readList(pair.value as Node);
  else readList(root as Node);
  if (diagnostics.length > 0) return { ok: false, diagnostics };
  return { ok: true, value: { terms: [...new Set(terms)] } };
}
