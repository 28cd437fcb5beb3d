#!/usr/bin/env node
// Part of `npm run build`: writes what every run would otherwise build from the word lists at its start
// (and every worker thread of a run again) beside the compiled modules, in dist/anonymise/data/:
//   vocabulary.bin  the anonymiser's stemmed vocabulary (src/anonymise/vocabulary.ts, vocabularyFile)
//   gazetteer.bin   the place-name lexicon (src/anonymise/gazetteer.ts, gazetteerData)
//   names.bin       the first-name and surname lexicon and name sets (src/anonymise/names.ts, nameLexiconData)
// each a file of sections (src/anonymise/sections.ts) whose hash tables and lists a run uses as they are,
// in dist/load-cache/ the loaded bundled codebooks, rule files and allow-list (src/io/load-cache.ts), and
// in dist/coder-cache/ the bundled codebooks' training items and lexical model (src/app/coder-cache.ts),
// each file named by a hash of what it was made from and of the code that made it.
// Computed by the compiled code itself, from the installed word lists, so it is as current as dist/ is
// (test/anonymise-*-build.test.ts check it against the sources); without a file the tool computes it at
// run time. The earlier build's files are removed first, so that none of them feeds into the new ones.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const outputs = {
  'anonymise/data/vocabulary.bin': ['anonymise/vocabulary.js', 'vocabularyFile'],
  'anonymise/data/gazetteer.bin': ['anonymise/gazetteer.js', 'gazetteerData'],
  'anonymise/data/names.bin': ['anonymise/names.js', 'nameLexiconData'],
};
// With the JSON files earlier builds wrote.
const stale = ['vocabulary', 'gazetteer', 'names'].map((name) => `anonymise/data/${name}.json`);
for (const file of [...Object.keys(outputs), ...stale]) rmSync(join(dist, file), { force: true });
const { CODER_CACHE_DIR, coderCacheFile } = await import(
  pathToFileURL(join(dist, 'app/coder-cache.js')).href
);
rmSync(join(dist, CODER_CACHE_DIR), { recursive: true, force: true });
const { LOAD_CACHE_DIR, loadCacheFile } = await import(pathToFileURL(join(dist, 'io/load-cache.js')).href);
rmSync(join(dist, LOAD_CACHE_DIR), { recursive: true, force: true });
for (const [file, [module, name]] of Object.entries(outputs)) {
  const compute = (await import(pathToFileURL(join(dist, module)).href))[name];
  const target = join(dist, file);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, compute());
}

const { BUNDLED_CODEBOOKS } = await import(pathToFileURL(join(dist, 'cli/bundled.js')).href);
const { loadCodebook } = await import(pathToFileURL(join(dist, 'codebook/load.js')).href);
const { readExampleFiles } = await import(pathToFileURL(join(dist, 'io/read-training.js')).href);
const { readText } = await import(pathToFileURL(join(dist, 'io/read-text.js')).href);
for (const path of BUNDLED_CODEBOOKS) {
  const text = await readText(path);
  const book = text.ok ? loadCodebook(path, text.value) : text;
  if (!book.ok) throw new Error(`${path}: ${JSON.stringify(book.diagnostics)}`);
  const file = coderCacheFile(text.value, book.value, await readExampleFiles(path));
  if (!file) continue;
  mkdirSync(join(dist, CODER_CACHE_DIR), { recursive: true });
  writeFileSync(join(dist, file.path), file.bytes);
}

// The tool's own YAML files, loaded.
const { loadRuleFile } = await import(pathToFileURL(join(dist, 'rules/load.js')).href);
const { DEFAULT_RULES_DIR } = await import(pathToFileURL(join(dist, 'io/read-rules.js')).href);
const { GENRE_RULES_FILE } = await import(pathToFileURL(join(dist, 'io/load-genre-rules.js')).href);
const { parseGenreRules } = await import(pathToFileURL(join(dist, 'language/genre-rules.js')).href);
const { allowListEntry, BUNDLED_ALLOW_LIST, parseAllowList } = await import(
  pathToFileURL(join(dist, 'io/load-allow-list.js')).href
);
const own = [
  ...BUNDLED_CODEBOOKS.map((path) => ['codebook', path, loadCodebook]),
  ...BUNDLED_CODEBOOKS.map((path) => ['allow-list-entry', path, (_, text) => allowListEntry(text)]),
  ...['fi', 'sv'].flatMap((lang) =>
    readdirSync(join(DEFAULT_RULES_DIR, lang))
      .filter((name) => name.endsWith('.yaml'))
      .map((name) => ['rules', join(DEFAULT_RULES_DIR, lang, name), loadRuleFile]),
  ),
  ['allow-list', BUNDLED_ALLOW_LIST, (file, text) => parseAllowList(text, file)],
  ['genre', GENRE_RULES_FILE, (file, text) => parseGenreRules(text, file)],
];
mkdirSync(join(dist, LOAD_CACHE_DIR), { recursive: true });
for (const [kind, path, load] of own) {
  const text = await readText(path);
  const file = text.ok ? loadCacheFile(kind, text.value, load) : undefined;
  if (!file) throw new Error(`${path} does not load`);
  writeFileSync(join(dist, file.path), file.json);
}
