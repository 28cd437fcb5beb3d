// `analyse anonymise <file>`: the whole report with every identifier replaced by a case-keeping
// placeholder, on stdout (one analysis of the report). Exit 2 when the report or the allow-list cannot
// be read, or the path is a folder.
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { createAnonymiser, properNounFromVoikko } from '../anonymise/index.js';
import { loadAllowList } from '../io/load-allow-list.js';
import { readReport } from '../io/read-report.js';
import { loadVoikko } from '../language/voikko.js';
import { printDiagnostics } from './context.js';

/** The bundled allow-list (src/cli or dist/cli → ../../codebooks). */
export const DEFAULT_ALLOW_LIST = fileURLToPath(new URL('../../codebooks/allow-list.yaml', import.meta.url));

interface AnonymiseFlags {
  numbered?: boolean;
  allowList: string;
  failClosed: boolean;
  voikko: boolean;
  lang?: 'fi' | 'sv';
}

export function registerAnonymise(program: Command): void {
  program
    .command('anonymise <file>')
    .description(
      'print a report with municipalities, regions, persons, firms, project names and contacts replaced',
    )
    .option('--numbered', 'the same entity gets the same letter within the report ([kunta A], [kunta B])')
    .option('--allow-list <file>', 'terms that stay (public bodies, products)', DEFAULT_ALLOW_LIST)
    .option('--no-fail-closed', 'keep capitalised mid-sentence words that no list knows')
    .option('--no-voikko', 'do not use Voikko for proper nouns even when it is installed')
    .option('--lang <lang>', 'placeholder language, fi or sv (default: per paragraph)')
    .addHelpText(
      'after',
      '\nExample:\n  $ analyse anonymise reports/x.md > x.anon.md\n  $ analyse anonymise --numbered reports/x.md\n',
    )
    .action(async (file: string, flags: AnonymiseFlags) => {
      const allow = await loadAllowList(flags.allowList);
      if (!allow.ok) {
        printDiagnostics(allow.diagnostics);
        process.exitCode = 2;
        return;
      }
      const report = await readReport(file);
      if (!report.ok && report.diagnostics.some((d) => /EISDIR/u.test(d.reason))) {
        process.stderr.write(
          `analyse: ${file} is a folder; anonymise takes one report file (e.g. analyse anonymise ${file.replace(/\/+$/u, '')}/x.md)\n`,
        );
        process.exitCode = 2;
        return;
      }
      if (!report.ok) {
        printDiagnostics(report.diagnostics);
        process.exitCode = 2;
        return;
      }
      const voikko = flags.voikko ? loadVoikko().voikko : undefined;
      const anonymiser = createAnonymiser(
        allow.value,
        voikko ? { properNoun: properNounFromVoikko(voikko) } : {},
      );
      const doc = report.value;
      const result = anonymiser.anonymiseReport(doc.report, doc.text, {
        failClosed: flags.failClosed,
        ...(flags.numbered ? { numbered: true } : {}),
        ...(flags.lang === 'fi' || flags.lang === 'sv' ? { lang: flags.lang } : {}),
      });
      voikko?.close();
      process.stdout.write(result.text.endsWith('\n') ? result.text : `${result.text}\n`);
      process.stderr.write(`analyse: ${result.replacements.length} identifiers replaced in ${file}\n`);
    });
}
