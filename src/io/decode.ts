// Bytes → text for report files written on many machines over many years.
//
// Order of decisions, each cheap and strict before the next guesses:
//   1. empty file;
//   2. byte-order mark: UTF-8, UTF-16LE, UTF-16BE (the mark is dropped from the text);
//   3. UTF-16 without a mark, recognised by NUL bytes at every other position;
//   4. any other NUL byte → binary;
//   5. strict UTF-8 (fatal decoder: one bad sequence and it is not UTF-8);
//   6. damaged UTF-8: at least as many well-formed multi-byte sequences as broken ones. Legacy 8-bit
//      text almost never forms a valid sequence (Finnish ä is 0xE4 followed by a letter), so such a file
//      is UTF-8 with a few bytes broken; it is decoded with U+FFFD for each bad sequence and flagged
//      (read/invalid-utf8) — never read as a code page, which would turn every "ä" into "√§" or "Ã¤";
//   7. otherwise a legacy 8-bit code page: Windows-1252 (read also for ISO-8859-1, its subset for text),
//      unless the Windows-1252 reading is clearly broken (letters turned into C1 punctuation such as
//      "k„ytt”") and DOS cp850 or Mac Roman reads as Finnish/Swedish text instead.
// The text is then put in Unicode normalisation form C: a Mac or a web form may write "ä" as "a" plus a
// combining diaeresis (NFD), which would match no term and look like OCR umlaut loss.
// Line ends are kept exactly as found (\r\n, \r, \n): every offset later refers to this text.

import iconv from 'iconv-lite';
import { type Diagnostic, diagnostic, type Result } from '../diagnostics.js';
import { LineIndex } from '../positions.js';
import { scanUtf8 } from './utf8-scan.js';

export type Encoding =
  | 'utf-8'
  | 'utf-8+bom'
  | 'utf-16le'
  | 'utf-16be'
  | 'utf-16le+bom'
  | 'utf-16be+bom'
  | 'windows-1252'
  | 'cp850'
  | 'macintosh';

export interface Decoded {
  text: string;
  encoding: Encoding;
}

/** Share of control characters above which a "text" is taken to be binary data. */
const MAX_CONTROL_SHARE = 0.05;
/** Bytes sampled for the BOM-less UTF-16 test. */
const UTF16_SAMPLE = 4096;

export function decode(bytes: Uint8Array, file: string): Result<Decoded> {
  if (bytes.length === 0) return fail(file, 'read/empty', 'file is empty');

  const chosen = chooseDecoding(bytes);
  if ('binary' in chosen) return fail(file, 'read/binary', chosen.binary);

  // A DOS end-of-file mark (Ctrl-Z) closes some old files; it is not part of the text.
  const raw = chosen.text.endsWith('\x1a') ? chosen.text.slice(0, -1) : chosen.text;
  const text = raw.normalize('NFC');

  // In damaged UTF-8 the U+FFFDs are the damage, already weighed against the good sequences.
  const controls = countControls(text, chosen.damaged === undefined);
  if (text.includes('\0') || (text.length > 0 && controls / text.length > MAX_CONTROL_SHARE)) {
    return fail(
      file,
      'read/binary',
      `not text: ${controls} control characters in ${text.length} (${chosen.encoding})`,
    );
  }
  if (text.trim() === '') return fail(file, 'read/empty', 'file holds only whitespace');

  const notes: Diagnostic[] = [];
  if (chosen.damaged) {
    const first = text.indexOf('\ufffd');
    const at = new LineIndex(text).point(Math.max(0, first));
    notes.push(
      diagnostic(
        file,
        'read/invalid-utf8',
        `not valid UTF-8: ${chosen.damaged} broken byte sequence${chosen.damaged === 1 ? '' : 's'} replaced with "\ufffd"; fix the file or save it again as UTF-8`,
        { line: at.line, column: at.column, offset: at.offset },
        'warning',
      ),
    );
  } else if (chosen.guessed) {
    notes.push(
      diagnostic(file, 'read/encoding', `decoded as ${chosen.encoding} (not UTF-8)`, undefined, 'info'),
    );
  }
  return notes.length > 0
    ? { ok: true, value: { text, encoding: chosen.encoding }, diagnostics: notes }
    : { ok: true, value: { text, encoding: chosen.encoding } };
}

type Choice = { text: string; encoding: Encoding; guessed: boolean; damaged?: number } | { binary: string };

function chooseDecoding(bytes: Uint8Array): Choice {
  const b0 = bytes[0];
  const b1 = bytes[1];
  const b2 = bytes[2];
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) {
    const text = strictUtf8(bytes.subarray(3));
    if (text !== undefined) return { text, encoding: 'utf-8+bom', guessed: false };
    // A UTF-8 mark in front of bytes that are not UTF-8: trust the bytes, not the mark.
    return damagedUtf8(bytes.subarray(3), 'utf-8+bom') ?? legacy(bytes.subarray(3));
  }
  // UTF-16 has an even number of bytes; "ÿþ" or "þÿ" opening an odd-length file is 8-bit text.
  const even = bytes.length % 2 === 0;
  if (b0 === 0xff && b1 === 0xfe && even) {
    return { text: utf16(bytes.subarray(2), 'le'), encoding: 'utf-16le+bom', guessed: false };
  }
  if (b0 === 0xfe && b1 === 0xff && even) {
    return { text: utf16(bytes.subarray(2), 'be'), encoding: 'utf-16be+bom', guessed: false };
  }

  const order = utf16ByNulPattern(bytes);
  if (order)
    return { text: utf16(bytes, order), encoding: order === 'le' ? 'utf-16le' : 'utf-16be', guessed: true };

  const nul = bytes.indexOf(0);
  if (nul >= 0) return { binary: `not text: NUL byte at offset ${nul}` };

  const text = strictUtf8(bytes);
  if (text !== undefined) return { text, encoding: 'utf-8', guessed: false };
  return damagedUtf8(bytes, 'utf-8') ?? legacy(bytes);
}

