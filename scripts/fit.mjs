#!/usr/bin/env node
// `npm run fit`: fits the coding model of each shipped codebook on the codebook's own examples (inline
// match/noMatch and <codebook>.examples/) and writes <codebook>.weights.json beside it. Deterministic: the
// same examples give the same file. Fitted with the rule-based morphology (no Voikko), so the shipped
// weights do not depend on what the machine that fitted them had installed. Never reads ../shared/gold:
// the tool learns from gold only when a user asks for it (--learn-from).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { codebookItems } from '../dist/app/coding-setup.js';
import { codebookFrom } from '../dist/cli/context.js';
import { weightsPath } from '../dist/io/read-model.js';
import { defaultRules } from '../dist/io/read-rules.js';
import { writeAtomic } from '../dist/io/write-atomic.js';
import { fitModel } from '../dist/learn/fit.js';

const dir = new URL('../codebooks/', import.meta.url).pathname;
const only = process.argv.slice(2);
const books = readdirSync(dir)
  .filter((n) => n.endsWith('.yaml') && n !== 'allow-list.yaml')
  .filter((n) => only.length === 0 || only.some((o) => n.startsWith(o)))
  .sort();
for (const name of books) {
  const path = join(dir, name);
  const compiled = await codebookFrom(path);
  const items = await codebookItems(path, compiled);
  if (!items.ok) throw new Error(items.diagnostics.map((d) => d.reason).join('; '));
  const started = Date.now();
  const { model, outOfFold } = fitModel(items.value, { compiled, rules: defaultRules() });
  const tp = outOfFold.filter((r) => r.label === 1 && r.confidence >= model.threshold).length;
  const fp = outOfFold.filter((r) => r.label === 0 && r.confidence >= model.threshold).length;
  const fn = outOfFold.filter((r) => r.label === 1 && r.confidence < model.threshold).length;
  await writeAtomic(weightsPath(path), `${JSON.stringify(model, null, 2)}\n`);
  process.stderr.write(
    `${name}: ${items.value.length} items, λ ${model.fitted.lambda}, threshold ${model.threshold}, strong ${model.strong}; ` +
      `out of fold P ${(tp / Math.max(1, tp + fp)).toFixed(3)} R ${(tp / Math.max(1, tp + fn)).toFixed(3)} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`,
  );
}
