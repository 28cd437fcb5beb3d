// `analyse review reports/`: the review page on 127.0.0.1. Prints its address (with the session's token)
// on stdout; each decision goes to the decisions file at once. Ctrl+C stops it (exit 0).
import { type Command, Option } from 'commander';
import { startReviewServer } from '../app/review-server.js';
import { ReviewSession, ReviewSessionError } from '../app/review-session.js';
import {
  type CodingFlags,
  codingFrom,
  colours,
  printDiagnostics,
  UsageError,
  withCodingOptions,
} from './context.js';
import { DEFAULT_CODEBOOK } from './export-codebook.js';
import { defaultReviewer } from './import-review.js';

interface ReviewFlags extends CodingFlags {
  review: string;
  reviewer?: string;
  port: string;
  lang: 'fi' | 'en' | 'sv';
  delimiter: ',' | ';' | 'tab';
}

export function registerReview(program: Command): void {
  withCodingOptions(program.command('review <paths...>'), DEFAULT_CODEBOOK)
    .description('review the codings in a local web page (127.0.0.1 only), keyboard first')
    .option('--review <file>', 'the decisions file each decision is written to', 'review.csv')
    .option('--reviewer <name>', 'your name in the decisions file (default: your login name)')
    .option('--port <n>', 'port on 127.0.0.1 (default: any free one)', '0')
    .addOption(new Option('--lang <lang>', 'language of the page').choices(['fi', 'en', 'sv']).default('fi'))
    .addOption(
      new Option('--delimiter <char>', 'delimiter of a new decisions file')
        .choices([',', ';', 'tab'])
        .default(','),
    )
    .addHelpText('after', '\nExample:\n  $ analyse review reports/ --review review.csv --reviewer Maija\n')
    .action(async (paths: string[], flags: ReviewFlags) => {
      const c = colours(process.stderr);
      try {
        const { setup, compiled } = await codingFrom(flags);
        const port = Number(flags.port);
        if (!Number.isInteger(port) || port < 0 || port > 65535)
          throw new UsageError('--port must be 0..65535');
        const session = await ReviewSession.open({
          paths,
          compiled,
          coding: setup.context,
          decisionsFile: flags.review,
          reviewer: defaultReviewer(flags.reviewer),
          lang: flags.lang,
          delimiter: flags.delimiter === 'tab' ? '\t' : flags.delimiter,
        });
        printDiagnostics(session.diagnostics);
        const running = await startReviewServer(session, {
          port,
          lang: flags.lang,
          title: compiled.book.title[flags.lang] ?? compiled.book.title.fi,
        });
        process.stdout.write(`${running.url}\n`);
        process.stderr.write(
          `${c.bold('analyse review')}: ${session.list().length} codings; decisions go to ${flags.review}. Open the address above; Ctrl+C stops.\n`,
        );
        await new Promise<void>((resolve) => {
          const stop = () => {
            process.off('SIGINT', stop);
            process.off('SIGTERM', stop);
            void running.close().then(resolve);
          };
          process.on('SIGINT', stop);
          process.on('SIGTERM', stop);
        });
      } catch (e) {
        if (e instanceof ReviewSessionError) {
          printDiagnostics(e.diagnostics);
          process.exitCode = 2;
          return;
        }
        if (!(e instanceof UsageError)) throw e;
        process.stderr.write(`${c.red('analyse:')} ${e.message}\n`);
        process.exitCode = 2;
      }
    });
}
