// Loads a codebook in three stages, each reporting every problem with file:line:col:
//   1. YAML syntax, 2. schema (unknown keys rejected, kinds checked), 3. meaning (unique codes,
//   patterns compile, term weights valid). Returns a Result; never throws.
import type { Result } from '../diagnostics.js';
import { parsePattern } from '../language/pattern.js';
import type { Polarity } from '../types.js';
import { type Checker, parseYaml } from '../yaml-checker.js';
import { isMap, isScalar, isSeq, type Node } from '../yaml-lazy.js';
import { compileRegex } from './regex.js';
import {
  CODE_PATTERN,
  CODEBOOK_FIELDS,
  EXAMPLE_FIELDS,
  type FieldSpec,
  LABEL_LANGUAGES,
  POLARITIES,
  REQUIRED_LABELS,
  TERM_LANGUAGES,
  THEME_FIELDS,
} from './schema.js';
import type { Codebook, Labels, TermNote, Theme } from './types.js';

function labelMap(checker: Checker, node: Node | undefined, what: string): Labels | undefined {
  if (!isMap(node)) {
    checker.error(node, `${checker.prefix}/expected-map`, `${what} must be a map of languages (fi, en, sv)`);
    return undefined;
  }
  const spec = Object.fromEntries(LABEL_LANGUAGES.map((l) => [l, { kind: 'string' } as FieldSpec]));
  for (const l of REQUIRED_LABELS) (spec[l] as FieldSpec).required = true;
  const f = checker.fields(node, spec, what);
  const fi = checker.string(f.get('fi'), `${what}.fi`);
  const en = checker.string(f.get('en'), `${what}.en`);
  const sv = f.has('sv') ? checker.string(f.get('sv'), `${what}.sv`) : undefined;
  if (fi === undefined || en === undefined) return undefined;
  return sv === undefined ? { fi, en } : { fi, en, sv };
}
function load(checker: Checker, root: Node): Codebook | undefined {
  if (!isMap(root)) {
    checker.error(
      root,
      'codebook/expected-map',
      'A codebook must be a map with id, title, polarity and themes',
    );
    return undefined;
  }
  const f = checker.fields(root, CODEBOOK_FIELDS, 'the codebook');
  const id = checker.string(f.get('id'), 'id');
  const title = labelMap(checker, f.get('title'), 'title');
  const polarityNode = f.get('polarity');
  const polarity =
    isScalar(polarityNode) && typeof polarityNode.value === 'boolean' ? polarityNode.value : undefined;
  if (polarityNode && polarity === undefined)
    checker.error(polarityNode, 'codebook/expected-boolean', 'polarity must be true or false');
  const themes: Theme[] = [];
  themeList(checker, f.get('themes'), undefined, themes, polarity ?? false);
  if (id === undefined || title === undefined || polarity === undefined) return undefined;
  return { file: checker.file, id, title, polarity, themes };
}

function themeList(
  checker: Checker,
  node: Node | undefined,
  parent: Theme | undefined,
  out: Theme[],
  polar: boolean,
): void {
  if (node === undefined) return;
  if (!isSeq(node) || node.items.length === 0) {
    checker.error(node, 'codebook/expected-list', 'themes must be a non-empty list of themes');
    return;
  }
  for (const item of node.items) {
    const t = item as Node;
    if (!isMap(t)) {
      checker.error(t, 'codebook/expected-map', 'Each theme must be a map');
      continue;
    }
    const f = checker.fields(t, THEME_FIELDS, 'a theme');
    const code = checker.string(f.get('code'), 'code');
    const labels = labelMap(checker, f.get('labels'), `labels of ${code ?? 'a theme'}`);
    const description = checker.string(f.get('description'), `description of ${code ?? 'a theme'}`);
    const polarity = themePolarity(checker, f.get('polarity'), parent, polar);
    const { terms, notes: termNotes } = termMap(checker, f.get('terms'));
    const examples = exampleMap(checker, f.get('examples'));
    if (code === undefined || labels === undefined || description === undefined) continue;
    const topic = f.has('topic')
      ? (checker.string(f.get('topic'), 'topic') ?? code)
      : (parent?.topic ?? code);
    const place = checker.place(t);
    const theme: Theme = {
      code,
      topic,
      labels,
      description,
      polarity,
      terms,
      termNotes,
      patterns: checker.stringList(f.get('patterns'), 'patterns'),
      exclusions: checker.stringList(f.get('exclusions'), 'exclusions'),
      examples,
      line: place.line,
      column: place.column,
      ...(parent ? { parent: parent.code } : {}),
    };
    (theme as Theme & { node?: Node }).node = t;
    out.push(theme);
    themeList(checker, f.get('themes'), theme, out, polar);
  }
}

function themePolarity(
  checker: Checker,
  node: Node | undefined,
  parent: Theme | undefined,
  polar: boolean,
): Polarity {
  if (node === undefined) return parent?.polarity ?? 'none';
  const value = isScalar(node) ? String(node.value) : '';
  if ((POLARITIES as readonly string[]).includes(value)) {
    if (!polar && value !== 'none') {
      checker.error(
        node,
        'codebook/polarity-off',
        `polarity "${value}" needs "polarity: true" at the top of the codebook`,
      );
    }
    return value as Polarity;
  }
  checker.error(node, 'codebook/bad-polarity', `polarity must be one of ${POLARITIES.join(', ')}`);
  return 'none';
}

