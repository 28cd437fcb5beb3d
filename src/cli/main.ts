// The command line: commander lives here and nowhere else. Subcommands load lazily: only the one the
// arguments name is imported (each pulls in its own part of the tool and its libraries), so that
// `analyse --version` and `--help` start in a blink. The top-level help lists every subcommand from the
// table below; test/cli-main.test.ts checks the table against the subcommands' own definitions.
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { startOutputsThreadEarly } from '../app/outputs-thread.js';
import { HELP_OR_VERSION } from './help-or-version.js';

type Register = (program: Command) => void;

interface Subcommand {
  /** How the top-level help names it: name, "[options]" and its arguments. */
  term: string;
  /** Its description, as its module registers it. */
  summary: string;
  load: () => Promise<Register>;
}

/** Every subcommand, in the order of the help. A new one is one entry here. */
export const SUBCOMMANDS: Readonly<Record<string, Subcommand>> = {
  run: {
    term: 'run [options] [paths...]',
    summary: 'analyse the reports in the given folders and files (the default command)',
    load: async () => (await import('./run.js')).registerRun,
  },
  eval: {
    term: 'eval [options] <gold>',
    summary: 'measure the coding against a gold file (YAML list of id, code, text)',
    load: async () => (await import('./eval.js')).registerEval,
  },
  explain: {
    term: 'explain [options] <file>',
    summary: "show each paragraph's confidence per code and the features, weights, terms and cues behind it",
    load: async () => (await import('./explain.js')).registerExplain,
  },
  anonymise: {
    term: 'anonymise [options] <file>',
    summary:
      'print a report with municipalities, regions, persons, firms, project names and contacts replaced',
    load: async () => (await import('./anonymise.js')).registerAnonymise,
  },
  'check-leaks': {
    term: 'check-leaks [options] <dir>',
    summary:
      'scan exported files for identifiers found in the sources and for any known municipality or name',
    load: async () => (await import('./check-leaks.js')).registerCheckLeaks,
  },
  'export-codebook': {
    term: 'export-codebook [options]',
    summary: 'write the codebook to stdout: REFI-QDA codebook (.qdc), YAML or JSON',
    load: async () => (await import('./export-codebook.js')).registerExportCodebook,
  },
  'import-codebook': {
    term: 'import-codebook [options] <file>',
    summary: 'write a REFI-QDA codebook (.qdc) as an analyse codebook (YAML) to stdout',
    load: async () => (await import('./import-codebook.js')).registerImportCodebook,
  },
  review: {
    term: 'review [options] <paths...>',
    summary: 'review the codings in a local web page (127.0.0.1 only), keyboard first',
    load: async () => (await import('./review.js')).registerReview,
  },
  'import-review': {
    term: 'import-review [options] <file> [reports...]',
    summary: 'merge decisions from a filled-in review.xlsx, or QualCoder codings (.qdpx), into review.csv',
    load: async () => (await import('./import-review.js')).registerImportReview,
  },
  agree: {
    term: 'agree [options] <a> <b>',
    summary: "agreement of two coders: Cohen's kappa per code, Krippendorff's alpha, the confusion",
    load: async () => (await import('./agree.js')).registerAgree,
  },
};

/** The subcommand that runs when the arguments name none. */
const DEFAULT_SUBCOMMAND = 'run';

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

/**
 * `analyse reports/ --help` should show the run's options, not the program's: with a default command,
 * commander answers --help before it knows the command. Puts the default command in front of a first
 * argument that names no command.
 */
export function withDefaultCommand(argv: readonly string[]): string[] {
  const first = argv[2];
  const asksHelp = argv.slice(2).some((a) => a === '--help' || a === '-h');
  if (
    first === undefined ||
    !asksHelp ||
    Object.hasOwn(SUBCOMMANDS, first) ||
    ['help', '-h', '--help', '-V', '--version'].includes(first)
  )
    return [...argv];
  return [...argv.slice(0, 2), DEFAULT_SUBCOMMAND, ...argv.slice(2)];
}

/** The program without subcommands: name, description, --version, manners, examples. */
function baseProgram(): Command {
  const program = new Command('analyse')
    .description(
      'Qualitative analysis of municipal digitalisation project final reports: code them with a codebook,\ncount themes per report, and export anonymised quotes.',
    )
    .version(version(), '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: (s) => process.stdout.write(s), writeErr: (s) => process.stderr.write(s) })
    .showHelpAfterError('(run `analyse --help` for usage)');
  program.addHelpText(
    'after',
    '\nExamples:\n  $ analyse reports/                      # tables, matrix and anonymised quotes in out/\n  $ analyse eval ../shared/gold/dev-quotes.yaml\n  $ analyse explain reports/x.md --line 40\n  $ analyse anonymise reports/x.md > x.anon.md\n  $ analyse check-leaks out/\n',
  );
  return program;
}

/**
 * Which subcommands the arguments need: the one they name (also after "help"), the default one when
 * they name none, or none at all for the top-level help and --version.
 */
export function neededSubcommands(args: readonly string[]): string[] {
  const first = args.find((a) => !a.startsWith('-'));
  if (first === 'help') {
    const named = args[args.indexOf('help') + 1];
    return named && named in SUBCOMMANDS ? [named] : [];
  }
  if (first !== undefined && first in SUBCOMMANDS) return [first];
  if (first === undefined && args.some((a) => HELP_OR_VERSION.includes(a))) return [];
  return [DEFAULT_SUBCOMMAND];
}

/** The program with the given subcommands really registered, or (none given) listed for the help only. */
export async function buildProgram(names: readonly string[]): Promise<Command> {
  const program = baseProgram();
  if (names.length === 0) {
    // The top-level help: every subcommand listed from the table, none loaded.
    const terms = new Map(Object.entries(SUBCOMMANDS).map(([name, s]) => [name, s.term]));
    terms.set('help', 'help [command]'); // commander's own help command
    program.configureHelp({ subcommandTerm: (cmd) => terms.get(cmd.name()) ?? cmd.name() });
    for (const [name, s] of Object.entries(SUBCOMMANDS)) program.command(name).description(s.summary);
    return program;
  }
  for (const name of names) {
    const register = await (SUBCOMMANDS[name] as Subcommand).load();
    register(program);
  }
  for (const sub of program.commands) sub.exitOverride();
  return program;
}

/**
 * A reader that stops early (`analyse --help | head -1`) closes the pipe while the tool still writes:
 * end quietly, as Unix tools do, instead of crashing on an unhandled EPIPE. Nothing is lost that the
 * reader wanted; a run has written its output folder before it prints its summary.
 */
function endQuietlyWhenPipeCloses(stream: NodeJS.WriteStream): void {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  });
}

export async function main(argv: string[]): Promise<number> {
  endQuietlyWhenPipeCloses(process.stdout);
  endQuietlyWhenPipeCloses(process.stderr);
  const args = argv.slice(2);
  const needed = neededSubcommands(args);
  // A run's outputs thread starts before the run's modules load (app/outputs-thread.ts).
  if (
    needed[0] === DEFAULT_SUBCOMMAND &&
    args[0] !== 'help' &&
    !args.some((a) => HELP_OR_VERSION.includes(a))
  )
    startOutputsThreadEarly();
  const program = await buildProgram(needed);
  try {
    await program.parseAsync(withDefaultCommand(argv));
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end with code 0; usage errors with 2.
      return e.exitCode === 0 ? 0 : 2;
    }
    throw e;
  }
  return typeof process.exitCode === 'number' ? process.exitCode : 0;
}
