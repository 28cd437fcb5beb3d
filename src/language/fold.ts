// OCR of Finnish often loses the umlauts (tässä → "tdssa", myös → "my6s", hyödyntäen → "hyddyntaen").
// Where a text shows that loss, both the text and the vocabulary are compared with ä/ö/å folded.

export function foldUmlauts(s: string): string {
  return s
    .replace(/[äåáàâ]/g, 'a')
    .replace(/[öóòôé6]/g, 'o')
    .replace(/[ÄÅ]/g, 'A')
    .replace(/Ö/g, 'O');
}

/**
 * True when a Finnish-looking text has far fewer ä/ö than Finnish always has (about 3–5 % of letters),
 * or shows the digit-for-letter confusions of OCR inside words ("my6s", "ilmi6").
 */
export function showsUmlautLoss(text: string): boolean {
  let letters = 0;
  let umlauts = 0;
  for (const ch of text) {
    if (/\p{L}/u.test(ch)) {
      letters++;
      if (/[äöÄÖ]/.test(ch)) umlauts++;
    }
  }
  if (letters < 200) return /\p{L}6\p{L}|\p{L}6\b/u.test(text) && umlauts === 0;
  const digitInWords = (text.match(/\p{Ll}6(\p{Ll}|\b)/gu) ?? []).length;
  return umlauts / letters < 0.008 || digitInWords >= 3;
}
