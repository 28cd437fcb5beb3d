// Tag stage: a paragraph's evidence (evidence.ts) → per theme a feature vector (features.ts) → the fitted
// model's confidence (model.ts) → the codes whose confidence reaches the threshold. Every coding says what
// made it: the terms, the cues, the section, and each feature's contribution.
import type { CompiledCodebook } from '../codebook/compile.js';
import type { Theme } from '../codebook/types.js';
import type { ThemeLexicon } from '../learn/lexical.js';
import type { Rules } from '../rules/compile.js';
import { takeParagraphWords } from '../segment/paragraph-words.js';
import type { Coding, Polarity, Segment } from '../types.js';
import { type ParagraphEvidence, paragraphEvidence, type SentenceEvidence } from './evidence.js';
import { type FeatureName, themeFeatures } from './features.js';
import { type CodingModel, type Prediction, predict } from './model.js';
import type { SectionLean } from './section.js';

export interface CodingContext {
  compiled: CompiledCodebook;
  rules: Rules;
  model: CodingModel;
  lexical?: ThemeLexicon;
  fold?: boolean;
  /** Overrides the model's threshold (a confidence in (0, 1)). */
  threshold?: number;
}

export interface SentenceTheme {
  code: string;
  /** How strongly this sentence carries the theme: its topic weight plus the cues pointing its way. */
  score: number;
  matches: string[];
}

export interface SentenceTagging {
  segment: Segment;
  evidence: SentenceEvidence;
  themes: SentenceTheme[];
}

export interface ThemeDecision extends Prediction {
  code: string;
  features: Record<FeatureName, number>;
  matches: string[];
}

export interface ParagraphTagging {
  segment: Segment;
  section: SectionLean;
  sentences: SentenceTagging[];
  /** Every theme with any evidence, most confident first. */
  totals: ThemeDecision[];
  codings: Coding[];
}

const sign = (p: Polarity) => (p === 'success' ? 1 : p === 'challenge' ? -1 : 0);
const round = (n: number) => Math.round(n * 1000) / 1000;

function cueLabels(s: SentenceEvidence): string[] {
  return s.cues.events.map((e) => `cue:${e.direction > 0 ? '+' : '-'}${e.label}`);
}

function sentenceThemes(s: SentenceEvidence, compiled: CompiledCodebook): SentenceTheme[] {
  const out: SentenceTheme[] = [];
  for (const [code, t] of s.topics) {
    const p = sign(compiled.byCode.get(code)?.theme.polarity ?? 'none');
    const lean = s.cues.events.reduce((n, e) => n + p * e.direction * e.weight, 0);
    out.push({ code, score: round(Math.max(0, t.weight + lean)), matches: t.matches });
  }
  return out;
}

/** The themes worth weighing: any with topic evidence, and any the lexical model knows. */
function candidates(ev: ParagraphEvidence, ctx: CodingContext, lexical: Map<string, number>): Theme[] {
  const named = new Set(ev.sentences.flatMap((s) => [...s.topics.keys()]));
  return ctx.compiled.book.themes.filter((t) => named.has(t.code) || lexical.has(t.code));
}

export interface ParagraphContext {
  /**
   * The paragraph is an item of a list introduced by a goal ("Hankkeen tavoitteet olivat:", "Målen var:"):
   * what the item names was meant, not necessarily achieved, as if the item itself said so.
   */
  goalLeadIn?: boolean;
}

export function tagParagraph(
  p: Segment,
  ctx: CodingContext,
  around: ParagraphContext = {},
): ParagraphTagging {
  // The words paragraphSegments found in the paragraph, when it made it: read by the sentences and the
  // lexical score instead of finding them again.
  const words = takeParagraphWords(p);
  const ev = paragraphEvidence(p, {
    compiled: ctx.compiled,
    rules: ctx.rules,
    ...(ctx.fold ? { fold: true } : {}),
    ...(words ? { words } : {}),
  });
  if (around.goalLeadIn) for (const s of ev.sentences) s.cues.goal = true;
  const lexical = ctx.lexical?.score(p.text, words?.words) ?? new Map<string, number>();
  // A sentence's cue labels are the same for every theme: made once per paragraph, when a theme asks.
  let labels: string[][] | undefined;
  const totals: ThemeDecision[] = candidates(ev, ctx, lexical).map((theme) => {
    const features = themeFeatures(ev, theme.code, theme.polarity, lexical.get(theme.code) ?? 0);
    // The theme's terms, then its sentences' cue labels, then the section's: each once, in that order.
    const matches = new Set<string>();
    for (const s of ev.sentences) for (const m of s.topics.get(theme.code)?.matches ?? []) matches.add(m);
    if (theme.polarity !== 'none') {
      labels ??= ev.sentences.map(cueLabels);
      ev.sentences.forEach((s, i) => {
        if (s.topics.has(theme.code)) for (const l of labels?.[i] ?? []) matches.add(l);
      });
    }
    for (const l of ev.section.labels) matches.add(l);
    return { code: theme.code, features, matches: [...matches], ...predict(ctx.model, features) };
  });
  totals.sort((a, b) => b.confidence - a.confidence || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const threshold = ctx.threshold ?? ctx.model.threshold;
  const section = p.section.join(' > ');
  const codings: Coding[] = totals
    .filter((t) => t.confidence >= threshold)
    .map((t) => {
      const theme = ctx.compiled.byCode.get(t.code)?.theme as Theme;
      return {
        report: p.report,
        segment: p.id,
        section,
        start: p.start,
        end: p.end,
        startLine: p.startPoint.line,
        endLine: p.endPoint.line,
        code: t.code,
        polarity: theme.polarity,
        theme: theme.topic,
        score: round(t.logit),
        confidence: round(t.confidence),
        matches: t.matches,
        text: p.text,
      };
    });
  const sentences = ev.sentences.map((s) => ({
    segment: s.segment,
    evidence: s,
    themes: sentenceThemes(s, ctx.compiled),
  }));
  return { segment: p, section: ev.section, sentences, totals, codings };
}
