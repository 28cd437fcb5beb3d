// The fitted parameters of the coding model beside a codebook: codebooks/x.yaml → codebooks/x.weights.json
// (written by `npm run fit`). Absent or unusable, the caller fits at run time from the codebook's examples.
import { basename, dirname, extname, join } from 'node:path';
import { type CodingModel, checkModel } from '../tag/model.js';
import { readIfExists } from './write-atomic.js';

export function weightsPath(codebookPath: string): string {
  return join(dirname(codebookPath), `${basename(codebookPath, extname(codebookPath))}.weights.json`);
}

export async function readModel(codebookPath: string): Promise<{ model?: CodingModel; reason?: string }> {
  const path = weightsPath(codebookPath);
  const text = await readIfExists(path);
  if (text === undefined) return { reason: `no ${basename(path)}` };
  try {
    const checked = checkModel(JSON.parse(text));
    return checked.ok ? { model: checked.model } : { reason: `${basename(path)}: ${checked.reason}` };
  } catch (e) {
    return { reason: `${basename(path)} is not JSON: ${(e as Error).message}` };
  }
}
