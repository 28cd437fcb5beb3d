// Parsers for option values, used by commander (`.option(flags, text, parser)`): a bad value stops the
// command with a message that names the option, the value and what would be right (exit 2), never a NaN
// carried into the run.
import { InvalidArgumentError } from 'commander';

/**
 * A confidence strictly between 0 and 1 (--threshold: the least confidence of the fitted model for a code).
 * A decimal comma gets its own hint (Finnish habit: 0,6).
 */
export function parseConfidence(value: string): number {
  const v = value.trim();
  const inRange = (n: number) => n > 0 && n < 1;
  if (/^[0-9]*,[0-9]+$/.test(v)) {
    const pointed = v.replace(',', '.');
    throw new InvalidArgumentError(
      inRange(Number(pointed))
        ? `Use a decimal point, not a comma: ${pointed}.`
        : 'Use a decimal point, not a comma, and a confidence between 0 and 1, e.g. 0.6.',
    );
  }
  const n = v === '' ? Number.NaN : Number(v);
  if (!inRange(n)) throw new InvalidArgumentError('Expected a confidence between 0 and 1, e.g. 0.6.');
  return n;
}

/** A whole number, 0 or more. */
export function parseCount(value: string): number {
  if (!/^\s*[0-9]+\s*$/.test(value)) throw new InvalidArgumentError('Expected a whole number, 0 or more.');
  return Number.parseInt(value, 10);
}

/** A number of threads (--jobs), 1 or more. */
export function parseJobs(value: string): number {
  if (!/^\s*[0-9]+\s*$/.test(value) || Number.parseInt(value, 10) < 1)
    throw new InvalidArgumentError('Expected a number of threads, 1 or more.');
  return Number.parseInt(value, 10);
}

/** A line number, 1 or more. */
export function parseLineNumber(value: string): number {
  if (!/^\s*[0-9]+\s*$/.test(value) || Number.parseInt(value, 10) < 1)
    throw new InvalidArgumentError('Expected a line number (1 or more).');
  return Number.parseInt(value, 10);
}

/** A comma-separated list of names, each one of `known`; at least one. */
export function listOf<T extends string>(known: readonly T[]): (value: string) => T[] {
  return (value) => {
    const names = value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (names.length === 0)
      throw new InvalidArgumentError(`Names nothing: choose one or more of ${known.join(',')}.`);
    for (const n of names)
      if (!(known as readonly string[]).includes(n))
        throw new InvalidArgumentError(`Unknown "${n}": choose from ${known.join(',')}.`);
    return [...new Set(names)] as T[];
  };
}

/** Optimal string alignment distance (edits and swaps of neighbours): "explian" is 1 from "explain". */
export function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[];
      const up = d[i - 1] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((up[j] as number) + 1, (row[j - 1] as number) + 1, (up[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
    }
  return (d[a.length] as number[])[b.length] as number;
}

/** The known name closest to a mistyped one, if it is close enough to be what was meant. */
export function closest(word: string, names: readonly string[]): string | undefined {
  let best: { name: string; d: number } | undefined;
  for (const name of names) {
    const d = editDistance(word.toLowerCase(), name);
    if (d <= Math.max(1, Math.floor(name.length / 3)) && (!best || d < best.d)) best = { name, d };
  }
  return best?.name;
}
