// The evaluator's decisions file, review.csv: one row per decision on one code of one paragraph.
//
//   report;paragraph;code;decision;quote;memo;reviewer;date;text
//
// decision is accept | reject | add; quote is pin | exclude | empty. `text` is the paragraph as it read when
// the decision was made: it lets a decision find its paragraph again when the report changed (anchor.ts)
// and tells a human reading the file what was decided on. UTF-8 with BOM, `,` or `;` (read from the
// header line), so Excel opens it in columns. Parsing is pure: file text in, decisions and diagnostics out.
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { type Diagnostic, diagnostic, type Result } from '../diagnostics.js';

export const DECISION_KINDS = ['accept', 'reject', 'add'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];
export const QUOTE_MARKS = ['pin', 'exclude', ''] as const;
export type QuoteMark = (typeof QUOTE_MARKS)[number];

export interface Decision {
  /** Report key (file name without extension), as in codings.csv. */
  report: string;
  /** Paragraph id within the report (src/segment/paragraph-id.ts). */
  paragraph: string;
  code: string;
  decision: DecisionKind;
  quote: QuoteMark;
  memo: string;
  reviewer: string;
  /** ISO 8601 date or date-time, e.g. 2026-03-05 or 2026-03-05T14:03:11Z. */
  date: string;
  /** The paragraph's text when decided (whitespace collapsed). */
  text: string;
}

export const DECISION_COLUMNS = [
  'report',
  'paragraph',
  'code',
  'decision',
  'quote',
  'memo',
  'reviewer',
  'date',
  'text',
] as const satisfies readonly (keyof Decision)[];

const REQUIRED = ['report', 'paragraph', 'code', 'decision'] as const;

export type Delimiter = ',' | ';' | '\t';

/** The delimiter of a CSV file, read from its header line (Finnish Excel saves with `;`). */
export function sniffDelimiter(text: string): Delimiter {
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const count = (c: string) => header.split(c).length - 1;
  const [best] = ([';', '\t', ','] as const).filter((c) => count(c) > 0).sort((a, b) => count(b) - count(a));
  return best ?? ',';
}

/** A cell a spreadsheet would run as a formula got an apostrophe on writing (OWASP); take it off. */
function unguard(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

function guard(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** One collapsed line of a paragraph, as the `text` column keeps it. */
export function decisionText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Reads a decisions file. Unknown columns are ignored (a reviewer may add their own); a row with a missing
 * or unknown value is skipped with a warning at its line; a missing required column is an error.
 */
export function parseDecisions(file: string, text: string): Result<Decision[]> {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return { ok: true, value: [] };
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(body, {
      delimiter: sniffDelimiter(body),
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (e) {
    const line = (e as { lines?: number }).lines ?? 1;
    return {
      ok: false,
      diagnostics: [
        diagnostic(file, 'review/csv', `Not a readable CSV file: ${(e as Error).message}`, {
          line,
          column: 1,
        }),
      ],
    };
  }
  const [head, ...records] = rows;
  const header = (head?.record ?? []).map((h) => h.trim().toLowerCase());
  const index = new Map(header.map((h, i) => [h, i]));
  const missing = REQUIRED.filter((c) => !index.has(c));
  if (missing.length > 0)
    return {
      ok: false,
      diagnostics: [
        diagnostic(
          file,
          'review/columns',
          `Missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; a decisions file has ${DECISION_COLUMNS.join(', ')}`,
          { line: 1, column: 1 },
        ),
      ],
    };
  const diagnostics: Diagnostic[] = [];
  const decisions: Decision[] = [];
  for (const { record, info } of records) {
    const cell = (name: (typeof DECISION_COLUMNS)[number]) => {
      const i = index.get(name);
      return i === undefined ? '' : unguard((record[i] ?? '').trim());
    };
    const where = { line: info.lines, column: 1 };
    if (record.every((c) => c.trim() === '')) continue;
    const decision = cell('decision').toLowerCase();
    const quote = cell('quote').toLowerCase();
    const problem = !cell('report')
      ? 'no report'
      : !cell('paragraph')
        ? 'no paragraph id'
        : !cell('code')
          ? 'no code'
          : !(DECISION_KINDS as readonly string[]).includes(decision)
            ? `decision "${decision}" is not one of ${DECISION_KINDS.join(', ')}`
            : !(QUOTE_MARKS as readonly string[]).includes(quote)
              ? `quote "${quote}" is not pin, exclude or empty`
              : undefined;
    if (problem) {
      diagnostics.push(diagnostic(file, 'review/row', `Row skipped: ${problem}`, where, 'warning'));
      continue;
    }
    if (decision === 'reject' && quote === 'pin')
      diagnostics.push(
        diagnostic(
          file,
          'review/pin-rejected',
          'A rejected coding cannot be pinned; the pin is ignored',
          where,
          'warning',
        ),
      );
    decisions.push({
      report: cell('report'),
      paragraph: cell('paragraph'),
      code: cell('code'),
      decision: decision as DecisionKind,
      quote: decision === 'reject' ? '' : (quote as QuoteMark),
      memo: cell('memo'),
      reviewer: cell('reviewer'),
      date: cell('date'),
      text: cell('text'),
    });
  }
  return diagnostics.length > 0
    ? { ok: true, value: decisions, diagnostics }
    : { ok: true, value: decisions };
}

/** The decisions file's bytes (as a string): BOM, header, one row per decision in the order given. */
export function renderDecisions(decisions: readonly Decision[], delimiter: Delimiter = ','): string {
  const rows = [
    [...DECISION_COLUMNS],
    ...decisions.map((d) => DECISION_COLUMNS.map((c) => guard(c === 'text' ? decisionText(d.text) : d[c]))),
  ];
  return `\uFEFF${stringify(rows, { delimiter, record_delimiter: 'unix', quoted_match: /^'[=+\-@\t\r]/ })}`;
}

/** Which paragraph and code a decision is about (the reviewer is not part of it). */
export function decisionKey(d: Pick<Decision, 'report' | 'paragraph' | 'code'>): string {
  return `${d.report}\u0000${d.paragraph}\u0000${d.code}`;
}

/**
 * Merges new decisions into a file's: a new decision replaces the same reviewer's earlier one on the same
 * paragraph and code, in place; others are appended. Nothing else is dropped (orphaned rows stay).
 */
export function mergeDecisions(existing: readonly Decision[], incoming: readonly Decision[]): Decision[] {
  const key = (d: Decision) => `${decisionKey(d)}\u0000${d.reviewer}`;
  const out = [...existing];
  const at = new Map(out.map((d, i) => [key(d), i]));
  for (const d of incoming) {
    const i = at.get(key(d));
    if (i === undefined) {
      at.set(key(d), out.length);
      out.push(d);
    } else out[i] = d;
  }
  return out;
}

/**
 * The decision in force per paragraph and code: the latest by date, and of equal dates the later row
 * (the file is appended to in the order decisions are made).
 */
export function decisionsInForce(decisions: readonly Decision[]): Decision[] {
  const latest = new Map<string, { d: Decision; i: number }>();
  decisions.forEach((d, i) => {
    const k = decisionKey(d);
    const seen = latest.get(k);
    if (!seen || d.date >= seen.d.date) latest.set(k, { d, i });
  });
  return [...latest.values()].sort((a, b) => a.i - b.i).map((x) => x.d);
}
