// A set of words held as the build wrote it and used as it is: the keys' UTF-16 units in one block, where
// each key starts, and an open-addressing hash table of key numbers. Reading one from a build's file is
// three typed-array views (no string is made, no Set is filled), so a lexicon of 47,000 stems costs
// nothing at start; a lookup hashes the word and compares it unit by unit with the one or two keys of its
// slot, as cheap as a Set's lookup of a fresh string.

/** A key list's arrays (what the build writes, sections.ts). */
export interface KeyListData {
  /** Every key's UTF-16 units, one after another: bytes when every unit is below 256 (Finnish and Swedish words). */
  units: Uint8Array | Uint16Array;
  /** Where key k starts in `units` (k from 0 to the count; the last entry is the end of the last key). */
  starts: Uint32Array;
}

/** A key table's arrays. */
export interface KeyTableData extends KeyListData {
  /** Key number + 1 per slot, 0 for an empty slot; a power of two long, at most half full. */
  slots: Int32Array;
}

/** FNV-1a over a string's UTF-16 units. */
function hashOf(key: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < key.length; k++) h = Math.imul(h ^ key.charCodeAt(k), 0x01000193);
  return h >>> 0;
}

/** Strings by number, in one block of UTF-16 units. */
export class KeyList {
  protected readonly units: Uint8Array | Uint16Array;
  protected readonly starts: Uint32Array;

  constructor(data: KeyListData) {
    this.units = data.units;
    this.starts = data.starts;
  }

  static of(keys: readonly string[]): KeyList {
    return new KeyList(listData(keys));
  }

  get data(): KeyListData {
    return { units: this.units, starts: this.starts };
  }

  get size(): number {
    return this.starts.length - 1;
  }

  /** Key number k as a string. */
  keyAt(k: number): string {
    const from = this.starts[k] ?? 0;
    const to = this.starts[k + 1] ?? from;
    return String.fromCharCode.apply(null, this.units.subarray(from, to) as unknown as number[]);
  }

  *keys(): IterableIterator<string> {
    for (let k = 0; k < this.size; k++) yield this.keyAt(k);
  }

  protected equals(k: number, key: string): boolean {
    const from = this.starts[k] ?? 0;
    if ((this.starts[k + 1] ?? 0) - from !== key.length) return false;
    for (let i = 0; i < key.length; i++) if (this.units[from + i] !== key.charCodeAt(i)) return false;
    return true;
  }
}

function listData(keys: readonly string[]): KeyListData {
  let total = 0;
  let wide = false;
  for (const key of keys) {
    total += key.length;
    for (let i = 0; i < key.length && !wide; i++) wide = key.charCodeAt(i) > 0xff;
  }
  const units = wide ? new Uint16Array(total) : new Uint8Array(total);
  const starts = new Uint32Array(keys.length + 1);
  let at = 0;
  keys.forEach((key, k) => {
    starts[k] = at;
    for (let i = 0; i < key.length; i++) units[at++] = key.charCodeAt(i);
  });
  starts[keys.length] = at;
  return { units, starts };
}

/** A KeyList with a hash table: a set of strings, each with its number. */
export class KeyTable extends KeyList {
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(data: KeyTableData) {
    super(data);
    this.slots = data.slots;
    this.mask = data.slots.length - 1;
    if (data.slots.length === 0 || (data.slots.length & this.mask) !== 0)
      throw new Error('key table: the slots are no power of two');
  }

  /** A table of distinct keys, key k numbered k. */
  static override of(keys: readonly string[]): KeyTable {
    let size = 2;
    while (size < keys.length * 2) size *= 2;
    const table = new KeyTable({ ...listData(keys), slots: new Int32Array(size) });
    keys.forEach((key, k) => {
      table.place(key, k);
    });
    return table;
  }

  private place(key: string, k: number): void {
    for (let slot = hashOf(key) & this.mask; ; slot = (slot + 1) & this.mask) {
      const there = this.slots[slot] ?? 0;
      if (there === 0) {
        this.slots[slot] = k + 1;
        return;
      }
      if (this.equals(there - 1, key)) throw new Error(`key table: "${key}" twice`);
    }
  }

  override get data(): KeyTableData {
    return { units: this.units, starts: this.starts, slots: this.slots };
  }

  /** The key's number, or -1 when it is no key. */
  indexOf(key: string): number {
    for (let slot = hashOf(key) & this.mask; ; slot = (slot + 1) & this.mask) {
      const there = this.slots[slot] ?? 0;
      if (there === 0) return -1;
      if (this.equals(there - 1, key)) return there - 1;
    }
  }

  has(key: string): boolean {
    return this.indexOf(key) >= 0;
  }
}
