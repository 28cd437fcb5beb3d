// The plain text of a Markdown heading's inline content, as mdast would give it (the text of every text,
// code and html node, in order): emphasis, strong and strikethrough markers dropped by CommonMark's
// delimiter rules, code spans without their backticks, links as their text, images dropped, backslash
// escapes and character references resolved, hard breaks as nothing. Only headings need this (their
// labels name sections), so it reads one short string at a time.

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const PUNCTUATION = /[\p{P}\p{S}]/u;
const WHITESPACE = /\s/u;

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  euro: '€',
  auml: 'ä',
  ouml: 'ö',
  aring: 'å',
  Auml: 'Ä',
  Ouml: 'Ö',
  Aring: 'Å',
  copy: '©',
  shy: '\u00ad',
};

/** A piece of output: literal text, or a run of emphasis delimiters still to be matched. */
interface Piece {
  text: string;
  delim?: { char: string; open: boolean; close: boolean; length: number; active: boolean };
  /** An opening bracket of a link ("[") or image ("!["), and where its text starts in the source. */
  bracket?: { image: boolean; active: boolean; from: number };
}

function flanking(before: string, after: string): { left: boolean; right: boolean } {
  const ws = (c: string) => c === '' || WHITESPACE.test(c);
  const punct = (c: string) => c !== '' && PUNCTUATION.test(c);
  const left = !ws(after) && (!punct(after) || ws(before) || punct(before));
  const right = !ws(before) && (!punct(before) || ws(after) || punct(after));
  return { left, right };
}

/** CommonMark's "process emphasis" over pieces[bottom..]: matched delimiter characters disappear. */
function processEmphasis(pieces: Piece[], bottom: number): void {
  for (let c = bottom; c < pieces.length; c++) {
    const closer = pieces[c]?.delim;
    if (!closer?.close || closer.length === 0) continue;
    let matched = false;
    for (let o = c - 1; o >= bottom; o--) {
      const opener = pieces[o]?.delim;
      if (!opener?.open || opener.length === 0 || opener.char !== closer.char) continue;
      if (closer.char === '~') {
        if (opener.length !== closer.length) continue;
      } else if (
        (opener.close || closer.open) &&
        (opener.length + closer.length) % 3 === 0 &&
        !(opener.length % 3 === 0 && closer.length % 3 === 0)
      )
        continue;
      const use = closer.char === '~' ? closer.length : opener.length >= 2 && closer.length >= 2 ? 2 : 1;
      opener.length -= use;
      closer.length -= use;
      // Delimiters between them stay literal.
      for (let k = o + 1; k < c; k++) {
        const d = pieces[k]?.delim;
        if (d) d.open = d.close = false;
      }
      matched = true;
      if (closer.length > 0) c--; // the same closer may close another opener
      break;
    }
    if (!matched && !closer.open) closer.close = false;
  }
}

function render(piece: Piece): string {
  if (piece.delim) return piece.delim.char.repeat(piece.delim.length);
  return piece.text;
}

/** After "](", an inline link's destination and optional title up to ")": the index after it, or -1. */
function inlineLinkEnd(s: string, i: number): number {
  const m =
    /^[ \t\n]*(?:<[^<>\n]*>|(?:[^\s()\\]|\\.|\((?:[^\s()\\]|\\.)*\))*)(?:[ \t\n]+(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\((?:[^()\\]|\\.)*\)))?[ \t\n]*\)/.exec(
      s.slice(i),
    );
  return m ? i + m[0].length : -1;
}

/** Link labels compare case-folded with runs of whitespace as one space (CommonMark). */
export function normalizeLabel(label: string): string {
  return label
    .replace(/[\t\n\r ]+/g, ' ')
    .trim()
    .toLowerCase()
    .toUpperCase();
}

/** Which references the document defines: link definitions and GFM footnotes. */
export interface References {
  links: ReadonlySet<string>;
  footnotes: ReadonlySet<string>;
}

const NO_REFERENCES: References = { links: new Set(), footnotes: new Set() };

/** Where a reference link or image ends ("[text][label]", "[text][]", "[text]"), or -1. */
function referenceEnd(s: string, i: number, from: number, refs: References): number {
  const full = /^\[((?:[^\\[\]]|\\.){0,999})\]/.exec(s.slice(i + 1));
  if (full && /\S/.test(full[1] as string))
    return refs.links.has(normalizeLabel(full[1] as string)) ? i + 1 + full[0].length : -1;
  const raw = s.slice(from, i);
  if (!refs.links.has(normalizeLabel(raw))) return -1;
  return full ? i + 1 + full[0].length : i + 1;
}

