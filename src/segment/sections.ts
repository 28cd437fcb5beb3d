// Heading paths: which section each block stands in. Reports mark heading levels carelessly — seed 001
// sets "# 1. Tiivistelmä" but "## 2. …" for every later chapter, and "## 3.2." as deep as "## 3." — seed
// 000 sets "## 2.2." and "### 3." — while their numbering is deliberate. So numbered headings nest by
// their numbers and unnumbered ones by their markup depth:
//   - a numbered heading ("3.1.", "3.1 ", "2.") goes under the nearest open heading whose number is a
//     prefix of its own (3.1 under 3.), closing everything opened after that one; without such a heading
//     it closes every numbered heading (3.1 never stands under 2.2, even if "3." is missing) and, of the
//     unnumbered ones before them (a title), those at or below its level — the level its numbering gives,
//     counted from where the report's numbering usually starts (the most common markup depth of a
//     heading minus its extra numbering levels);
//   - an unnumbered heading (a title, "Liitteet", a bold subheading) closes the open headings of its
//     markup depth and deeper, numbered or not; when it closes a numbered subsection of its own depth
//     ("## Digituki" after "## 2.2." in seed 001), it takes that subsection's place among its numbered
//     siblings, under the same numbered parent;
//   - the heading of a table of contents (followed only by contents lines) closes nothing and is closed
//     by the next heading: it is no section of the report.
import type { Block } from '../types.js';

const NUMBERING = /^(\d{1,2}(?:\.\d{1,2}){0,5})\.?(?=\s+\S)/;

interface Open {
  /** Markup depth (1–6) of the heading. */
  depth: number;
  numbers?: number[];
  label: string;
  /** A table of contents' heading: closed by the next heading, whatever its level. */
  contents?: boolean;
}

/** The heading's section numbers ("3.2.1. Toteutuneet riskit" → [3, 2, 1]), if it is numbered. */
export function headingNumbers(label: string): number[] | undefined {
  const m = NUMBERING.exec(label.trim());
  return m?.[1] ? m[1].split('.').map(Number) : undefined;
}

/** The path of headings (outermost first) each block stands under; a heading's path ends with itself. */
export function sectionPaths(blocks: readonly Block[]): string[][] {
  const base = numberingBase(blocks);
  const contents = contentsHeadings(blocks);
  const stack: Open[] = [];
  const top = () => stack[stack.length - 1];
  return blocks.map((b, i) => {
    if (b.kind !== 'heading') return stack.map((o) => o.label);
    while (top()?.contents) stack.pop();
    const label = b.label ?? '';
    const depth = b.depth ?? 1;
    const numbers = headingNumbers(label);
    if (contents.has(i)) stack.push({ depth, label, contents: true });
    else if (numbers) {
      const parent = stack.findLastIndex((o) => o.numbers !== undefined && isPrefix(o.numbers, numbers));
      if (parent >= 0) stack.length = parent + 1;
      else {
        const firstNumbered = stack.findIndex((o) => o.numbers !== undefined);
        if (firstNumbered >= 0) stack.length = firstNumbered;
        const level = base + numbers.length - 1;
        while (stack.length > 0 && (top()?.depth ?? 0) >= level) stack.pop();
      }
      stack.push({ depth, numbers, label });
    } else {
      while (stack.length > 0 && (top()?.depth ?? 0) >= depth) {
        const closed = stack.pop() as Open;
        if (closed.numbers && closed.numbers.length > 1 && closed.depth === depth) break;
      }
      stack.push({ depth, label });
    }
    return stack.map((o) => o.label);
  });
}

/** Indexes of headings whose section is nothing but table-of-contents lines. */
function contentsHeadings(blocks: readonly Block[]): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i < blocks.length; i++) {
    if (blocks[i]?.kind !== 'heading') continue;
    let j = i + 1;
    while (j < blocks.length && blocks[j]?.kind === 'toc') j++;
    if (j > i + 1 && (j === blocks.length || blocks[j]?.kind === 'heading')) out.add(i);
  }
  return out;
}

/** Markup depth of the report's top numbering level: the most common (depth − extra levels), ties lower. */
function numberingBase(blocks: readonly Block[]): number {
  const votes = new Map<number, number>();
  for (const b of blocks) {
    if (b.kind !== 'heading') continue;
    const numbers = headingNumbers(b.label ?? '');
    if (!numbers) continue;
    const base = Math.max(1, (b.depth ?? 1) - (numbers.length - 1));
    votes.set(base, (votes.get(base) ?? 0) + 1);
  }
  let best = 1;
  let most = 0;
  for (const [base, n] of [...votes].sort((a, b) => a[0] - b[0])) {
    if (n > most) {
      best = base;
      most = n;
    }
  }
  return best;
}

/** True when `a` is a proper prefix of `b` ([3] of [3, 1]; not [3] of [3], not [2, 2] of [3, 1]). */
function isPrefix(a: readonly number[], b: readonly number[]): boolean {
  return a.length < b.length && a.every((n, i) => n === b[i]);
}
