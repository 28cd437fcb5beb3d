// Where a codebook's training comes from when it has no examples of its own. A copied codebook
// (`cp codebooks/digikannustin-2020.yaml my/oma.yaml`) carries the same codes as a bundled one, so the
// bundled examples and weights describe it: they are used, with a note. A new codebook without examples
// gets the default codebook's fitted feature weights (the features are the same for every theme: topic
// evidence, polarity agreement, section, goal/record flags), also with a note, never a model fitted on
// nothing (which codes every paragraph).
import { basename } from 'node:path';
import { loadCodebook } from '../codebook/load.js';
import { readText } from '../io/read-text.js';

/** The bundled codebook whose codes are exactly these, if any. */
export async function bundledTwin(
  codes: ReadonlySet<string>,
  bundled: readonly string[],
): Promise<string | undefined> {
  for (const path of bundled) {
    const text = await readText(path);
    if (!text.ok) continue;
    const book = loadCodebook(path, text.value);
    if (!book.ok) continue;
    const theirs = book.value.themes.map((t) => t.code);
    if (theirs.length === codes.size && theirs.every((c) => codes.has(c))) return path;
  }
  return undefined;
}

export const twinNote = (own: string, twin: string): string =>
  `no examples beside ${basename(own)}: it has the codes of the bundled ${basename(twin)}, whose examples and weights are used`;

export const genericNote = (own: string, fallback: string): string =>
  `no examples for ${basename(own)}: coding with the feature weights fitted for the bundled ${basename(fallback)}; write examples (see README, Codebooks) or learn from your decisions (--learn-from) to fit its own`;
