// DOCX → SourceDocument. mammoth turns the Word document into plain semantic HTML (headings from the
// Word heading styles, paragraphs, lists, tables, footnotes); we walk that HTML and write our own
// markdown-ish text with TextBuilder (see there for the layout), so every block offset is exact.
//
// Headings: Word's built-in "Heading 1..6" (stored as "heading 1" also in Finnish Word), the Finnish
// and Swedish display names ("Otsikko 1", "Rubrik 1"), and "Title" (depth 1). A paragraph that is all
// bold and starts with section numbering ("2.1. Tavoitteet") is taken as a heading too, because many
// reports fake headings that way; its depth is the number of numbering levels.
// Footnotes and endnotes follow the body as paragraphs "[1] text"; the reference stays in the body as "[1]".
// A file whose XML inflates past MAX_DOCX_XML_BYTES is skipped before mammoth sees it (docx-size.ts).
// Every block carries its paragraph number in the Word document (Block.location): the nth non-empty
// paragraph of the body, as mammoth emits them (headings, list items and each paragraph of a table cell
// count; empty paragraphs, which mammoth drops, and footnotes do not), so an evaluator can find a coding
// in the original even though the extracted text's line numbers mean nothing there.

import mammoth from 'mammoth';
import { type Diagnostic, diagnostic, type Result } from '../diagnostics.js';
import type { SourceDocument } from '../types.js';
import { inflatedXmlBytes, MAX_DOCX_XML_BYTES } from './docx-size.js';
import { type HtmlElement, type HtmlNode, parseHtml } from './html-tree.js';
import { collapseSpaces, TextBuilder } from './text-builder.js';

const STYLE_MAP = [
  ...[1, 2, 3, 4, 5, 6].flatMap((n) => [
    `p[style-name='Otsikko ${n}'] => h${n}:fresh`,
    `p[style-name='otsikko ${n}'] => h${n}:fresh`,
    `p.Otsikko${n} => h${n}:fresh`,
    `p[style-name='Rubrik ${n}'] => h${n}:fresh`,
    `p[style-name='rubrik ${n}'] => h${n}:fresh`,
    `p.Rubrik${n} => h${n}:fresh`,
  ]),
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Otsikko'] => h1:fresh",
  "p[style-name='Rubrik'] => h1:fresh",
  "p[style-name='Subtitle'] => p:fresh",
];

const NUMBERED_HEADING = /^(\d{1,2}(?:\.\d{1,2}){0,5})\.?\s+\p{Lu}/u;
const NOTE_ITEM = /^(footnote|endnote)-(\d+)$/;
const NOTE_BACKLINK = /^#(footnote|endnote)-ref-(\d+)$/;
const NOTE_REF = /^(footnote|endnote)-ref-(\d+)$/;

export async function parseDocx(
  bytes: Uint8Array,
  report: string,
  path: string,
): Promise<Result<SourceDocument>> {
  if (bytes.length === 0) return fail(path, 'read/empty', 'file is empty');
  const inflated = inflatedXmlBytes(bytes);
  if (inflated !== undefined && inflated > MAX_DOCX_XML_BYTES) {
    return fail(
      path,
      'parse/docx-too-large',
      `skipped: its XML inflates to more than ${MAX_DOCX_XML_BYTES / 2 ** 20} MB from a ${Math.ceil(bytes.length / 1024)} kB file (a zip bomb, or far larger than any report)`,
    );
  }
  let html: string;
  const notes: Diagnostic[] = [];
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const result = await mammoth.convertToHtml(
      { buffer },
      {
        styleMap: STYLE_MAP,
        // Images carry no text we use; skip their base64 payload.
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
      },
    );
    // NFC: Word keeps what was typed or pasted, and text pasted from a Mac may be decomposed (a + ¨).
    html = result.value.normalize('NFC');
    for (const m of result.messages) {
      if (m.type === 'error')
        notes.push(diagnostic(path, 'parse/docx-partial', m.message, undefined, 'warning'));
    }
  } catch (error) {
    return fail(path, 'parse/docx-corrupt', corruptReason(bytes, error));
  }

  const walker = new DocxWalker();
  walker.blocks(parseHtml(html).children, 0);
  walker.flushNotes();
  const { text, blocks } = walker.out.build();
  if (blocks.length === 0) return fail(path, 'parse/docx-no-text', 'the document holds no text');

  const firstHeading = blocks.find((b) => b.kind === 'heading');
  const value: SourceDocument = { report, path, format: 'docx', text, blocks };
  if (firstHeading?.label) value.title = firstHeading.label;
  return notes.length > 0 ? { ok: true, value, diagnostics: notes } : { ok: true, value };
}

