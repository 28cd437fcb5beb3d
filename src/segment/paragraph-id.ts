// Stable paragraph ids: "p" + a short hash of the paragraph's normalised text, so a decision made on a
// paragraph finds it again after the report is re-run, reformatted, or re-converted from DOCX to PDF.
// The full identity of a paragraph is its report key plus this id ("jarviseutu-tilavaraus#p3k9x0m2a").
//
// Normalisation keeps only what every conversion of the same text agrees on: the letters and digits,
// in NFKC (ligatures "ﬁ" → "fi", NFD → composed) and lower case. Whitespace, line breaks, hyphenation
// at line ends, soft hyphens, quotation marks, punctuation and Markdown/HTML markup all fall away; link
// targets and list numbering are dropped first because DOCX and PDF do not carry them as text.
import * as crypto from 'node:crypto';

/** Crockford's base-32 alphabet (no i, l, o, u): ids read aloud and typed without confusion. */
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** Characters of hash in an id: 40 bits; a clash inside one report falls back to the duplicate suffix. */
export const PARAGRAPH_HASH_LENGTH = 8;

const LINK_TARGET = /\]\([^)\s]*(?:\s+"[^"]*")?\)/g;
const AUTOLINK = /<(?:https?:|mailto:)[^>\s]*>/gi;
const HTML_TAG = /<\/?[a-z][^>]*>/gi;
const LIST_MARKER = /^[ \t>]*(?:\d{1,3}[.)]|[a-z][.)]|[-*+•▪–])[ \t]+/gim;

/** Whether a UTF-16 unit above ASCII is part of a letter, digit or mark (cached: few distinct ones occur). */
const wideKeeps = new Map<number, boolean>();
function keepsWide(c: number): boolean {
  let keep = wideKeeps.get(c);
  if (keep === undefined) {
    // Surrogates are kept: astral letters (𝔙) count, and a lone half never occurs in decoded text.
    keep = (c >= 0xd800 && c <= 0xdfff) || /[\p{L}\p{N}\p{M}]/u.test(String.fromCharCode(c));
    wideKeeps.set(c, keep);
  }
  return keep;
}

/**
 * Only the letters, digits and combining marks of an NFKC, lower-cased text. A loop rather than a Unicode
 * regular expression: replacing every gap between words with a regex is slow on a long report.
 */
export function lettersAndDigits(text: string): string {
  const parts: string[] = [];
  let from = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const keep =
      c < 0x80 ? (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) : keepsWide(c);
    if (keep) {
      if (from < 0) from = i;
    } else if (from >= 0) {
      parts.push(text.slice(from, i));
      from = -1;
    }
  }
  if (from >= 0) parts.push(from === 0 ? text : text.slice(from));
  return parts.join('');
}

/** The text a paragraph id is computed from (exported for tests and for re-anchoring). */
export function normaliseForId(text: string): string {
  let t = text;
  // Markdown link and image targets, autolinks and HTML tags: not text in DOCX or PDF.
  if (t.includes('](')) t = t.replace(LINK_TARGET, ']');
  if (t.includes('<')) t = t.replace(AUTOLINK, '').replace(HTML_TAG, '');
  // List numbering and bullets at line starts ("1. ", "a) "): Word numbers lists itself.
  t = t.replace(LIST_MARKER, '');
  return lettersAndDigits(t.normalize('NFKC').toLowerCase());
}

function base32(bytes: Uint8Array, length: number): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < length) {
      out += ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    if (out.length >= length) break;
    buffer &= (1 << bits) - 1;
  }
  return out;
}

/** The id of a paragraph's text alone, without the duplicate suffix. */
export function paragraphHash(text: string): string {
  return `p${base32(sha256(normaliseForId(text)), PARAGRAPH_HASH_LENGTH)}`;
}

/** SHA-256 of the UTF-8 text: crypto.hash (Node 20.12+) makes no Hash object per paragraph. */
const sha256: (text: string) => Uint8Array =
  typeof crypto.hash === 'function'
    ? (text) => crypto.hash('sha256', text, 'buffer')
    : (text) => crypto.createHash('sha256').update(text, 'utf8').digest();

/**
 * Ids for the paragraphs of one report, in reading order. A paragraph whose normalised text occurred
 * before in the report gets a suffix by occurrence ("p3k9x0m2a-2"), so ids stay unique and deterministic.
 */
export class ParagraphIds {
  private readonly seen = new Map<string, number>();

  next(text: string): string {
    const base = paragraphHash(text);
    const n = (this.seen.get(base) ?? 0) + 1;
    this.seen.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  }
}

/** The report-qualified id used where one string must name a paragraph across reports. */
export function qualifiedParagraphId(report: string, id: string): string {
  return `${report}#${id}`;
}
