// REFI-QDA project export (.qdpx): a zip of project.qde (Project.xsd) and sources/<guid>.txt.
// Codings carry UTF-16 offsets into the decoded text; REFI-QDA counts Unicode code points, so offsets are
// converted here, once. Every GUID is a UUIDv5 of content, and zip times are fixed: two exports are identical.
import type { Codebook } from '../codebook/types.js';
import type { Coding, Tables } from '../types.js';
import { escapeXml } from './escape.js';
import { codeGuid, codeTreeXml } from './qdc.js';
import { codebookTitle } from './theme-groups.js';
import type { UiLang } from './ui-strings.js';
import { uuidv5 } from './uuid.js';
import { zipDeterministic } from './zip-deterministic.js';

export interface QdpxSource {
  report: string;
  path: string;
  text: string;
}

/** Maps UTF-16 offsets of `text` to code-point offsets; an offset inside a surrogate pair maps to the pair. */
export function codePointOffsets(text: string): (utf16: number) => number {
  const map = new Uint32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    map[i] = cp;
    const c = text.charCodeAt(i);
    const isPair =
      c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    if (isPair) {
      map[i + 1] = cp;
      i++;
    }
    cp++;
  }
  map[text.length] = cp;
  return (utf16) => map[Math.max(0, Math.min(utf16, text.length))] ?? cp;
}

export function sourceGuid(report: string): string {
  return uuidv5(`source\u0000${report}`);
}

export function selectionGuid(report: string, start: number, end: number): string {
  return uuidv5(`selection\u0000${report}\u0000${start}\u0000${end}`);
}

function codingGuid(report: string, start: number, end: number, code: string): string {
  return uuidv5(`coding\u0000${report}\u0000${start}\u0000${end}\u0000${code}`);
}

/** A selection's visible name in QDA tools: the start of the passage, on one line. */
function selectionName(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  return chars.length > 60 ? `${chars.slice(0, 59).join('')}…` : flat;
}

function textSourceXml(
  codebook: Codebook,
  source: QdpxSource,
  codings: Coding[],
  codeOrder: Map<string, number>,
): string {
  const guid = sourceGuid(source.report);
  const toCp = codePointOffsets(source.text);
  // Several codes on one passage share one selection, as QDA tools model it.
  const selections = new Map<string, { start: number; end: number; text: string; codes: string[] }>();
  for (const coding of codings) {
    const start = toCp(coding.start);
    const end = toCp(coding.end);
    const key = `${start}:${end}`;
    const selection = selections.get(key) ?? {
      start,
      end,
      text: source.text.slice(coding.start, coding.end),
      codes: [],
    };
    if (!selection.codes.includes(coding.code)) selection.codes.push(coding.code);
    selections.set(key, selection);
  }
  const ordered = [...selections.values()].sort((a, b) => a.start - b.start || a.end - b.end);
  const lines = [
    `    <TextSource guid="${guid}" name="${escapeXml(source.report)}" plainTextPath="internal://${guid}.txt">`,
    `      <Description>${escapeXml(source.path)}</Description>`,
  ];
  for (const sel of ordered) {
    const selGuid = selectionGuid(source.report, sel.start, sel.end);
    lines.push(
      `      <PlainTextSelection guid="${selGuid}" name="${escapeXml(selectionName(sel.text))}" startPosition="${sel.start}" endPosition="${sel.end}">`,
    );
    const codes = [...sel.codes].sort((a, b) => (codeOrder.get(a) ?? 0) - (codeOrder.get(b) ?? 0));
    for (const code of codes) {
      lines.push(`        <Coding guid="${codingGuid(source.report, sel.start, sel.end, code)}">`);
      lines.push(`          <CodeRef targetGUID="${codeGuid(codebook, code)}"/>`);
      lines.push('        </Coding>');
    }
    lines.push('      </PlainTextSelection>');
  }
  lines.push('    </TextSource>');
  return lines.join('\n');
}

/** project.qde alone (exported for tests and for tools that want the XML). */
export function renderProjectQde(
  tables: Tables,
  codebook: Codebook,
  sources: QdpxSource[],
  lang: UiLang = 'fi',
): string {
  const codeOrder = new Map(codebook.themes.map((t, i) => [t.code, i]));
  const sorted = [...sources].sort((a, b) => (a.report < b.report ? -1 : a.report > b.report ? 1 : 0));
  // Codings whose code is not in the codebook or whose report has no source cannot be referenced; skip them.
  const codable = tables.codings.filter((c) => codeOrder.has(c.code));
  const parts = [
    '<?xml version="1.0" encoding="utf-8" standalone="yes"?>',
    `<Project xmlns="urn:QDA-XML:project:1.0" name="${escapeXml(codebookTitle(codebook, lang))}" origin="analyse">`,
    '  <CodeBook>',
    '    <Codes>',
    codeTreeXml(codebook, lang, 3),
    '    </Codes>',
    '  </CodeBook>',
  ];
  if (sorted.length > 0) {
    parts.push('  <Sources>');
    for (const source of sorted) {
      const mine = codable.filter((c) => c.report === source.report);
      parts.push(textSourceXml(codebook, source, mine, codeOrder));
    }
    parts.push('  </Sources>');
  }
  parts.push('</Project>', '');
  return parts.join('\n');
}

/** The `.qdpx` archive: project.qde first, then every source text as sources/<guid>.txt (UTF-8). */
export async function renderQdpx(
  tables: Tables,
  codebook: Codebook,
  sources: QdpxSource[],
  lang: UiLang = 'fi',
): Promise<Uint8Array> {
  const encoder = new TextEncoder();
  const entries: [string, Uint8Array][] = [
    ['project.qde', encoder.encode(renderProjectQde(tables, codebook, sources, lang))],
  ];
  const sorted = [...sources].sort((a, b) => (a.report < b.report ? -1 : a.report > b.report ? 1 : 0));
  for (const source of sorted)
    entries.push([`sources/${sourceGuid(source.report)}.txt`, encoder.encode(source.text)]);
  return zipDeterministic(entries);
}
