// The yaml library, loaded on its first use instead of at start: a run of the bundled codebooks, rules and
// allow-list parses no YAML (their loaded forms are precompiled, io/load-cache.ts), and loading the
// library's 80 modules took 45–80 ms of every start. The same functions and class as `import … from 'yaml'`
// (required: the same CommonJS module an import of 'yaml' gives under Node).
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

let library: typeof Yaml | undefined;
const yaml = (): typeof Yaml => {
  library ??= createRequire(import.meta.url)('yaml') as typeof Yaml;
  return library;
};

export type { Node, YAMLMap } from 'yaml';
export type LineCounter = Yaml.LineCounter;

export const isMap = ((node: unknown) => yaml().isMap(node)) as typeof Yaml.isMap;
export const isScalar = ((node: unknown) => yaml().isScalar(node)) as typeof Yaml.isScalar;
export const isSeq = ((node: unknown) => yaml().isSeq(node)) as typeof Yaml.isSeq;
export const parseDocument = ((...args: Parameters<typeof Yaml.parseDocument>) =>
  yaml().parseDocument(...args)) as typeof Yaml.parseDocument;
export const stringify = ((...args: Parameters<typeof Yaml.stringify>) =>
  yaml().stringify(...args)) as typeof Yaml.stringify;
/** `new LineCounter()` makes the library's own LineCounter. */
export const LineCounter = function LineCounter() {
  return new (yaml().LineCounter)();
} as unknown as typeof Yaml.LineCounter;
