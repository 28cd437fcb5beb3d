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
  return goldFileItems(path, text.value);
}

function goldFileItems(path: string, text: string): Result<TrainingItem[]> {
  const gold = loadGold(path, text);
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

export interface ExampleFile {
  /** The file's name in the examples folder, and its path. */
  name: string;
  path: string;
  /** Its text, or why it could not be read. */
  text: Result<string>;
}

/** Every YAML file of the codebook's examples folder, unparsed, in name order; none when there is no folder. */
export async function readExampleFiles(codebookPath: string): Promise<ExampleFile[]> {
  const folder = examplesFolder(codebookPath);
  let names: string[];
  try {
    names = (await readdir(folder)).filter((n) => /\.ya?ml$/.test(n)).sort();
  } catch {
    return [];
  }
  const files: ExampleFile[] = [];
  for (const name of names) {
    const path = join(folder, name);
    files.push({ name, path, text: await readText(path) });
  }
  return files;
}

/** The training items of the examples files (readExampleFiles), in order; problems of every file. */
export function exampleItems(files: readonly ExampleFile[]): Result<TrainingItem[]> {
  const items: TrainingItem[] = [];
  const problems: Diagnostic[] = [];
  for (const file of files) {
    const r = file.text.ok ? goldFileItems(file.path, file.text.value) : file.text;
    if (r.ok) items.push(...r.value);
    else problems.push(...r.diagnostics);
  }
  return problems.length > 0 ? { ok: false, diagnostics: problems } : { ok: true, value: items };
}

/** Every YAML file of the codebook's examples folder, in name order; none when there is no folder. */
export async function readExamples(codebookPath: string): Promise<Result<TrainingItem[]>> {
  return exampleItems(await readExampleFiles(codebookPath));
}
