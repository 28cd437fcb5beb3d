// Compiles a validated codebook into matchers: one lexicon per language over every theme's terms,
// patterns and exclusions as regular expressions. Done once per run.
import { Lexicon, type LexiconEntry } from '../language/lexicon.js';
import { parseTerm } from './term.js';
import type { Codebook, Theme } from './types.js';

export interface CompiledTheme {
  theme: Theme;
  patterns: { source: string; re: RegExp }[];
  /** Exclusions written as regular expressions (/.../); word exclusions live in the lexicons. */
  exclusionPatterns: { source: string; re: RegExp }[];
}

export interface CompiledCodebook {
  book: Codebook;
  themes: CompiledTheme[];
  byCode: Map<string, CompiledTheme>;
  /** Theme terms, keyed by code. */
  terms: Record<'fi' | 'sv', Lexicon>;
  /** Word exclusions, keyed by code. */
  exclusions: Record<'fi' | 'sv', Lexicon>;
}

function regex(p: string): { source: string; re: RegExp } {
  const body = p.startsWith('/') && p.endsWith('/') && p.length > 1 ? p.slice(1, -1) : p;
  return { source: p, re: new RegExp(body, 'giu') };
}

function entries(themes: Theme[], pick: (t: Theme) => string[]): LexiconEntry[] {
  const out: LexiconEntry[] = [];
  for (const t of themes) {
    for (const raw of pick(t)) {
      const term = parseTerm(raw);
      if (term)
        out.push({
          key: t.code,
          label: raw.replace(/\^[\d.]+$/, ''),
          weight: term.weight,
          words: term.words,
        });
    }
  }
  return out;
}

export function compileCodebook(book: Codebook): CompiledCodebook {
  const themes = book.themes.map((theme) => ({
    theme,
    patterns: theme.patterns.map(regex),
    exclusionPatterns: theme.exclusions.filter((e) => e.startsWith('/')).map(regex),
  }));
  const wordExclusions = (t: Theme) => t.exclusions.filter((e) => !e.startsWith('/'));
  // English terms join both lexicons: reports borrow English words (chat, feedback) in either language.
  const termsOf = (lang: 'fi' | 'sv') => (t: Theme) => [...(t.terms[lang] ?? []), ...(t.terms.en ?? [])];
  return {
    book,
    themes,
    byCode: new Map(themes.map((c) => [c.theme.code, c])),
    terms: {
      fi: new Lexicon(entries(book.themes, termsOf('fi')), 'fi', 2),
      sv: new Lexicon(entries(book.themes, termsOf('sv')), 'sv', 2),
    },
    exclusions: {
      fi: new Lexicon(entries(book.themes, wordExclusions), 'fi', 2),
      sv: new Lexicon(entries(book.themes, wordExclusions), 'sv', 2),
    },
  };
}
