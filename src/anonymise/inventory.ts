// The run's identifier inventory: every identifier string the anonymiser replaced (names, e-mail addresses,
// phone numbers), for the leak check of the outputs. It only grows. Kept in the order found, so that what
// a worker thread found since its last report can be handed to the main thread as a slice (app/worker*),
// and sorted once per change for the leak check, which caches its matcher by the sorted list's identity.
import { detach } from '../detach.js';

// Made when first needed: making it loads ICU's collation data (some 10 ms), which a worker thread, whose
// inventory is never sorted, does not need.
let finnish: Intl.Collator | undefined;

export class Inventory {
  private readonly entries = new Set<string>();
  private readonly log: string[] = [];
  private sorted: string[] | undefined;

  /** Adds an identifier; a copy is kept (a slice would keep the whole report text alive). */
  add(entry: string): void {
    if (this.entries.has(entry)) return;
    const own = detach(entry);
    this.entries.add(own);
    this.log.push(own);
    this.sorted = undefined;
  }

  has(entry: string): boolean {
    return this.entries.has(entry);
  }

  get size(): number {
    return this.log.length;
  }

  /** Entries added from position `from` on, in the order they were added. */
  since(from: number): string[] {
    return this.log.slice(from);
  }

  /** Forgets every entry (a worker thread, once it has handed them to the main thread). */
  clear(): void {
    this.entries.clear();
    this.log.length = 0;
    this.sorted = undefined;
  }

  /** Every entry in Finnish alphabetical order: the same array until an entry is added. */
  list(): string[] {
    finnish ??= new Intl.Collator('fi');
    this.sorted ??= [...this.log].sort(finnish.compare);
    return this.sorted;
  }
}