/** UTF-8 with some sequences broken: decoded with U+FFFD for each, or undefined when it reads as 8-bit text. */
function damagedUtf8(bytes: Uint8Array, encoding: 'utf-8' | 'utf-8+bom'): Choice | undefined {
  const { valid, invalid } = scanUtf8(bytes);
  if (valid === 0 || valid < invalid) return undefined;
  const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes);
  return { text, encoding, guessed: false, damaged: invalid };
}

function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    // ignoreBOM: true keeps a second U+FEFF as text; the first one was handled by the caller.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function utf16(bytes: Uint8Array, order: 'le' | 'be'): string {
  // An odd trailing byte (BOM-less guess only) cannot be a code unit: drop it rather than fail the report.
  const even = bytes.subarray(0, bytes.length - (bytes.length % 2));
  return new TextDecoder(order === 'le' ? 'utf-16le' : 'utf-16be', { ignoreBOM: true }).decode(even);
}

/**
 * UTF-16 without a BOM: text in Latin script has a zero high byte in most code units, so NULs sit at
 * odd offsets (LE) or even offsets (BE) and almost never at the other.
 */
function utf16ByNulPattern(bytes: Uint8Array): 'le' | 'be' | undefined {
  const n = Math.min(bytes.length, UTF16_SAMPLE) & ~1;
  if (n < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const units = n / 2;
  if (oddNul >= units * 0.3 && evenNul <= units * 0.02) return 'le';
  if (evenNul >= units * 0.3 && oddNul <= units * 0.02) return 'be';
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Legacy 8-bit code pages

const LETTER = /\p{L}/u;
/** Letters a Finnish or Swedish text writes with bytes ≥ 0x80. */
const NORDIC = new Set([...'äöåÄÖÅéÉüÜ']);

function legacy(bytes: Uint8Array): Choice {
  const cp1252 = iconv.decode(Buffer.from(bytes), 'windows-1252');
  if (!looksMisread(cp1252)) return { text: cp1252, encoding: 'windows-1252', guessed: true };

  // The Windows reading turned letters into punctuation: try the code pages of DOS and old Macs.
  let best: { text: string; encoding: Encoding; score: number } = {
    text: cp1252,
    encoding: 'windows-1252',
    score: plausibility(cp1252),
  };
  for (const encoding of ['cp850', 'macintosh'] as const) {
    let text = iconv.decode(Buffer.from(bytes), encoding);
    // Mac OS 8.5 (1998) put € at 0xDB, where the older table that iconv-lite follows has ¤.
    if (encoding === 'macintosh') text = text.replaceAll('¤', '€');
    const score = plausibility(text);
    if (score > best.score) best = { text, encoding, score };
  }
  return { text: best.text, encoding: best.encoding, guessed: true };
}

/**
 * True when the Windows-1252 reading shows signs of the wrong code page: an undefined byte (U+FFFD)
 * or a character from the 0x80–0x9F block other than € inside a word ("k„ytt”", "pŠŠ").
 * Plain Latin-1 text and Windows text with typographic quotes never trip this.
 */
function looksMisread(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '\ufffd') return true;
    if (!isCp1252Extra(c)) continue;
    const before = text[i - 1];
    const after = text[i + 1];
    if (before !== undefined && after !== undefined && LETTER.test(before) && LETTER.test(after)) return true;
  }
  return false;
}

const CP1252_EXTRA = new Set([...'‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ']);
function isCp1252Extra(c: string): boolean {
  return CP1252_EXTRA.has(c);
}

/** How much a decoding reads like Nordic text: Nordic letters count for, non-letters inside words against. */
function plausibility(text: string): number {
  let score = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c.charCodeAt(0) < 0x80) continue;
    if (c === '\ufffd') score -= 5;
    else if (NORDIC.has(c)) score += 2;
    else if (!LETTER.test(c) && LETTER.test(text[i - 1] ?? '') && LETTER.test(text[i + 1] ?? '')) score -= 2;
    else if (!LETTER.test(c)) score -= 0.5;
  }
  return score;
}

/** C0 controls other than tab, line feed, vertical tab, form feed and carriage return; DEL; C1; U+FFFD. */
function countControls(text: string, replacement: boolean): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && (c < 0x09 || c > 0x0d)) || (c >= 0x7f && c <= 0x9f) || (replacement && c === 0xfffd))
      n++;
  }
  return n;
}

function fail(file: string, ruleId: string, reason: string): Result<never> {
  return { ok: false, diagnostics: [diagnostic(file, ruleId, reason)] };
}
