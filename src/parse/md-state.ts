// The Markdown block scanner's state (md-scan.ts): the block tree's node type, the parser's state on the
// current line (names follow commonmark.js), and the closing of a block (its end; for paragraphs the link
// reference definitions they start with).
import { normalizeLabel } from './md-inline.js';

export type MdType =
  | 'root'
  | 'blockquote'
  | 'list'
  | 'listItem'
  | 'footnoteDefinition'
  | 'paragraph'
  | 'heading'
  | 'code'
  | 'html'
  | 'thematicBreak'
  | 'table'
  | 'definition';

export interface MdNode {
  type: MdType;
  start: number;
  end: number;
  children: MdNode[];
  parent: MdNode | undefined;
  open: boolean;
  /** Content lines (paragraphs, setext headings, table rows): [start, end) in the text. */
  lines?: [number, number][];
  /** Paragraphs: was the last line indented four columns or more (then it cannot head a table)? */
  lastLineIndented?: boolean;
  /** Heading level; ATX heading content (without the # marks). */
  depth?: number;
  content?: string;
  /** List items: marker kind and the columns of content; lists: their kind. */
  list?: { kind: string; markerOffset: number; padding: number };
  fence?: { char: string; length: number; offset: number };
  htmlType?: number;
  /** Indented code: the end of its last non-blank line. */
  lastContentEnd?: number;
  /** Fenced code: where the last line it took starts. */
  lastLine?: number;
}

export const CONTAINERS = new Set<MdType>(['root', 'blockquote', 'listItem', 'footnoteDefinition']);

/** The parser's state on the current line (names follow commonmark.js). */
export class LineState {
  line = '';
  lineStart = 0;
  offset = 0;
  column = 0;
  nextNonspace = 0;
  nextNonspaceColumn = 0;
  indent = 0;
  indented = false;
  blank = false;
  partiallyConsumedTab = false;
  allClosed = true;
  tip: MdNode;
  oldTip: MdNode;
  lastMatched: MdNode;
  readonly root: MdNode;
  readonly references = { links: new Set<string>(), footnotes: new Set<string>() };
  /** A container starting on this line is closing the blocks left open (micromark ends a fence there). */
  containerStart = false;
  /**
   * The line continues an open paragraph's containers: micromark counts every container start on it as
   * interrupting the paragraph, so no list on it may be empty or start with another number than 1.
   */
  interrupting = false;

  constructor() {
    this.root = node('root', 0, undefined);
    this.tip = this.oldTip = this.lastMatched = this.root;
  }

  findNextNonspace(): void {
    // Deeply nested containers consume a line's indentation a few columns at a time: the next non-space
    // character stays where the last scan found it, so do not scan the same spaces again.
    if (this.scanFrom < 0 || this.offset < this.scanFrom || this.offset > this.nextNonspace) {
      let i = this.offset;
      let cols = this.column;
      for (;;) {
        const c = this.line[i];
        if (c === ' ') {
          i++;
          cols++;
        } else if (c === '\t') {
          i++;
          cols += 4 - (cols % 4);
        } else break;
      }
      this.scanFrom = this.offset;
      this.nextNonspace = i;
      this.nextNonspaceColumn = cols;
    }
    this.blank = this.nextNonspace >= this.line.length;
    this.indent = this.nextNonspaceColumn - this.column;
    this.indented = this.indent >= 4;
  }

  /** Where the last scan for the next non-space started on this line; -1 on a new line. */
  scanFrom = -1;

  advanceNextNonspace(): void {
    this.offset = this.nextNonspace;
    this.column = this.nextNonspaceColumn;
    this.partiallyConsumedTab = false;
  }

  advanceOffset(count: number, columns: boolean): void {
    let n = count;
    while (n > 0 && this.offset < this.line.length) {
      const c = this.line[this.offset];
      if (c === '\t') {
        const toTab = 4 - (this.column % 4);
        if (columns) {
          this.partiallyConsumedTab = toTab > n;
          const step = Math.min(n, toTab);
          this.column += step;
          this.offset += this.partiallyConsumedTab ? 0 : 1;
          n -= step;
        } else {
          this.partiallyConsumedTab = false;
          this.column += toTab;
          this.offset += 1;
          n -= 1;
        }
      } else {
        this.partiallyConsumedTab = false;
        this.offset++;
        this.column++;
        n--;
      }
    }
  }

  rest(): string {
    return this.line.slice(this.nextNonspace);
  }

  /** A sticky regular expression matched at the next non-space character. */
  match(re: RegExp): RegExpExecArray | null {
    re.lastIndex = this.nextNonspace;
    return re.exec(this.line);
  }

