// The genre rules file (rules/genre.yaml): genres with labels and thresholds, and signals of a closed set of
// kinds, each with the `source:` that justifies it. Parsed strictly: unknown keys, missing fields, bad
// numbers and patterns that do not compile are diagnostics at file:line:col.
import { type Diagnostic, diagnostic, type Result } from '../diagnostics.js';
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument, type YAMLMap } from '../yaml-lazy.js';

export const FINAL_REPORT = 'final-report';

export type SignalKind = 'pattern' | 'ratio' | 'short-blocks' | 'bullets' | 'max-words';

export interface GenreSignal {
  genre: string;
  kind: SignalKind;
  weight: number;
  source: string;
  /** pattern, ratio: compiled with the flags gimu. */
  pattern?: RegExp;
  against?: RegExp;
  min?: number;
  per1000?: number;
  within?: number;
  ratio?: number;
  share?: number;
  words?: number;
  /** Where the signal stands in the rules file, for explanations. */
  line: number;
}

export interface GenreRules {
  genres: Map<string, { label: Record<string, string>; threshold: number }>;
  signals: GenreSignal[];
}

const KINDS: Record<SignalKind, { required: string[]; optional: string[] }> = {
  pattern: { required: ['pattern'], optional: ['min', 'per1000', 'within'] },
  ratio: { required: ['pattern', 'against', 'ratio'], optional: ['min'] },
  'short-blocks': { required: ['share'], optional: ['words'] },
  bullets: { required: ['share'], optional: [] },
  'max-words': { required: ['words'], optional: [] },
};
const COMMON = ['genre', 'kind', 'weight', 'source'];

export function parseGenreRules(text: string, file: string): Result<GenreRules> {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const diagnostics: Diagnostic[] = [];
  const at = (node: Node | null | undefined) => {
    const offset = node?.range?.[0] ?? 0;
    const p = lines.linePos(offset);
    return { line: p.line, column: p.col, offset };
  };
  const fail = (node: Node | null | undefined, ruleId: string, reason: string) =>
    diagnostics.push(diagnostic(file, `genre/${ruleId}`, reason, at(node)));
  for (const e of doc.errors) {
    const p = lines.linePos(e.pos[0]);
    diagnostics.push(
      diagnostic(file, 'genre/yaml', e.message.split('\n')[0] ?? 'YAML error', {
        line: p.line,
        column: p.col,
        offset: e.pos[0],
      }),
    );
  }
  if (diagnostics.length > 0) return { ok: false, diagnostics };

  const root = doc.contents;
  if (!isMap(root)) {
    fail(root as Node, 'shape', 'expected a mapping with "genres" and "signals"');
    return { ok: false, diagnostics };
  }
  const rules: GenreRules = { genres: new Map(), signals: [] };
  const genres = root.get('genres', true) as Node | undefined;
  if (!isMap(genres)) fail(genres ?? root, 'shape', '"genres" must be a mapping of genre names');
  else {
    for (const pair of genres.items) {
      const name = isScalar(pair.key) ? String(pair.key.value) : '';
      const body = pair.value as Node;
      if (!isMap(body)) {
        fail(body ?? (pair.key as Node), 'shape', `genre "${name}" must be a mapping`);
        continue;
      }
      unknownKeys(body, ['label', 'threshold'], fail);
      const label = body.toJSON().label as Record<string, string> | undefined;
      const threshold = body.get('threshold');
      if (!label || typeof label !== 'object' || typeof label.fi !== 'string')
        fail(body, 'label', `genre "${name}" needs a label with at least "fi"`);
      if (name !== FINAL_REPORT && !(typeof threshold === 'number' && threshold > 0))
        fail(body, 'threshold', `genre "${name}" needs a positive threshold`);
      rules.genres.set(name, { label: label ?? { fi: name }, threshold: Number(threshold ?? 0) });
    }
    if (!rules.genres.has(FINAL_REPORT)) fail(genres, 'final-report', `"${FINAL_REPORT}" must be a genre`);
  }

  const signals = root.get('signals', true) as Node | undefined;
  if (!isSeq(signals)) fail(signals ?? root, 'shape', '"signals" must be a list');
  else for (const item of signals.items) readSignal(item as Node, rules, at, fail);
  unknownKeys(root, ['genres', 'signals'], fail);
  return diagnostics.length > 0 ? { ok: false, diagnostics } : { ok: true, value: rules };
}

type Fail = (node: Node | null | undefined, ruleId: string, reason: string) => void;

function readSignal(node: Node, rules: GenreRules, at: (n: Node) => { line: number }, fail: Fail): void {
  if (!isMap(node)) {
    fail(node, 'shape', 'a signal must be a mapping');
    return;
  }
  const v = node.toJSON() as Record<string, unknown>;
  const kind = v.kind as SignalKind;
  const spec = KINDS[kind];
  if (!spec) {
    fail(
      node.get('kind', true) as Node,
      'kind',
      `unknown kind "${String(v.kind)}" (${Object.keys(KINDS).join(', ')})`,
    );
    return;
  }
  unknownKeys(node, [...COMMON, ...spec.required, ...spec.optional], fail);
  for (const key of spec.required)
    if (v[key] === undefined) fail(node, 'missing', `a ${kind} signal needs "${key}"`);
  if (typeof v.genre !== 'string' || !rules.genres.has(v.genre))
    fail(node, 'genre', `"genre" must name one of the genres (${[...rules.genres.keys()].join(', ')})`);
  if (typeof v.source !== 'string' || v.source.trim().length < 20)
    fail(node, 'source', 'every signal needs a "source" saying why it marks the genre');
  if (!(typeof v.weight === 'number' && v.weight > 0))
    fail(node, 'weight', '"weight" must be a positive number');
  for (const key of ['min', 'per1000', 'within', 'ratio', 'share', 'words'])
    if (v[key] !== undefined && !(typeof v[key] === 'number' && (v[key] as number) > 0))
      fail(node.get(key, true) as Node, 'number', `"${key}" must be a positive number`);
  const compile = (key: 'pattern' | 'against'): RegExp | undefined => {
    if (v[key] === undefined) return undefined;
    try {
      return new RegExp(String(v[key]), 'gimu');
    } catch (e) {
      fail(node.get(key, true) as Node, 'pattern', `"${key}" does not compile: ${(e as Error).message}`);
      return undefined;
    }
  };
  const signal: GenreSignal = {
    genre: String(v.genre),
    kind,
    weight: Number(v.weight),
    source: String(v.source ?? ''),
    line: at(node).line,
  };
  const pattern = compile('pattern');
  const against = compile('against');
  if (pattern) signal.pattern = pattern;
  if (against) signal.against = against;
  for (const key of ['min', 'per1000', 'within', 'ratio', 'share', 'words'] as const)
    if (typeof v[key] === 'number') signal[key] = v[key] as number;
  rules.signals.push(signal);
}

function unknownKeys(map: YAMLMap, allowed: string[], fail: Fail): void {
  for (const pair of map.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!allowed.includes(key))
      fail(pair.key as Node, 'unknown-key', `unknown key "${key}" (allowed: ${allowed.join(', ')})`);
  }
}
