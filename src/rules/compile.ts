// Compiles the loaded rule files of one language into what the coder uses: one pattern matcher over every
// cue (keyed by kind, outcomes by direction), one over section headings, and the inflectional endings.
import type { Diagnostic, Result } from '../diagnostics.js';
import { compileEndings, type Endings } from '../language/inflection.js';
import { type MatchEntry, PatternMatcher } from '../language/matcher.js';
import type { InflectionFile, RuleFile } from './load.js';
import type { Lean, RuleKind } from './schema.js';

/** A cue's key: its kind, with outcomes and counterfactuals split by direction. */
export type CueKey = Exclude<RuleKind, 'outcome' | 'section'> | 'pos' | 'neg';

export interface LanguageRules {
  lang: 'fi' | 'sv';
  cues: PatternMatcher<CueKey>;
  sections: PatternMatcher<Lean>;
  endings?: Endings;
  /** The rule files themselves (for the vocabulary audit and explanations). */
  files: RuleFile[];
}

export interface Rules {
  fi: LanguageRules;
  sv: LanguageRules;
}

function cueKey(f: RuleFile): CueKey {
  if (f.kind === 'outcome') return f.direction === 'negative' ? 'neg' : 'pos';
  return f.kind as CueKey;
}

export function compileLanguage(
  lang: 'fi' | 'sv',
  files: readonly (RuleFile | InflectionFile)[],
): LanguageRules {
  const ruleFiles = files.filter((f): f is RuleFile => f.kind !== 'inflection');
  const inflection = files.filter((f): f is InflectionFile => f.kind === 'inflection');
  const endings = inflection.length > 0 ? compileEndings(inflection) : undefined;
  const entries = <K extends string>(pick: (f: RuleFile) => K | undefined): MatchEntry<K>[] =>
    ruleFiles.flatMap((f) => {
      const key = pick(f);
      if (key === undefined) return [];
      return f.patterns.map((p) => ({ key, pattern: p.pattern, ref: `${f.file}:${p.line}:${p.column}` }));
    });
  return {
    lang,
    cues: new PatternMatcher(
      entries((f) => (f.kind === 'section' ? undefined : cueKey(f))),
      lang,
      endings,
    ),
    sections: new PatternMatcher(
      entries((f) => (f.kind === 'section' ? f.lean : undefined)),
      lang,
      endings,
    ),
    ...(endings ? { endings } : {}),
    files: ruleFiles,
  };
}

/** Both languages; a language without rule files is an error (the coder needs its negation at least). */
export function compileRules(byLang: Record<'fi' | 'sv', (RuleFile | InflectionFile)[]>): Result<Rules> {
  const problems: Diagnostic[] = [];
  for (const lang of ['fi', 'sv'] as const) {
    if (!byLang[lang].some((f) => f.kind === 'negator'))
      problems.push({
        file: `rules/${lang}`,
        ruleId: 'rules/missing-kind',
        severity: 'error',
        reason: `The ${lang} rules have no negator file`,
      });
  }
  if (problems.length > 0) return { ok: false, diagnostics: problems };
  return { ok: true, value: { fi: compileLanguage('fi', byLang.fi), sv: compileLanguage('sv', byLang.sv) } };
}
