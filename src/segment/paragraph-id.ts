// Stable paragraph ids: "p" + a short hash of the paragraph's normalised text, so a decision made on a
// paragraph finds it again after the report is re-run, reformatted, or re-converted from DOCX to PDF.
// The full identity of a paragraph is its report key plus this id ("jarviseutu-tilavaraus#p3k9x0m2a").
//
// Normalisation keeps only what every conversion of the same text agrees on: the letters and digits,
// in NFKC (ligatures "ﬁ" → "fi", NFD → composed) and lower case. Whitespace, line breaks, hyphenation
// at line ends, soft hyphens, quotation marks, punctuation and Markdown/HTML markup all fall away; link
// targets and list numbering are dropped first because DOCX and PDF do not carry them as text.
import { createHash } from 'node:crypto';

/** Crockford's base-32 alphabet (no i, l, o, u): ids read aloud and typed without confusion. */
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** Characters of hash in an id: 40 bits; a clash inside one report falls back to the duplicate suffix. */
export const PARAGRAPH_HASH_LENGTH = 8;

/** The text a paragraph id is computed from (exported for tests and for re-anchoring). */
export function normaliseForId(text: string): string {
  return (
    text
      .normalize('NFKC')
      // Markdown link and image targets, autolinks and HTML tags: not text in DOCX or PDF.
      .replace(/\]\([^)\s]*(?:\s+"[^"]*")?\)/g, ']')
      .replace(/<(?:https?:|mailto:)[^>\s]*>/gi, '')
      .replace(/<\/?[a-z][^>]*>/gi, '')
      // List numbering and bullets at line starts ("1. ", "a) "): Word numbers lists itself.
      .replace(/^[ \t>]*(?:\d{1,3}[.)]|[a-z][.)]|[-*+•▪–])[ \t]+/gim, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '')
  );
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
  const digest = createHash('sha256').update(normaliseForId(text), 'utf8').digest();
  return `p${base32(digest, PARAGRAPH_HASH_LENGTH)}`;
}

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
