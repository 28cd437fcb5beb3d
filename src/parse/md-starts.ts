// Block starts of the Markdown scanner (md-scan.ts), tried in CommonMark's order on what is left of a line
// after its open containers matched: block quote, ATX heading, fenced code, HTML block, setext underline,
// thematic break, footnote definition, list item, GFM table delimiter row, indented code.
import { normalizeLabel } from './md-inline.js';
import { finalize, type LineState, type MdNode } from './md-state.js';

/** 0 no start here, 1 a container started (try again on the rest), 2 a leaf started (the line is used). */
type Start = (s: LineState, container: MdNode) => 0 | 1 | 2;

/** Characters a block start can begin with (anything else is text, quickly). */
const MAYBE_SPECIAL = new Set('#`~*+_=<>0123456789|:[-');
// Sticky: matched at the line's next non-space character without slicing the line.
const ATX = /#{1,6}(?:[ \t]+|$)/y;
const FENCE = /`{3,}(?![^\n]*`)|~{3,}/y;
const SETEXT = /(?:=+|-+)[ \t]*$/y;
const BULLET = /[*+-]/y;
const ORDERED = /(\d{1,9})([.)])/y;
const FOOTNOTE = /\[\^[^\]\s]+\]:/y;
const TABLE_DELIMITER = /\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/y;

