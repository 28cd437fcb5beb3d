// import-review: decisions made elsewhere (a filled-in review.xlsx, a QualCoder project) merged into the
// decisions file. Merging replaces a reviewer's own earlier decision on the same paragraph and code and
// keeps every other row, orphaned ones included; the file is rewritten atomically in its own delimiter.
import type { Diagnostic, Result } from '../diagnostics.js';
import { readDecisionsIfAny, writeDecisionsFile } from '../io/decisions-file.js';
import { type Decision, type Delimiter, mergeDecisions } from '../review/decisions.js';

export interface MergeOutcome {
  /** Decisions read from the imported file. */
  imported: number;
  /** Of those, how many replaced an earlier decision of the same reviewer. */
  replaced: number;
  /** Rows in the decisions file afterwards. */
  total: number;
  diagnostics: Diagnostic[];
}

/** Merges decisions into the decisions file (created when absent). */
export async function mergeIntoDecisionsFile(
  path: string,
  incoming: readonly Decision[],
  delimiter: Delimiter,
  diagnostics: Diagnostic[] = [],
): Promise<Result<MergeOutcome>> {
  const existing = await readDecisionsIfAny(path);
  if (!existing.ok) return existing;
  const before = existing.value.decisions;
  const merged = mergeDecisions(before, incoming);
  const written = await writeDecisionsFile(path, merged, existing.value.delimiter ?? delimiter);
  if (!written.ok) return written;
  return {
    ok: true,
    value: {
      imported: incoming.length,
      replaced: incoming.length - (merged.length - before.length),
      total: merged.length,
      diagnostics: [...(existing.diagnostics ?? []), ...diagnostics],
    },
  };
}
