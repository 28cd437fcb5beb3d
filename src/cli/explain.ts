// `analyse explain <file> [--line N]`: every paragraph's (or the one at line N's) scores per code, with the
// terms and polarity cues behind them.
import type { Command } from 'commander';
import { readReport } from '../io/read-report.js';
import { codeDocument } from '../pipeline.js';
import { explainText } from '../render/explain.js';
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

export function registerExplain(program: Command): void {
  withCodingOptions(program.command('explain <file>'), DEFAULT_CODEBOOK, DEFAULT_THRESHOLD)
    .description("show each paragraph's score per code and the terms and cues behind it")
    .option('-l, --line <n>', 'only the paragraph at this line')
    .addHelpText('after', '\nExample:\n  $ analyse explain reports/ylasavo-sahkoinen-asiointi.md --line 42\n')
    .action(
      async (
        file: string,
        flags: { codebook: string; line?: string; morphology: MorphologyChoice; threshold: string },
      ) => {
        try {
          const compiled = await codebookFrom(flags.codebook);
          const morphology = morphologyFor(flags.morphology);
          const doc = valueOr(await readReport(file), `cannot analyse ${file}`);
          const threshold = Number(flags.threshold);
          const coded = codeDocument(doc, compiled, {
            keep: true,
            threshold,
            ...(morphology.lemmas ? { lemmas: morphology.lemmas } : {}),
          });
          const line = flags.line === undefined ? undefined : Number.parseInt(flags.line, 10);
          const taggings =
            line === undefined
              ? coded.taggings
              : coded.taggings.filter(
                  (t) => t.segment.startPoint.line <= line && line <= t.segment.endPoint.line,
                );
          if (line !== undefined && taggings.length === 0)
            throw new UsageError(`no coded paragraph at line ${line} of ${file}`);
          process.stdout.write(explainText(file, taggings, threshold));
          if (coded.folded) process.stderr.write('note: ä/ö folded (the text shows OCR umlaut loss)\n');
        } catch (e) {
          if (!(e instanceof UsageError)) throw e;
          process.stderr.write(`analyse: ${e.message}\n`);
          process.exitCode = 2;
        }
      },
    );
}
