// Sentences with Intl.Segmenter('fi'), on a copy of the text where line breaks are spaces (same length, so
// offsets stay true): UAX #29 breaks after every line break, but reports wrap lines mid-sentence.
// Abbreviations (esim., mm., ns.) and a following lower-case start do not end a sentence.

const segmenters = new Map<string, Intl.Segmenter>();

function segmenter(lang: string): Intl.Segmenter {
  let s = segmenters.get(lang);
  if (!s) {
    s = new Intl.Segmenter(lang, { granularity: 'sentence' });
    segmenters.set(lang, s);
  }
  return s;
}

const ABBREVIATION =
  /(?:^|[\s(])(esim|mm|ns|yms|jne|tms|ks|vrt|n|noin|klo|milj|mrd|t|s|ym|eli|ts|pj|kpl|nro|puh|os|ma|ti|ke|to|pe|la|su|tammik|helmik|maalisk|huhtik|toukok|kesäk|heinäk|elok|syysk|lokak|marrask|jouluk|bl\.a|t\.ex|s\.k|ca|st|resp|dvs|etc|e\.g|i\.e)\.\s*$/iu;

/** Closing emphasis, quotation marks and brackets opening a "sentence", followed by white space. */
const CLOSING_LEAD = /^(\*{1,3}|_{1,3}|[”"»’)\]]{1,2})(?=\s)/;

export interface SentenceSpan {
  start: number;
  end: number;
}

/** Sentence spans of `text` (relative offsets), trimmed of surrounding white space. */
export function splitSentences(text: string, lang = 'fi'): SentenceSpan[] {
  const flat = text.replace(/[\r\n\f\v]/g, ' ');
  const raw: SentenceSpan[] = [];
  for (const s of segmenter(lang).segment(flat)) {
    raw.push({ start: s.index, end: s.index + s.segment.length });
  }
  const merged: SentenceSpan[] = [];
  for (const span of raw) {
    const prev = merged[merged.length - 1];
    const body = flat.slice(span.start, span.end);
    if (prev) {
      const prevText = flat.slice(prev.start, prev.end);
      // A "sentence" without a letter or digit (a closing "*" or quote) belongs to the one before.
      const noWords = !/[\p{L}\p{N}]/u.test(body);
      if (
        noWords ||
        ABBREVIATION.test(prevText.trimEnd()) ||
        /^\s*[\p{Ll}\d]/u.test(body) ||
        prevText.trim().length < 3
      ) {
        prev.end = span.end;
        continue;
      }
    }
    merged.push({ ...span });
  }
  // Closing marks the segmenter put at the start of the next sentence ("**Otsikko.** Teksti" splits
  // after "Otsikko."): they close the sentence before, so they move back to it.
  for (let i = 1; i < merged.length; i++) {
    const span = merged[i] as SentenceSpan;
    const lead =
      CLOSING_LEAD.exec(flat.slice(span.start, Math.min(span.end, span.start + 8)))?.[0].length ?? 0;
    if (lead > 0 && lead < span.end - span.start) {
      (merged[i - 1] as SentenceSpan).end = span.start + lead;
      span.start += lead;
    }
  }
  const out: SentenceSpan[] = [];
  for (const span of merged) {
    const body = text.slice(span.start, span.end);
    const lead = body.length - body.trimStart().length;
    const trail = body.length - body.trimEnd().length;
    if (span.end - trail > span.start + lead) out.push({ start: span.start + lead, end: span.end - trail });
  }
  return out;
}