class DocxWalker {
  readonly out = new TextBuilder();
  /** Word paragraphs met so far in the body. */
  private paragraphs = 0;
  /** "footnote-20" → "[1]", learnt from the references in the body. */
  private readonly noteLabels = new Map<string, string>();
  private readonly noteTexts: string[] = [];

  blocks(nodes: HtmlNode[], listLevel: number): void {
    for (const node of nodes) {
      if (node.type === 'text') {
        if (node.value.trim() !== '') this.located(1, () => this.out.paragraph(collapseSpaces(node.value)));
        continue;
      }
      const depth = /^h([1-6])$/.exec(node.tag);
      if (depth) {
        const label = oneLine(this.inline(node.children));
        if (label) this.located(1, () => this.out.heading(Number(depth[1]), label));
      } else if (node.tag === 'p') {
        this.paragraph(node);
      } else if (node.tag === 'ul' || node.tag === 'ol') {
        this.list(node, listLevel);
      } else if (node.tag === 'table') {
        this.table(node);
      } else if (INLINE.has(node.tag)) {
        const text = collapseSpaces(this.inline([node]));
        if (text) this.located(1, () => this.out.paragraph(text));
      } else {
        this.blocks(node.children, listLevel);
      }
    }
  }

  flushNotes(): void {
    for (const note of this.noteTexts) this.out.paragraph(note);
  }

  private paragraph(p: HtmlElement): void {
    const text = collapseSpaces(this.inline(p.children));
    if (!text) return;
    const numbered = NUMBERED_HEADING.exec(text);
    if (
      numbered?.[1] &&
      allStrong(p) &&
      text.length <= 120 &&
      !text.includes('\n') &&
      !/[.:;,]$/.test(text)
    ) {
      const depth = numbered[1].split('.').length;
      this.located(1, () => this.out.heading(depth, text));
    } else {
      this.located(1, () => this.out.paragraph(text));
    }
  }

  private list(list: HtmlElement, level: number): void {
    let n = Number.parseInt(list.attrs.start ?? '1', 10) || 1;
    for (const li of list.children) {
      if (li.type !== 'element' || li.tag !== 'li') continue;
      const note = NOTE_ITEM.exec(li.attrs.id ?? '');
      if (note) {
        const label = this.noteLabels.get(`${note[1]}-${note[2]}`) ?? `[${this.noteTexts.length + 1}]`;
        const text = collapseSpaces(this.inline(li.children).replace(/\n+/g, ' '));
        if (text) this.noteTexts.push(`${label} ${text}`);
        continue;
      }
      const own = li.children.filter((c) => !(c.type === 'element' && ['ul', 'ol', 'table'].includes(c.tag)));
      const text = collapseSpaces(this.inline(own));
      const marker = list.tag === 'ol' ? `${n++}.` : '-';
      if (text) this.located(1, () => this.out.listItem(text, marker, level));
      for (const c of li.children) {
        if (c.type !== 'element') continue;
        if (c.tag === 'ul' || c.tag === 'ol') this.list(c, level + 1);
        else if (c.tag === 'table') this.table(c);
      }
    }
  }

  private table(table: HtmlElement): void {
    const rows: string[][] = [];
    for (const tr of ownRows(table)) {
      const cells = tr.children
        .filter((c): c is HtmlElement => c.type === 'element' && (c.tag === 'td' || c.tag === 'th'))
        .map((cell) => oneLine(this.inline(cell.children)));
      if (cells.some((c) => c !== '')) rows.push(cells);
    }
    this.located(countParagraphs(table), () => this.out.table(rows));
  }

  /** Emits a block that stands for `count` Word paragraphs and gives it their numbers. */
  private located(count: number, emit: () => void): void {
    const before = this.out.blocks.length;
    emit();
    const first = this.paragraphs + 1;
    this.paragraphs += count;
    const block = this.out.blocks.length > before ? this.out.blocks.at(-1) : undefined;
    if (block && count > 0) block.location = { unit: 'paragraph', first, last: this.paragraphs };
  }

