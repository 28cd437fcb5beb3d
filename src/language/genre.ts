// Is a document a project's final report, or something else that found its way into the folder (a
// synthesis of many projects, a press release, a slide deck)? Scored by the general signals of
// rules/genre.yaml (see there); pure, and bounded: only the first SAMPLE characters are read.
import { FINAL_REPORT, type GenreRules, type GenreSignal } from './genre-rules.js';
import { countWordRuns } from './tokens.js';

/** Characters read: a document's genre shows on its first pages. */
const SAMPLE = 300_000;
const BULLET = /^\s*([•▪◦●○■\-–*]|\d{1,2}[.)])\s+\S/u;

export interface GenreVerdict {
  /** FINAL_REPORT, or the genre the document shows more of. */
  genre: string;
  scores: Record<string, number>;
  /** What made the verdict: the signals that fired for the chosen genre, as a reader would put them. */
  reasons: string[];
}

interface TextStats {
  text: string;
  words: number;
  lines: string[];
  /** Word counts of the blocks of text between blank lines. */
  blocks: number[];
  /** Matches of a pattern over the text, by source: two signals may weigh the same pattern. */
  counts: Map<string, number>;
  /** The text has no character that the Unicode flag reads otherwise (plainTwin). */
  plain: boolean;
}

/**
 * The characters a pattern of ASCII and ä/ö/å reads differently with the flags "giu" than with "gi":
 * surrogates (astral characters, one code point or two units), and the three whose simple case folding
 * is a letter of such a pattern without being its upper or lower case: ſ (s), the Kelvin sign (k, also a
 * word character of \b) and the Ångström sign (å). test/genre-plain-twin.test.ts checks the claim over
 * every character of the BMP.
 */
const UNICODE_ONLY = /[\ud800-\udfff\u017f\u212a\u212b]/;
/** A pattern source of ASCII and ä/ö/å without \p, \P or \u escapes (they mean otherwise without "u"). */
const PLAIN_SOURCE = /^(?:[\x20-\x5b\x5d-\x7eäöåÄÖÅ]|\\[^pPu])*$/;
const twins = new WeakMap<RegExp, RegExp | null>();

/**
 * The pattern without the Unicode flag, when its source is plain: on a plain text it finds exactly the same
 * matches, an order of magnitude faster (V8 matches "iu" patterns case-folding every character).
 * Undefined for a pattern that needs the flag.
 */
export function plainTwin(re: RegExp): RegExp | undefined {
  let twin = twins.get(re);
  if (twin === undefined) {
    twin =
      re.unicode && PLAIN_SOURCE.test(re.source) ? new RegExp(re.source, re.flags.replace('u', '')) : null;
    twins.set(re, twin);
  }
  return twin ?? undefined;
}

/** The pattern to run over the text: its plain twin when both allow it. */
function patternFor(re: RegExp, stats: TextStats): RegExp {
  return (stats.plain && plainTwin(re)) || re;
}

export function classifyGenre(full: string, rules: GenreRules): GenreVerdict {
  const text = full.length > SAMPLE ? full.slice(0, SAMPLE) : full;
  const stats: TextStats = {
    text,
    plain: !UNICODE_ONLY.test(text),
    words: countWordRuns(text),
    lines: text.split(/\r\n|\r|\n/).filter((l) => l.trim() !== ''),
    blocks: text.split(/(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)/).map(countWordRuns),
    counts: new Map(),
  };
  const scores: Record<string, number> = {};
  const reasons = new Map<string, string[]>();
  for (const genre of rules.genres.keys()) scores[genre] = 0;
  for (const signal of rules.signals) {
    const reason = fires(signal, stats);
    if (reason === undefined) continue;
    scores[signal.genre] = (scores[signal.genre] ?? 0) + signal.weight;
    reasons.set(signal.genre, [...(reasons.get(signal.genre) ?? []), reason]);
  }
  const own = scores[FINAL_REPORT] ?? 0;
  let genre = FINAL_REPORT;
  let best = own;
  for (const [name, { threshold }] of rules.genres) {
    const score = scores[name] ?? 0;
    if (name !== FINAL_REPORT && score >= threshold && score > best) {
      genre = name;
      best = score;
    }
  }
  return { genre, scores, reasons: reasons.get(genre) ?? [] };
}

/** A short account of the signal when it fires on the text, else undefined. */
function fires(s: GenreSignal, stats: TextStats): string | undefined {
  switch (s.kind) {
    case 'pattern': {
      if (!s.pattern) return undefined;
      const text = s.within ? stats.text.slice(0, s.within) : stats.text;
      const matches = text.match(patternFor(s.pattern, stats)) ?? [];
      const n = matches.length;
      const enough =
        s.per1000 !== undefined ? (n * 1000) / Math.max(1, stats.words) >= s.per1000 : n >= (s.min ?? 1);
      if (!enough || n === 0) return undefined;
      return n === 1 ? `"${trimmed(matches[0])}"` : `"${trimmed(matches[0])}" ×${n}`;
    }
    case 'ratio': {
      if (!s.pattern || !s.against) return undefined;
      const pattern = patternFor(s.pattern, stats);
      const against = patternFor(s.against, stats);
      const a = countIn(stats, pattern);
      const b = countIn(stats, against);
      if (a < (s.min ?? 1) || a < (s.ratio ?? 1) * b) return undefined;
      return `${first(pattern, stats.text)} ×${a} vs ${first(against, stats.text) || 'others'} ×${b}`;
    }
    case 'short-blocks': {
      const max = s.words ?? 25;
      const inShort = stats.blocks.filter((n) => n <= max).reduce((a, n) => a + n, 0);
      const share = inShort / Math.max(1, stats.words);
      return stats.blocks.length >= 10 && share >= (s.share ?? 1)
        ? `${percent(share)} of the words in short blocks`
        : undefined;
    }
    case 'bullets': {
      const share = stats.lines.filter((l) => BULLET.test(l)).length / Math.max(1, stats.lines.length);
      return stats.lines.length >= 10 && share >= (s.share ?? 1)
        ? `${percent(share)} bullet lines`
        : undefined;
    }
    case 'max-words':
      return stats.words <= (s.words ?? 0) ? `${stats.words} words` : undefined;
  }
}

/** count() over the whole text, once per pattern source and flags. */
function countIn(stats: TextStats, re: RegExp): number {
  const key = `${re.flags}/${re.source}`;
  let n = stats.counts.get(key);
  if (n === undefined) {
    n = count(re, stats.text);
    stats.counts.set(key, n);
  }
  return n;
}

function count(re: RegExp, text: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text) !== null) n++;
  return n;
}

function first(re: RegExp, text: string): string {
  re.lastIndex = 0;
  const m = re.exec(text);
  re.lastIndex = 0;
  return m ? `"${trimmed(m[0])}"` : '';
}

function trimmed(s: string | undefined): string {
  return (s ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
}

function percent(share: number): string {
  return `${Math.round(share * 100)} %`;
}
