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
  for (const [key, b] of [...best.entries()].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
    add(key.slice(0, key.lastIndexOf('@')), `term:${b.label}`, b.weight);
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
