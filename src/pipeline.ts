// The per-report core: a parsed document → segments → taggings → codings, plus the quote candidates
// that the aggregate stage ranks. Pure: no files, no console.

import { type QuoteCandidate, quoteCandidates } from './aggregate/quote-text.js';
import { showsUmlautLoss } from './language/fold.js';
import type { Token } from './language/tokens.js';
import { documentWords, paragraphSegments, reportLanguage } from './segment/segment.js';
import { type CodingContext, type ParagraphTagging, tagParagraph } from './tag/paragraph.js';
import type { Coding, Language, Segment, SourceDocument } from './types.js';

export interface CodeOptions {
  /** Fold ä/ö/å: 'auto' decides per report from the text (OCR umlaut loss). */
  fold?: boolean | 'auto';
  /** Keep every segment and its tagging (explain, tests); a run keeps only codings and quote candidates. */
  keep?: boolean;
}

export interface CodedReport {
  doc: SourceDocument;
  lang: Language;
  folded: boolean;
  /** Number of paragraph segments. */
  paragraphs: number;
  /** Segments and taggings, only with `keep`. */
  segments: Segment[];
  taggings: ParagraphTagging[];
  codings: Coding[];
  candidates: QuoteCandidate[];
  /**
   * tokenize(doc.text), when the report was tokenised once as a whole (short of a huge report): the
   * anonymiser's analysis of the report reads these instead of tokenising it again.
   */
  tokens?: readonly Token[];
}

export function codeDocument(
  doc: SourceDocument,
  context: CodingContext,
  options: CodeOptions = {},
): CodedReport {
  // The report's words, found once for its language and its paragraphs (short of a huge report).
  const words = documentWords(doc);
  const lang = reportLanguage(doc, words);
  const folded =
    options.fold === 'auto' || options.fold === undefined
      ? lang === 'fi' && showsUmlautLoss(doc.text)
      : options.fold;
  const ctx: CodingContext = { ...context, fold: folded };
  const out: CodedReport = {
    doc,
    lang,
    folded,
    paragraphs: 0,
    segments: [],
    taggings: [],
    codings: [],
    candidates: [],
    ...(words ? { tokens: words.tokens } : {}),
  };
  // Paragraph by paragraph: only what the run needs survives the loop, unless asked to keep it all.
  // A list's lead-in ("Hankkeelle asetettiin neljä tavoitetta:") frames its items: goals are no outcomes.
  let goalLeadIn = false;
  for (const segment of paragraphSegments(doc, lang, words)) {
    const item = segment.blockKind === 'list-item';
    const tagging = tagParagraph(segment, ctx, item && goalLeadIn ? { goalLeadIn: true } : {});
    if (!item) goalLeadIn = /:\s*$/.test(segment.text) && tagging.sentences.some((s) => s.evidence.cues.goal);
    out.paragraphs++;
    out.codings.push(...tagging.codings);
    out.candidates.push(...quoteCandidates([tagging]));
    if (options.keep) {
      out.segments.push(segment);
      out.taggings.push(tagging);
    }
  }
  return out;
}
