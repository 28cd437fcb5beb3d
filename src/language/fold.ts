// OCR of Finnish often loses the umlauts (tässä → "tdssa", myös → "my6s", hyödyntäen → "hyddyntaen").
// Where a text shows that loss, both the text and the vocabulary are compared with ä/ö/å folded.

export function foldUmlauts(s: string): string {
  return s
    .replace(/[äåáàâ]/g, 'a')
    .replace(/[öóòôé6]/g, 'o')
    .replace(/[ÄÅ]/g, 'A')
    .replace(/Ö/g, 'O');
}

/** Characters read to decide: a report shows umlaut loss on its first pages as on its last. */
const SAMPLE = 1_000_000;
const LETTER = /\p{L}/u;

/**
 * True when a Finnish-looking text has far fewer ä/ö than Finnish always has (about 3–5 % of letters),
 * or shows the digit-for-letter confusions of OCR inside words ("my6s", "ilmi6").
 * Reads at most the first SAMPLE characters, so a huge report costs no more than a large one.
 */
export function showsUmlautLoss(full: string): boolean {
  const text = full.length > SAMPLE ? full.slice(0, SAMPLE) : full;
  let letters = 0;
  let umlauts = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) letters++;
    else if (c === 0xe4 || c === 0xf6 || c === 0xc4 || c === 0xd6) {
      letters++;
      umlauts++;
    } else if (c >= 0x80 && LETTER.test(text[i] as string)) letters++;
  }
  if (letters < 200) return /\p{L}6\p{L}|\p{L}6\b/u.test(text) && umlauts === 0;
  const digitInWords = (text.match(/\p{Ll}6(\p{Ll}|\b)/gu) ?? []).length;
  return umlauts / letters < 0.008 || digitInWords >= 3;
}

/** Digits standing for letters inside words, as OCR writes "my6s", "ilmi6", "tyO": never in typed text. */
const DIGIT_IN_WORD = /\p{Ll}[0-9]\p{Ll}|\p{Ll}{2}6\b/gu;

/**
 * True when a short text (a quote) shows OCR damage on its own: digits for letters inside words, or a long
 * Finnish-looking passage without a single ä or ö. The report-level check (showsUmlautLoss) decides for
 * whole reports; this one catches a damaged passage in an otherwise clean report.
 */
export function showsOcrDamage(text: string): boolean {
  if ((text.match(DIGIT_IN_WORD) ?? []).length >= 1) return true;
  // Finnish has an ä or ö in about every 25 letters: 150 letters of Finnish without one is lost umlauts.
  // The cheap test first: nearly every Finnish quote has an ä or ö.
  return (
    !/[äöÄÖ]/.test(text) &&
    (text.match(/\p{L}/gu) ?? []).length >= 150 &&
    (text.match(/(^|\s)(ja|oli|sekä|myös|ovat|kuin|eli|tai)\s/g) ?? []).length >= 2
  );
}
