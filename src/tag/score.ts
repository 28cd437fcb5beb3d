// Tag stage: topic evidence × polarity agreement per sentence, summed over a paragraph → codings.
// A theme with polarity "success" gains from positive cues and loses from negative ones, and the reverse for
// "challenge"; without any cue a topic alone is weaker evidence (descriptive text names topics too).
// In one sentence, of two themes sharing a topic (success.cooperation / challenge.cooperation) only the
// one the polarity agrees with keeps the sentence's evidence.
import type { CompiledCodebook } from '../codebook/compile.js';
import type { Theme } from '../codebook/types.js';
import type { LemmaLookup } from '../language/lexicon.js';
import type { Coding, Segment } from '../types.js';
import {
  type SectionLean,
  type SentencePolarity,
  sectionLeans,
  sentencePolarity,
  sentenceTokens,
} from './polarity.js';
import { topicEvidence } from './topics.js';

export interface TagOptions {
  fold?: boolean;
  lemmas?: LemmaLookup;
  /** Minimum paragraph score for a code (default DEFAULT_THRESHOLD). */
  threshold?: number;
}

export const DEFAULT_THRESHOLD = 1.2;
/** A paragraph keeps secondary codes scoring at least this share of its best code. */
const SECONDARY_SHARE = 0.5;
const SECTION_PRIOR = 0.8;
const CONTEXT_SHARE = 0.4;
/** A topic named without any sign of how it went: descriptive more often than a finding. */
const NEUTRAL_SUCCESS = 0.7;
/** A success paragraph with no outcome word at all. */
const SILENT_SUCCESS = 0.75;
/** A challenge paragraph with no word of trouble: only terms that are troubles themselves (sairausloma) carry it. */
const SILENT_CHALLENGE = 0.5;
/** Budget, schedule, deliverables, contacts: topics are named there, findings rarely. */
const DESCRIPTIVE_SECTION = 0.35;
const RECORD =
  /\b\d{1,2}\.\d{1,2}\.(\d{2,4})?|(tammi|helmi|maalis|huhti|touko|kesä|heinä|elo|syys|loka|marras|joulu)kuussa\s+\d{4}|\d\s?(€|euroa?\b|eur\b)|\b(liit(e|teessä|teen)|bilaga|appendix)\s+\d|\b\d+\s?(kk|vuotta|kuukautta|månader|år)\b/iu;
const NEUTRAL_CHALLENGE = 0.4;

export interface ThemeScore {
  code: string;
  topicWeight: number;
  factor: number;
  score: number;
  matches: string[];
}

export interface SentenceTagging {
  segment: Segment;
  polarity: SentencePolarity;
  /** Polarity with the paragraph's other sentences and the section taken into account. */
  effective: number;
  themes: ThemeScore[];
}

export interface ParagraphTagging {
  segment: Segment;
  leans: SectionLean[];
  sentences: SentenceTagging[];
  /** Summed score per code, every code with any evidence. */
  totals: { code: string; score: number; matches: string[] }[];
  codings: Coding[];
}

