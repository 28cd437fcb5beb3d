// `analyse eval <gold.yaml>`: agreement of the coder with a gold file (accuracy, polarity accuracy,
// Cohen's kappa, per-code P/R/F1, confusion matrix, bootstrap intervals); --json for machines; --cv for
// cross-validated figures (each item coded by a model that did not learn from it).
import { type Command, Option } from 'commander';
import { crossValidate } from '../app/cross-validate.js';
import type { Abstain } from '../eval/evaluate.js';
import { evaluate } from '../eval/evaluate.js';
import { loadGold } from '../eval/gold.js';
import { readText } from '../io/read-text.js';
import { evalText } from '../render/eval-report.js';
import { type CodingFlags, codingFrom, UsageError, valueOr, withCodingOptions } from './context.js';
import { DEFAULT_CODEBOOK } from './export-codebook.js';

interface EvalFlags extends CodingFlags {
  abstain: Abstain;
  json?: boolean;
  items?: boolean;
  cv?: boolean;
}

export function registerEval(program: Command): void {
  withCodingOptions(program.command('eval <gold>'), DEFAULT_CODEBOOK)
    .description('measure the coding against a gold file (YAML list of id, code, text)')
    .option('--json', 'print the figures as JSON on stdout')
    .option('--items', 'list every item with its prediction')
    .addOption(
      new Option(
        '--abstain <when>',
        'may a prediction be none: auto (when the gold file has none items), always, never',
      )
        .choices(['auto', 'always', 'never'])
        .default('auto'),
    )
    .option(
      '--cv',
      'cross-validate: code each item with a model fitted on the training items and the other gold items (leave one out)',
    )
    .addHelpText(
      'after',
      '\nExamples:\n  $ analyse eval ../shared/gold/dev-quotes.yaml\n  $ analyse eval dev-passages.yaml --learn-from dev-quotes.yaml\n  $ analyse eval gold.yaml --cv --json | jq .kappa\n',
    )
    .action(async (gold: string, flags: EvalFlags) => {
      try {
        const { setup, morphology } = await codingFrom(flags);
        const text = valueOr(await readText(gold), `cannot read ${gold}`);
        const items = valueOr(loadGold(gold, text), `${gold} is not a gold file`);
        const r = flags.cv
          ? crossValidate(items, gold, setup, flags.abstain)
          : evaluate(items, setup.context, flags.abstain);
        const fitted = flags.cv
          ? 'cross-validated'
          : setup.fitted === 'shipped'
            ? 'shipped weights'
            : 'fitted at run time';
        for (const n of setup.notes) process.stderr.write(`note: ${n}\n`);
        if (flags.json) {
          process.stdout.write(
            `${JSON.stringify({ gold, morphology: morphology.name, model: fitted, ...r.agreement, abstains: r.abstains, macroF1: r.macroF1, intervals: r.intervals, forced: r.forced, items: r.results }, null, 2)}\n`,
          );
        } else {
          process.stdout.write(evalText(gold, `${morphology.name}, ${fitted}`, r, Boolean(flags.items)));
        }
        process.exitCode = 0;
      } catch (e) {
        if (!(e instanceof UsageError)) throw e;
        process.stderr.write(`analyse: ${e.message}\n`);
        process.exitCode = 2;
      }
    });
}
