// Reading and writing the decisions file (review.csv). Writes are atomic: a reviewer's file is never left
// half-written, whichever process (the review page, import-review) writes it.
import { diagnostic, type Result } from '../diagnostics.js';
import {
  type Decision,
  type Delimiter,
  parseDecisions,
  renderDecisions,
  sniffDelimiter,
} from '../review/decisions.js';
import { readText } from './read-text.js';
import { readIfExists, writeAtomic } from './write-atomic.js';

/** Reads a decisions file that must exist (`--review`, `agree`). */
export async function readDecisionsFile(path: string): Promise<Result<Decision[]>> {
  const text = await readText(path);
  if (!text.ok) return text;
  return parseDecisions(path, text.value);
}

/**
 * Reads a decisions file that may not exist yet (the review page and import-review create it), with the
 * delimiter it uses so a rewrite keeps it.
 */
export async function readDecisionsIfAny(
  path: string,
): Promise<Result<{ decisions: Decision[]; delimiter: Delimiter | undefined }>> {
  const text = await readIfExists(path);
  if (text === undefined) return { ok: true, value: { decisions: [], delimiter: undefined } };
  const parsed = parseDecisions(path, text);
  if (!parsed.ok) return parsed;
  const value = { decisions: parsed.value, delimiter: text.trim() === '' ? undefined : sniffDelimiter(text) };
  return parsed.diagnostics ? { ok: true, value, diagnostics: parsed.diagnostics } : { ok: true, value };
}

export async function writeDecisionsFile(
  path: string,
  decisions: readonly Decision[],
  delimiter: Delimiter,
): Promise<Result<void>> {
  try {
    await writeAtomic(path, renderDecisions(decisions, delimiter));
    return { ok: true, value: undefined };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    return {
      ok: false,
      diagnostics: [diagnostic(path, 'review/unwritable', `Cannot write the decisions file (${code})`)],
    };
  }
}
