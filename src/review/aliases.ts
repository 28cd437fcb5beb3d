// Stable report aliases ("Raportti 3"). The alias table lives in the state folder (aliases.json), so a
// published quote's alias names the same report in every later run:
//   - a report keeps its number as long as its key (file name without extension) stays;
//   - a report renamed with the same content (same fingerprint) keeps its number, and the table remembers
//     the old key, so decisions made under the old name still apply;
//   - a removed report keeps its number reserved: numbers are never reused or shifted;
//   - new reports get the next numbers, in the order of their content fingerprints, which says nothing
//     about their names (the old numbering in alphabetical order leaked it).
import { createHash } from 'node:crypto';
import { type Diagnostic, diagnostic, type Result } from '../diagnostics.js';
import { lettersAndDigits } from '../segment/paragraph-id.js';
import type { Alias } from '../types.js';

export const ALIAS_TABLE_FILE = 'aliases.json';

export interface AliasEntry {
  number: number;
  /** The report's current key. */
  report: string;
  /** Content fingerprint (contentFingerprint) when last seen. */
  fingerprint: string;
  /** Keys the report had before it was renamed, oldest first. */
  formerly?: string[];
}

export interface AliasTable {
  version: 1;
  entries: AliasEntry[];
}

export const EMPTY_ALIAS_TABLE: AliasTable = { version: 1, entries: [] };

/** Characters of a report read at a time for its fingerprint: a 50 MB report is never copied whole. */
const FINGERPRINT_CHUNK = 1 << 16;

/**
 * A report's content, independent of layout: a hash of its letters and digits (NFKC, lower case), read in
 * chunks. Two files with the same text have the same fingerprint however their lines are wrapped.
 */
export function contentFingerprint(text: string): string {
  const hash = createHash('sha256');
  for (let i = 0; i < text.length; i += FINGERPRINT_CHUNK)
    hash.update(
      lettersAndDigits(
        text
          .slice(i, i + FINGERPRINT_CHUNK)
          .normalize('NFKC')
          .toLowerCase(),
      ),
      'utf8',
    );
  return hash.digest('hex').slice(0, 24);
}

export function parseAliasTable(file: string, text: string | undefined): Result<AliasTable> {
  if (text === undefined || text.trim() === '') return { ok: true, value: { version: 1, entries: [] } };
  const fail = (reason: string): Result<AliasTable> => ({
    ok: false,
    diagnostics: [diagnostic(file, 'state/aliases', reason)],
  });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return fail(`The alias table is not valid JSON (${(e as Error).message}); repair or remove it`);
  }
  const entries = (data as { entries?: unknown }).entries;
  if (!Array.isArray(entries)) return fail('The alias table has no "entries" list');
  const seen = new Set<number>();
  const out: AliasEntry[] = [];
  for (const e of entries as Partial<AliasEntry>[]) {
    if (!Number.isInteger(e.number) || typeof e.report !== 'string' || typeof e.fingerprint !== 'string')
      return fail('An alias entry lacks number, report or fingerprint');
    if (seen.has(e.number as number)) return fail(`Alias number ${e.number} appears twice`);
    seen.add(e.number as number);
    out.push({
      number: e.number as number,
      report: e.report,
      fingerprint: e.fingerprint,
      ...(Array.isArray(e.formerly) && e.formerly.length > 0 ? { formerly: e.formerly.map(String) } : {}),
    });
  }
  return { ok: true, value: { version: 1, entries: out } };
}

export function renderAliasTable(table: AliasTable): string {
  const entries = [...table.entries].sort((a, b) => a.number - b.number);
  return `${JSON.stringify({ version: 1, entries }, null, 2)}\n`;
}

/**
 * Assigns aliases during a run. `claim` is called once per report as it is read (so a rename is known
 * before the report's decisions are applied); `finish` numbers the new reports and returns the table to save.
 */
export class AliasBook {
  private readonly byReport = new Map<string, AliasEntry>();
  private readonly claimed = new Set<string>();
  private readonly pending: { report: string; path: string; fingerprint: string }[] = [];
  private readonly paths = new Map<string, string>();
  readonly notes: Diagnostic[] = [];

  /** `runKeys`: every report key of this run, known before the first report is read. */
  constructor(
    table: AliasTable,
    private readonly runKeys: ReadonlySet<string>,
  ) {
    for (const e of table.entries) this.byReport.set(e.report, { ...e });
  }

  /** Records a report of this run; returns the keys it had before (for decisions made under them). */
  claim(report: string, path: string, fingerprint: string): string[] {
    this.paths.set(report, path);
    this.claimed.add(report);
    const own = this.byReport.get(report);
    if (own) {
      own.fingerprint = fingerprint;
      return own.formerly ?? [];
    }
    // Renamed: an entry with the same content whose key is not in this run.
    const renamed = [...this.byReport.values()]
      .filter(
        (e) => e.fingerprint === fingerprint && !this.runKeys.has(e.report) && !this.claimed.has(e.report),
      )
      .sort((a, b) => a.number - b.number)[0];
    if (renamed) {
      this.byReport.delete(renamed.report);
      const formerly = [...(renamed.formerly ?? []), renamed.report];
      this.byReport.set(report, { ...renamed, report, formerly });
      this.notes.push(
        diagnostic(
          path,
          'state/renamed',
          `Same content as the former report "${renamed.report}": keeps its alias number ${renamed.number}`,
          undefined,
          'info',
        ),
      );
      return formerly;
    }
    this.pending.push({ report, path, fingerprint });
    return [];
  }

  /** Numbers the new reports (by fingerprint, never by name) and returns this run's aliases and the table. */
  finish(word: string): { aliases: Alias[]; table: AliasTable } {
    let next = Math.max(0, ...[...this.byReport.values()].map((e) => e.number)) + 1;
    const fresh = [...this.pending].sort((a, b) =>
      a.fingerprint < b.fingerprint ? -1 : a.fingerprint > b.fingerprint ? 1 : a.report < b.report ? -1 : 1,
    );
    for (const r of fresh)
      this.byReport.set(r.report, { number: next++, report: r.report, fingerprint: r.fingerprint });
    const aliases = [...this.claimed]
      .map((report) => ({ report, entry: this.byReport.get(report) as AliasEntry }))
      .sort((a, b) => a.entry.number - b.entry.number)
      .map(({ report, entry }) => ({
        alias: `${word} ${entry.number}`,
        report,
        path: this.paths.get(report) ?? '',
      }));
    return { aliases, table: { version: 1, entries: [...this.byReport.values()] } };
  }
}
