// `analyse export-codebook`: the codebook alone on stdout, as REFI-QDA (.qdc, for ATLAS.ti, NVivo, MAXQDA,
// QDA Miner), or normalised YAML or JSON. Exit code 2 when the codebook cannot be read or is invalid.
import { type Command, Option } from 'commander';
import type { Codebook } from '../codebook/types.js';
import { renderCodebookCsv } from '../render/codebook-csv.js';
import { renderCodebookJson, renderCodebookYaml } from '../render/codebook-file.js';
import { renderQdc } from '../render/qdc.js';
import type { UiLang } from '../render/ui-strings.js';
import { DEFAULT_CODEBOOK } from './bundled.js';
import { codebookFrom, UsageError } from './context.js';

export { DEFAULT_CODEBOOK };

type ExportFormat = 'qdc' | 'yaml' | 'json' | 'csv';

interface ExportOptions {
  codebook: string;
  format: ExportFormat;
  lang: UiLang;
}

export function registerExportCodebook(program: Command): void {
  program
    .command('export-codebook')
    .description('write the codebook to stdout: REFI-QDA codebook (.qdc), YAML or JSON')
    .option('--codebook <file>', 'codebook file (YAML)', DEFAULT_CODEBOOK)
    .addOption(
      new Option('--format <format>', 'output format (csv: tag,description for Taguette)')
        .choices(['qdc', 'yaml', 'json', 'csv'])
        .default('qdc'),
    )
    .addOption(
      new Option('--lang <lang>', 'language of code names in .qdc and .csv')
        .choices(['fi', 'en', 'sv'])
        .default('fi'),
    )
    .addHelpText(
      'after',
      '\nExample:\n  $ analyse export-codebook --format qdc > digikannustin.qdc\n  $ analyse export-codebook --codebook codebooks/kuntaliitto-2025.yaml --format json\n',
    )
    .action(async (options: ExportOptions) => {
      let codebook: Codebook;
      try {
        codebook = (await codebookFrom(options.codebook)).book;
      } catch (e) {
        if (!(e instanceof UsageError)) throw e;
        process.stderr.write(`analyse: ${e.message}\n`);
        process.exitCode = 2;
        return;
      }
      const output =
        options.format === 'qdc'
          ? renderQdc(codebook, options.lang)
          : options.format === 'yaml'
            ? renderCodebookYaml(codebook)
            : options.format === 'csv'
              ? renderCodebookCsv(codebook, options.lang)
              : renderCodebookJson(codebook);
      process.stdout.write(output);
    });
}
