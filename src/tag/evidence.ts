// A paragraph's evidence, before any weighing: per sentence the cue events and flags (polarity.ts) and the
// topic evidence of every theme (topics.ts), and the lean of the section the paragraph stands in.
import type { CompiledCodebook } from '../codebook/compile.js';
import { wordOf } from '../language/words.js';
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
  /** Compare with ä/ö/å folded (OCR text). */
  fold?: boolean;
}

/** +1 when a sentence's cues say it went well on balance, −1 badly, 0 when they are silent or even. */
export function sentenceDirection(cues: SentenceCues): number {
  const sum = (background: boolean) =>
    cues.events.filter((e) => e.background === background).reduce((n, e) => n + e.direction * e.weight, 0);
  return Math.sign(sum(false) || sum(true));
}

/**
 * Themes of one topic and opposite polarity (success.cooperation, challenge.cooperation) share their words;
 * what a sentence says decides which of them its topic evidence is: in a sentence that says cooperation
 * failed, the words of cooperation are evidence of the challenge only. A sentence without cues keeps the
 * evidence for both, and the model weighs their silence.
 */
function routeByPolarity(
  topics: Map<string, TopicEvidence>,
  direction: number,
  compiled: CompiledCodebook,
): void {
  if (direction === 0) return;
  for (const [code, ev] of [...topics]) {
    const theme = compiled.byCode.get(code)?.theme;
    if (!theme || theme.polarity === 'none') continue;
    const sign = theme.polarity === 'success' ? 1 : -1;
    if (sign * direction > 0) continue;
    const sibling = compiled.themes.find(
      (c) =>
        c.theme.topic === theme.topic && c.theme.polarity !== 'none' && c.theme.polarity !== theme.polarity,
    )?.theme;
    if (!sibling) continue;
    topics.delete(code);
    const other = topics.get(sibling.code);
    if (!other) topics.set(sibling.code, { ...ev, code: sibling.code, matches: [...ev.matches] });
    else if (ev.weight > other.weight)
      topics.set(sibling.code, { ...ev, code: sibling.code, matches: [...ev.matches] });
  }
}

export function paragraphEvidence(p: Segment, options: EvidenceOptions): ParagraphEvidence {
  const lang = p.lang === 'sv' ? 'sv' : 'fi';
  const match = { fold: options.fold ?? false };
  const sentences = (p.sentences ?? [p]).map((s) => {
    const tokens = sentenceTokens(s.text, s.start);
    // Three matchers read the sentence: each word is looked up once for all of them.
    const words = tokens.map((t) => wordOf(t.lower));
    const cues = sentenceCues(tokens, options.rules[lang], match, words);
    const topics = topicEvidence(s.text, tokens, lang, options.compiled, match, words);
    routeByPolarity(topics, sentenceDirection(cues), options.compiled);
    return { segment: s, cues, topics };
  });
  return { segment: p, lang, section: sectionLean(p.section, options.rules, options.fold), sentences };
}
