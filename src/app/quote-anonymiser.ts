// The anonymiser as the run uses it: each report is analysed once as a whole (learn: its project name,
// persons, firms and names, and the inventory), then every quote is anonymised fail-closed and checked by
// the leak check's second look. A quote that still carries an identifier is redacted word by word; one
// that cannot be made clean is dropped.
import {
  type Anonymiser,
  findLeaks,
  type LeakCheckOptions,
  type ReportIdentifiers,
} from '../anonymise/index.js';
import type { Codebook } from '../codebook/types.js';
import { MemoryRecords, type RecordStore } from '../io/scratch.js';
import { uiStrings } from '../render/ui-strings.js';

/**
 * The tool's own words in its outputs, which the leak check must not take for names: every interface
 * string in every language (headings, labels, "Raportti 3"), and the codebook's title, labels and
 * descriptions ("Association of Finnish Municipalities").
 */
export function toolVocabulary(books: readonly Codebook[] = []): string[] {
  const out: string[] = ['Raportti', 'Report', 'Rapport'];
  const collect = (value: unknown): void => {
    if (typeof value === 'string') out.push(value);
    else if (typeof value === 'function') collect((value as (...a: number[]) => unknown)(1, 2));
    else if (value && typeof value === 'object') for (const v of Object.values(value)) collect(v);
  };
  for (const lang of ['fi', 'en', 'sv'] as const) collect(uiStrings(lang));
  for (const book of books) {
    collect(book.title);
    for (const theme of book.themes) {
      collect(theme.labels);
      out.push(theme.description);
    }
  }
  return out;
}

export interface QuoteAnonymiser {
  /** The anonymiser itself (the main thread's reports are analysed with it). */
  engine: Anonymiser;
  /** Analyses a whole report once: what its quotes need, and its identifiers into the inventory. */
  learn(report: string, text: string): void;
  /** What a report's analysis taught (done by `engine` or by a worker thread's anonymiser), and the
   * identifiers that analysis found, for the inventory. */
  remember(report: string, ids: ReportIdentifiers, inventory: readonly string[]): void;
  /** Keeps what each report taught on disk from now on (a run's scratch file) rather than in memory. */
  keepIn(records: RecordStore): void;
  /** The anonymised quote, or undefined when it could not be made clean (dropped). */
  quote(report: string, text: string): string | undefined;
  /** Identifiers found in every report and quote, for the leak check of the outputs. */
  inventory(): string[];
  /** What the leak check needs besides the inventory (the allow-list), for findLeaks(files, inventory, it). */
  leakCheck: LeakCheckOptions;
  redacted: number;
}

export function quoteAnonymiser(
  anonymiser: Anonymiser,
  options: { numbered?: boolean; lang?: 'fi' | 'sv' } = {},
): QuoteAnonymiser {
  // Each report's identifiers as JSON text until a quote needs them (names sliced from a report would
  // otherwise keep its whole text alive for the run): a record on disk when the run gives a store.
  let records: RecordStore = new MemoryRecords();
  const ids = new Map<string, number>();
  const quoted = new Map<string, ReportIdentifiers>();
  const leakCheck: LeakCheckOptions = { allowList: anonymiser.allowList, known: toolVocabulary() };
  const self: QuoteAnonymiser = {
    engine: anonymiser,
    redacted: 0,
    leakCheck,
    learn(report, text) {
      ids.set(report, records.append(JSON.stringify(anonymiser.scanReport(report, text))));
    },
    remember(report, learned, inventory) {
      ids.set(report, records.append(JSON.stringify(learned)));
      anonymiser.addToInventory(inventory);
    },
    keepIn(store) {
      records = store;
    },
    quote(report, text) {
      if (text.trim() === '') return text;
      // Parsed once per quoted report: numbering (--numbered) assigns letters into it, quote after quote.
      let known = quoted.get(report);
      const n = known ? undefined : ids.get(report);
      if (n !== undefined) {
        known = JSON.parse(records.read(n)) as ReportIdentifiers;
        quoted.set(report, known);
      }
      known ??= anonymiser.scanReport(report, '');
      const first = anonymiser.anonymise(text, known, {
        failClosed: true,
        ...(options.numbered ? { numbered: true } : {}),
      }).text;
      const leaks = findLeaks([{ file: 'quote', text: first }], anonymiser.inventory(), leakCheck);
      if (leaks.length === 0) return first;
      // Redact what the check still sees; if anything remains, drop the quote.
      let redacted = first;
      for (const leak of [...leaks].sort((a, b) => b.column - a.column)) {
        const at = redacted.indexOf(leak.text);
        if (at >= 0) redacted = `${redacted.slice(0, at)}[…]${redacted.slice(at + leak.text.length)}`;
      }
      self.redacted++;
      return findLeaks([{ file: 'quote', text: redacted }], anonymiser.inventory(), leakCheck).length === 0
        ? redacted
        : undefined;
    },
    inventory: () => anonymiser.inventory(),
  };
  return self;
}
