// `analyse import-review <file> [reports...]`: decisions made in out/review.xlsx, or codings made in
// QualCoder and exported as .qdpx, merged into the decisions file (review.csv). Exit 2 on a file that
// cannot be read; rows that say nothing usable are skipped with a warning.
import { userInfo } from 'node:os';
import { extname } from 'node:path';
import { type Command, Option } from 'commander';
import { mergeIntoDecisionsFile } from '../app/review-import.js';
import { importQdpxDecisions } from '../app/review-qdpx.js';
import type { Diagnostic } from '../diagnostics.js';
import { readReviewWorkbook } from '../io/read-review-xlsx.js';
import type { Decision } from '../review/decisions.js';
import { decisionsFromRows } from '../review/import-rows.js';
import { codebookFrom, printDiagnostics, UsageError, valueOr } from './context.js';
import { DEFAULT_CODEBOOK } from './export-codebook.js';

interface ImportFlags {
  review: string;
  reviewer?: string;
  codebook: string;
  delimiter: ',' | ';' | 'tab';
  original?: string;
}

/** Who decides when the file does not say: --reviewer, else the login name. */
export function defaultReviewer(given?: string): string {
  if (given && given.trim() !== '') return given.trim();
  try {
    return userInfo().username;
  } catch {
    return 'reviewer';
  }
}

export function registerImportReview(program: Command): void {
  program
    .command('import-review <file> [reports...]')
    .description(
      'merge decisions from a filled-in review.xlsx, or QualCoder codings (.qdpx), into review.csv',
    )
    .option('--review <file>', 'the decisions file to merge into (created when absent)', 'review.csv')
    .option('--reviewer <name>', 'who made the decisions in the workbook (default: your login name)')
    .option('-c, --codebook <file>', 'codebook (YAML) the codes belong to', DEFAULT_CODEBOOK)
    .addOption(
      new Option('--delimiter <char>', 'delimiter of a new decisions file')
        .choices([',', ';', 'tab'])
        .default(','),
    )
    .option(
      '--original <qdpx>',
      'with a .qdpx: the project.qdpx analyse wrote; its codings missing now become rejects',
    )
    .addHelpText(
      'after',
      '\nExample:\n  $ analyse import-review out/review.xlsx --review review.csv --reviewer Maija\n  $ analyse import-review koodattu.qdpx reports/ --original out/project.qdpx\n',
    )
    .action(async (file: string, reports: string[], flags: ImportFlags) => {
      try {
        process.exitCode = await importReview(file, reports, flags);
      } catch (e) {
        if (!(e instanceof UsageError)) throw e;
        process.stderr.write(`analyse: ${e.message}\n`);
        process.exitCode = 2;
      }
    });
}

async function importReview(file: string, reports: string[], flags: ImportFlags): Promise<number> {
  const book = (await codebookFrom(flags.codebook)).book;
  const codes = new Set(book.themes.map((t) => t.code));
  const who = {
    reviewer: defaultReviewer(flags.reviewer),
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
  };
  const ext = extname(file).toLowerCase();
  let decisions: Decision[];
  let diagnostics: Diagnostic[];
  if (ext === '.xlsx') {
    const rows = valueOr(await readReviewWorkbook(file), `cannot import ${file}`);
    ({ decisions, diagnostics } = decisionsFromRows(file, rows, who, codes));
  } else if (ext === '.qdpx') {
    if (reports.length === 0)
      throw new UsageError(
        'a .qdpx is matched to the reports it was made from: name them, e.g. `import-review x.qdpx reports/`',
      );
    const read = await importQdpxDecisions(file, reports, book, who, flags.original);
    const value = valueOr(read.ok ? { ok: true, value: read } : read, `cannot import ${file}`);
    decisions = value.decisions;
    diagnostics = value.diagnostics;
  } else
    throw new UsageError(
      `import-review reads a review workbook (.xlsx) or a REFI-QDA project (.qdpx), not ${file}`,
    );
  const merged = valueOr(
    await mergeIntoDecisionsFile(
      flags.review,
      decisions,
      flags.delimiter === 'tab' ? '\t' : flags.delimiter,
      diagnostics,
    ),
    `cannot update ${flags.review}`,
  );
  printDiagnostics(merged.diagnostics);
  process.stderr.write(
    `analyse: ${merged.imported} decisions from ${file} merged into ${flags.review} (${merged.replaced} replaced earlier ones; ${merged.total} rows now)\n`,
  );
  return 0;
}
