// PDF → SourceDocument. A PDF has no paragraphs, only glyphs at positions; we read the positioned text
// with pdf.js (through unpdf), rebuild lines (pdf-lines.ts), drop running headers, footers and page
// numbers, rebuild headings, paragraphs, lists, tables and footnotes (pdf-blocks.ts), join them over page
// breaks (pdf-pages.ts, words mended by line-join.ts) and write the text
// with TextBuilder (markdown-ish: "## 2.1. Otsikko", "- kohta", "a | b"). Paragraphs are reflowed onto
// one line each, with words hyphenated at line ends mended.
//
// Diagnostics: 'parse/pdf-corrupt' (not a PDF, or pdf.js cannot read it), 'parse/pdf-no-text'
// (password-protected, or pages without a text layer: scanned images need OCR first),
// 'parse/pdf-truncated' (warning: the file ends before its end-of-file mark; the text read may be partial).

import { getDocumentProxy } from 'unpdf';
import { type Diagnostic, diagnostic, type Result } from '../diagnostics.js';
import type { SourceDocument } from '../types.js';
import { measureLayout, pageBlocks, splitNotes } from './pdf-blocks.js';
import { dropRunningLines, type FontStyle, groupLines, type Line, type Run } from './pdf-lines.js';
import { headingDepths, joinPages } from './pdf-pages.js';
import { TextBuilder } from './text-builder.js';

/** Fewer non-space characters than this in the whole document: there is no text layer to speak of. */
const MIN_TEXT = 20;

interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
  fontName: string;
}

interface PageLike {
  getTextContent(): Promise<{ items: unknown[] }>;
  getOperatorList(): Promise<unknown>;
  getViewport(p: { scale: number }): { height: number };
  commonObjs: { has(id: string): boolean; get(id: string): unknown };
}

export async function parsePdf(
  bytes: Uint8Array,
  report: string,
  path: string,
): Promise<Result<SourceDocument>> {
  if (bytes.length === 0) return fail(path, 'read/empty', 'file is empty');
  if (!hasPdfHeader(bytes)) return fail(path, 'parse/pdf-corrupt', 'not a PDF file: no %PDF header');
  ensureTransferToFixedLength();

  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // pdf.js may take over (detach) the buffer it is given, and refuses a Node Buffer: hand it a plain
    // Uint8Array copy (Buffer#slice would be a view, and still a Buffer).
    pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0, isEvalSupported: false });
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'PasswordException') {
      return fail(path, 'parse/pdf-no-text', 'the PDF is password-protected; save an unprotected copy');
    }
    const cut = hasEofMark(bytes) ? '' : ' (the file ends without its %%EOF mark: it was probably cut short)';
    return fail(path, 'parse/pdf-corrupt', `cannot read the PDF: ${messageOf(error)}${cut}`);
  }

  const pages: Line[][] = [];
  const heights: number[] = [];
  try {
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = (await pdf.getPage(n)) as unknown as PageLike;
      heights.push(page.getViewport({ scale: 1 }).height);
      const content = await page.getTextContent();
      const fonts = await fontStyles(page, content.items as TextItemLike[]);
      pages.push(groupLines(toRuns(content.items as TextItemLike[], fonts), n).map(composed));
    }
  } catch (error) {
    if (pages.length === 0)
      return fail(path, 'parse/pdf-corrupt', `cannot read the PDF's pages: ${messageOf(error)}`);
  } finally {
    await pdf.destroy().catch(() => undefined);
  }

  const chars = pages.flat().reduce((n, l) => n + l.text.replace(/\s/g, '').length, 0);
  if (chars < MIN_TEXT) {
    return fail(
      path,
      'parse/pdf-no-text',
      `no text layer (${pages.length} pages, ${chars} characters): a scanned PDF needs OCR first`,
    );
  }

  const value = buildDocument(pages, heights, report, path);
  const notes: Diagnostic[] = [];
  if (!hasEofMark(bytes)) {
    notes.push(
      diagnostic(
        path,
        'parse/pdf-truncated',
        'the PDF ends without its %%EOF mark: it may be cut short',
        undefined,
        'warning',
      ),
    );
  }
  return notes.length > 0 ? { ok: true, value, diagnostics: notes } : { ok: true, value };
}

function buildDocument(pages: Line[][], heights: number[], report: string, path: string): SourceDocument {
  const body = dropRunningLines(pages, heights);
  const layout = measureLayout(body);
  const notes: { text: string; page: number }[] = [];
  const pageBlockLists = body.map((lines) => {
    const split = splitNotes(lines, layout);
    const page = lines[0]?.page ?? 0;
    notes.push(...split.notes.map((text) => ({ text, page })));
    return pageBlocks(split.body, layout);
  });
  const blocks = joinPages(pageBlockLists, layout);
  const depths = headingDepths(blocks, layout.bodyFamily);
  const markerLevels = levelsOf(blocks.filter((b) => b.kind === 'list-item').map((b) => b.lines[0]?.x ?? 0));

  const out = new TextBuilder();
  // Each block carries the pages it stands on, so an evaluator finds a coding in the PDF itself.
  const onPages = (first: number | undefined, last: number | undefined, emit: () => void) => {
    const before = out.blocks.length;
    emit();
    const block = out.blocks.length > before ? out.blocks.at(-1) : undefined;
    if (block && first) block.location = { unit: 'page', first, last: Math.max(first, last ?? first) };
  };
  for (const b of blocks) {
    onPages(b.lines[0]?.page, b.lines.at(-1)?.page, () => {
      if (b.kind === 'heading') out.heading(depths.get(b) ?? 1, b.text);
      else if (b.kind === 'list-item') {
        const marker = /\d|^[a-zåäöivx]+[.)]$/i.test(b.marker ?? '') ? (b.marker as string) : '-';
        out.listItem(b.text, marker, markerLevels(b.lines[0]?.x ?? 0));
      } else if (b.kind === 'table') out.table(b.rows ?? []);
      else if (b.kind === 'toc') out.other('toc', b.text);
      else out.paragraph(b.text);
    });
  }
  for (const note of notes) onPages(note.page, note.page, () => out.paragraph(note.text));
  const { text, blocks: built } = out.build();
  const value: SourceDocument = { report, path, format: 'pdf', text, blocks: built };
  const title = built.find((b) => b.kind === 'heading')?.label;
  if (title) value.title = title;
  return value;
}

