// Gold files: a YAML list of { id, code, text } (optional lang, section), as in ../shared/gold.
import { type Diagnostic, diagnostic, type Result } from '../diagnostics.js';
import { isMap, isSeq, LineCounter, parseDocument } from '../yaml-lazy.js';

export interface GoldItem {
  id: string;
  code: string;
  text: string;
  lang?: string;
  /** Other codes the passage legitimately supports (training only). */
  also?: string[];
  /** Heading path of the passage ("3. Toteutus > 3.2 Riskit"), when known. */
  section?: string;
}

export function loadGold(file: string, text: string): Result<GoldItem[]> {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const problems: Diagnostic[] = doc.errors.map((e) => {
    const p = lines.linePos(e.pos[0]);
    return diagnostic(file, 'gold/yaml', e.message.split('\n')[0] ?? e.code, { line: p.line, column: p.col });
  });
  if (problems.length > 0) return { ok: false, diagnostics: problems };
  if (!isSeq(doc.contents))
    return {
      ok: false,
      diagnostics: [diagnostic(file, 'gold/shape', 'A gold file is a list of items with id, code and text')],
    };
  const items: GoldItem[] = [];
  for (const node of doc.contents.items) {
    const p = lines.linePos((node as unknown as { range?: [number] }).range?.[0] ?? 0);
    const obj = isMap(node) ? (node.toJSON() as Record<string, unknown>) : undefined;
    if (!obj || typeof obj.code !== 'string' || typeof obj.text !== 'string' || obj.id === undefined) {
      problems.push(
        diagnostic(file, 'gold/item', 'Each item needs id, code and text', { line: p.line, column: p.col }),
      );
      continue;
    }
    items.push({
      id: String(obj.id),
      code: obj.code,
      text: obj.text,
      ...(typeof obj.lang === 'string' ? { lang: obj.lang } : {}),
      ...(Array.isArray(obj.also) ? { also: obj.also.map(String) } : {}),
      ...(typeof obj.section === 'string' ? { section: obj.section } : {}),
    });
  }
  if (problems.length > 0) return { ok: false, diagnostics: problems };
  return { ok: true, value: items };
}
