// Reads training items: a codebook's own examples folder (<codebook>.examples/*.yaml, beside the codebook)
// and the files a user gives with --learn-from (gold YAML: id, code, text). Items keep the file they came
// from, so cross-validation can leave a whole source out.
import { readdir } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import type { Diagnostic, Result } from '../diagnostics.js';
import { loadGold } from '../eval/gold.js';
import { goldItems, type TrainingItem } from '../learn/items.js';
import { learnItems, trainingItems } from '../review/training.js';
import { readDecisionsFile } from './decisions-file.js';
import { readText } from './read-text.js';

/** `codebooks/x.yaml` → `codebooks/x.examples` */
export function examplesFolder(codebookPath: string): string {
  return join(dirname(codebookPath), `${basename(codebookPath, extname(codebookPath))}.examples`);
}

export async function readGoldFile(path: string): Promise<Result<TrainingItem[]>> {
  const text = await readText(path);
  if (!text.ok) return text;
  const gold = loadGold(path, text.value);
  if (!gold.ok) return gold;
  return { ok: true, value: goldItems(gold.value, path) };
}

/**
 * A file given with --learn-from: a gold YAML (id, code, text) or a decisions file (review.csv), whose
 * decisions teach through the paragraph text each one recorded.
 */
export async function readLearnFile(
  path: string,
  codes: ReadonlySet<string>,
): Promise<Result<TrainingItem[]>> {
  if (!/\.csv$/i.test(path)) return readGoldFile(path);
  const decisions = await readDecisionsFile(path);
  if (!decisions.ok) return decisions;
  return { ok: true, value: learnItems(trainingItems(decisions.value, new Map(), codes), path) };
}

/** Every YAML file of the codebook's examples folder, in name order; none when there is no folder. */
export async function readExamples(codebookPath: string): Promise<Result<TrainingItem[]>> {
  const folder = examplesFolder(codebookPath);
  let names: string[];
  try {
    names = (await readdir(folder)).filter((n) => /\.ya?ml$/.test(n)).sort();
  } catch {
    return { ok: true, value: [] };
  }
  const items: TrainingItem[] = [];
  const problems: Diagnostic[] = [];
  for (const name of names) {
    const r = await readGoldFile(join(folder, name));
    if (r.ok) items.push(...r.value);
    else problems.push(...r.diagnostics);
  }
  return problems.length > 0 ? { ok: false, diagnostics: problems } : { ok: true, value: items };
}
