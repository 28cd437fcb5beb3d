// A paragraph's evidence, before any weighing: per sentence the cue events and flags (polarity.ts) and the
// topic evidence of every theme (topics.ts), and the lean of the section the paragraph stands in.
import type { CompiledCodebook } from '../codebook/compile.js';
import type { LemmaLookup } from '../language/matcher.js';
import type { Rules } from '../rules/compile.js';
import type { Segment } from '../types.js';
import { type SentenceCues, sentenceCues, sentenceTokens } from './polarity.js';
import { type SectionLean, sectionLean } from './section.js';
import { type TopicEvidence, topicEvidence } from './topics.js';

export interface SentenceEvidence {
  segment: Segment;
  cues: SentenceCues;
  topics: Map<string, TopicEvidence>;
}

export interface ParagraphEvidence {
  segment: Segment;
  lang: 'fi' | 'sv';
  section: SectionLean;
  sentences: SentenceEvidence[];
}

export interface EvidenceOptions {
  compiled: CompiledCodebook;
  rules: Rules;
  lemmas?: LemmaLookup;
  /** Compare with ä/ö/å folded (OCR text). */
  fold?: boolean;
}

export function paragraphEvidence(p: Segment, options: EvidenceOptions): ParagraphEvidence {
  const lang = p.lang === 'sv' ? 'sv' : 'fi';
  const match = {
    fold: options.fold ?? false,
    ...(options.lemmas && !options.fold ? { lemmas: options.lemmas } : {}),
  };
  const sentences = (p.sentences ?? [p]).map((s) => {
    const tokens = sentenceTokens(s.text, s.start);
    return {
      segment: s,
      cues: sentenceCues(tokens, options.rules[lang], match),
      topics: topicEvidence(s.text, tokens, lang, options.compiled, match),
    };
  });
  return { segment: p, lang, section: sectionLean(p.section, options.rules, options.fold), sentences };
}
