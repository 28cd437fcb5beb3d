// PDF text items → visual lines. pdf.js gives positioned strings (runs) in drawing order; we group them
// into lines by baseline, order each line left to right, put spaces where the gap between runs is wider
// than a kerning gap, mark superscript footnote numbers as "[1]", and split a line into cells where a
// gap is as wide as a table column gap. Running headers, footers and page numbers are found by
// comparing the first and last lines of every page.

/** One positioned string of a page, in PDF units (y grows upwards). */
export interface Run {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
  font: FontStyle;
}

export interface FontStyle {
  /** Font family without subset prefix and style suffix, e.g. "DejaVuSans"; the pdf.js id when unknown. */
  family: string;
  bold: boolean;
  italic: boolean;
}

export interface Line {
  page: number;
  /** Text of the whole line, cells joined by a space. */
  text: string;
  /** Pieces separated by column-wide gaps; one cell for ordinary text. */
  cells: string[];
  cellXs: number[];
  /** List marker ("•", "–", "1.", "a)") when the line starts with one set apart by a gap. */
  marker?: string;
  /** Left edge of the line (of its marker, when it has one). */
  x: number;
  /** Left edge of the text after the marker. */
  textX: number;
  xEnd: number;
  /** Baseline of the line's main text. */
  y: number;
  /** Size of most of the line's characters. */
  size: number;
  font: FontStyle;
  /** Share of the line's characters in the line's main font (1 for a line in one font). */
  uniform: number;
  /** First run is a small raised or lowered number: the start of a footnote. */
  startsWithNoteNumber: boolean;
}

const BULLET = /^[•◦▪▫■□●○‣⁃∙·\-–—*➢►✓]$/;
const NUMBER_MARKER = /^(?:\(?\d{1,2}[.)]|[a-zåäö][.)]|[ivx]{1,4}[.)])$/;
/** A gap wider than this many font sizes separates table cells (or a marker from its text). */
const CELL_GAP = 1.2;
/** A gap wider than this many font sizes separates a list marker from its text. */
const MARKER_GAP = 0.45;
/** A gap wider than this many font sizes is a space between words. */
const SPACE_GAP = 0.15;

