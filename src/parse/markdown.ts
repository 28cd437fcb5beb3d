// Markdown reports: a block scanner (md-scan.ts) finds headings, paragraphs, list items, block quotes,
// GFM tables and code with the offsets mdast would give them, in linear time and without inline trees.
// Heading labels are their inline content as plain text (md-inline.ts).
import type { Block, SourceDocument } from '../types.js';
import { joinBrokenParagraphs, markTableOfContents } from './blocks.js';
import { inlinePlainText, type References } from './md-inline.js';
import { type MdNode, scanMarkdown } from './md-scan.js';

/** Longer heading content is taken as it is: inline rules on it would cost more than they tell. */
const MAX_INLINE = 4000;

function headingLabel(content: string, refs: References): string {
  const plain = content.length > MAX_INLINE ? content : inlinePlainText(content, refs);
  return plain.replace(/\s+/g, ' ').trim();
}

/** The blocks of the tree in reading order (an explicit stack: nesting may be thousands deep). */
function collect(root: MdNode, refs: References): Block[] {
  const out: Block[] = [];
  const stack: { nodes: MdNode[]; i: number; inQuote: boolean }[] = [
    { nodes: root.children, i: 0, inQuote: false },
  ];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as (typeof stack)[number];
    const node = frame.nodes[frame.i++];
    if (!node) {
      stack.pop();
      continue;
    }
    const { start, end } = node;
    switch (node.type) {
      case 'heading': {
        const label = headingLabel(node.content ?? '', refs);
        if (label) out.push({ kind: 'heading', start, end, depth: node.depth ?? 1, label });
        break;
      }
      case 'paragraph':
        out.push({ kind: frame.inQuote ? 'blockquote' : 'paragraph', start, end });
        break;
      case 'list':
        stack.push({ nodes: node.children, i: 0, inQuote: frame.inQuote });
        break;
      case 'listItem': {
        // A list item holding a nested list: its own text first, then the nested items.
        const own = node.children.filter((c) => c.type !== 'list');
        const last = own[own.length - 1];
        if (last) out.push({ kind: 'list-item', start, end: last.end });
        const nested = node.children.filter((c) => c.type === 'list');
        if (nested.length > 0) stack.push({ nodes: nested, i: 0, inQuote: frame.inQuote });
        break;
      }
      case 'blockquote':
        stack.push({ nodes: node.children, i: 0, inQuote: true });
        break;
      case 'table':
        out.push({ kind: 'table', start, end });
        break;
      case 'code':
        out.push({ kind: 'code', start, end });
        break;
      default:
        break;
    }
  }
  return out;
}

export function parseMarkdown(text: string, report: string, path: string): SourceDocument {
  const { root, references } = scanMarkdown(text);
  const blocks = markTableOfContents(text, joinBrokenParagraphs(text, collect(root, references)));
  const title = blocks.find((b) => b.kind === 'heading')?.label;
  return { report, path, format: 'markdown', text, blocks, ...(title ? { title } : {}) };
}
