// Topic evidence: which themes' terms and patterns occur in a sentence, and how strongly. One token is one
// piece of evidence per theme (its strongest, then longest term), one concept counts once per sentence
// (terms of one root: "koulutus" and "kouluttaa"), and exclusions veto a theme in the sentence.
import type { CompiledCodebook } from '../codebook/compile.js';
import type { MatchOptions } from '../language/matcher.js';
import type { Token } from '../language/tokens.js';
import { type Word, wordOf } from '../language/words.js';

export interface TopicEvidence {
  code: string;
  /** Sum of the distinct terms' weights (pattern weights from the codebook). */
  weight: number;
  /** Term labels ("term:yhteistyö"), pattern matches ("pattern:…"). */
  matches: string[];
  /** Number of distinct terms and patterns. */
  terms: number;
}

/** A codebook regex counts as much as a term of weight 1.5: a pattern is a deliberate, specific phrase. */
const PATTERN_WEIGHT = 1.5;
/** Two one-word terms share a root when they begin alike over six letters and three quarters of the shorter. */
const ROOT_PREFIX = 6;
const ROOT_SHARE = 0.75;

function sameRoot(a: string, b: string): boolean {
  if (a.includes(' ') || b.includes(' ')) return false;
  const x = a.replace(/[*=]$/, '');
  const y = b.replace(/[*=]$/, '');
  let n = 0;
  while (n < x.length && n < y.length && x[n] === y[n]) n++;
  return n >= ROOT_PREFIX && n >= ROOT_SHARE * Math.min(x.length, y.length);
}

export function topicEvidence(
  text: string,
  tokens: readonly Token[],
  lang: 'fi' | 'sv',
  compiled: CompiledCodebook,
  options: MatchOptions = {},
  words: readonly Word[] = tokens.map((t) => wordOf(t.lower)),
): Map<string, TopicEvidence> {
  const out = new Map<string, TopicEvidence>();
  const add = (code: string, label: string, weight: number) => {
    const e = out.get(code) ?? { code, weight: 0, matches: [], terms: 0 };
    if (e.matches.includes(label)) return;
    e.matches.push(label);
    e.weight += weight;
    e.terms++;
    out.set(code, e);
  };
  // The strongest (then longest) term of each theme at each token.
  const best = new Map<string, Map<number, { label: string; weight: number }>>();
  for (const hit of compiled.terms[lang].findWords(words, options)) {
    const byToken = best.get(hit.entry.key) ?? new Map<number, { label: string; weight: number }>();
    best.set(hit.entry.key, byToken);
    const { label, weight } = hit.entry.pattern;
    for (let i = hit.first; i <= hit.last; i++) {
      const prev = byToken.get(i);
      if (!prev || weight > prev.weight || (weight === prev.weight && label.length > prev.label.length))
        byToken.set(i, { label, weight });
    }
  }
  for (const [code, byToken] of [...best.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const terms = new Map<string, number>();
    for (const b of byToken.values()) terms.set(b.label, b.weight);
    const ordered = [...terms.entries()].sort(
      (x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0),
    );
    const kept: string[] = [];
    for (const [label, weight] of ordered) {
      if (kept.some((k) => sameRoot(k, label))) continue;
      kept.push(label);
      add(code, `term:${label}`, weight);
    }
  }
  for (const c of compiled.themes) {
    for (const p of c.patterns) {
      const m = p.exec(text);
      if (m !== undefined) add(c.theme.code, `pattern:${m.toLowerCase()}`, PATTERN_WEIGHT);
    }
  }
  const vetoed = new Set(compiled.exclusions[lang].findWords(words, options).map((h) => h.entry.key));
  for (const c of compiled.themes)
    for (const p of c.exclusionPatterns) if (p.exec(text) !== undefined) vetoed.add(c.theme.code);
  for (const code of vetoed) out.delete(code);
  return out;
}