export function groupLines(runs: Run[], page: number): Line[] {
  const sorted = runs.filter((r) => r.text.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: Run[][] = [];
  let current: Run[] = [];
  let anchor: Run | undefined;
  for (const run of sorted) {
    if (anchor && Math.abs(run.y - anchor.y) <= 0.45 * Math.max(anchor.size, run.size)) {
      current.push(run);
      if (run.size > anchor.size) anchor = run;
    } else {
      if (current.length > 0) groups.push(current);
      current = [run];
      anchor = run;
    }
  }
  if (current.length > 0) groups.push(current);
  return groups.map((g) => buildLine(g, page));
}

function buildLine(runs: Run[], page: number): Line {
  runs.sort((a, b) => a.x - b.x);
  const main = dominant(runs);
  const cells: string[] = [];
  const cellXs: number[] = [];
  let cell = '';
  let prev: Run | undefined;
  let startsWithNoteNumber = false;
  for (const [i, run] of runs.entries()) {
    let text = run.text;
    const raised = run.size < 0.8 * main.size && /^\s*\d{1,3}\s*$/.test(text);
    if (raised && i === 0) startsWithNoteNumber = Math.abs(run.y - main.y) > 0.1 * main.size;
    else if (raised && run.y > main.y + 0.15 * main.size) text = `[${text.trim()}]`;
    if (prev) {
      const gap = run.x - (prev.x + prev.width);
      // A list marker is set off from its text by a tab, narrower than a column gap.
      const afterMarker = cells.length === 0 && (BULLET.test(cell.trim()) || NUMBER_MARKER.test(cell.trim()));
      if (gap > (afterMarker ? MARKER_GAP : CELL_GAP) * main.size) {
        cells.push(cell.trim());
        cell = '';
      } else if (gap > SPACE_GAP * Math.min(prev.size, run.size) && !/\s$/.test(cell) && !/^\s/.test(text)) {
        if (!text.startsWith('[')) cell += ' ';
      }
    }
    if (cell === '') cellXs[cells.length] = run.x;
    cell += text;
    prev = run;
  }
  cells.push(cell.trim());
  const cleaned = cells.map((c) => c.replace(/\s+/g, ' '));
  const first = runs[0] as Run;
  const last = runs[runs.length - 1] as Run;
  const line: Line = {
    page,
    text: cleaned.join(' '),
    cells: cleaned,
    cellXs: cellXs.slice(0, cleaned.length),
    x: first.x,
    textX: first.x,
    xEnd: last.x + last.width,
    y: main.y,
    size: main.size,
    font: main.font,
    uniform: shareInFont(runs, main),
    startsWithNoteNumber,
  };
  return splitMarker(line);
}

/** The run style that covers most characters. */
function dominant(runs: Run[]): Run {
  const weight = new Map<string, { run: Run; chars: number }>();
  for (const r of runs) {
    const key = `${Math.round(r.size * 2)}|${r.font.family}|${r.font.bold}|${r.font.italic}`;
    const w = weight.get(key) ?? { run: r, chars: 0 };
    w.chars += r.text.trim().length;
    weight.set(key, w);
  }
  return [...weight.values()].sort((a, b) => b.chars - a.chars)[0]?.run as Run;
}

function shareInFont(runs: Run[], main: Run): number {
  let all = 0;
  let same = 0;
  for (const r of runs) {
    const n = r.text.trim().length;
    all += n;
    if (
      r.font.family === main.font.family &&
      r.font.bold === main.font.bold &&
      r.font.italic === main.font.italic
    )
      same += n;
  }
  return all === 0 ? 1 : same / all;
}

function splitMarker(line: Line): Line {
  const [head, ...rest] = line.cells;
  if (head === undefined) return line;
  // The marker stands alone in the first cell (a tab after it), or leads a run "• text".
  if (rest.length > 0 && (BULLET.test(head) || NUMBER_MARKER.test(head))) {
    const cells = rest;
    return {
      ...line,
      marker: head,
      cells,
      cellXs: line.cellXs.slice(1),
      textX: line.cellXs[1] ?? line.x,
      text: cells.join(' '),
    };
  }
  const inline = /^([•◦▪■●○‣⁃∙➢►])\s+(.*)$/.exec(head);
  if (inline?.[1] && inline[2]) {
    const cells = [inline[2], ...rest];
    // The text's own x is not known when marker and text came as one run: just right of the marker.
    const textX = line.x + 0.5 * line.size;
    return { ...line, marker: inline[1], cells, textX, text: cells.join(' ') };
  }
  return line;
}

// ---------------------------------------------------------------------------------------------
// Running headers, footers and page numbers

const PAGE_NUMBER =
  /^(?:(?:sivu|sida|page|s\.)\s*)?[-–]?\s*\d{1,4}\s*[-–]?(?:\s*(?:\/|\(|of|av)\s*\d{1,4}\s*\)?)?$/i;
/** How many lines at the top and the bottom of a page may be running lines. */
const EDGE_LINES = 3;

/**
 * Removes lines that repeat at the same height on at least half of the pages (digits ignored, so
 * "Sivu 3 / 12" repeats), and page numbers standing alone at the top or bottom of a page.
 */
export function dropRunningLines(pages: Line[][], pageHeights: number[]): Line[][] {
  const edges = pages.map((lines) => edgeLines(lines));
  const key = (l: Line) => l.text.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim().toLowerCase();
  const needed = Math.max(2, Math.ceil(pages.length / 2));
  const running = new Set<Line>();
  for (const [p, candidates] of edges.entries()) {
    for (const line of candidates) {
      const k = key(line);
      let count = 0;
      for (const other of edges) {
        if (other.some((o) => key(o) === k && Math.abs(o.y - line.y) <= 4)) count++;
      }
      const height = pageHeights[p] ?? 842;
      const nearEdge = line.y > height * 0.85 || line.y < height * 0.15;
      const lone = nearEdge && PAGE_NUMBER.test(line.text) && isolated(line, pages[p] ?? []);
      if (count >= needed || lone) running.add(line);
    }
  }
  return pages.map((lines) => lines.filter((l) => !running.has(l)));
}

/** Set apart from every other line of its page by more than two line heights (not a body line's tail). */
function isolated(line: Line, lines: Line[]): boolean {
  return lines.every((o) => o === line || Math.abs(o.y - line.y) > 2 * Math.max(line.size, o.size));
}

function edgeLines(lines: Line[]): Line[] {
  if (lines.length <= EDGE_LINES * 2) return lines;
  return [...lines.slice(0, EDGE_LINES), ...lines.slice(-EDGE_LINES)];
}
