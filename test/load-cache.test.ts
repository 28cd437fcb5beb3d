// The tool's own YAML files loaded at build time (io/load-cache.ts): a cached result read back is exactly
// what loading the file gives, under whatever path the caller names it; a changed text is loaded anew; and
// the build's cache holds every bundled file, current (a stale build fails here).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { loadCodebook } from '../src/codebook/load.js';
import type { Result } from '../src/diagnostics.js';
import { allowListEntry, BUNDLED_ALLOW_LIST, parseAllowList } from '../src/io/load-allow-list.js';
import { cachedLoad, type LoadKind, loadCacheFile } from '../src/io/load-cache.js';
import { GENRE_RULES_FILE } from '../src/io/load-genre-rules.js';
import { DEFAULT_RULES_DIR } from '../src/io/read-rules.js';
import { parseGenreRules } from '../src/language/genre-rules.js';
import { loadRuleFile } from '../src/rules/load.js';
import { CODEBOOKS } from './fixtures/coding.js';

type Load = (file: string, text: string) => Result<unknown>;

const codebooks = readdirSync(CODEBOOKS)
  .filter((n) => n.endsWith('.yaml') && n !== 'allow-list.yaml')
  .map((n) => join(CODEBOOKS, n));
const ruleFiles = ['fi', 'sv'].flatMap((lang) =>
  readdirSync(join(DEFAULT_RULES_DIR, lang))
    .filter((n) => n.endsWith('.yaml'))
    .map((n) => join(DEFAULT_RULES_DIR, lang, n)),
);
const OWN: [LoadKind, string, Load][] = [
  ...codebooks.map((p): [LoadKind, string, Load] => ['codebook', p, loadCodebook]),
  ...codebooks.map((p): [LoadKind, string, Load] => ['allow-list-entry', p, (_, t) => allowListEntry(t)]),
  ...ruleFiles.map((p): [LoadKind, string, Load] => ['rules', p, loadRuleFile]),
  ['allow-list', BUNDLED_ALLOW_LIST, (file, text) => parseAllowList(text, file)],
  ['genre', GENRE_RULES_FILE, (file, text) => parseGenreRules(text, file)],
];

describe('a cached load read back', () => {
  it.each(OWN)('equals loading the file (%s %s)', (kind, path, load) => {
    const text = readFileSync(path, 'utf8');
    const entry = loadCacheFile(kind, text, load);
    if (!entry) throw new Error('no cache entry');
    for (const file of [path, 'oma/koodikirja "2".yaml', 'C:\\Users\\maija\\kirja.yaml']) {
      const read = cachedLoad(kind, file, text, load, (p) => (p === entry.path ? entry.json : undefined));
      expect(read).toStrictEqual(load(file, text));
    }
  });

  it('a changed text is loaded anew, never taken from the old text’s entry', () => {
    const path = codebooks[0] as string;
    const text = readFileSync(path, 'utf8');
    const entry = loadCacheFile('codebook', text, loadCodebook);
    const changed = text.replace(/^(\s*fi:\s*)(.*)$/mu, '$1$2 (muutettu)');
    expect(changed).not.toBe(text);
    const load = vi.fn(loadCodebook);
    const read = cachedLoad('codebook', path, changed, load, (p) =>
      p === entry?.path ? entry.json : undefined,
    );
    expect(load).toHaveBeenCalledOnce();
    expect(read).toStrictEqual(loadCodebook(path, changed));
  });

  it('a file that does not load has no entry', () => {
    expect(loadCacheFile('codebook', 'themes: [', loadCodebook)).toBeUndefined();
  });
});

describe('the build’s load cache', () => {
  const built = join(import.meta.dirname, '..', 'dist', 'io', 'load-cache.js');
  it.skipIf(!existsSync(built))(
    'holds every bundled file, current, equal to loading it from the sources',
    async () => {
      const dist = (await import(pathToFileURL(built).href)) as typeof import('../src/io/load-cache.js');
      for (const [kind, path, load] of OWN) {
        const text = readFileSync(path, 'utf8');
        const fail = () => {
          throw new Error(`${path} is not in dist/load-cache (run npm run build)`);
        };
        expect(dist.cachedLoad(kind, path, text, fail), path).toStrictEqual(load(path, text));
      }
    },
  );
});
