// An exported file's text as the leak check reads it, with every offset kept (so a hit's line and column
// are the file's): HTML tags, styles and scripts blanked out (a font name in CSS is no leak, text in an
// attribute is looked at), entities shortened in place; CSV delimiters and quotes turned into cell
// boundaries ("|"), so a cell's first word is read as the start of a sentence, as in a table. The tool's
// own "[OCR]" flag before a quote in quotes.csv (render/csv.ts) is blanked with the cell boundary: the
// quote's first word still opens its sentence.

export function scannableText(file: string, text: string): string {
  const name = file.toLowerCase().replace(/!.*$/u, '');
  if (/\.html?$/u.test(name) || /\.html?$/u.test(file.toLowerCase())) return blankHtml(text);
  if (/\.(csv|tsv)$/u.test(name) || /\.(csv|tsv)$/u.test(file.toLowerCase())) return cellBoundaries(text);
  return text;
}

const keepLines = (s: string) => s.replace(/[^\n\r]/gu, ' ');

/** Characters of HTML whose tags and entities are blanked at a time (report.html of 10,000 reports: 12 MB). */
const PIECE = 1 << 18;

function blankHtml(text: string): string {
  const quiet = text
    .replace(/<(style|script)\b[\s\S]*?<\/\1\s*>/giu, keepLines)
    .replace(/<!--[\s\S]*?-->/gu, keepLines);
  if (quiet.length <= PIECE) return blankTagsAndEntities(quiet);
  // Piece by piece, each ending at a line end outside any tag: no tag and no entity (which holds no line
  // end) runs over a piece's edge, so the pieces blank exactly as the whole would, without a million
  // blanked tags waiting at once to be joined.
  const parts: string[] = [];
  for (let from = 0; from < quiet.length; ) {
    const to = pieceEnd(quiet, from + PIECE);
    parts.push(blankTagsAndEntities(quiet.slice(from, to)));
    from = to;
  }
  return parts.join('');
}

function blankTagsAndEntities(html: string): string {
  return html
    .replace(/<[^>]*>/gu, blankTag)
    .replace(
      /&(?:#\d+|#x[\da-f]+|[a-z]+);/giu,
      (e) => `${e === '&nbsp;' ? ' ' : '_'}${' '.repeat(e.length - 1)}`,
    );
}

/** The first line end at or after `at` that no tag runs over (the last "<" before it is closed before it). */
function pieceEnd(html: string, at: number): number {
  for (let end = at; end < html.length; ) {
    const nl = html.indexOf('\n', end);
    if (nl < 0) return html.length;
    end = nl + 1;
    const open = html.lastIndexOf('<', nl);
    const close = open < 0 ? -1 : html.indexOf('>', open);
    // No "<" before it, or the last one closed before it, or never closed (then it opens no tag at all).
    if (open < 0 || close < end) return end;
  }
  return html.length;
}

const TEXT_ATTRIBUTE = /\b(?:title|alt|aria-label|label|placeholder)="([^"]*)"/gu;
const blank = (s: string) => s.replace(/[^\n]/g, ' ');

/**
 * A tag blanked but for its text-carrying attributes (title="…", alt="…"), each read as a table cell: the
 * tag's first and last characters and the quote before each value become cell boundaries ("|"). Built
 * from slices (a report.html of 10,000 reports has a million tags; an array of characters per tag was
 * most of the leak check's time and memory), one character for one UTF-16 unit, so offsets are kept.
 */
function blankTag(tag: string): string {
  if (tag.length < 2) return '|';
  let out = '';
  let at = 0;
  for (const m of tag.matchAll(TEXT_ATTRIBUTE)) {
    const value = m[1] ?? '';
    const from = (m.index ?? 0) + m[0].length - 1 - value.length;
    out += `${blank(tag.slice(at, from - 1))}|${value}`;
    at = from + value.length;
  }
  out += blank(tag.slice(at));
  return `|${out.slice(1, -1)}|`;
}

function cellBoundaries(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/u));
  const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length] as const);
  const delimiter = counts.sort((a, b) => b[1] - a[1])[0]?.[0] ?? ',';
  let out = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    let boundary = false;
    if (c === '"') {
      if (quoted && text.charAt(i + 1) === '"') {
        out += ' "';
        i++;
        continue;
      }
      quoted = !quoted;
      boundary = true;
    } else if (!quoted && c === delimiter) boundary = true;
    out += boundary ? '|' : c;
    if (boundary && text.startsWith(OCR_FLAG, i + 1)) {
      out += ' '.repeat(OCR_FLAG.length);
      i += OCR_FLAG.length;
    }
  }
  return out;
}

const OCR_FLAG = '[OCR] ';
