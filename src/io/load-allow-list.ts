// Reads the anonymiser's allow-list (codebooks/allow-list.yaml): a mapping of group names to lists of
// terms, or a plain list. Every term must be a non-empty string; problems carry file:line:col.
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import type { AllowList } from '../anonymise/types.js';
import { type Diagnostic, diagnostic, type Result } from '../diagnostics.js';
import { readText } from './read-text.js';

export async function loadAllowList(path: string): Promise<Result<AllowList>> {
  const text = await readText(path);
  if (!text.ok) return text;
  return parseAllowList(text.value, path);
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
