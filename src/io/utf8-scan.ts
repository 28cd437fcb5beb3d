// Counts well-formed multi-byte UTF-8 sequences and broken ones, by the rules of the WHATWG decoder
// (which TextDecoder follows): a broken sequence is what one U+FFFD would replace.

export interface Utf8Scan {
  /** Well-formed sequences of two to four bytes (ASCII bytes are not counted: every code page has them). */
  valid: number;
  /** Maximal ill-formed subsequences: stray continuation bytes, cut sequences, overlongs, surrogates. */
  invalid: number;
}

export function scanUtf8(bytes: Uint8Array): Utf8Scan {
  let valid = 0;
  let invalid = 0;
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else {
      invalid++;
      i++;
      continue;
    }
    // The first continuation byte has the narrowed range; the rest 0x80–0xBF.
    let j = 1;
    while (j <= need) {
      const c = bytes[i + j];
      const [min, max] = j === 1 ? [lo, hi] : [0x80, 0xbf];
      if (c === undefined || c < min || c > max) break;
      j++;
    }
    if (j > need) valid++;
    else invalid++;
    i += j > need ? need + 1 : j;
  }
  return { valid, invalid };
}
