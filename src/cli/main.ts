// The command line: commander lives here and nowhere else. Subcommands register themselves.
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { registerAgree } from './agree.js';
import { registerAnonymise } from './anonymise.js';
import { registerCheckLeaks } from './check-leaks.js';
import { registerEval } from './eval.js';
import { registerExplain } from './explain.js';
import { registerExportCodebook } from './export-codebook.js';
import { registerImportCodebook } from './import-codebook.js';
import { registerImportReview } from './import-review.js';
import { registerReview } from './review.js';
import { registerRun } from './run.js';

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

export function buildProgram(): Command {
  const program = new Command('analyse')
    .description(
      'Qualitative analysis of municipal digitalisation project final reports: code them with a codebook,\ncount themes per report, and export anonymised quotes.',
    )
    .version(version(), '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: (s) => process.stdout.write(s), writeErr: (s) => process.stderr.write(s) })
    .showHelpAfterError('(run `analyse --help` for usage)');
  registerRun(program);
  registerEval(program);
  registerExplain(program);
  registerAnonymise(program);
  registerCheckLeaks(program);
  registerExportCodebook(program);
  registerImportCodebook(program);
  registerImportReview(program);
  registerAgree(program);
  registerReview(program);
  program.addHelpText(
    'after',
    '\nExamples:\n  $ analyse reports/                      # tables, matrix and anonymised quotes in out/\n  $ analyse eval ../shared/gold/dev-quotes.yaml\n  $ analyse explain reports/x.md --line 40\n  $ analyse anonymise reports/x.md > x.anon.md\n  $ analyse check-leaks out/\n',
  );
  for (const sub of program.commands) sub.exitOverride();
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end with code 0; usage errors with 2.
      return e.exitCode === 0 ? 0 : 2;
    }
    throw e;
  }
  return typeof process.exitCode === 'number' ? process.exitCode : 0;
}
