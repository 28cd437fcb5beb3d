// `analyse explain <file> [--line N]`: every paragraph's (or the one at line N's) confidence per code, with
// the model's features, their fitted weights, and the terms and cues behind them.
import type { Command } from 'commander';
import { readReport } from '../io/read-report.js';
import { codeDocument } from '../pipeline.js';
import { explainText } from '../render/explain.js';
import { type CodingFlags, codingFrom, UsageError, valueOr, withCodingOptions } from './context.js';
import { DEFAULT_CODEBOOK } from './export-codebook.js';
import { parseLineNumber } from './option-values.js';

export function registerExplain(program: Command): void {
  withCodingOptions(program.command('explain <file>'), DEFAULT_CODEBOOK)
    .description(
      "show each paragraph's confidence per code and the features, weights, terms and cues behind it",
    )
    .option('-l, --line <n>', 'only the paragraph at this line', parseLineNumber)
    .addHelpText('after', '\nExample:\n  $ analyse explain reports/ylasavo-sahkoinen-asiointi.md --line 64\n')
    .action(async (file: string, flags: CodingFlags & { line?: number }) => {
      try {
        const { setup } = await codingFrom(flags);
        const doc = valueOr(await readReport(file), `cannot analyse ${file}`);
        const threshold = setup.context.threshold ?? setup.context.model.threshold;
        const coded = codeDocument(doc, setup.context, { keep: true });
        const line = flags.line;
        const taggings =
          line === undefined
            ? coded.taggings
            : coded.taggings.filter(
                (t) => t.segment.startPoint.line <= line && line <= t.segment.endPoint.line,
              );
        if (line !== undefined && taggings.length === 0)
          throw new UsageError(`no coded paragraph at line ${line} of ${file}`);
        process.stdout.write(explainText(file, taggings, setup.context.model, threshold));
        if (coded.folded) process.stderr.write('note: ä/ö folded (the text shows OCR umlaut loss)\n');
      } catch (e) {
        if (!(e instanceof UsageError)) throw e;
        process.stderr.write(`analyse: ${e.message}\n`);
        process.exitCode = 2;
      }
    });
}
