// The same report in several files (a .md, the .docx it came from, the .pdf sent round) must count once.
// Sameness is decided by content: the Jaccard similarity of the documents' five-word shingles (runs of
// five words, case and markup ignored), estimated by MinHash with one-permutation hashing (one hash per
// shingle, SKETCH bins) and found among many documents by locality-sensitive hashing (bands of the
// sketch), so a folder of 10,000 reports costs one pass over each text and no pairwise comparison.
//
// Measured on the reader fixtures: a report and its DOCX or PDF conversion share 0.98–1.00 of their
// shingles (a one-paragraph PDF 0.73); different reports, the sample reports and the seeds, below 0.05.

import { eachWordRun } from '../language/tokens.js';

/** Shingle similarity from which two documents are one report. */
export const SAME_REPORT = 0.5;
const SKETCH = 128;
const BAND = 4;
const SHINGLE = 5;
const EMPTY = 0xffffffff;

export type Sketch = Uint32Array;

/** The MinHash sketch of a text's five-word shingles (lower-cased, letters and digits only). */
export function sketchOf(text: string): Sketch {
  const sketch = new Uint32Array(SKETCH).fill(EMPTY);
  // The last SHINGLE word hashes, a ring: `seen` words so far, the oldest at seen % SHINGLE.
  const ring = new Uint32Array(SHINGLE);
  let seen = 0;
  eachWordRun(text, (start, end) => {
    ring[seen % SHINGLE] = lowerWordHash(text, start, end);
    seen++;
    if (seen < SHINGLE) return;
    let h = 0x811c9dc5;
    for (let k = 0; k < SHINGLE; k++) h = Math.imul(h ^ (ring[(seen + k) % SHINGLE] as number), 0x01000193);
    h = mix(h);
    const bin = h & (SKETCH - 1);
    const value = h >>> 7;
    if (value < (sketch[bin] as number)) sketch[bin] = value;
  });
  return sketch;
}

/** Estimated Jaccard similarity: equal bins among the bins either document filled. */
export function similarity(a: Sketch, b: Sketch): number {
  let filled = 0;
  let equal = 0;
  for (let i = 0; i < SKETCH; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    if (x === EMPTY && y === EMPTY) continue;
    filled++;
    if (x === y) equal++;
  }
  return filled === 0 ? 0 : equal / filled;
}

/**
 * Groups documents that are one report. `add` returns the id of an earlier document the new one is the
 * same report as (the first of its group), or undefined for a new report.
 */
export class SameReportIndex {
  private readonly buckets = new Map<string, string[]>();
  private readonly sketches = new Map<string, Sketch>();

  add(id: string, sketch: Sketch): string | undefined {
    if (sketch.every((v) => v === EMPTY)) return undefined; // under five words: nothing to compare
    const keys: string[] = [];
    const seen = new Set<string>();
    for (let b = 0; b < SKETCH; b += BAND) {
      const key = `${b}:${Array.from(sketch.subarray(b, b + BAND)).join(',')}`;
      keys.push(key);
      for (const other of this.buckets.get(key) ?? []) {
        if (seen.has(other)) continue;
        seen.add(other);
        if (similarity(sketch, this.sketches.get(other) as Sketch) >= SAME_REPORT) return other;
      }
    }
    // A new report: only the first of each group is indexed, so a group costs one comparison.
    this.sketches.set(id, sketch);
    for (const key of keys) {
      const list = this.buckets.get(key) ?? [];
      list.push(id);
      this.buckets.set(key, list);
    }
    return undefined;
  }
}

/**
 * wordHash of text.slice(start, end).toLowerCase(), without making either string when the word is all
 * Latin-1 (nearly every Finnish and Swedish word), where lower-casing is one character at a time:
 * A–Z and À–Þ go up by 0x20 and nothing else changes (× in between is no letter, so never in a word).
 */
function lowerWordHash(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    let c = text.charCodeAt(i);
    if (c > 0xff) return wordHash(text.slice(start, end).toLowerCase());
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0xc0 && c <= 0xde)) c += 0x20;
    h = Math.imul(h ^ c, 0x01000193);
  }
  return h >>> 0;
}

function wordHash(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** MurmurHash3's finaliser: spreads the bits, so bins and values are independent. */
function mix(x: number): number {
  let h = x >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