/**
 * NFC: some PDF writers draw "ä" as "a" and a combining diaeresis, sometimes as two text items; composed
 * once the line is whole.
 */
function composed(line: Line): Line {
  return { ...line, text: line.text.normalize('NFC'), cells: line.cells.map((c) => c.normalize('NFC')) };
}

/** Nesting level of a list item from the x of its marker: distinct marker positions, leftmost first. */
function levelsOf(xs: number[]): (x: number) => number {
  const stops: number[] = [];
  for (const x of [...xs].sort((a, b) => a - b)) {
    if (stops.length === 0 || x - (stops[stops.length - 1] as number) > 4) stops.push(x);
  }
  return (x) =>
    Math.max(
      0,
      stops.findIndex((s) => Math.abs(s - x) <= 4),
    );
}

function toRuns(items: TextItemLike[], fonts: Map<string, FontStyle>): Run[] {
  const runs: Run[] = [];
  for (const item of items) {
    if (typeof item.str !== 'string' || item.str.trim() === '' || !Array.isArray(item.transform)) continue;
    const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = item.transform;
    // Rotated or vertical text (stamps, watermarks, axis labels) is not running text.
    if (Math.abs(b) > 0.01 * Math.abs(a) || Math.abs(c) > 0.01 * Math.abs(d) || a <= 0) continue;
    const size = Math.hypot(c, d) || Math.abs(a);
    const text = item.str
      .replace(/[\ufb00-\ufb06]/g, (l) => l.normalize('NFKC'))
      // pdf.js passes on control codes some PDF writers put in text (e.g. \u0002 for a hyphen); drop them.
      .replace(/\p{Cc}/gu, (c) => (c === '\t' ? c : ''));
    runs.push({
      text,
      x,
      y,
      width: item.width,
      size,
      font: fonts.get(item.fontName) ?? unknownFont(item.fontName),
    });
  }
  return runs;
}

/** Font names (and so bold and italic) are known once pdf.js has loaded the fonts for drawing. */
async function fontStyles(page: PageLike, items: TextItemLike[]): Promise<Map<string, FontStyle>> {
  const styles = new Map<string, FontStyle>();
  try {
    await page.getOperatorList();
  } catch {
    // Without font names we still have sizes and font ids.
  }
  for (const id of new Set(items.map((i) => i.fontName))) {
    let name: string | undefined;
    try {
      if (page.commonObjs.has(id)) name = (page.commonObjs.get(id) as { name?: string }).name;
    } catch {
      name = undefined;
    }
    styles.set(id, name ? styleFromName(name) : unknownFont(id));
  }
  return styles;
}

function styleFromName(name: string): FontStyle {
  const plain = name.replace(/^[A-Z]{6}\+/, '');
  const bold = /bold|black|heavy|semibold|demibold|extrabold/i.test(plain);
  const italic = /italic|oblique|[-,]it$/i.test(plain);
  const family = plain.replace(/[-,].*$/, '').replace(/(MT|PS|PSMT)$/, '');
  return { family, bold, italic };
}

function unknownFont(id: string): FontStyle {
  return { family: id, bold: false, italic: false };
}

function hasPdfHeader(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 1024)).includes('%PDF-');
}

function hasEofMark(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(Math.max(0, bytes.length - 2048))).includes('%%EOF');
}

/**
 * pdf.js (bundled in unpdf) calls ArrayBuffer.prototype.transferToFixedLength (ES2024) while loading
 * fonts; Node 20 lacks it, and without it we would lose font names (bold headings). The stand-in copies
 * instead of detaching the source, which pdf.js does not rely on.
 */
function ensureTransferToFixedLength(): void {
  const proto = ArrayBuffer.prototype as ArrayBuffer & { transferToFixedLength?: unknown };
  if (typeof proto.transferToFixedLength === 'function') return;
  Object.defineProperty(ArrayBuffer.prototype, 'transferToFixedLength', {
    configurable: true,
    writable: true,
    value: function transferToFixedLength(this: ArrayBuffer, length?: number): ArrayBuffer {
      const n = length ?? this.byteLength;
      const copy = new ArrayBuffer(n);
      new Uint8Array(copy).set(new Uint8Array(this, 0, Math.min(n, this.byteLength)));
      return copy;
    },
  });
}

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}

function fail(file: string, ruleId: string, reason: string): Result<never> {
  return { ok: false, diagnostics: [diagnostic(file, ruleId, reason)] };
}
