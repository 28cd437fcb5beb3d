// REFI-QDA codebook exchange (.qdc, Codebook.xsd) and the code tree shared with the project export (.qdpx).
import type { Codebook, Theme } from '../codebook/types.js';
import { escapeXml } from './escape.js';
import { themeColor, themeLabel } from './theme-groups.js';
import type { UiLang } from './ui-strings.js';
import { uuidv5 } from './uuid.js';

/** GUID of a code: from the codebook id and the code, so re-exports and the project export agree. */
export function codeGuid(codebook: Codebook, code: string): string {
  return uuidv5(`code\u0000${codebook.id}\u0000${code}`);
}

/**
 * The name each code goes by in QDA programs: its label, and where two codes share a label, the label with
 * the code after it, "Muut (success.other)". QualCoder merges codes of the same name into one (its code
 * names are unique), which would pool their codings.
 */
export function uniqueCodeNames(codebook: Codebook, lang: UiLang): Map<string, string> {
  const labels = codebook.themes.map((t) => [t.code, themeLabel(t, lang)] as const);
  const uses = new Map<string, number>();
  for (const [, label] of labels) uses.set(label.toLowerCase(), (uses.get(label.toLowerCase()) ?? 0) + 1);
  return new Map(
    labels.map(([code, label]) => [
      code,
      (uses.get(label.toLowerCase()) ?? 0) > 1 ? `${label} (${code})` : label,
    ]),
  );
}

/** The `<Code>` tree (parents holding their children), indented by `depth` levels of two spaces. */
export function codeTreeXml(codebook: Codebook, lang: UiLang, depth: number): string {
  const names = uniqueCodeNames(codebook, lang);
  const children = new Map<string | undefined, Theme[]>();
  const known = new Set(codebook.themes.map((t) => t.code));
  for (const theme of codebook.themes) {
    // A parent missing from the codebook would orphan the theme; show it at the top instead.
    const parent = theme.parent !== undefined && known.has(theme.parent) ? theme.parent : undefined;
    const list = children.get(parent) ?? [];
    list.push(theme);
    children.set(parent, list);
  }
  const lines: string[] = [];
  const emit = (theme: Theme, level: number, seen: Set<string>): void => {
    const pad = '  '.repeat(level);
    const attrs = `guid="${codeGuid(codebook, theme.code)}" name="${escapeXml(names.get(theme.code) ?? theme.code)}" isCodable="true" color="${themeColor(codebook, theme)}"`;
    lines.push(`${pad}<Code ${attrs}>`);
    const description = theme.description ? `[${theme.code}] ${theme.description}` : `[${theme.code}]`;
    lines.push(`${pad}  <Description>${escapeXml(description)}</Description>`);
    for (const child of children.get(theme.code) ?? []) {
      if (!seen.has(child.code)) emit(child, level + 1, new Set([...seen, child.code]));
    }
    lines.push(`${pad}</Code>`);
  };
  for (const top of children.get(undefined) ?? []) emit(top, depth, new Set([top.code]));
  return lines.join('\n');
}

/** The codebook alone as a REFI-QDA `.qdc` document. */
export function renderQdc(codebook: Codebook, lang: UiLang = 'fi'): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="analyse ${escapeXml(codebook.id)}">`,
    '  <Codes>',
    codeTreeXml(codebook, lang, 2),
    '  </Codes>',
    '</CodeBook>',
    '',
  ].join('\n');
}
