#!/usr/bin/env node
// Part of `npm run build`: writes the anonymiser's stemmed vocabulary (src/anonymise/vocabulary.ts,
// vocabularyData) beside the compiled module, dist/anonymise/data/vocabulary.json, so that no run (and no
// worker thread of a run) stems the word lists again. Computed by the compiled code itself, from the
// installed word lists, so it is as current as dist/ is; without the file the tool computes it at run time.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'dist', 'anonymise', 'data', 'vocabulary.json');
const { vocabularyData } = await import(pathToFileURL(join(root, 'dist', 'anonymise', 'vocabulary.js')).href);
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, `${JSON.stringify(vocabularyData())}\n`);
