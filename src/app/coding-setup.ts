// Everything the coder needs for a run, assembled once: the compiled codebook (through the rules'
// morphology), the training items (the codebook's own examples, plus what the user gives with
// --learn-from), the fitted model (the shipped weights when they were fitted on exactly these items,
// otherwise fitted now), and the lexical model learned from the same items.
import type { CompiledCodebook } from '../codebook/compile.js';
import type { Diagnostic, Result } from '../diagnostics.js';
import { readModel } from '../io/read-model.js';
import { exampleItems, readExampleFiles, readLearnFile } from '../io/read-training.js';
import { fitModel, hashItems, hashVocabulary } from '../learn/fit.js';
import { balanceUserItems, inlineExamples, type TrainingItem } from '../learn/items.js';
import { type LexicalModel, themeLexicon, themeTable } from '../learn/lexical.js';
import type { Rules } from '../rules/compile.js';
import type { CodingContext } from '../tag/paragraph.js';
import { cachedTraining } from './coder-cache.js';
import { bundledTwin, genericNote, twinNote } from './training-source.js';

export interface SetupOptions {
  codebookPath: string;
  compiled: CompiledCodebook;
  rules: Rules;
  learnFrom?: readonly string[];
  threshold?: number;
  /** The bundled codebooks, the default first: training for a codebook that has no examples of its own. */
  bundled?: readonly string[];
}

/** The setup's inputs besides the compiled codebook and rules: plain data (a worker thread gets them). */
export type CodingInputs = Omit<SetupOptions, 'compiled' | 'rules'>;

export interface CodingSetup {
  context: CodingContext;
  items: TrainingItem[];
  /** Where the model's parameters came from. */
  fitted: 'shipped' | 'run';
  notes: string[];
}

/** A codebook's own training: its items, how many came from the examples folder, and (when the build
 * cached them: app/coder-cache.ts) the lexical model fitted on exactly these items. */
interface CodebookTraining {
  items: TrainingItem[];
  fromFolder: number;
  lexical?: LexicalModel;
}

/** The inline examples of the codebook and the items of the examples folder beside `codebookPath`. */
async function codebookTraining(
  codebookPath: string,
  compiled: CompiledCodebook,
): Promise<Result<CodebookTraining>> {
  const files = await readExampleFiles(codebookPath);
  const cached = await cachedTraining(compiled.book, files);
  if (cached) return { ok: true, value: cached };
  const folder = exampleItems(files);
  if (!folder.ok) return folder;
  return {
    ok: true,
    value: { items: [...inlineExamples(compiled.book), ...folder.value], fromFolder: folder.value.length },
  };
}

/** The codebook's own training items: inline examples and the examples folder. */
export async function codebookItems(
  codebookPath: string,
  compiled: CompiledCodebook,
): Promise<Result<TrainingItem[]>> {
  const own = await codebookTraining(codebookPath, compiled);
  return own.ok ? { ok: true, value: own.value.items } : own;
}

export async function codingSetup(options: SetupOptions): Promise<Result<CodingSetup>> {
  const notes: string[] = [];
  let trainingPath = options.codebookPath;
  let own = await codebookTraining(trainingPath, options.compiled);
  if (!own.ok) return own;
  let generic: string | undefined;
  // Inline examples alone (a few per theme, no negatives) are too few to fit a model on.
  if (own.value.fromFolder === 0 && options.bundled && options.bundled.length > 0) {
    const codes = new Set(options.compiled.book.themes.map((t) => t.code));
    const twin = await bundledTwin(codes, options.bundled);
    if (twin) {
      notes.push(twinNote(options.codebookPath, twin));
      trainingPath = twin;
      own = await codebookTraining(twin, options.compiled);
      if (!own.ok) return own;
    } else generic = options.bundled[0];
  }
  const user: TrainingItem[] = [];
  const problems: Diagnostic[] = [];
  const known = new Set(options.compiled.book.themes.map((t) => t.code));
  for (const path of options.learnFrom ?? []) {
    const r = await readLearnFile(path, known);
    if (r.ok) user.push(...r.value);
    else problems.push(...r.diagnostics);
  }
  if (problems.length > 0) return { ok: false, diagnostics: problems };
  const items = balanceUserItems(own.value.items, user);
  const codes = new Set(options.compiled.book.themes.map((t) => t.code));
  const unknown = [...new Set(items.flatMap((i) => i.codes).filter((c) => !codes.has(c)))];
  if (unknown.length > 0)
    return {
      ok: false,
      diagnostics: [
        {
          file: options.learnFrom?.join(', ') || options.codebookPath,
          ruleId: 'learn/unknown-code',
          severity: 'error',
          reason: `Training items name codes the codebook does not have: ${unknown.join(', ')}`,
        },
      ],
    };
  const base = {
    compiled: options.compiled,
    rules: options.rules,
  };
  const learning = (options.learnFrom ?? []).length > 0;
  let context: CodingContext;
  let fitted: CodingSetup['fitted'];
  if (generic !== undefined && !learning) {
    const fallback = await readModel(generic);
    if (fallback.model) {
      notes.push(genericNote(options.codebookPath, generic));
      context = { ...base, model: fallback.model };
      if (options.threshold !== undefined) context.threshold = options.threshold;
      return { ok: true, value: { context, items, fitted: 'shipped', notes } };
    }
  }
  const shipped = learning ? {} : await readModel(trainingPath);
  const current =
    shipped.model !== undefined &&
    shipped.model.fitted.hash === hashItems(items) &&
    shipped.model.fitted.vocabulary === hashVocabulary(base);
  if (shipped.model && current) {
    const themes = options.compiled.book.themes;
    // The build's model was fitted on the codebook's items alone: with the user's items, fit anew.
    const model =
      user.length === 0 && own.value.lexical ? own.value.lexical : themeTable(items, themes).model();
    const lexical = themeLexicon(model, themes);
    context = { ...base, model: shipped.model, lexical };
    fitted = 'shipped';
  } else {
    if (shipped.model)
      notes.push('the shipped weights were fitted on other examples (run `npm run fit`); fitted now');
    else if (shipped.reason && !learning) notes.push(`${shipped.reason}; fitted now`);
    const fit = fitModel(items, base);
    context = { ...base, model: fit.model, lexical: fit.lexical };
    fitted = 'run';
  }
  if (options.threshold !== undefined) context.threshold = options.threshold;
  return { ok: true, value: { context, items, fitted, notes } };
}