  /**
   * Is the rest of the line a thematic break ("***", "- - -")? Answered from counts over the line's
   * suffix, computed once per line, so that a line of thousands of list markers stays linear.
   */
  thematicBreakAhead(): boolean {
    const c = this.line[this.nextNonspace];
    if (c !== '*' && c !== '-' && c !== '_') return false;
    if (this.breakLine !== this.line) {
      this.breakLine = this.line;
      this.breakSuffix.clear();
    }
    let suffix = this.breakSuffix.get(c);
    if (!suffix) {
      // From the end backwards: where the run of only c, spaces and tabs begins, and how many c it holds.
      let from = this.line.length;
      let count = 0;
      const counts: number[] = [];
      while (from > 0) {
        const d = this.line[from - 1];
        if (d !== c && d !== ' ' && d !== '\t') break;
        from--;
        if (d === c) count++;
        counts.push(count);
      }
      suffix = { from, counts };
      this.breakSuffix.set(c, suffix);
    }
    if (this.nextNonspace < suffix.from) return false;
    const marks = suffix.counts[this.line.length - this.nextNonspace - 1] ?? 0;
    return marks >= 3;
  }

  private breakLine: string | undefined;
  private readonly breakSuffix = new Map<string, { from: number; counts: number[] }>();

  /** Absolute offset of a position in the current line. */
  at(i: number): number {
    return this.lineStart + i;
  }

  lineEnd(): number {
    return this.lineStart + this.line.length;
  }

  addChild(type: MdType, offsetInLine: number): MdNode {
    while (!canContain(this.tip.type, type)) finalize(this, this.tip);
    const child = node(type, this.at(offsetInLine), this.tip);
    this.tip.children.push(child);
    this.tip = child;
    return child;
  }

  closeForContainer(): void {
    this.containerStart = true;
    this.closeUnmatched();
    this.containerStart = false;
  }

  closeUnmatched(): void {
    if (this.allClosed) return;
    while (this.oldTip !== this.lastMatched) {
      const parent = this.oldTip.parent as MdNode;
      finalize(this, this.oldTip);
      this.oldTip = parent;
    }
    this.allClosed = true;
  }
}

function node(type: MdType, start: number, parent: MdNode | undefined): MdNode {
  return { type, start, end: start, children: [], parent, open: true };
}

function canContain(parent: MdType, child: MdType): boolean {
  if (parent === 'list') return child === 'listItem';
  return CONTAINERS.has(parent) && child !== 'listItem';
}

/** Closes a block: its end, and for paragraphs the link reference definitions they start with. */
export function finalize(state: LineState, block: MdNode): void {
  block.open = false;
  if (block.type === 'paragraph') finalizeParagraph(state, block);
  else if (block.type === 'code' && !block.fence) block.end = block.lastContentEnd ?? block.end;
  // A fence left open in a container runs to the start of the line where another container begins, as
  // micromark has it; closed by anything else it ends with its last line.
  else if (spansToLineStart(block) && block.lastLine !== state.lineStart && state.containerStart)
    block.end = state.lineStart;
  else if (CONTAINERS.has(block.type) || block.type === 'list') {
    // A container ends where its last child ends, or after its own markers if that is later.
    const last = block.children[block.children.length - 1];
    if (last && last.end > block.end) block.end = last.end;
  }
  state.tip = block.parent ?? state.root;
}

/** Blocks with an end marker of their own (fences, HTML comments and the like), left open. */
function spansToLineStart(block: MdNode): boolean {
  return block.fence !== undefined || (block.type === 'html' && (block.htmlType ?? 7) <= 5);
}

/** Reference definitions at the start of a paragraph are not text; a paragraph of only those vanishes. */
function finalizeParagraph(state: LineState, block: MdNode): void {
  const lines = block.lines ?? [];
  if (!block.content?.startsWith('[')) return;
  const text = block.content;
  let used = 0;
  for (;;) {
    const m = DEFINITION.exec(text.slice(used));
    if (!m || !/\S/.test(m[1] as string)) break;
    state.references.links.add(normalizeLabel(m[1] as string));
    used += m[0].length;
  }
  if (used === 0) return;
  const consumedLines = text.slice(0, used).split('\n').length - (text.slice(0, used).endsWith('\n') ? 1 : 0);
  const remaining = lines.slice(consumedLines);
  if (remaining.length === 0) {
    // Only definitions: no text, but still a block (a list item holding one is not empty).
    block.type = 'definition';
    return;
  }
  block.lines = remaining;
  block.content = text.slice(used);
  block.start = (remaining[0] as [number, number])[0];
}

const DEFINITION =
  /^\[((?:[^\\[\]]|\\.){1,999})\]:[ \t]*\n?[ \t]*(?:<[^<>\n]*>|[^\s<][^\s]*)(?:(?:[ \t]+\n?[ \t]*|[ \t]*\n[ \t]*)(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\((?:[^()\\]|\\.)*\)))?[ \t]*(?:\n|$)/;