const TAG = '[A-Za-z][A-Za-z0-9-]*';
const ATTRIBUTE = `(?:\\s+[a-zA-Z_:][a-zA-Z0-9:._-]*(?:\\s*=\\s*(?:[^"'=<>\`\\x00-\\x20]+|'[^']*'|"[^"]*"))?)`;
const HTML_OPEN = [
  /./,
  /^<(?:script|pre|textarea|style)(?:\s|>|$)/i,
  /^<!--/,
  /^<[?]/,
  /^<![A-Za-z]/,
  /^<!\[CDATA\[/,
  /^<[/]?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[123456]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:\s|[/]?[>]|$)/i,
  new RegExp(`^(?:<${TAG}${ATTRIBUTE}*\\s*/?>|</${TAG}\\s*[>])\\s*$`, 'i'),
];

const isSpaceOrTab = (c: string | undefined) => c === ' ' || c === '\t';

const blockQuote: Start = (s) => {
  if (s.indented || s.line[s.nextNonspace] !== '>') return 0;
  s.advanceNextNonspace();
  s.advanceOffset(1, false);
  if (isSpaceOrTab(s.line[s.offset])) s.advanceOffset(1, true);
  s.closeForContainer();
  const quote = s.addChild('blockquote', s.nextNonspace);
  quote.end = s.at(s.offset);
  return 1;
};

const atxHeading: Start = (s) => {
  const m = s.indented ? null : s.match(ATX);
  if (!m) return 0;
  s.advanceNextNonspace();
  s.advanceOffset(m[0].length, false);
  s.closeUnmatched();
  const h = s.addChild('heading', s.nextNonspace);
  h.depth = m[0].trim().length;
  h.content = s.line
    .slice(s.offset)
    .replace(/^[ \t]*#+[ \t]*$/, '')
    .replace(/[ \t]+#+[ \t]*$/, '');
  h.end = s.lineEnd();
  s.advanceOffset(s.line.length - s.offset, false);
  return 2;
};

const fencedCode: Start = (s) => {
  const m = s.indented ? null : s.match(FENCE);
  if (!m) return 0;
  s.closeUnmatched();
  const code = s.addChild('code', s.nextNonspace);
  code.fence = { char: m[0][0] as string, length: m[0].length, offset: s.indent };
  code.end = s.lineEnd();
  code.lastLine = s.lineStart;
  s.advanceNextNonspace();
  s.advanceOffset(m[0].length, false);
  return 2;
};

const htmlBlock: Start = (s, container) => {
  if (s.indented || s.line[s.nextNonspace] !== '<') return 0;
  const rest = s.rest();
  for (let type = 1; type <= 7; type++) {
    const lazy = !s.allClosed && !s.blank && s.tip.type === 'paragraph';
    if (HTML_OPEN[type]?.test(rest) && (type < 7 || (container.type !== 'paragraph' && !lazy))) {
      s.closeUnmatched();
      const html = s.addChild('html', s.offset);
      html.htmlType = type;
      return 2;
    }
  }
  return 0;
};

const setextHeading: Start = (s, container) => {
  if (s.indented || container.type !== 'paragraph') return 0;
  const m = s.match(SETEXT);
  if (!m) return 0;
  s.closeUnmatched();
  // mdast starts the heading where the paragraph started, definitions before it included.
  const start = container.start;
  // Reference definitions first: a paragraph of only definitions is no heading.
  const parent = container.parent as MdNode;
  finalize(s, container);
  // Only definitions: no heading; the underline is a line of its own (a thematic break or a paragraph).
  if ((container.type as string) === 'definition') return 0;
  container.type = 'heading';
  container.start = start;
  container.depth = m[0][0] === '=' ? 1 : 2;
  container.end = s.lineEnd();
  container.open = false;
  s.tip = parent;
  s.advanceOffset(s.line.length - s.offset, false);
  return 2;
};

/** Cells of a table row: split at unescaped pipes, without the outer ones. */
function cellCount(row: string): number {
  const trimmed = row
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '');
  return trimmed.split(/(?<!\\)\|/).length;
}

const tableDelimiter: Start = (s, container) => {
  if (s.indented || container.type !== 'paragraph' || !s.allClosed) return 0;
  if (!s.match(TABLE_DELIMITER)) return 0;
  const rest = s.rest();
  const lines = container.lines ?? [];
  const header = lines[lines.length - 1];
  const headerText = (container.content ?? '').split('\n').pop() ?? '';
  if (!header || container.lastLineIndented || !(rest.includes('|') || headerText.includes('|'))) return 0;
  if (cellCount(headerText) !== cellCount(rest)) return 0;
  s.closeUnmatched();
  const parent = container.parent as MdNode;
  // The paragraph's last line is the table's header row; what came before stays a paragraph.
  lines.pop();
  const contentLines = (container.content ?? '').split('\n');
  contentLines.pop();
  container.content = contentLines.join('\n');
  if (lines.length === 0) parent.children.splice(parent.children.indexOf(container), 1);
  else {
    container.end = (lines[lines.length - 1] as [number, number])[1];
    finalize(s, container);
  }
  s.tip = parent;
  const table = s.addChild('table', 0);
  table.start = header[0];
  table.lines = [header];
  table.end = s.lineEnd();
  s.advanceOffset(s.line.length - s.offset, false);
  return 2;
};

const thematicBreak: Start = (s) => {
  if (s.indented || !s.thematicBreakAhead()) return 0;
  s.closeUnmatched();
  const hr = s.addChild('thematicBreak', s.nextNonspace);
  hr.end = s.lineEnd();
  s.advanceOffset(s.line.length - s.offset, false);
  return 2;
};

const footnoteDefinition: Start = (s) => {
  const m = s.indented ? null : s.match(FOOTNOTE);
  if (!m) return 0;
  s.closeForContainer();
  const definition = s.addChild('footnoteDefinition', s.nextNonspace);
  s.references.footnotes.add(normalizeLabel(m[0].slice(2, -2)));
  s.advanceNextNonspace();
  s.advanceOffset(m[0].length, false);
  // micromark takes all the white space after the label: "[^1]:     text" is text, not indented code.
  s.findNextNonspace();
  s.advanceNextNonspace();
  definition.end = s.at(s.offset); // an empty definition still spans its label
  return 1;
};

function listMarker(
  s: LineState,
  container: MdNode,
): { kind: string; markerOffset: number; padding: number } | undefined {
  if (s.indent >= 4) return undefined;
  let m = s.match(BULLET);
  let kind: string;
  // A list interrupting a paragraph starts with 1 and is not empty; so do the lists nested in it on the
  // same line (see LineState.interrupting).
  const interrupts = container.type === 'paragraph' || s.interrupting;
  if (m) kind = `bullet${m[0]}`;
  else {
    m = s.match(ORDERED);
    if (!m || (interrupts && m[1] !== '1')) return undefined;
    kind = `ordered${m[2]}`;
  }
  const after = s.line[s.nextNonspace + m[0].length];
  if (!(after === undefined || after === ' ' || after === '\t')) return undefined;
  if (interrupts && !/[^ \t]/.test(s.line.slice(s.nextNonspace + m[0].length))) return undefined;
  const markerOffset = s.indent;
  s.advanceNextNonspace();
  s.advanceOffset(m[0].length, true);
  const spacesStartColumn = s.column;
  const spacesStartOffset = s.offset;
  do s.advanceOffset(1, true);
  while (s.column - spacesStartColumn < 5 && isSpaceOrTab(s.line[s.offset]));
  const blankItem = s.offset >= s.line.length;
  const spaces = s.column - spacesStartColumn;
  let padding: number;
  if (spaces >= 5 || spaces < 1 || blankItem) {
    padding = m[0].length + 1;
    s.column = spacesStartColumn;
    s.offset = spacesStartOffset;
    if (isSpaceOrTab(s.line[s.offset])) s.advanceOffset(1, true);
  } else padding = m[0].length + spaces;
  return { kind, markerOffset, padding };
}

const listItem: Start = (s, container) => {
  if (s.indented && container.type !== 'list') return 0;
  const marker = listMarker(s, container);
  if (!marker) return 0;
  s.closeForContainer();
  if (s.tip.type !== 'list' || s.tip.list?.kind !== marker.kind) {
    const list = s.addChild('list', s.nextNonspace);
    list.list = marker;
  }
  const item = s.addChild('listItem', s.nextNonspace);
  item.list = marker;
  item.end = s.at(s.offset); // an empty item still spans its marker
  return 1;
};

const indentedCode: Start = (s) => {
  if (!s.indented || s.tip.type === 'paragraph' || s.blank) return 0;
  const start = s.offset;
  s.advanceOffset(4, true);
  s.closeUnmatched();
  s.addChild('code', start);
  return 2;
};

const STARTS: Start[] = [
  blockQuote,
  atxHeading,
  fencedCode,
  htmlBlock,
  setextHeading,
  thematicBreak,
  footnoteDefinition,
  listItem,
  // After the containers: micromark opens a list item on "- |---|" before it looks for a table.
  tableDelimiter,
  indentedCode,
];

/** Opens the blocks that start on this line; returns the innermost container to add the rest to. */
export function tryStarts(s: LineState, matched: MdNode): MdNode {
  let container = matched;
  const leafAccepts = container.type === 'code' || container.type === 'html';
  if (leafAccepts) return container;
  for (;;) {
    s.findNextNonspace();
    if (!s.indented && !MAYBE_SPECIAL.has(s.line[s.nextNonspace] as string)) {
      s.advanceNextNonspace();
      return container;
    }
    let result: 0 | 1 | 2 = 0;
    for (const start of STARTS) {
      result = start(s, container);
      if (result !== 0) break;
      if (!container.open) container = s.tip;
    }
    if (result === 0) {
      // A start may have closed the container without opening anything (a paragraph of definitions).
      if (!container.open) container = s.tip;
      s.advanceNextNonspace();
      return container;
    }
    container = s.tip;
    if (result === 2) return container;
  }
}
