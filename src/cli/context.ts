// What every subcommand needs: the codebook (exit 2 on any problem), the morphology in use, and the
// stream manners (colour only on a TTY and never with NO_COLOR).
import { extname } from 'node:path';
import { Chalk } from 'chalk';
import { type Command, Option } from 'commander';
import { type CodingInputs, type CodingSetup, codingSetup } from '../app/coding-setup.js';
import { type CompiledCodebook, compileCodebook } from '../codebook/compile.js';
import { loadCodebook } from '../codebook/load.js';
import { type Diagnostic, formatDiagnostic, type Result } from '../diagnostics.js';
import { cachedLoad } from '../io/load-cache.js';
import { readRules } from '../io/read-rules.js';
import { readText } from '../io/read-text.js';
import { loadVoikko, type Voikko } from '../language/voikko.js';
import type { Rules } from '../rules/compile.js';
import { BUNDLED_CODEBOOKS } from './bundled.js';
import { parseConfidence } from './option-values.js';

export class UsageError extends Error {}

export function colours(stream: NodeJS.WriteStream): InstanceType<typeof Chalk> {
  const enabled = Boolean(stream.isTTY) && !('NO_COLOR' in process.env) && process.env.TERM !== 'dumb';
  return new Chalk({ level: enabled ? 1 : 0 });
}

export function printDiagnostics(list: readonly Diagnostic[]): void {
  const c = colours(process.stderr);
  for (const d of list) {
    const line = formatDiagnostic(d);
    process.stderr.write(
      `${d.severity === 'error' ? c.red(line) : d.severity === 'warning' ? c.yellow(line) : line}\n`,
    );
  }
}

/** The value of a Result; otherwise prints its diagnostics and throws a UsageError (exit 2). */
export function valueOr<T>(result: Result<T>, message: string): T {
  if (result.ok) return result.value;
  printDiagnostics(result.diagnostics);
  throw new UsageError(message);
}

let rules: Rules | undefined;

/** The shipped rules (rules/<lang>/*.yaml); a broken rule file is a usage error with its place. */
export function rulesOrExit(): Rules {
  rules ??= valueOr(readRules(), 'the rule files are not valid');
  return rules;
}

/** Loads and compiles a codebook; on any problem prints file:line:col diagnostics and throws UsageError. */
export async function codebookFrom(file: string): Promise<CompiledCodebook> {
  return (await codebookWithText(file)).compiled;
}

/** The codebook and its text (which also names the codebook's own allow-list). */
export async function codebookWithText(file: string): Promise<{ compiled: CompiledCodebook; text: string }> {
  const text = valueOr(await readText(file), `cannot read codebook ${file}`);
  // A REFI-QDA codebook is XML: YAML errors about it would only confuse.
  if (extname(file).toLowerCase() === '.qdc' || /^\s*<(\?xml|CodeBook)\b/.test(text))
    throw new UsageError(
      `${file} is a REFI-QDA codebook (.qdc), not a YAML codebook: convert it first with \`analyse import-codebook ${file} > codebook.yaml\``,
    );
  const compiled = compileCodebook(
    valueOr(cachedLoad('codebook', file, text, loadCodebook), `codebook ${file} is not valid`),
    rulesOrExit(),
  );
  return { compiled, text };
}

export interface CodingFlags {
  codebook: string;
  morphology: MorphologyChoice;
  /** A confidence in (0, 1) (parseConfidence), or undefined for the model's own. */
  threshold?: number;
  learnFrom?: string[];
}

/** What the coder is set up from, besides the codebook and rules (a run's worker threads get the same). */
export function codingInputs(flags: CodingFlags): CodingInputs {
  return {
    codebookPath: flags.codebook,
    learnFrom: flags.learnFrom ?? [],
    bundled: BUNDLED_CODEBOOKS,
    ...(flags.threshold !== undefined ? { threshold: flags.threshold } : {}),
  };
}

/** The codebook (and its text), morphology and fitted model every coding command uses. */
export async function codingFrom(flags: CodingFlags): Promise<{
  setup: CodingSetup;
  morphology: Morphology;
  compiled: CompiledCodebook;
  codebookText: string;
}> {
  const { compiled, text } = await codebookWithText(flags.codebook);
  const morphology = morphologyFor(flags.morphology);
  const setup = valueOr(
    await codingSetup({ ...codingInputs(flags), compiled, rules: rulesOrExit() }),
    'cannot fit the coding model',
  );
  return { setup, morphology, compiled, codebookText: text };
}

export type MorphologyChoice = 'auto' | 'snowball' | 'voikko';

/**
 * Which Finnish morphology the anonymiser uses for proper-noun classes. The coder never depends on it: it
 * reads terms and cues through the rule morphology (rules/fi/inflection-*.yaml), so codes are the same
 * with and without Voikko.
 */
export interface Morphology {
  name: 'snowball' | 'voikko';
  /** The analyser itself, for the anonymiser's proper-noun classes. */
  voikko?: Voikko;
  note?: string;
}

/** Voikko when asked for (or, with auto, when installed); the rule morphology alone otherwise. */
export function morphologyFor(choice: MorphologyChoice): Morphology {
  if (choice === 'snowball') return { name: 'snowball' };
  const loaded = loadVoikko();
  if (!loaded.voikko) {
    if (choice === 'voikko')
      throw new UsageError(
        `--morphology voikko: Voikko is not available (${loaded.reason ?? 'unknown reason'}); install libvoikko1 and voikko-fi`,
      );
    return {
      name: 'snowball',
      note: `Voikko not found (${loaded.reason ?? ''}); names are recognised without it`,
    };
  }
  return { name: 'voikko', voikko: loaded.voikko };
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** The options every coding command shares: codebook, morphology, threshold, what to learn from. */
export function withCodingOptions(command: Command, defaultCodebook: string): Command {
  return command
    .option('-c, --codebook <file>', 'codebook (YAML)', defaultCodebook)
    .addOption(
      new Option('--morphology <kind>', 'Finnish morphology')
        .choices(['auto', 'snowball', 'voikko'])
        .default('auto'),
    )
    .option(
      '--threshold <confidence>',
      "minimum confidence for a code, between 0 and 1 (default: the fitted model's)",
      parseConfidence,
    )
    .option(
      '--learn-from <file>',
      'also fit the coding model on a gold file (id, code, text) or a decisions file (review.csv); repeatable',
      collect,
      [],
    );
}
