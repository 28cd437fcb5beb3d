// Compiles a validated codebook into matchers: one pattern matcher per language over every theme's terms
// (the tool's one pattern language, src/language/pattern.ts, inflected through the rules' morphology),
// regular expressions on a linear-time engine, and exclusions. Done once per run.
import { type MatchEntry, PatternMatcher } from '../language/matcher.js';
import { parsePattern } from '../language/pattern.js';
import type { Rules } from '../rules/compile.js';
import { compileRegex, type SafeRegex } from './regex.js';
import type { Codebook, Theme } from './types.js';

export interface CompiledTheme {
  theme: Theme;
  patterns: SafeRegex[];
  /** Exclusions written as regular expressions (/.../); word exclusions live in the matchers. */
  exclusionPatterns: SafeRegex[];
}

export interface CompiledCodebook {
  book: Codebook;
  themes: CompiledTheme[];
  byCode: Map<string, CompiledTheme>;
  /** Theme terms, keyed by code. */
  terms: Record<'fi' | 'sv', PatternMatcher>;
  /** Word exclusions, keyed by code. */
  exclusions: Record<'fi' | 'sv', PatternMatcher>;
}

function regexes(list: readonly string[]): SafeRegex[] {
  // The loader has rejected patterns RE2 cannot compile; anything left unparsable is skipped.
  return list.flatMap((p) => {
    const r = compileRegex(p);
    return r.ok ? [r.value] : [];
  });
}

function entries(themes: readonly Theme[], pick: (t: Theme) => string[]): MatchEntry[] {
  const out: MatchEntry[] = [];
  for (const t of themes) {
    for (const raw of pick(t)) {
      const parsed = parsePattern(raw);
      if (parsed.ok) out.push({ key: t.code, pattern: parsed.pattern });
    }
  }
  return out;
}

export function compileCodebook(book: Codebook, rules: Rules): CompiledCodebook {
  const themes = book.themes.map((theme) => ({
    theme,
    patterns: regexes(theme.patterns),
    exclusionPatterns: regexes(theme.exclusions.filter((e) => e.startsWith('/'))),
  }));
  const wordExclusions = (t: Theme) => t.exclusions.filter((e) => !e.startsWith('/'));
  // English terms join both matchers: reports borrow English words (chat, feedback) in either language.
  const termsOf = (lang: 'fi' | 'sv') => (t: Theme) => [...(t.terms[lang] ?? []), ...(t.terms.en ?? [])];
  const matcher = (lang: 'fi' | 'sv', pick: (t: Theme) => string[]) =>
    new PatternMatcher(entries(book.themes, pick), lang, rules[lang].endings, 2);
  return {
    book,
    themes,
    byCode: new Map(themes.map((c) => [c.theme.code, c])),
    terms: { fi: matcher('fi', termsOf('fi')), sv: matcher('sv', termsOf('sv')) },
    exclusions: { fi: matcher('fi', wordExclusions), sv: matcher('sv', wordExclusions) },
  };
}
