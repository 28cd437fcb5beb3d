// The remark-based Markdown parser the block scanner replaced, kept as the oracle of the differential tests:
// the scanner must give the same blocks (kinds, offsets, labels) on every input.
import type { Heading, List, Nodes, Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { joinBrokenParagraphs, markTableOfContents } from '../../src/parse/blocks.js';
import type { Block, SourceDocument } from '../../src/types.js';

// GFM: reports converted from Word and PDF carry pipe tables, which must stay tables (never coded).
const processor = unified().use(remarkParse).use(remarkGfm);

function plain(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(plain).join('');
  return '';
}

function range(node: {
  position?: { start: { offset?: number }; end: { offset?: number } };
}): [number, number] | undefined {
  const s = node.position?.start.offset;
  const e = node.position?.end.offset;
  return s === undefined || e === undefined ? undefined : [s, e];
}

function collect(nodes: RootContent[], out: Block[], inQuote: boolean): void {
  for (const node of nodes) {
    const r = range(node);
    if (!r) continue;
    const [start, end] = r;
    switch (node.type) {
      case 'heading': {
        const label = plain(node as Heading)
          .replace(/\s+/g, ' ')
          .trim();
        if (label) out.push({ kind: 'heading', start, end, depth: (node as Heading).depth, label });
        break;
      }
      case 'paragraph':
        out.push({ kind: inQuote ? 'blockquote' : 'paragraph', start, end });
        break;
      case 'list':
        for (const item of (node as List).children) {
          const ir = range(item);
          // A list item holding a nested list: its own text first, then the nested items.
          const nested = item.children.filter((c) => c.type === 'list');
          const own = item.children.filter((c) => c.type !== 'list');
          const ownEnd = own.length > 0 ? range(own[own.length - 1] as RootContent)?.[1] : undefined;
          if (ir && ownEnd !== undefined) out.push({ kind: 'list-item', start: ir[0], end: ownEnd });
          collect(nested, out, inQuote);
        }
        break;
      case 'blockquote':
        collect(node.children, out, true);
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
}

/** Chunk size above which a long report is parsed piece by piece (its syntax tree would not fit). */
const CHUNK = 1 << 20;

/**
 * Where a long text may be cut for parsing: before an ATX heading that follows a blank line, outside a
 * fenced code block, so that no block spans two pieces.
 */
function chunkStarts(text: string, chunk: number): number[] {
  const starts = [0];
  if (text.length <= chunk) return starts;
  let fenced = false;
  let last = 0;
  for (const m of text.matchAll(/\n(```|~~~|\n#{1,6} )/g)) {
    const at = (m.index ?? 0) + 1;
    if (m[1] === '```' || m[1] === '~~~') {
      fenced = !fenced;
      continue;
    }
    if (!fenced && at - last >= chunk) {
      starts.push(at);
      last = at;
    }
  }
  return starts;
}

export function parseMarkdownWithRemark(
  text: string,
  report: string,
  path: string,
  chunk = CHUNK,
): SourceDocument {
  const raw: Block[] = [];
  const starts = chunkStarts(text, chunk);
  starts.forEach((start, k) => {
    const end = starts[k + 1] ?? text.length;
    const tree = processor.parse(text.slice(start, end)) as Root;
    const blocks: Block[] = [];
    collect(tree.children, blocks, false);
    for (const b of blocks) raw.push(start === 0 ? b : { ...b, start: b.start + start, end: b.end + start });
  });
  const blocks = markTableOfContents(text, joinBrokenParagraphs(text, raw));
  const title = blocks.find((b) => b.kind === 'heading')?.label;
  return { report, path, format: 'markdown', text, blocks, ...(title ? { title } : {}) };
}
