// Builds the text of a document that has no text of its own (DOCX, PDF) together with its blocks,
// so that every block's offsets are true by construction: `text.slice(b.start, b.end)` is the block.
//
// The text is markdown-ish, so that a person reading it (or a diff) sees the structure:
//   heading    "## 2.1. Hankkeen tuotokset"   ('#' × depth, then the label)
//   paragraph  the paragraph on one line (PDF) or with its own line breaks (DOCX)
//   list-item  "- text" for bullets, "3. text" for numbered items, two spaces of indent per level
//   table      one line per row, cells joined by " | "
// Blocks are separated by a blank line; consecutive list items and table rows by a single newline.

import type { Block, BlockKind } from '../types.js';

export class TextBuilder {
  private readonly parts: string[] = [];
  private length = 0;
  private readonly blockList: Block[] = [];

  heading(depth: number, label: string): void {
    const d = Math.max(1, Math.min(6, depth));
    this.push('heading', `${'#'.repeat(d)} ${label}`, '\n\n', { depth: d, label });
  }

  paragraph(text: string): void {
    this.push('paragraph', text, '\n\n');
  }

  /** `marker` is "-" for bullets or the item's number ("3."); `level` 0 for a top-level item. */
  listItem(text: string, marker = '-', level = 0): void {
    const previous = this.blockList.at(-1);
    const separator = previous?.kind === 'list-item' ? '\n' : '\n\n';
    this.push('list-item', `${marker} ${text}`, separator, undefined, '  '.repeat(level));
  }

  table(rows: string[][]): void {
    const lines = rows.map((cells) => cells.join(' | ')).filter((line) => line.trim() !== '');
    if (lines.length > 0) this.push('table', lines.join('\n'), '\n\n');
  }

  other(kind: BlockKind, text: string): void {
    this.push(kind, text, '\n\n');
  }

  get blocks(): readonly Block[] {
    return this.blockList;
  }

  build(): { text: string; blocks: Block[] } {
    return { text: this.parts.join(''), blocks: [...this.blockList] };
  }

  private push(
    kind: BlockKind,
    text: string,
    separator: string,
    heading?: { depth: number; label: string },
    indent = '',
  ): void {
    if (text.trim() === '') return;
    if (this.length > 0) this.append(separator);
    this.append(indent);
    const start = this.length;
    this.append(text);
    const block: Block = { kind, start, end: this.length };
    if (heading) {
      block.depth = heading.depth;
      block.label = heading.label;
    }
    this.blockList.push(block);
  }

  private append(s: string): void {
    this.parts.push(s);
    this.length += s.length;
  }
}

/** Collapses runs of spaces and tabs (not line breaks) and trims. */
export function collapseSpaces(s: string): string {
  return s
    .replace(/[ \t]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .trim();
}
