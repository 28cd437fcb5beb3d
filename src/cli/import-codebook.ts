// `analyse import-codebook book.qdc > book.yaml`: a REFI-QDA codebook from another QDA program as an
// analyse codebook (YAML on stdout). Terms are not in a .qdc: add them before coding with it.
import { basename, extname } from 'node:path';
import type { Command } from 'commander';
import { readQdc } from '../io/read-qdc.js';
import { renderCodebookYaml } from '../render/codebook-file.js';
import { codebookFromQdc } from '../review/qdc-codebook.js';
import { printDiagnostics } from './context.js';

export function registerImportCodebook(program: Command): void {
  program
    .command('import-codebook <file>')
    .description('write a REFI-QDA codebook (.qdc) as an analyse codebook (YAML) to stdout')
    .option('--id <id>', 'codebook id (default: from the file name)')
    .option('--title <title>', 'codebook title (default: the file name)')
    .addHelpText(
      'after',
      '\nTerms, patterns and examples are not part of a .qdc: the codebook codes nothing until you add terms.\n\nExample:\n  $ analyse import-codebook koodikirja.qdc > codebooks/oma.yaml\n',
    )
    .action(async (file: string, flags: { id?: string; title?: string }) => {
      const codes = await readQdc(file);
      if (!codes.ok) {
        printDiagnostics(codes.diagnostics);
        process.exitCode = 2;
        return;
      }
      const name = basename(file, extname(file));
      const book = codebookFromQdc(codes.value, flags.id ?? name, flags.title ?? name);
      process.stdout.write(renderCodebookYaml(book));
      process.stderr.write(
        `analyse: ${book.themes.length} codes from ${file}; add terms to each before coding with it\n`,
      );
    });
}