  /** Text of inline content; block children (p, li) inside it become line breaks. */
  private inline(nodes: HtmlNode[]): string {
    let s = '';
    for (const node of nodes) {
      if (node.type === 'text') {
        s += node.value;
        continue;
      }
      if (node.tag === 'br') s += '\n';
      else if (node.tag === 'img') continue;
      else if (node.tag === 'a' && NOTE_BACKLINK.test(node.attrs.href ?? '')) continue;
      else if (node.tag === 'a' && NOTE_REF.test(node.attrs.id ?? '')) {
        const label = this.inline(node.children).trim();
        const target = (node.attrs.href ?? '').replace(/^#/, '');
        if (target) this.noteLabels.set(target, label);
        s += label;
      } else if (BLOCKISH.has(node.tag)) s += `\n${this.inline(node.children)}\n`;
      else if (node.tag === 'td' || node.tag === 'th') s += ` ${this.inline(node.children)} `;
      else s += this.inline(node.children);
    }
    return s;
  }
}

const INLINE = new Set(['a', 'strong', 'em', 'b', 'i', 'u', 's', 'sup', 'sub', 'span', 'img', 'br']);
const BLOCKISH = new Set(['p', 'li', 'ul', 'ol', 'tr', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'div']);

function oneLine(s: string): string {
  return collapseSpaces(s.replace(/\s*\n\s*/g, ' '));
}

/** Rows of this table, not of tables nested in its cells. */
function ownRows(table: HtmlElement): HtmlElement[] {
  const rows: HtmlElement[] = [];
  const visit = (el: HtmlElement): void => {
    for (const c of el.children) {
      if (c.type !== 'element' || c.tag === 'table') continue;
      if (c.tag === 'tr') rows.push(c);
      else if (c.tag === 'thead' || c.tag === 'tbody' || c.tag === 'tfoot') visit(c);
    }
  };
  visit(table);
  return rows;
}

/** Word paragraphs inside a table: each non-empty paragraph or list item of its cells (nested tables too). */
function countParagraphs(el: HtmlElement): number {
  let n = 0;
  for (const c of el.children) {
    if (c.type === 'text') continue;
    if (c.tag === 'p' || /^h[1-6]$/.test(c.tag)) n += hasText(c.children) ? 1 : 0;
    else if (c.tag === 'li') {
      const own = c.children.filter((x) => !(x.type === 'element' && ['ul', 'ol', 'table'].includes(x.tag)));
      n += (hasText(own) ? 1 : 0) + countParagraphs(c);
    } else if ((c.tag === 'td' || c.tag === 'th') && !c.children.some(isBlockElement))
      n += hasText(c.children) ? 1 : 0;
    else n += countParagraphs(c);
  }
  return n;
}

function isBlockElement(n: HtmlNode): boolean {
  return n.type === 'element' && (n.tag === 'p' || n.tag === 'ul' || n.tag === 'ol' || n.tag === 'table');
}

function hasText(nodes: HtmlNode[]): boolean {
  return nodes.some((c) => (c.type === 'text' ? c.value.trim() !== '' : hasText(c.children)));
}

/** True when every visible character of the element is inside <strong>. */
function allStrong(el: HtmlElement): boolean {
  const check = (nodes: HtmlNode[], strong: boolean): boolean =>
    nodes.every((n) =>
      n.type === 'text' ? strong || n.value.trim() === '' : check(n.children, strong || n.tag === 'strong'),
    );
  return check(el.children, false);
}

function corruptReason(bytes: Uint8Array, error: unknown): string {
  const head = Buffer.from(bytes.subarray(0, 8));
  if (head.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
    return 'not a DOCX file but an old Word 97–2003 (.doc) file; save it as .docx';
  }
  if (head.subarray(0, 4).toString('latin1') === '%PDF')
    return 'not a DOCX file but a PDF; rename it to .pdf';
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
  if (/central directory|zip/i.test(message)) {
    return 'not a zip archive, or a damaged or cut-short one (a DOCX is a zip of Word XML files)';
  }
  return `cannot read as DOCX: ${message.replace(/\s*If it is, see https?:\S+/, '')}`;
}

function fail(file: string, ruleId: string, reason: string): Result<never> {
  return { ok: false, diagnostics: [diagnostic(file, ruleId, reason)] };
}