export function inlinePlainText(s: string, refs: References = NO_REFERENCES): string {
  const pieces: Piece[] = [];
  const text = (t: string) => pieces.push({ text: t });
  let i = 0;
  while (i < s.length) {
    const c = s[i] as string;
    if (c === '\\') {
      const next = s[i + 1] ?? '';
      if (next === '\n') {
        i += 2; // hard break
        continue;
      }
      if (ASCII_PUNCTUATION.test(next)) {
        text(next);
        i += 2;
        continue;
      }
      text('\\');
      i++;
      continue;
    }
    if (c === '`') {
      const run = /^`+/.exec(s.slice(i))?.[0] ?? '`';
      const close = new RegExp(`(?<!\`)${run}(?!\`)`, 'g');
      close.lastIndex = i + run.length;
      const m = close.exec(s);
      if (!m) {
        text(run);
        i += run.length;
        continue;
      }
      let code = s.slice(i + run.length, m.index).replace(/\n/g, ' ');
      if (/^ .*[^ ].* $/s.test(code) || /^ [^ ]* $/.test(code)) code = code.slice(1, -1);
      text(code);
      i = m.index + run.length;
      continue;
    }
    if (c === '&') {
      const m = /^&(?:#[xX]([0-9a-fA-F]{1,6})|#([0-9]{1,7})|([A-Za-z][A-Za-z0-9]{1,31}));/.exec(s.slice(i));
      const named = m?.[3] !== undefined ? NAMED[m[3]] : undefined;
      if (m && (m[1] !== undefined || m[2] !== undefined)) {
        const code = Number.parseInt(m[1] ?? m[2] ?? '0', m[1] !== undefined ? 16 : 10);
        text(code === 0 || code > 0x10ffff ? '\ufffd' : String.fromCodePoint(code));
        i += m[0].length;
        continue;
      }
      if (m && named !== undefined) {
        text(named);
        i += m[0].length;
        continue;
      }
      text('&');
      i++;
      continue;
    }
    if (c === '<') {
      const auto =
        /^<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)>/.exec(
          s.slice(i),
        );
      if (auto) {
        text(auto[1] as string);
        i += auto[0].length;
        continue;
      }
      text('<');
      i++;
      continue;
    }
    if (c === '\n') {
      // Two or more spaces before a line break make a hard break (nothing); otherwise the break stays.
      const last = pieces[pieces.length - 1];
      if (last && !last.delim && !last.bracket && / {2,}$/.test(last.text))
        last.text = last.text.replace(/ +$/, '');
      else {
        if (last && !last.delim && !last.bracket) last.text = last.text.replace(/ +$/, '');
        text('\n');
      }
      i++;
      while (s[i] === ' ') i++;
      continue;
    }
    if (c === '*' || c === '_' || c === '~') {
      let j = i;
      while (s[j] === c) j++;
      const length = j - i;
      const { left, right } = flanking(s[i - 1] ?? '', s[j] ?? '');
      const before = s[i - 1] ?? '';
      const after = s[j] ?? '';
      const punctBefore = before !== '' && PUNCTUATION.test(before);
      const punctAfter = after !== '' && PUNCTUATION.test(after);
      if (c === '~' && length > 2) {
        text(s.slice(i, j));
      } else {
        const open = c === '_' ? left && (!right || punctBefore) : left;
        const close = c === '_' ? right && (!left || punctAfter) : right;
        pieces.push({ text: '', delim: { char: c, open, close, length, active: true } });
      }
      i = j;
      continue;
    }
    if (c === '[' && s[i + 1] === '^') {
      const call = /^\[\^([^\]\s]+)\]/.exec(s.slice(i));
      if (call && refs.footnotes.has(normalizeLabel(call[1] as string))) {
        i += call[0].length; // a footnote call has no text
        continue;
      }
    }
    if (c === '[' || (c === '!' && s[i + 1] === '[')) {
      const from = i + (c === '!' ? 2 : 1);
      pieces.push({ text: '', bracket: { image: c === '!', active: true, from } });
      i = from;
      continue;
    }
    if (c === ']') {
      let o = pieces.length - 1;
      while (o >= 0 && !pieces[o]?.bracket) o--;
      const opener = o >= 0 ? pieces[o]?.bracket : undefined;
      let end = opener?.active && s[i + 1] === '(' ? inlineLinkEnd(s, i + 2) : -1;
      if (opener?.active && end < 0) end = referenceEnd(s, i, opener.from, refs);
      if (!opener || end < 0) {
        if (opener) (pieces[o] as Piece).bracket = undefined;
        if (opener) (pieces[o] as Piece).text = opener.image ? '![' : '[';
        text(']');
        i++;
        continue;
      }
      processEmphasis(pieces, o + 1);
      const inner = pieces
        .splice(o + 1)
        .map(render)
        .join('');
      pieces.pop(); // the opener
      text(opener.image ? '' : inner);
      // Links may not contain links: earlier openers of links become literal.
      if (!opener.image) for (const p of pieces) if (p.bracket && !p.bracket.image) p.bracket.active = false;
      i = end;
      continue;
    }
    let j = i + 1;
    while (j < s.length && !/[\\`&<\n*_~[!\]]/.test(s[j] as string)) j++;
    text(s.slice(i, j));
    i = j;
  }
  processEmphasis(pieces, 0);
  return pieces.map((p) => (p.bracket ? (p.bracket.image ? '![' : '[') : render(p))).join('');
}
