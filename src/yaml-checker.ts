// A YAML tree walker that reports every problem with file:line:col (from the yaml package's LineCounter):
// unknown keys, missing keys, wrong kinds. Shared by the codebook and the rule-file loaders.
import { type Diagnostic, diagnostic } from './diagnostics.js';
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument, type YAMLMap } from './yaml-lazy.js';

export class Checker {
  readonly diagnostics: Diagnostic[] = [];
  constructor(
    readonly file: string,
    private readonly lines: LineCounter,
    /** Prefix of every ruleId, e.g. "codebook" → "codebook/unknown-key". */
    readonly prefix: string,
  ) {}

  error(node: Node | undefined, ruleId: string, reason: string): void {
    const offset = node?.range?.[0] ?? 0;
    const pos = this.lines.linePos(offset);
    this.diagnostics.push(diagnostic(this.file, ruleId, reason, { line: pos.line, column: pos.col, offset }));
  }

  place(node: Node | undefined): { line: number; column: number } {
    const pos = this.lines.linePos(node?.range?.[0] ?? 0);
    return { line: pos.line, column: pos.col };
  }

  /** Checks a map's keys against a field table; returns key → value node for the known ones. */
  fields(map: YAMLMap, spec: Record<string, { required?: boolean }>, what: string): Map<string, Node> {
    const found = new Map<string, Node>();
    for (const pair of map.items) {
      const key = pair.key as Node;
      const name = isScalar(key) ? String(key.value) : '';
      if (!(name in spec)) {
        const known = Object.keys(spec).join(', ');
        this.error(
          key,
          `${this.prefix}/unknown-key`,
          `Unknown key "${name}" in ${what} (expected one of: ${known})`,
        );
        continue;
      }
      found.set(name, pair.value as Node);
    }
    for (const [name, field] of Object.entries(spec)) {
      if (field.required && !found.has(name)) {
        this.error(map, `${this.prefix}/missing-key`, `Missing required key "${name}" in ${what}`);
      }
    }
    return found;
  }

  string(node: Node | undefined, what: string): string | undefined {
    // A missing key was already reported by fields(); say nothing more about it.
    if (node === undefined) return undefined;
    if (isScalar(node) && typeof node.value === 'string' && node.value.trim() !== '')
      return node.value.trim();
    this.error(node, `${this.prefix}/expected-string`, `${what} must be a non-empty string`);
    return undefined;
  }

  stringList(node: Node | undefined, what: string): string[] {
    if (node === undefined || (isScalar(node) && node.value === null)) return [];
    if (!isSeq(node)) {
      this.error(node, `${this.prefix}/expected-list`, `${what} must be a list of strings`);
      return [];
    }
    const out: string[] = [];
    for (const item of node.items) {
      const s = this.string(item as Node, `Each item of ${what}`);
      if (s !== undefined) out.push(s);
    }
    return out;
  }
}

/** Parses YAML text with positions; syntax errors come back as diagnostics (stage 1 of every loader). */
export function parseYaml(
  file: string,
  text: string,
  prefix: string,
): { root: Node | undefined; checker: Checker } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const checker = new Checker(file, lines, prefix);
  for (const e of doc.errors) {
    const pos = lines.linePos(e.pos[0]);
    checker.diagnostics.push(
      diagnostic(file, `${prefix}/yaml`, e.message.split('\n')[0] ?? e.code, {
        line: pos.line,
        column: pos.col,
        offset: e.pos[0],
      }),
    );
  }
  return { root: (doc.contents ?? undefined) as Node | undefined, checker };
}
