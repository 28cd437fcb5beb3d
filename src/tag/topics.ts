// Topic evidence: which themes' terms and patterns occur in a sentence, and how strongly.
// Each distinct term counts once per sentence (a word repeated is not more evidence); exclusions veto.
import type { CompiledCodebook } from '../codebook/compile.js';
import type { LemmaLookup } from '../language/lexicon.js';
import type { Token } from '../language/tokens.js';

export interface TopicEvidence {
  code: string;
  weight: number;
  matches: string[];
}

const PATTERN_WEIGHT = 1.5;

/** Two single-word terms of one root: a common beginning of six letters and three quarters of the shorter. */
function sameRoot(a: string, b: string): boolean {
  if (a.includes(' ') || b.includes(' ')) return false;
  const x = a.replace(/[*=]$/, '');
  const y = b.replace(/[*=]$/, '');
  let n = 0;
  while (n < x.length && n < y.length && x[n] === y[n]) n++;
  return n >= 6 && n >= 0.75 * Math.min(x.length, y.length);
}

export function topicEvidence(
  text: string,
  tokens: readonly Token[],
  lang: 'fi' | 'sv',
  compiled: CompiledCodebook,
  options: { fold?: boolean; lemmas?: LemmaLookup } = {},
): Map<string, TopicEvidence> {
  const out = new Map<string, TopicEvidence>();
  const add = (code: string, label: string, weight: number) => {
    const e = out.get(code) ?? { code, weight: 0, matches: [] };
    if (e.matches.includes(label)) return;
    e.matches.push(label);
    e.weight += weight;
    out.set(code, e);
  };
  // One token is one piece of evidence per theme: "järjestelmätoimittaja" also contains "toimittaja" and
  // begins like "toimittaa"; only the strongest (then longest) term of a theme counts for a token.
  const best = new Map<string, { label: string; weight: number }>();
  for (const hit of compiled.terms[lang].find(tokens, options)) {
    for (let i = hit.first; i <= hit.last; i++) {
      const key = `${hit.entry.key}@${i}`;
      const prev = best.get(key);
      if (
        !prev ||
        hit.entry.weight > prev.weight ||
        (hit.entry.weight === prev.weight && hit.entry.label.length > prev.label.length)
      ) {
        best.set(key, { label: hit.entry.label, weight: hit.entry.weight });
      }
    }
  }
  // One concept is one piece of evidence per sentence: "koulutus" and "kouluttaa", "osallistua" and
  // "osallistaminen" are one root; of a family only the strongest term counts.
  const chosen = [...best.entries()]
    .map(([key, b]) => ({ code: key.slice(0, key.lastIndexOf('@')), ...b }))
    .sort((x, y) => y.weight - x.weight || (x.label < y.label ? -1 : x.label > y.label ? 1 : 0));
  const kept: { code: string; label: string }[] = [];
  for (const c of chosen) {
    if (kept.some((k) => k.code === c.code && k.label !== c.label && sameRoot(k.label, c.label))) continue;
    kept.push(c);
    add(c.code, `term:${c.label}`, c.weight);
  }
  for (const c of compiled.themes) {
    for (const p of c.patterns) {
      p.re.lastIndex = 0;
      const m = p.re.exec(text);
      if (m) add(c.theme.code, `pattern:${m[0].toLowerCase()}`, PATTERN_WEIGHT);
    }
  }
  const vetoed = new Set(compiled.exclusions[lang].find(tokens, options).map((h) => h.entry.key));
  for (const c of compiled.themes) {
    for (const p of c.exclusionPatterns) {
      p.re.lastIndex = 0;
      if (p.re.test(text)) vetoed.add(c.theme.code);
    }
  }
  for (const code of vetoed) out.delete(code);
  return out;
}
