// A Markdown block scanner: CommonMark's block structure (with GFM tables and footnote definitions) in one
// pass over the lines, giving each block the offsets mdast (remark-parse + remark-gfm) would give it, but
// without building inline trees. Time is linear in the text for any nesting the reports can hold
// (issue 11: 10,000 nested list markers), where micromark's tokenizer took a minute.
//
// The line loop follows the CommonMark spec's parsing strategy (and commonmark.js's layout of it): match
// the open containers, try block starts, then add the rest of the line to the innermost block or continue
// a paragraph lazily. The starts live in md-starts.ts, the parser's state and the closing of blocks in
// md-state.ts.
import type { References } from './md-inline.js';
import { tryStarts } from './md-starts.js';
import { finalize, LineState, type MdNode, type MdType } from './md-state.js';

export { finalize, LineState, type MdNode, type MdType } from './md-state.js';

const acceptsLines = (t: MdType): boolean =>
  t === 'paragraph' || t === 'code' || t === 'html' || t === 'table';

/** Does the open container accept this line? 0 yes, 1 no, 2 the line is used up (a closing fence). */
function continues(s: LineState, block: MdNode): 0 | 1 | 2 {
  switch (block.type) {
    case 'blockquote':
      if (!s.indented && s.line[s.nextNonspace] === '>') {
        s.advanceNextNonspace();
        s.advanceOffset(1, false);
        if (s.line[s.offset] === ' ' || s.line[s.offset] === '\t') s.advanceOffset(1, true);
        block.end = s.at(s.offset); // an empty quote still spans its markers
        return 0;
      }
      return 1;
    case 'listItem':
    case 'footnoteDefinition': {
      const need = block.list ? block.list.markerOffset + block.list.padding : 4;
      if (s.blank) {
        if (block.children.length === 0) return 1;
        s.advanceNextNonspace();
        return 0;
      }
      if (s.indent >= need) {
        s.advanceOffset(need, true);
        return 0;
      }
      return 1;
    }
    case 'code':
      return continuesCode(s, block);
    case 'html':
      return s.blank && (block.htmlType === 6 || block.htmlType === 7) ? 1 : 0;
    case 'paragraph':
    case 'table':
      return s.blank ? 1 : 0;
    case 'list':
      return 0;
    default:
      return 1;
  }
}

function continuesCode(s: LineState, block: MdNode): 0 | 1 | 2 {
  const fence = block.fence;
  if (fence) {
    const m =
      s.indent <= 3 && s.line[s.nextNonspace] === fence.char
        ? /^(?:`{3,}|~{3,})(?=[ \t]*$)/.exec(s.rest())
        : null;
    if (m && m[0].length >= fence.length) {
      block.end = s.lineEnd();
      block.lastLine = s.lineStart;
      finalize(s, block);
      return 2;
    }
    let i = fence.offset;
    while (i > 0 && (s.line[s.offset] === ' ' || s.line[s.offset] === '\t')) {
      s.advanceOffset(1, true);
      i--;
    }
    return 0;
  }
  if (s.indent >= 4) {
    // micromark keeps a line of only indentation in the code, even at the end.
    block.lastContentEnd = s.lineEnd();
    s.advanceOffset(4, true);
  } else if (s.blank) s.advanceNextNonspace();
  else return 1;
  return 0;
}

function addLine(s: LineState, block: MdNode): void {
  const from = s.at(s.offset);
  const to = s.lineEnd();
  if (block.type === 'paragraph' || block.type === 'table') {
    block.lines ??= [];
    block.lines.push([from, to]);
    block.lastLineIndented = s.indented;
    const piece = s.line.slice(s.offset);
    block.content = block.content === undefined ? piece : `${block.content}\n${piece}`;
  } else if (block.type === 'code' && !block.fence && !s.blank) block.lastContentEnd = to;
  if (block.fence || block.type === 'html') block.lastLine = s.lineStart;
  block.end = to;
}

const HTML_CLOSE = [/./, /<\/(?:script|pre|textarea|style)>/i, /-->/, /\?>/, />/, /\]\]>/];

function incorporateLine(s: LineState, line: string, lineStart: number): void {
  s.line = line;
  s.scanFrom = -1;
  const openTip = s.tip;
  s.lineStart = lineStart;
  s.offset = 0;
  s.column = 0;
  s.blank = false;
  s.partiallyConsumedTab = false;
  s.oldTip = s.tip;
  let container = s.root;
  for (;;) {
    const last = container.children[container.children.length - 1];
    if (!last?.open) break;
    container = last;
    s.findNextNonspace();
    const r = continues(s, container);
    if (r === 2) return;
    if (r === 1) {
      container = container.parent as MdNode;
      break;
    }
  }
  s.allClosed = container === s.oldTip;
  s.lastMatched = container;
  s.interrupting = s.allClosed && openTip.type === 'paragraph';
  container = tryStarts(s, container);
  if (!s.allClosed && !s.blank && s.tip.type === 'paragraph') {
    addLine(s, s.tip); // lazy continuation
    return;
  }
  s.closeUnmatched();
  if (acceptsLines(container.type)) {
    addLine(s, container);
    const type = container.htmlType ?? 0;
    if (container.type === 'html' && type >= 1 && type <= 5 && HTML_CLOSE[type]?.test(s.line.slice(s.offset)))
      finalize(s, container);
  } else if (s.offset < line.length && !s.blank) {
    const p = s.addChild('paragraph', s.offset);
    s.advanceNextNonspace();
    p.start = s.at(s.offset);
    addLine(s, p);
  }
}

/** The block tree of a Markdown text, with mdast's offsets, and the references it defines. */
export function scanMarkdown(text: string): { root: MdNode; references: References } {
  const s = new LineState();
  const breaks = /\r\n|\r|\n/g;
  // A byte order mark (decode() removes it; a caller may not have) is not part of the first line.
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  breaks.lastIndex = start;
  for (;;) {
    const m = breaks.exec(text);
    const end = m ? m.index : text.length;
    incorporateLine(s, text.slice(start, end), start);
    if (!m) break;
    start = end + m[0].length;
  }
  while (s.tip !== s.root) finalize(s, s.tip);
  finalize(s, s.root);
  return { root: s.root, references: s.references };
}
