// The options of `analyse [run] <paths...>` and what they mean for a run. The coding options (codebook,
// morphology, --threshold, --learn-from) come from context.ts's withCodingOptions, the review options
// (--review, --state) from review-options.ts; the run's own are here. To add one: declare it in
// addRunOptions (with a parser from option-values.ts when its value needs checks), add its field to
// RunFlags, and read it in run.ts.

import { type Command, Option } from 'commander';
import { OUTPUT_FILES, OUTPUT_FORMATS, type OutputFormat } from '../app/outputs.js';
import { type CsvOptions, csvFormatFor } from '../render/csv.js';
import type { UiLang } from '../render/ui-strings.js';
import type { CodingFlags } from './context.js';
import { listOf, parseConfidence, parseCount, parseJobs } from './option-values.js';
import { type ReviewFlags, withReviewOptions } from './review-options.js';

export interface RunFlags extends CodingFlags, ReviewFlags {
  out: string;
  json?: boolean;
  strict?: boolean;
  lang: UiLang;
  delimiter?: ',' | ';' | 'tab';
  numbered?: boolean;
  quotes: number;
  formats: OutputFormat[];
  allowList?: string;
  skipNonReports?: boolean;
  quoteConfidence?: number;
  jobs: number | 'auto';
}

/** The run's options after the coding options: the review's (--review, --state), then the run's own. */
export function addRunOptions(command: Command): Command {
  return withReviewOptions(command)
    .option('-o, --out <dir>', 'output folder (written as a whole; files of yours in it stay)', 'out')
    .option('--json', 'print the run summary as JSON on stdout')
    .option('--strict', 'exit 1 when any report could not be read')
    .addOption(
      new Option('--lang <lang>', 'language of labels, headers and CSV separators in the outputs')
        .choices(['fi', 'en', 'sv'])
        .default('fi'),
    )
    .addOption(
      new Option(
        '--delimiter <char>',
        "CSV delimiter (default ';' with decimal commas for fi and sv, ',' for en)",
      ).choices([',', ';', 'tab']),
    )
    .option('--numbered', 'number anonymised entities within a report ([kunta A], [kunta B])')
    .option(
      '--skip-non-reports',
      'leave out documents that are not final reports (syntheses, press releases, slides)',
    )
    .option('--quotes <n>', 'quotes per code', parseCount, 5)
    .option(
      '--quote-confidence <p>',
      "least confidence (0–1) of a coding a quote is taken from (default: the model's strong level)",
      parseConfidence,
    )
    .addOption(
      new Option('--formats <list>', `outputs to write, comma-separated (${OUTPUT_FORMATS.join(',')})`)
        .argParser(listOf(OUTPUT_FORMATS))
        .default([...OUTPUT_FORMATS], 'all'),
    )
    .addOption(
      new Option(
        '--jobs <n>',
        'threads that read, code and anonymise reports (the outputs are the same for any number)',
      )
        .argParser(parseJobs)
        .default('auto', 'one per core, as far as there are reports for them'),
    )
    .option(
      '--allow-list <file>',
      "names that stay (public bodies, products); default: the codebook's allowList, allow-list.yaml beside the codebook, or the bundled one",
    );
}

/** Every file name a run may write into its output folder (for cleaning up after killed runs). */
export const OWN_OUTPUT_NAMES: readonly string[] = Object.values(OUTPUT_FILES).flat();

/** The CSV format of the run: the language's, unless --delimiter says otherwise. */
export function csvOptions(flags: Pick<RunFlags, 'lang' | 'delimiter'>): CsvOptions {
  const d = flags.delimiter === 'tab' ? '\t' : flags.delimiter;
  return csvFormatFor(flags.lang, d);
}

/** The creation date for documents: SOURCE_DATE_EPOCH (reproducible builds) when set, else none. */
export function documentDate(env: NodeJS.ProcessEnv): Date | undefined {
  const raw = env.SOURCE_DATE_EPOCH;
  if (raw === undefined || !/^[0-9]+$/.test(raw.trim())) return undefined;
  return new Date(Number(raw.trim()) * 1000);
}
