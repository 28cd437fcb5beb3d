// Reads a REFI-QDA codebook file (.qdc) into its code tree.
import type { Result } from '../diagnostics.js';
import { parseRefiCodebook, type RefiCode } from '../review/refi-model.js';
import { readText } from './read-text.js';

export async function readQdc(path: string): Promise<Result<RefiCode[]>> {
  const text = await readText(path);
  if (!text.ok) return text;
  return parseRefiCodebook(path, text.value);
}
