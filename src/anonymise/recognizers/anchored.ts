// Patterns tried only where they can match. A pattern that opens with a lookbehind and a broad class (an
// e-mail address or a domain starts at any word start) makes the regex engine try it at every position of
// a report, which costs more than the rest of the recognizer. Every e-mail address holds an "@" (or a
// written-out one) and every domain a "." before its top-level domain; the match must start where the run
// of word characters before that mark starts (the lookbehind forbids any other start). So the marks are
// found with a cheap pattern, and the same pattern, sticky, is tried at those starts only: the matches are
// exactly those of matchAll (leftmost first, none overlapping), as the tests check against the plain pattern.

/** `pattern` with the sticky flag instead of the global one, to be tried at one position. */
export function stickyOf(pattern: RegExp): RegExp {
  return new RegExp(pattern.source, `${pattern.flags.replace('g', '')}y`);
}

/**
 * The matches matchAll would give, when every match starts at one of `starts` (any order, repeats allowed).
 * `sticky` is the pattern with the sticky flag (stickyOf).
 */
export function anchoredMatches(text: string, sticky: RegExp, starts: readonly number[]): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let end = 0;
  let tried = -1;
  for (const s of [...starts].sort((x, y) => x - y)) {
    if (s < end || s === tried) continue;
    tried = s;
    sticky.lastIndex = s;
    const m = sticky.exec(text);
    if (m) {
      out.push(m);
      end = s + Math.max(1, m[0].length);
    }
  }
  return out;
}

/** Where the run of characters `inRun` accepts (one code point, e.g. /^[\p{L}\p{N}.-]$/u) that ends at `at` starts. */
export function runStart(text: string, at: number, inRun: RegExp): number {
  let k = at;
  while (k > 0) {
    let from = k - 1;
    const c = text.charCodeAt(from);
    // A code point beyond the BMP is two UTF-16 units; the patterns read it as one character.
    if (c >= 0xdc00 && c <= 0xdfff && from > 0) {
      const high = text.charCodeAt(from - 1);
      if (high >= 0xd800 && high <= 0xdbff) from--;
    }
    if (!inRun.test(text.slice(from, k))) break;
    k = from;
  }
  return k;
}
