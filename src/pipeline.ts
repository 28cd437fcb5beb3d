// The per-report core: a parsed document → segments → taggings → codings, plus the quote candidates
// that the aggregate stage ranks. Pure: no files, no console.

import { type QuoteCandidate, quoteCandidates } from './aggregate/quote-text.js';
import type { CompiledCodebook } from './codebook/compile.js';
import { showsUmlautLoss } from './language/fold.js';
import type { LemmaLookup } from './language/lexicon.js';
import { reportLanguage, segmentDocument } from './segment/segment.js';
import { type ParagraphTagging, tagSegments } from './tag/score.js';
import type { Coding, Language, Segment, SourceDocument } from './types.js';

export interface CodeOptions {
  lemmas?: LemmaLookup;
  threshold?: number;
  /** Fold ä/ö/å: 'auto' decides per report from the text (OCR umlaut loss). */
  fold?: boolean | 'auto';
}

export interface CodedReport {
  doc: SourceDocument;
  lang: Language;
  folded: boolean;
  segments: Segment[];
  taggings: ParagraphTagging[];
  codings: Coding[];
  candidates: QuoteCandidate[];
}

export function codeDocument(
  doc: SourceDocument,
  compiled: CompiledCodebook,
  options: CodeOptions = {},
): CodedReport {
  const segments = segmentDocument(doc);
  const lang = reportLanguage(doc);
  const folded =
    options.fold === 'auto' || options.fold === undefined
      ? lang === 'fi' && showsUmlautLoss(doc.text)
      : options.fold;
  const tagOptions = {
    fold: folded,
    ...(options.lemmas && !folded ? { lemmas: options.lemmas } : {}),
    ...(options.threshold !== undefined ? { threshold: options.threshold } : {}),
  };
  const taggings = tagSegments(segments, compiled, tagOptions);
  const codings = taggings.flatMap((t) => t.codings);
  return { doc, lang, folded, segments, taggings, codings, candidates: quoteCandidates(taggings) };
}
