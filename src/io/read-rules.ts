// Reads the rule folders (rules/fi, rules/sv) shipped with the tool or given by the user, loads every file
// and compiles them. Synchronous: the rules are a few dozen small files read once at start.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic, Result } from '../diagnostics.js';
import { compileRules, type Rules } from '../rules/compile.js';
import { type InflectionFile, loadRuleFile, type RuleFile } from '../rules/load.js';
import { cachedLoad } from './load-cache.js';

export const DEFAULT_RULES_DIR = fileURLToPath(new URL('../../rules/', import.meta.url));

let cached: Rules | undefined;

export function readRules(dir: string = DEFAULT_RULES_DIR): Result<Rules> {
  const problems: Diagnostic[] = [];
  const byLang: Record<'fi' | 'sv', (RuleFile | InflectionFile)[]> = { fi: [], sv: [] };
  for (const lang of ['fi', 'sv'] as const) {
    let names: string[];
    try {
      names = readdirSync(join(dir, lang))
        .filter((n) => n.endsWith('.yaml'))
        .sort();
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? 'error';
      problems.push({
        file: join(dir, lang),
        ruleId: 'rules/unreadable',
        severity: 'error',
        reason: `Cannot read (${code})`,
      });
      continue;
    }
    for (const name of names) {
      const path = join(dir, lang, name);
      const shown = relative(process.cwd(), path) || path;
      const loaded = cachedLoad('rules', shown, readFileSync(path, 'utf8'), loadRuleFile);
      if (loaded.ok) byLang[lang].push(loaded.value);
      else problems.push(...loaded.diagnostics);
    }
  }
  if (problems.length > 0) return { ok: false, diagnostics: problems };
  return compileRules(byLang);
}

/** The shipped rules, read once per process (tests and the CLI share them). */
export function defaultRules(): Rules {
  if (!cached) {
    const r = readRules();
    if (!r.ok)
      throw new Error(`the shipped rules do not load: ${r.diagnostics.map((d) => d.reason).join('; ')}`);
    cached = r.value;
  }
  return cached;
}
