// The vocabulary audit: for every codebook term and every rule pattern, in which corpora it matches — the
// measurement gold, the seeds, the sample reports, the codebook's own examples. An entry whose only
// matches are gold items exists because a measurement sentence contained it; the audit fails on it.
import type { Codebook } from '../codebook/types.js';
import { type MatchEntry, PatternMatcher } from '../language/matcher.js';
import { parsePattern } from '../language/pattern.js';
import { tokenize } from '../language/tokens.js';
import type { Rules } from '../rules/compile.js';

export const CORPORA = ['gold', 'validation', 'seeds', 'reports', 'examples'] as const;
export type Corpus = (typeof CORPORA)[number];

export interface AuditText {
  corpus: Corpus;
  /** Where the text is (file, item id). */
  where: string;
  text: string;
  lang: 'fi' | 'sv';
}

export interface AuditEntry {
  /** "term" or "cue". */
  kind: 'term' | 'cue';
  /** Theme code (terms) or rule kind (cues). */
  owner: string;
  lang: 'fi' | 'sv' | 'en';
  pattern: string;
  /** file:line:col of the entry, where known. */
  place: string;
  /** Number of texts per corpus the entry matches in. */
  counts: Record<Corpus, number>;
  /** Ids of the gold texts it matches (to show why it is flagged). */
  goldHits: string[];
}

/**
 * An entry is suspect when measurement texts are the only ones it matches in: the gold, or the validation
 * set (which was tuned against, so it is measurement material too).
 */
export function goldOnly(e: AuditEntry): boolean {
  return (
    e.counts.gold + e.counts.validation > 0 &&
    CORPORA.every((c) => c === 'gold' || c === 'validation' || e.counts[c] === 0)
  );
}

export function auditEntries(book: Codebook, rules: Rules): Omit<AuditEntry, 'counts' | 'goldHits'>[] {
  const out: Omit<AuditEntry, 'counts' | 'goldHits'>[] = [];
  for (const t of book.themes)
    for (const [lang, list] of Object.entries(t.terms))
      list.forEach((raw, i) => {
        const note = t.termNotes?.[lang]?.[i];
        out.push({
          kind: 'term',
          owner: t.code,
          lang: lang as 'fi' | 'sv' | 'en',
          pattern: raw,
          place: `${book.file}:${note?.line ?? t.line}:${note?.column ?? t.column}`,
        });
      });
  for (const lang of ['fi', 'sv'] as const)
    for (const f of rules[lang].files)
      for (const p of f.patterns)
        out.push({
          kind: 'cue',
          owner: f.kind + (f.direction ? `:${f.direction}` : f.lean ? `:${f.lean}` : ''),
          lang,
          pattern: p.pattern.label + (p.pattern.weight !== 1 ? `^${p.pattern.weight}` : ''),
          place: `${p.file}:${p.line}:${p.column}`,
        });
  return out;
}

export function audit(book: Codebook, rules: Rules, texts: readonly AuditText[]): AuditEntry[] {
  const entries = auditEntries(book, rules).map((e) => ({
    ...e,
    counts: Object.fromEntries(CORPORA.map((c) => [c, 0])) as Record<Corpus, number>,
    goldHits: [] as string[],
  }));
  // One matcher per language over every entry of that language (English terms join both).
  const matchers = {} as Record<'fi' | 'sv', PatternMatcher>;
  for (const lang of ['fi', 'sv'] as const) {
    const list: MatchEntry[] = [];
    entries.forEach((e, i) => {
      if (e.lang !== lang && e.lang !== 'en') return;
      const parsed = parsePattern(e.pattern);
      if (parsed.ok) list.push({ key: String(i), pattern: parsed.pattern });
    });
    matchers[lang] = new PatternMatcher(list, lang, rules[lang].endings, 2);
  }
  for (const t of texts) {
    const hit = new Set<number>();
    // Sentence-sized pieces keep gaps inside one sentence, as the coder does.
    for (const piece of t.text.split(/(?<=[.!?])\s+|\n\s*\n/)) {
      for (const h of matchers[t.lang].find(tokenize(piece))) hit.add(Number(h.entry.key));
    }
    for (const i of hit) {
      const e = entries[i];
      if (!e) continue;
      e.counts[t.corpus]++;
      if ((t.corpus === 'gold' || t.corpus === 'validation') && e.goldHits.length < 5)
        e.goldHits.push(t.where);
    }
  }
  return entries;
}
