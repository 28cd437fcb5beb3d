// Heading paths: which section each block stands in. Reports mark heading levels carelessly — seed 001
// sets "# 1. Tiivistelmä" but "## 2. …" for every later chapter, seed 000 sets "## 2.2." and "### 3."
// — while their numbering is deliberate. So numbered headings nest by their numbers and unnumbered ones
// by their depth:
//   - a numbered heading ("3.1.", "3.1 ", "2.") takes the depth its numbering gives, counted from where the
//     report's numbering usually starts (the most common markup depth of a heading minus its extra
//     numbering levels: 2 in a report whose chapters are "##");
//   - it closes every numbered heading that is not a prefix of its number (3.1 closes 2.2 even if "3." is
//     missing or marked deeper) and everything under those;
//   - then any heading closes the open headings of its depth and deeper.
// Unnumbered headings (a title, "Liitteet", a bold subheading) keep their markup depth.
import type { Block } from '../types.js';

const NUMBERING = /^(\d{1,2}(?:\.\d{1,2}){0,5})\.?(?=\s+\S)/;

interface Open {
  depth: number;
  numbers?: number[];
  label: string;
}

/** The heading's section numbers ("3.2.1. Toteutuneet riskit" → [3, 2, 1]), if it is numbered. */
export function headingNumbers(label: string): number[] | undefined {
  const m = NUMBERING.exec(label.trim());
  return m?.[1] ? m[1].split('.').map(Number) : undefined;
}

/** The path of headings (outermost first) each block stands under; a heading's path ends with itself. */
export function sectionPaths(blocks: readonly Block[]): string[][] {
  const base = numberingBase(blocks);
  const stack: Open[] = [];
  return blocks.map((b) => {
    if (b.kind === 'heading') {
      const label = b.label ?? '';
      const numbers = headingNumbers(label);
      const depth = numbers ? base + numbers.length - 1 : (b.depth ?? 1);
      if (numbers) {
        const stray = stack.findIndex((o) => o.numbers !== undefined && !isPrefix(o.numbers, numbers));
        if (stray >= 0) stack.length = stray;
      }
      while (stack.length > 0 && (stack[stack.length - 1]?.depth ?? 0) >= depth) stack.pop();
      stack.push(numbers ? { depth, numbers, label } : { depth, label });
    }
    return stack.map((o) => o.label);
  });
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
