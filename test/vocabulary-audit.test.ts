// The vocabulary audit (npm run audit:vocab) as a test, so CI fails on it: no codebook term and no rule
// pattern may match only measurement items (../shared/gold and the validation set) — such an entry exists
// because a measurement sentence contained it, and its figure would say nothing about unseen reports.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codebookItems } from '../src/app/coding-setup.js';
import { loadGold } from '../src/eval/gold.js';
import { defaultRules } from '../src/io/read-rules.js';
import { detectLanguage } from '../src/language/detect.js';
import { tokenize } from '../src/language/tokens.js';
import { type AuditText, audit, goldOnly } from '../src/learn/audit.js';
import { CODEBOOKS, compiledCodebook } from './fixtures/coding.js';

const root = join(import.meta.dirname, '..');
const shared = join(root, '..', 'shared');
const present = existsSync(join(shared, 'gold'));
if (!present) console.warn(`vocabulary audit: ${shared}/gold is absent; the audit test is skipped`);

const lang = (text: string): 'fi' | 'sv' =>
  detectLanguage(tokenize(text.slice(0, 5000)), 'fi') === 'sv' ? 'sv' : 'fi';
const yamlFiles = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((n) => /\.ya?ml$/.test(n))
        .map((n) => join(dir, n))
    : [];
const textFiles = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((n) => /\.(md|txt)$/.test(n))
        .map((n) => join(dir, n))
    : [];

function corpusTexts(): AuditText[] {
  const texts: AuditText[] = [];
  const gold = (corpus: 'gold' | 'validation', path: string) => {
    const r = loadGold(path, readFileSync(path, 'utf8'));
    if (!r.ok) throw new Error(path);
    for (const item of r.value)
      texts.push({ corpus, where: item.id, text: item.text, lang: lang(item.text) });
  };
  for (const f of yamlFiles(join(shared, 'gold'))) gold('gold', f);
  for (const f of yamlFiles(join(root, 'test/fixtures/validation'))) gold('validation', f);
  const doc = (corpus: 'seeds' | 'reports', path: string) => {
    for (const para of readFileSync(path, 'utf8').split(/\n\s*\n/))
      if (para.trim()) texts.push({ corpus, where: path, text: para, lang: lang(para) });
  };
  for (const f of textFiles(join(shared, 'seeds'))) doc('seeds', f);
  for (const f of textFiles(join(root, 'reports'))) doc('reports', f);
  return texts;
}

const books = readdirSync(CODEBOOKS).filter((f) => f.endsWith('.yaml') && f !== 'allow-list.yaml');

/** Every codebook's own examples: the rules serve all codebooks, and a word in any of them is in use. */
async function examples(): Promise<AuditText[]> {
  const out: AuditText[] = [];
  for (const book of books) {
    const path = join(CODEBOOKS, book);
    const items = await codebookItems(path, compiledCodebook(path));
    if (!items.ok) throw new Error(JSON.stringify(items.diagnostics));
    for (const i of items.value)
      out.push({ corpus: 'examples', where: i.id, text: i.text, lang: lang(i.text) });
  }
  return out;
}

describe.skipIf(!present)('vocabulary audit', () => {
  const texts = present ? corpusTexts() : [];
  for (const book of books) {
    it(`${book}: no term or cue matches only measurement items`, async () => {
      const compiled = compiledCodebook(join(CODEBOOKS, book));
      const flagged = audit(compiled.book, defaultRules(), [...texts, ...(await examples())])
        .filter(goldOnly)
        .map((e) => `${e.kind} ${e.owner} "${e.pattern}" (${e.place})`);
      expect(flagged).toEqual([]);
    });
  }
});
