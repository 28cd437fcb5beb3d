// A paragraph's evidence, before any weighing: per sentence the cue events and flags (polarity.ts) and the
// topic evidence of every theme (topics.ts), and the lean of the section the paragraph stands in.
import type { CompiledCodebook } from '../codebook/compile.js';
import type { Token } from '../language/tokens.js';
import { type Word, wordOf } from '../language/words.js';
import type { Rules } from '../rules/compile.js';
import type { ParagraphWords } from '../segment/paragraph-words.js';
import type { Segment } from '../types.js';
import { type SentenceCues, type SentenceToken, sentenceCues, sentenceTokens, withGaps } from './polarity.js';
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
  /** The paragraph's tokens and words, from paragraphSegments (segment/paragraph-words.ts). */
  words?: ParagraphWords;
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

interface SentenceWords {
  tokens: SentenceToken[];
  words: readonly Word[];
}

/**
 * Each sentence's share of the paragraph's tokens, where no token runs over the sentence's bounds (then
 * the sentence alone gives exactly the same tokens: wordSpans reads no further than a word); undefined
 * for a sentence a token runs over (a sentence cut inside a word), which is tokenised on its own.
 */
function sentenceShares(
  paragraph: ParagraphWords,
  sentences: readonly Segment[],
): (SentenceWords | undefined)[] {
  const { tokens, words } = paragraph;
  let k = 0;
  return sentences.map((s) => {
    while (k < tokens.length && (tokens[k] as Token).end <= s.start) k++;
    if (k < tokens.length && (tokens[k] as Token).start < s.start) return undefined;
    const first = k;
    while (k < tokens.length && (tokens[k] as Token).end <= s.end) k++;
    if (k < tokens.length && (tokens[k] as Token).start < s.end) return undefined;
    return { tokens: withGaps(tokens.slice(first, k), s.text, s.start), words: words.slice(first, k) };
  });
}

function ownWords(s: Segment): SentenceWords {
  const tokens = sentenceTokens(s.text, s.start);
  return { tokens, words: tokens.map((t) => wordOf(t.lower)) };
}

export function paragraphEvidence(p: Segment, options: EvidenceOptions): ParagraphEvidence {
  const lang = p.lang === 'sv' ? 'sv' : 'fi';
  const match = { fold: options.fold ?? false };
  const all = p.sentences ?? [p];
  const shares = options.words ? sentenceShares(options.words, all) : [];
  const sentences = all.map((s, i) => {
    // Three matchers read the sentence: each word is looked up once for all of them.
    const { tokens, words } = shares[i] ?? ownWords(s);
    const cues = sentenceCues(tokens, options.rules[lang], match, words);
    const topics = topicEvidence(s.text, tokens, lang, options.compiled, match, words);
    routeByPolarity(topics, sentenceDirection(cues), options.compiled);
    return { segment: s, cues, topics };
  });
  return { segment: p, lang, section: sectionLean(p.section, options.rules, options.fold), sentences };
}
