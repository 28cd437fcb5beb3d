// `analyse eval <gold.yaml>`: agreement of the coder with a gold file (accuracy, polarity accuracy,
// Cohen's kappa, per-code P/R/F1, confusion matrix); --json for machines.
import type { Command } from 'commander';
import { evaluate } from '../eval/evaluate.js';
import { loadGold } from '../eval/gold.js';
import { readText } from '../io/read-text.js';
import { evalText } from '../render/eval-report.js';
import { DEFAULT_THRESHOLD } from '../tag/score.js';
import {
  codebookFrom,
  type MorphologyChoice,
  morphologyFor,
  UsageError,
  valueOr,
  withCodingOptions,
} from './context.js';
import { DEFAULT_CODEBOOK } from './export-codebook.js';

export function registerEval(program: Command): void {
  withCodingOptions(program.command('eval <gold>'), DEFAULT_CODEBOOK, DEFAULT_THRESHOLD)
    .description('measure the coding against a gold file (YAML list of id, code, text)')
    .option('--json', 'print the figures as JSON on stdout')
    .option('--items', 'list every item with its prediction')
    .addHelpText(
      'after',
      '\nExample:\n  $ analyse eval ../shared/gold/dev-quotes.yaml\n  $ analyse eval gold.yaml --json | jq .kappa\n',
    )
    .action(
      async (
        gold: string,
        flags: {
          codebook: string;
          json?: boolean;
          morphology: MorphologyChoice;
          threshold: string;
          items?: boolean;
        },
      ) => {
        try {
          const compiled = await codebookFrom(flags.codebook);
          const morphology = morphologyFor(flags.morphology);
          const text = valueOr(await readText(gold), `cannot read ${gold}`);
          const items = valueOr(loadGold(gold, text), `${gold} is not a gold file`);
          const r = evaluate(items, compiled, {
            threshold: Number(flags.threshold),
            ...(morphology.lemmas ? { lemmas: morphology.lemmas } : {}),
          });
          if (flags.json) {
            process.stdout.write(
              `${JSON.stringify({ gold, morphology: morphology.name, ...r.agreement, items: r.results }, null, 2)}\n`,
            );
          } else {
            process.stdout.write(evalText(gold, morphology.name, r, Boolean(flags.items)));
          }
          process.exitCode = 0;
        } catch (e) {
          if (!(e instanceof UsageError)) throw e;
          process.stderr.write(`analyse: ${e.message}\n`);
          process.exitCode = 2;
        }
      },
    );
}