function agreementFactor(theme: Theme, polarity: number): number {
  if (theme.polarity === 'none') return 1;
  const a = theme.polarity === 'success' ? polarity : -polarity;
  if (a > 0) return Math.min(1.6, 1 + 0.2 * a);
  if (a < 0) return Math.max(0.1, 1 + 0.6 * a);
  // Reports describe their achievements plainly ("hakemukset käsitellään nykyään sähköisesti") but never
  // their problems without a word of trouble: a success topic without cues keeps more of its weight.
  return theme.polarity === 'success' ? NEUTRAL_SUCCESS : NEUTRAL_CHALLENGE;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

export function tagParagraph(
  p: Segment,
  compiled: CompiledCodebook,
  options: TagOptions = {},
): ParagraphTagging {
  const lang = p.lang === 'sv' ? 'sv' : 'fi';
  const leans = sectionLeans(p.section, options.fold);
  const prior = (leans.has('success') ? SECTION_PRIOR : 0) - (leans.has('challenge') ? SECTION_PRIOR : 0);
  const descriptive = leans.has('descriptive') ? DESCRIPTIVE_SECTION : 1;
  const sentences = p.sentences ?? [];
  const analysed = sentences.map((s) => {
    const tokens = sentenceTokens(s.text, s.start);
    return {
      s,
      tokens,
      polarity: sentencePolarity(tokens, lang, { fold: options.fold ?? false }),
      evidence: topicEvidence(s.text, tokens, lang, compiled, options),
    };
  });
  const total = analysed.reduce((sum, a) => sum + a.polarity.value, 0);
  // A paragraph without a single word of how anything went (no cue in any sentence) records rather than
  // reports: both successes and challenges weigh less without one.
  const silent = analysed.every((a) => a.polarity.cues.length === 0);
  const taggings: SentenceTagging[] = analysed.map((a) => {
    const context = Math.max(-1.5, Math.min(1.5, CONTEXT_SHARE * (total - a.polarity.value)));
    const effective = round(a.polarity.value + context + prior);
    const numeric = a.tokens.filter((t) => /\d/.test(t.text)).length / Math.max(1, a.tokens.length);
    // A sentence that dates, prices or refers to an appendix without saying how anything went is a record,
    // not a finding: "Kysely oli avoinna 15.3.–9.4.2021", "Lisenssit maksoivat 12 000 euroa".
    const record = a.polarity.cues.length === 0 && (a.polarity.descriptive || RECORD.test(a.s.text));
    const damp = descriptive * (numeric > 0.25 ? 0.6 : 1) * (record ? 0.5 : 1);
    const themes: ThemeScore[] = [];
    for (const ev of a.evidence.values()) {
      const c = compiled.byCode.get(ev.code);
      if (!c) continue;
      const silence =
        silent && prior === 0
          ? c.theme.polarity === 'challenge'
            ? SILENT_CHALLENGE
            : c.theme.polarity === 'success'
              ? SILENT_SUCCESS
              : 1
          : 1;
      const factor = agreementFactor(c.theme, effective) * damp * silence;
      themes.push({
        code: ev.code,
        topicWeight: ev.weight,
        factor: round(factor),
        score: round(ev.weight * factor),
        matches: ev.matches,
      });
    }
    // Same topic, opposite polarity: the theme the sentence's polarity agrees with takes the sentence,
    // whatever the other's term count; without any polarity, the stronger evidence does.
    const agrees = (t: ThemeScore) => {
      const pol = compiled.byCode.get(t.code)?.theme.polarity;
      return (pol === 'success' && effective > 0) || (pol === 'challenge' && effective < 0);
    };
    const best = new Map<string, ThemeScore>();
    for (const t of themes) {
      const topic = compiled.byCode.get(t.code)?.theme.topic ?? t.code;
      const pol = compiled.byCode.get(t.code)?.theme.polarity;
      if (pol === 'none') continue;
      const prev = best.get(topic);
      if (!prev || (agrees(t) && !agrees(prev)) || (agrees(t) === agrees(prev) && t.score > prev.score))
        best.set(topic, t);
    }
    const kept = themes.filter((t) => {
      const c = compiled.byCode.get(t.code);
      return c?.theme.polarity === 'none' || best.get(c?.theme.topic ?? '') === t;
    });
    return { segment: a.s, polarity: a.polarity, effective, themes: kept };
  });

  const sums = new Map<string, { code: string; score: number; matches: string[] }>();
  for (const t of taggings) {
    for (const th of t.themes) {
      const e = sums.get(th.code) ?? { code: th.code, score: 0, matches: [] };
      e.score = round(e.score + th.score);
      for (const m of th.matches) if (!e.matches.includes(m)) e.matches.push(m);
      if (th.factor !== 1) {
        for (const cue of t.polarity.cues) {
          const label = `cue:${cue.label}`;
          if (!e.matches.includes(label)) e.matches.push(label);
        }
      }
      sums.set(th.code, e);
    }
  }
  const totals = [...sums.values()].sort((a, b) => b.score - a.score || a.code.localeCompare(b.code));
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const top = totals[0]?.score ?? 0;
  const section = p.section.join(' > ');
  const codings: Coding[] = totals
    .filter((t) => t.score >= threshold && t.score >= SECONDARY_SHARE * top)
    .map((t) => {
      const theme = compiled.byCode.get(t.code)?.theme as Theme;
      const matches = [...t.matches, ...[...leans].map((l) => `section:${l}`)];
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
        score: t.score,
        // Interim: a monotone map of the score until the fitted model (issue 9) replaces it.
        confidence: round(1 - Math.exp(-t.score / 2)),
        matches,
        text: p.text,
      };
    });
  return { segment: p, leans: [...leans], sentences: taggings, totals, codings };
}
