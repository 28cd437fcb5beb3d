// The coder's training cached at build time (app/coder-cache.ts): read back, it gives exactly the items and
// the lexical model that reading and fitting the examples gives; its key changes with anything it was made
// from, so a changed codebook or examples file never meets a stale cache; and the build's own caches are
// current (a stale build fails here).
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cachedTraining, coderCacheFile, trainingKey } from '../src/app/coder-cache.js';
import { codebookItems, codingSetup } from '../src/app/coding-setup.js';
import { loadCodebook } from '../src/codebook/load.js';
import type { Codebook } from '../src/codebook/types.js';
import { defaultRules } from '../src/io/read-rules.js';
import { type ExampleFile, readExampleFiles } from '../src/io/read-training.js';
import { themeTable } from '../src/learn/lexical.js';
import { CODEBOOKS, compiledCodebook, DEFAULT_CODEBOOK } from './fixtures/coding.js';

const REPORTS = join(import.meta.dirname, '..', 'reports');
const BUNDLED = [DEFAULT_CODEBOOK, join(CODEBOOKS, 'kuntaliitto-2025.yaml')];

/** Every paragraph of the sample reports: texts to score. */
const paragraphs = readdirSync(REPORTS).flatMap((name) =>
  readFileSync(join(REPORTS, name), 'utf8')
    .split(/\n\s*\n/u)
    .filter((p) => p.trim().length > 0),
);

function book(path: string): { text: string; book: Codebook } {
  const text = readFileSync(path, 'utf8');
  const loaded = loadCodebook(path, text);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
  return { text, book: loaded.value };
}

/** A copy of a bundled codebook with its examples folder, in a folder of its own. */
function copyOf(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'analyse-cache-'));
  const base = name.replace(/\.yaml$/u, '');
  cpSync(join(CODEBOOKS, name), join(dir, name));
  cpSync(join(CODEBOOKS, `${base}.examples`), join(dir, `${base}.examples`), { recursive: true });
  return join(dir, name);
}

describe('the coder cache read back', () => {
  it.each(BUNDLED)('gives the items and lexical model of fitting at run time (%s)', async (path) => {
    const { text, book: codebook } = book(path);
    const files = await readExampleFiles(path);
    const file = coderCacheFile(text, codebook, files);
    expect(file).toBeDefined();
    const cached = await cachedTraining(codebook, files, (p) => (p === file?.path ? file.bytes : undefined));
    if (!cached) throw new Error('the cache was not read');
    const items = await codebookItems(path, compiledCodebook(path));
    if (!items.ok) throw new Error(JSON.stringify(items.diagnostics));
    expect(cached.items).toEqual(items.value);
    expect(cached.fromFolder).toBe(items.value.filter((i) => i.source !== path).length);
    const fitted = themeTable(items.value, codebook.themes).model();
    expect(cached.lexical.codes).toEqual(fitted.codes);
    for (const p of paragraphs) expect(cached.lexical.score(p)).toEqual(fitted.score(p));
    for (const gram of ['^ha', 'yht', 'osall', 'zzz'])
      expect(cached.lexical.ratio(gram)).toEqual(fitted.ratio(gram));
  });

  it('names the sources of a copy in the copy’s own place', async () => {
    const copy = copyOf('digikannustin-2020.yaml');
    const { text, book: codebook } = book(copy);
    const files = await readExampleFiles(copy);
    const original = coderCacheFile(
      book(DEFAULT_CODEBOOK).text,
      book(DEFAULT_CODEBOOK).book,
      await readExampleFiles(DEFAULT_CODEBOOK),
    );
    expect(coderCacheFile(text, codebook, files)?.path).toBe(original?.path);
    const cached = await cachedTraining(codebook, files, () => original?.bytes);
    expect(new Set(cached?.items.map((i) => i.source))).toEqual(new Set([copy, ...files.map((f) => f.path)]));
  });
});

