// Loads one rule file (rules/<lang>/<name>.yaml) in three stages, like a codebook: YAML syntax, schema
// (unknown keys rejected, the kind from a closed set), meaning (every pattern parses, every group has a
// source). Every problem comes back as file:line:col; nothing throws.
import type { Result } from '../diagnostics.js';
import { type Pattern, parsePattern } from '../language/pattern.js';
import { type Checker, parseYaml } from '../yaml-checker.js';
import { isMap, isScalar, isSeq, type Node } from '../yaml-lazy.js';
import {
  DIRECTIONS,
  type Direction,
  GROUP_KEYS,
  INFLECTION,
  INFLECTION_FILE_KEYS,
  LEANS,
  type Lean,
  RULE_FILE_KEYS,
  RULE_KINDS,
  type RuleKind,
  SLOT_KEYS,
  WORD_CLASSES,
  type WordClass,
} from './schema.js';

export interface RulePattern {
  pattern: Pattern;
  source: string;
  file: string;
  line: number;
  column: number;
}

export interface RuleFile {
  file: string;
  kind: RuleKind;
  direction?: Direction;
  lean?: Lean;
  patterns: RulePattern[];
}

export interface InflectionSlot {
  name: string;
  source: string;
  forms: string[];
}

export interface InflectionFile {
  file: string;
  kind: typeof INFLECTION;
  wordClass: WordClass;
  slots: InflectionSlot[];
}

const keySpec = (keys: readonly string[], required: readonly string[]) =>
  Object.fromEntries(keys.map((k) => [k, { required: required.includes(k) }]));

export function loadRuleFile(file: string, text: string): Result<RuleFile | InflectionFile> {
  const { root, checker } = parseYaml(file, text, 'rules');
  if (checker.diagnostics.length > 0) return { ok: false, diagnostics: checker.diagnostics };
  if (!isMap(root)) {
    checker.error(root, 'rules/expected-map', 'A rule file is a map with extends and groups');
    return { ok: false, diagnostics: checker.diagnostics };
  }
  const kindNode = root.get('extends', true) as Node | undefined;
  const kind = isScalar(kindNode) ? String(kindNode.value) : '';
  const result =
    kind === INFLECTION
      ? inflection(checker, root as unknown as Node, file)
      : ruleFile(checker, root as unknown as Node, file, kind, kindNode);
  if (result === undefined || checker.diagnostics.length > 0)
    return { ok: false, diagnostics: checker.diagnostics };
  return { ok: true, value: result };
}

function ruleFile(
  checker: Checker,
  root: Node,
  file: string,
  kind: string,
  kindNode: Node | undefined,
): RuleFile | undefined {
  const f = checker.fields(root as never, keySpec(RULE_FILE_KEYS, ['extends', 'groups']), 'a rule file');
  if (!(kind in RULE_KINDS)) {
    checker.error(
      kindNode ?? root,
      'rules/unknown-kind',
      `extends: "${kind}" is not a kind of rule (one of: ${[...Object.keys(RULE_KINDS), INFLECTION].join(', ')})`,
    );
    return undefined;
  }
  const out: RuleFile = { file, kind: kind as RuleKind, patterns: [] };
  const direction = f.get('direction');
  if (kind === 'outcome' || direction !== undefined) {
    const d = isScalar(direction) ? String(direction.value) : '';
    if ((DIRECTIONS as readonly string[]).includes(d)) out.direction = d as Direction;
    else
      checker.error(
        direction ?? root,
        'rules/direction',
        `direction must be one of ${DIRECTIONS.join(', ')}`,
      );
  }
  const lean = f.get('lean');
  if (kind === 'section' || lean !== undefined) {
    const l = isScalar(lean) ? String(lean.value) : '';
    if ((LEANS as readonly string[]).includes(l)) out.lean = l as Lean;
    else checker.error(lean ?? root, 'rules/lean', `lean must be one of ${LEANS.join(', ')}`);
  }
  const groups = f.get('groups');
  if (!isSeq(groups) || groups.items.length === 0) {
    checker.error(groups ?? root, 'rules/expected-list', 'groups must be a non-empty list');
    return out;
  }
  for (const g of groups.items as Node[]) {
    if (!isMap(g)) {
      checker.error(g, 'rules/expected-map', 'Each group is a map with source and patterns');
      continue;
    }
    const gf = checker.fields(g, keySpec(GROUP_KEYS, GROUP_KEYS), 'a group');
    const source = checker.string(gf.get('source'), 'source');
    const list = gf.get('patterns');
    if (source === undefined || !isSeq(list)) {
      if (list !== undefined && !isSeq(list))
        checker.error(list, 'rules/expected-list', 'patterns must be a list');
      continue;
    }
    for (const item of list.items as Node[]) {
      const raw = checker.string(item, 'a pattern');
      if (raw === undefined) continue;
      const parsed = parsePattern(raw);
      if (!parsed.ok) {
        checker.error(item, 'rules/bad-pattern', `Pattern "${raw}": ${parsed.reason}`);
        continue;
      }
      out.patterns.push({ pattern: parsed.pattern, source, file, ...checker.place(item) });
    }
  }
  return out;
}

function inflection(checker: Checker, root: Node, file: string): InflectionFile | undefined {
  const f = checker.fields(
    root as never,
    keySpec(INFLECTION_FILE_KEYS, ['extends', 'class', 'slots']),
    'an inflection file',
  );
  const cls = f.get('class');
  const c = isScalar(cls) ? String(cls.value) : '';
  if (!(WORD_CLASSES as readonly string[]).includes(c)) {
    checker.error(cls ?? root, 'rules/class', `class must be one of ${WORD_CLASSES.join(', ')}`);
    return undefined;
  }
  const slots: InflectionSlot[] = [];
  const list = f.get('slots');
  if (!isSeq(list)) {
    checker.error(list ?? root, 'rules/expected-list', 'slots must be a list');
    return undefined;
  }
  for (const s of list.items as Node[]) {
    if (!isMap(s)) {
      checker.error(s, 'rules/expected-map', 'Each slot is a map with name, source and forms');
      continue;
    }
    const sf = checker.fields(s, keySpec(SLOT_KEYS, SLOT_KEYS), 'a slot');
    const name = checker.string(sf.get('name'), 'name');
    const source = checker.string(sf.get('source'), 'source');
    const formsNode = sf.get('forms');
    if (!isSeq(formsNode)) {
      checker.error(
        formsNode ?? s,
        'rules/expected-list',
        'forms must be a list (use "" for an empty ending)',
      );
      continue;
    }
    const forms: string[] = [];
    for (const item of formsNode.items as Node[]) {
      const v = isScalar(item) ? item.value : undefined;
      if (typeof v !== 'string' || !/^[\p{Ll}]*$/u.test(v)) {
        checker.error(item, 'rules/bad-form', 'An ending is a string of lower-case letters ("" for none)');
        continue;
      }
      forms.push(v);
    }
    if (name !== undefined && source !== undefined) slots.push({ name, source, forms });
  }
  return { file, kind: INFLECTION, wordClass: c as WordClass, slots };
}
