// What every subcommand needs: the codebook (exit 2 on any problem), the morphology in use, and the
// stream manners (colour only on a TTY and never with NO_COLOR).
import { Chalk } from 'chalk';
import { type Command, Option } from 'commander';
import { type CompiledCodebook, compileCodebook } from '../codebook/compile.js';
import { loadCodebook } from '../codebook/load.js';
import { type Diagnostic, formatDiagnostic, type Result } from '../diagnostics.js';
import { readText } from '../io/read-text.js';
import type { LemmaLookup } from '../language/lexicon.js';
import { loadVoikko, type Voikko } from '../language/voikko.js';

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

/** Loads and compiles a codebook; on any problem prints file:line:col diagnostics and throws UsageError. */
export async function codebookFrom(file: string): Promise<CompiledCodebook> {
  const text = valueOr(await readText(file), `cannot read codebook ${file}`);
  return compileCodebook(valueOr(loadCodebook(file, text), `codebook ${file} is not valid`));
}

export type MorphologyChoice = 'auto' | 'snowball' | 'voikko';

export interface Morphology {
  name: 'snowball' | 'voikko';
  lemmas?: LemmaLookup;
  /** The analyser itself, for the anonymiser's proper-noun classes. */
  voikko?: Voikko;
  note?: string;
}

/** Voikko when asked for (or, with auto, when installed); Snowball stems and Finnish rules otherwise. */
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
      note: `Voikko not found (${loaded.reason ?? ''}); using Snowball with Finnish rules`,
    };
  }
  const voikko = loaded.voikko;
  const cache = new Map<string, readonly string[]>();
  const lemmas: LemmaLookup = (lower) => {
    let hit = cache.get(lower);
    if (hit) return hit;
    const out = new Set<string>();
    for (const a of voikko.analyse(lower)) {
      out.add(a.baseform.toLowerCase());
      for (const p of a.parts) out.add(p.toLowerCase());
    }
    hit = [...out];
    if (cache.size < 100_000) cache.set(lower, hit);
    return hit;
  };
  return { name: 'voikko', lemmas, voikko };
}

/** The options every coding command shares: which codebook, which morphology, which threshold. */
export function withCodingOptions(command: Command, defaultCodebook: string, threshold: number): Command {
  return command
    .option('-c, --codebook <file>', 'codebook (YAML)', defaultCodebook)
    .addOption(
      new Option('--morphology <kind>', 'Finnish morphology')
        .choices(['auto', 'snowball', 'voikko'])
        .default('auto'),
    )
    .option('--threshold <score>', 'minimum paragraph score for a code', String(threshold));
}