describe('the cache key', () => {
  const files: ExampleFile[] = [
    { name: 'a.yaml', path: '/x/a.yaml', text: { ok: true, value: '- id: a\n  code: x\n  text: yksi\n' } },
    { name: 'b.yaml', path: '/x/b.yaml', text: { ok: true, value: '- id: b\n  code: y\n  text: kaksi\n' } },
  ];
  const key = trainingKey('themes: []\n', files);
  const withText = (i: number, value: string) =>
    files.map((f, j) => (j === i ? { ...f, text: { ok: true as const, value } } : f));

  it('is the same for the same inputs, wherever they are', () => {
    expect(key).toMatch(/^[0-9a-f]{32}$/u);
    expect(
      trainingKey(
        'themes: []\n',
        files.map((f) => ({ ...f, path: `/y/${f.name}` })),
      ),
    ).toBe(key);
  });

  it.each([
    ['the codebook text', () => trainingKey('themes: [] \n', files)],
    [
      'an examples file’s text',
      () => trainingKey('themes: []\n', withText(1, '- id: b\n  code: y\n  text: kolme\n')),
    ],
    [
      'an examples file’s name',
      () =>
        trainingKey('themes: []\n', [
          files[0] as ExampleFile,
          { ...(files[1] as ExampleFile), name: 'c.yaml' },
        ]),
    ],
    [
      'a file more',
      () => trainingKey('themes: []\n', [...files, { ...(files[0] as ExampleFile), name: 'd.yaml' }]),
    ],
    ['a file less', () => trainingKey('themes: []\n', files.slice(1))],
    [
      'text moved between files',
      () =>
        trainingKey(
          'themes: []\n',
          withText(0, '- id: a\n  code: x\n  text: yksi\n- id: b\n  code: y\n  text: kaksi\n').map((f, j) =>
            j === 1 ? { ...f, text: { ok: true as const, value: '' } } : f,
          ),
        ),
    ],
  ])('changes with %s', (_, other) => {
    expect(other()).not.toBe(key);
  });

  it('is none when an examples file cannot be read', () => {
    expect(
      trainingKey('themes: []\n', [{ ...(files[0] as ExampleFile), text: { ok: false, diagnostics: [] } }]),
    ).toBeUndefined();
  });

  it('a changed examples file is read and fitted anew, never taken from the cache of the old one', async () => {
    const copy = copyOf('digikannustin-2020.yaml');
    const { text, book: codebook } = book(copy);
    const before = coderCacheFile(text, codebook, await readExampleFiles(copy));
    const changed = join(copy.replace(/\.yaml$/u, '.examples'), 'none-a.yaml');
    writeFileSync(
      changed,
      `${readFileSync(changed, 'utf8')}\n- id: uusi-esimerkki\n  code: none\n  text: Kokous pidettiin tiistaina.\n`,
    );
    const after = await readExampleFiles(copy);
    const store = (p: string) => (p === before?.path ? before.bytes : undefined);
    expect(await cachedTraining(codebook, after, store)).toBeUndefined();
    const setup = await codingSetup({
      codebookPath: copy,
      compiled: compiledCodebook(copy),
      rules: defaultRules(),
    });
    expect(setup.ok && setup.value.items.some((i) => i.id === 'uusi-esimerkki')).toBe(true);
  });
});

describe('the build’s coder caches', () => {
  const built = join(import.meta.dirname, '..', 'dist', 'app', 'coder-cache.js');
  it.skipIf(!existsSync(built))(
    'are current for every bundled codebook and equal fitting from the sources',
    async () => {
      const dist = (await import(pathToFileURL(built).href)) as typeof import('../src/app/coder-cache.js');
      const distFiles = (await import(
        pathToFileURL(join(import.meta.dirname, '..', 'dist', 'io', 'read-training.js')).href
      )) as typeof import('../src/io/read-training.js');
      for (const path of BUNDLED) {
        const { book: codebook } = book(path);
        const cached = await dist.cachedTraining(codebook, await distFiles.readExampleFiles(path));
        expect(cached, `no current cache for ${path} in dist/ (run npm run build)`).toBeDefined();
        const items = await codebookItems(path, compiledCodebook(path));
        if (!items.ok || !cached) throw new Error('no items');
        expect(cached.items).toEqual(items.value);
        const fitted = themeTable(items.value, codebook.themes).model();
        for (const p of paragraphs.slice(0, 40)) expect(cached.lexical.score(p)).toEqual(fitted.score(p));
      }
    },
  );
});
