// A worker thread's own coder and anonymiser, built from the same inputs as the main thread's: the coder's
// (the codebook file, what to learn from, the threshold, the bundled codebooks), whether Voikko serves the
// anonymiser, the allow-list.
// Loading and fitting are deterministic, so every thread codes and anonymises a report exactly alike.
import { createAnonymiser, properNounFromVoikko } from '../anonymise/index.js';
import type { AllowList } from '../anonymise/types.js';
import { compileCodebook } from '../codebook/compile.js';
import { loadCodebook } from '../codebook/load.js';
import { formatDiagnostic, type Result } from '../diagnostics.js';
import { cachedLoad } from '../io/load-cache.js';
import { loadGenreRules } from '../io/load-genre-rules.js';
import { readRules } from '../io/read-rules.js';
import { readText } from '../io/read-text.js';
import type { GenreRules } from '../language/genre-rules.js';
import { loadVoikko } from '../language/voikko.js';
import { type CodingInputs, codingSetup } from './coding-setup.js';
import type { ReportRunner } from './report-job.js';

/** Plain data (it crosses to a worker thread as workerData). */
export interface RunnerSpec {
  /** Exactly what the main thread set its coder up from (cli/context.ts codingInputs). */
  coding: CodingInputs;
  /** The main thread found Voikko and gives the anonymiser its proper-noun classes. */
  voikko: boolean;
  allowList: AllowList;
  /** Flag documents that are not final reports (the first look at each file). */
  genres: boolean;
}

export interface ThreadRunner extends ReportRunner {
  genres?: GenreRules;
}

/** The inputs were checked on the main thread: a failure here is unexpected and says what it was. */
function checked<T>(result: Result<T>, what: string): T {
  if (result.ok) return result.value;
  throw new Error(`${what}: ${result.diagnostics.map(formatDiagnostic).join('; ')}`);
}

export async function runnerFromSpec(spec: RunnerSpec): Promise<ThreadRunner> {
  const rules = checked(readRules(), 'the rule files');
  const path = spec.coding.codebookPath;
  const text = checked(await readText(path), `codebook ${path}`);
  const book = checked(cachedLoad('codebook', path, text, loadCodebook), `codebook ${path}`);
  const compiled = compileCodebook(book, rules);
  const setup = checked(await codingSetup({ ...spec.coding, compiled, rules }), 'the coding model');
  const voikko = spec.voikko ? loadVoikko().voikko : undefined;
  const anonymiser = createAnonymiser(
    spec.allowList,
    voikko ? { properNoun: properNounFromVoikko(voikko) } : {},
  );
  const genres = spec.genres ? checked(await loadGenreRules(), 'the genre rules') : undefined;
  return { coding: setup.context, anonymiser, ...(genres ? { genres } : {}) };
}