/**
 * Terms per language: a list of patterns (src/language/pattern.ts), or of groups that say why their
 * patterns are there — `{ source: "…", patterns: [...] }` — as the shipped codebooks do. Both flatten to
 * one list per language; every pattern is checked with its own place.
 */
function termMap(
  checker: Checker,
  node: Node | undefined,
): { terms: Record<string, string[]>; notes: Record<string, TermNote[]> } {
  const terms: Record<string, string[]> = {};
  const notes: Record<string, TermNote[]> = {};
  if (node === undefined) return { terms, notes };
  if (!isMap(node)) {
    checker.error(node, 'codebook/expected-map', 'terms must be a map of language → list of terms');
    return { terms, notes };
  }
  const spec = Object.fromEntries(TERM_LANGUAGES.map((l) => [l, { kind: 'string-list' } as FieldSpec]));
  const f = checker.fields(node, spec, 'terms');
  for (const [lang, list] of f) {
    const out: string[] = [];
    const placed: TermNote[] = [];
    const add = (item: Node, source: string | undefined) => {
      const raw = checker.string(item, `a term of terms.${lang}`);
      if (raw === undefined) return;
      const parsed = parsePattern(raw);
      if (!parsed.ok) {
        checker.error(item, 'codebook/bad-term', `Term "${raw}" is not valid: ${parsed.reason}`);
        return;
      }
      out.push(raw);
      placed.push({ ...checker.place(item), ...(source ? { source } : {}) });
    };
    if (!isSeq(list)) {
      checker.error(list, 'codebook/expected-list', `terms.${lang} must be a list of terms or groups`);
      continue;
    }
    for (const item of list.items as Node[]) {
      if (!isMap(item)) {
        add(item, undefined);
        continue;
      }
      const g = checker.fields(
        item,
        { source: { required: true }, patterns: { required: true } },
        'a term group',
      );
      const source = checker.string(g.get('source'), 'source');
      const patterns = g.get('patterns');
      if (!isSeq(patterns)) {
        if (patterns !== undefined)
          checker.error(patterns, 'codebook/expected-list', 'patterns must be a list');
        continue;
      }
      for (const p of patterns.items as Node[]) add(p, source);
    }
    terms[lang] = out;
    notes[lang] = placed;
  }
  return { terms, notes };
}

function exampleMap(checker: Checker, node: Node | undefined): { match: string[]; noMatch: string[] } {
  if (node === undefined) return { match: [], noMatch: [] };
  if (!isMap(node)) {
    checker.error(node, 'codebook/expected-map', 'examples must be a map with match and noMatch lists');
    return { match: [], noMatch: [] };
  }
  const spec = Object.fromEntries(EXAMPLE_FIELDS.map((k) => [k, { kind: 'string-list' } as FieldSpec]));
  const f = checker.fields(node, spec, 'examples');
  return {
    match: checker.stringList(f.get('match'), 'examples.match'),
    noMatch: checker.stringList(f.get('noMatch'), 'examples.noMatch'),
  };
}

/** Stage 3: meaning. Codes unique and well formed, patterns compile. */
function checkMeaning(checker: Checker, book: Codebook): void {
  const seen = new Set<string>();
  for (const theme of book.themes) {
    const node = (theme as Theme & { node?: Node }).node;
    if (!CODE_PATTERN.test(theme.code)) {
      checker.error(
        node,
        'codebook/bad-code',
        `Code "${theme.code}" must be lower-case words joined by dots (e.g. success.participation)`,
      );
    }
    if (seen.has(theme.code))
      checker.error(node, 'codebook/duplicate-code', `Code "${theme.code}" is defined twice`);
    seen.add(theme.code);
    for (const p of [...theme.patterns, ...theme.exclusions.filter((e) => e.startsWith('/'))]) {
      const compiled = compileRegex(p);
      if (!compiled.ok)
        checker.error(
          node,
          'codebook/bad-pattern',
          `Pattern ${p} of ${theme.code} does not compile on RE2, the linear-time engine (no lookaround or backreferences): ${compiled.reason}`,
        );
    }
  }
}

export function loadCodebook(file: string, text: string): Result<Codebook> {
  // Stage 1: syntax.
  const { root, checker } = parseYaml(file, text, 'codebook');
  if (checker.diagnostics.length > 0) return { ok: false, diagnostics: checker.diagnostics };
  // Stage 2: schema.
  const book = load(checker, root as Node);
  if (book === undefined || checker.diagnostics.length > 0)
    return { ok: false, diagnostics: checker.diagnostics };
  // Stage 3: meaning.
  checkMeaning(checker, book);
  for (const t of book.themes) delete (t as Theme & { node?: Node }).node;
  if (checker.diagnostics.length > 0) return { ok: false, diagnostics: checker.diagnostics };
  return { ok: true, value: book };
}
