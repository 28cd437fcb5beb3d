#!/usr/bin/env node
// `npm run audit:vocab`: where every codebook term and rule pattern matches — gold (../shared/gold), the
// validation set, the seeds, the sample reports, the codebook's own examples. Prints one row per entry
// (TSV on stdout, or --json), a summary on stderr, and exits 1 when any entry matches only gold items:
// such an entry exists because a measurement sentence contained it. Every shipped codebook, or those given.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { codebookItems } from '../dist/app/coding-setup.js';
import { codebookFrom } from '../dist/cli/context.js';
import { loadGold } from '../dist/eval/gold.js';
import { defaultRules } from '../dist/io/read-rules.js';
import { detectLanguage } from '../dist/language/detect.js';
import { tokenize } from '../dist/language/tokens.js';
import { audit, CORPORA, goldOnly } from '../dist/learn/audit.js';

const root = new URL('..', import.meta.url).pathname;
const shared = join(root, '..', 'shared');
const args = process.argv.slice(2);
const json = args.includes('--json');
const given = args.filter((a) => a.endsWith('.yaml'));
const lang = (text) => (detectLanguage(tokenize(text.slice(0, 5000)), 'fi') === 'sv' ? 'sv' : 'fi');
const files = (dir, re) => {
  try {
    return readdirSync(dir)
      .filter((n) => re.test(n))
      .sort()
      .map((n) => join(dir, n));
  } catch {
    return [];
  }
};
const texts = [];
const gold = (corpus, path) => {
  const r = loadGold(path, readFileSync(path, 'utf8'));
  if (!r.ok) throw new Error(`${path}: ${r.diagnostics[0]?.reason}`);
  for (const item of r.value)
    texts.push({
      corpus,
      where: `${path.split('/').pop()}#${item.id}`,
      text: item.text,
      lang: lang(item.text),
    });
};
const goldFiles = files(join(shared, 'gold'), /\.ya?ml$/);
if (goldFiles.length === 0)
  process.stderr.write(`audit:vocab: no gold files in ${shared}/gold; nothing can be flagged\n`);
for (const f of goldFiles) gold('gold', f);
for (const f of files(join(root, 'test/fixtures/validation'), /\.ya?ml$/)) gold('validation', f);
const doc = (corpus, path) => {
  const text = readFileSync(path, 'utf8');
  for (const [k, para] of text.split(/\n\s*\n/).entries())
    if (para.trim())
      texts.push({ corpus, where: `${path.split('/').pop()}:¶${k + 1}`, text: para, lang: lang(para) });
};
for (const f of files(join(shared, 'seeds'), /\.(txt|md)$/)) doc('seeds', f);
for (const f of files(join(root, 'reports'), /\.(txt|md)$/)) doc('reports', f);
const shipped = files(join(root, 'codebooks'), /\.yaml$/).filter((f) => !f.endsWith('allow-list.yaml'));
const codebooks = given.length > 0 ? given : shipped;
// Every codebook's own examples: the rules serve all codebooks, and a word in any of them is in use.
for (const book of shipped) {
  const items = await codebookItems(book, await codebookFrom(book));
  if (!items.ok) throw new Error(items.diagnostics.map((d) => d.reason).join('; '));
  for (const item of items.value)
    texts.push({ corpus: 'examples', where: item.id, text: item.text, lang: lang(item.text) });
}
if (!json) process.stdout.write(`codebook\tkind\towner\tlang\tpattern\t${CORPORA.join('\t')}\tplace\n`);
const report = [];
let failed = 0;
for (const codebook of codebooks) {
  const compiled = await codebookFrom(codebook);
  const entries = audit(compiled.book, defaultRules(), texts);
  const flagged = entries.filter(goldOnly);
  failed += flagged.length;
  const name = codebook.split('/').pop();
  if (json) report.push({ codebook: name, entries, flagged: flagged.length });
  else
    for (const e of entries)
      process.stdout.write(
        `${name}\t${e.kind}\t${e.owner}\t${e.lang}\t${e.pattern}\t${CORPORA.map((c) => e.counts[c]).join('\t')}\t${e.place}\n`,
      );
  const unmatched = entries.filter((e) => CORPORA.every((c) => e.counts[c] === 0)).length;
  process.stderr.write(
    `audit:vocab ${name}: ${entries.length} entries (${entries.filter((e) => e.kind === 'term').length} terms, ${entries.filter((e) => e.kind === 'cue').length} cues); ` +
      `${unmatched} match nowhere; ${flagged.length} match only gold items\n`,
  );
  for (const e of flagged)
    process.stderr.write(
      `  gold only: ${e.kind} ${e.owner} [${e.lang}] "${e.pattern}" (${e.place}) in ${e.goldHits.join(', ')}\n`,
    );
}
if (json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
process.exitCode = failed > 0 ? 1 : 0;
