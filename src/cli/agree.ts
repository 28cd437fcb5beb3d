// `analyse agree A B`: agreement of two coders at paragraph level — two reviewers' decisions files, or a
// decisions file and a run's codings.csv. Per code Cohen's kappa, overall Krippendorff's alpha, percent
// agreement and the confusion, on stdout. Exit 2 when a file cannot be read.
import type { Command } from 'commander';
import { readText } from '../io/read-text.js';
import { agreeJson, agreeText } from '../render/agree-report.js';
import { compareCoders } from '../review/agree.js';
import { coderViewOf } from '../review/coder-file.js';
import { codebookFrom, printDiagnostics, UsageError, valueOr } from './context.js';
import { DEFAULT_CODEBOOK } from './export-codebook.js';

interface AgreeFlags {
  aReviewer?: string;
  bReviewer?: string;
  codebook: string;
  json?: boolean;
}

export function registerAgree(program: Command): void {
  program
    .command('agree <a> <b>')
    .description("agreement of two coders: Cohen's kappa per code, Krippendorff's alpha, the confusion")
    .option('--a-reviewer <name>', "only this reviewer's rows of A (a decisions file)")
    .option('--b-reviewer <name>', "only this reviewer's rows of B (a decisions file)")
    .option('-c, --codebook <file>', 'codebook, for the order of codes', DEFAULT_CODEBOOK)
    .option('--json', 'print the report as JSON')
    .addHelpText(
      'after',
      '\nExample:\n  $ analyse agree maija.csv pekka.csv\n  $ analyse agree review.csv out/codings.csv\n  $ analyse agree review.csv review.csv --a-reviewer Maija --b-reviewer Pekka\n',
    )
    .action(async (a: string, b: string, flags: AgreeFlags) => {
      try {
        const order = (await codebookFrom(flags.codebook)).book.themes.map((t) => t.code);
        const view = async (file: string, reviewer?: string) => {
          const text = valueOr(await readText(file), `cannot read ${file}`);
          const read = coderViewOf(file, text, reviewer);
          const value = valueOr(read, `cannot compare ${file}`);
          if (read.ok && read.diagnostics) printDiagnostics(read.diagnostics);
          return value;
        };
        const report = compareCoders(await view(a, flags.aReviewer), await view(b, flags.bReviewer), order);
        process.stdout.write(flags.json ? agreeJson(report) : agreeText(report));
        if (report.units === 0)
          process.stderr.write('analyse: no paragraph was coded by either coder among those both judged\n');
      } catch (e) {
        if (!(e instanceof UsageError)) throw e;
        process.stderr.write(`analyse: ${e.message}\n`);
        process.exitCode = 2;
      }
    });
}
