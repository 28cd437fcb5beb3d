// `analyse <paths...>`: the main job. Data (the --json summary) on stdout, talk on stderr.
// Exit 0 done; 1 done with input problems under --strict; 2 usage or codebook error.
import { join } from 'node:path';
import { type Command, Option } from 'commander';
import { QUOTE_MIN_CONFIDENCE } from '../aggregate/quotes.js';
import { createAnonymiser, findLeaks, properNounFromVoikko } from '../anonymise/index.js';
import { OUTPUT_FORMATS, type OutputFormat, renderOutputs, SHAREABLE, writeOutputs } from '../app/outputs.js';
import { quoteAnonymiser, toolVocabulary } from '../app/quote-anonymiser.js';
import { runAnalysis } from '../app/run-analysis.js';
import { writeInventory } from '../io/leak-inventory.js';
import { loadAllowList } from '../io/load-allow-list.js';
import { loadGenreRules } from '../io/load-genre-rules.js';
import { MANIFEST_FILE, renderManifest } from '../io/manifest.js';
import { Spool } from '../io/spool.js';
import { stateDir } from '../io/state.js';
import { codingsCsvHead, codingsCsvRows } from '../render/csv.js';
import {
  codingFrom,
  colours,
  type MorphologyChoice,
  printDiagnostics,
  UsageError,
  valueOr,
  withCodingOptions,
} from './context.js';
import { DEFAULT_CODEBOOK } from './export-codebook.js';
import { createProgress } from './progress.js';
import {
  aliasTableFor,
  printReviewWarnings,
  type ReviewFlags,
  reviewFor,
  reviewSummaryOf,
  saveAliases,
  withReviewOptions,
} from './review-options.js';
import { type RunSummary, summaryText } from './summary.js';

interface RunFlags extends ReviewFlags {
  out: string;
  codebook: string;
  json?: boolean;
  strict?: boolean;
  morphology: MorphologyChoice;
  lang: 'fi' | 'en' | 'sv';
  delimiter: string;
  numbered?: boolean;
  quotes: string;
  threshold?: string;
  learnFrom?: string[];
  formats: string;
  allowList?: string;
  skipNonReports?: boolean;
  quoteConfidence: string;
}

export function registerRun(program: Command): void {
  withReviewOptions(
    withCodingOptions(program.command('run [paths...]', { isDefault: true }), DEFAULT_CODEBOOK),
  )
    .description('analyse the reports in the given folders and files (the default command)')
    .option('-o, --out <dir>', 'output folder', 'out')
    .option('--json', 'print the run summary as JSON on stdout')
    .option('--strict', 'exit 1 when any report could not be read')
    .addOption(
      new Option('--lang <lang>', 'language of labels in the outputs')
        .choices(['fi', 'en', 'sv'])
        .default('fi'),
    )
    .addOption(
      new Option('--delimiter <char>', "CSV delimiter (';' for Finnish Excel)")
        .choices([',', ';', 'tab'])
        .default(','),
    )
    .option('--numbered', 'number anonymised entities within a report ([kunta A], [kunta B])')
    .option(
      '--skip-non-reports',
      'leave out documents that are not final reports (syntheses, press releases, slides)',
    )
    .option('--quotes <n>', 'quotes per code', '5')
    .option(
      '--quote-confidence <p>',
      'least confidence (0–1) of a coding a quote is taken from',
      String(QUOTE_MIN_CONFIDENCE),
    )
    .option('--formats <list>', `outputs to write (${OUTPUT_FORMATS.join(',')})`, OUTPUT_FORMATS.join(','))
    .option(
      '--allow-list <file>',
      'names that stay (public bodies, products); default: allow-list.yaml beside the codebook',
    )
    .addHelpText(
      'after',
      '\nExample:\n  $ analyse reports/ --out out/ --delimiter ";"\n  $ analyse reports/ --codebook codebooks/kuntaliitto-2025.yaml --json > summary.json\n',
    )
    .action(async (paths: string[], flags: RunFlags) => {
      process.exitCode = await run(paths, flags);
    });
}

async function run(paths: string[], flags: RunFlags): Promise<number> {
  const c = colours(process.stderr);
  let spool: Spool | undefined;
  try {
    if (paths.length === 0)
      throw new UsageError('no reports given: name a folder or files, e.g. `analyse reports/`');
    const formats = new Set(
      flags.formats
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    );
    for (const f of formats)
      if (!(OUTPUT_FORMATS as readonly string[]).includes(f))
        throw new UsageError(`unknown format "${f}" in --formats`);
    const quotesPerCode = Number.parseInt(flags.quotes, 10);
    if (!(quotesPerCode >= 0)) throw new UsageError('--quotes must be a whole number');
    const quoteConfidence = Number(flags.quoteConfidence);
    if (!(quoteConfidence >= 0 && quoteConfidence <= 1))
      throw new UsageError('--quote-confidence must be a number from 0 to 1, e.g. 0.6');
    const { setup, morphology, compiled } = await codingFrom(flags);
    for (const n of setup.notes) process.stderr.write(`${c.dim(`note: ${n}`)}\n`);
    const allow = valueOr(
      await loadAllowList(flags.allowList ?? join(flags.codebook, '..', 'allow-list.yaml')),
      'allow-list is not valid',
    );
    // With Voikko, its proper-noun classes (etunimi, sukunimi, paikannimi) back the name lists.
    const properNoun = morphology.voikko ? { properNoun: properNounFromVoikko(morphology.voikko) } : {};
    const anonymiser = quoteAnonymiser(
      createAnonymiser(allow, properNoun),
      flags.numbered ? { numbered: true } : {},
    );
    let progress: ReturnType<typeof createProgress> | undefined;
    const started = Date.now();
    const review = await reviewFor(flags, compiled.book);
    const aliasTable = await aliasTableFor(flags);
    const csv = {
      delimiter: flags.delimiter === 'tab' ? '\t' : (flags.delimiter as ',' | ';'),
      status: review !== undefined,
    } as const;
    // codings.csv streams out report by report (10,000 reports make hundreds of thousands of rows).
    spool = formats.has('csv') ? new Spool(join(flags.out, 'codings.csv')) : undefined;
    spool?.write(codingsCsvHead(csv));
    const genres = valueOr(await loadGenreRules(), 'the genre rules are not valid');
    const result = await runAnalysis({
      paths,
      genres,
      quoteConfidence,
      ...(flags.skipNonReports ? { skipNonReports: true } : {}),
      out: flags.out,
      compiled,
      coding: setup.context,
      lang: flags.lang,
      quotesPerCode,
      anonymiser,
      keepSources: formats.has('qdpx'),
      keepCodings: formats.has('xlsx') || formats.has('qdpx'),
      onCodings: (codings) => spool?.write(codingsCsvRows(codings, csv)),
      onStart: (total) => {
        progress = createProgress(process.stderr, total, 'analyse');
      },
      onReport: (path) => progress?.tick(path),
      aliasTable,
      ...(review ? { review } : {}),
    });
    progress?.done();
    if (result.missing.length > 0)
      throw new UsageError(`no such file or folder: ${result.missing.join(', ')}`);
    if (result.found === 0)
      throw new UsageError(`no reports (.md, .markdown, .txt, .docx, .pdf) in ${paths.join(', ')}`);
    printDiagnostics(result.diagnostics);
    const reviewed = review?.summary();
    if (reviewed) printReviewWarnings(reviewed);
    const files = await renderOutputs(result.tables, compiled.book, {
      formats: formats as Set<OutputFormat>,
      lang: flags.lang,
      csv,
      sources: result.sources,
      streamed: spool ? ['codings.csv'] : [],
    });
    // The leak check runs on what is about to be shared; a leaking quote was already redacted or dropped,
    // so a hit here means a renderer let something through: say so loudly.
    const shareable = [...files.entries()].filter(([n, v]) => SHAREABLE.has(n) && typeof v === 'string');
    const leaks = findLeaks(
      shareable.map(([file, text]) => ({ file, text: text as string })),
      anonymiser.inventory(),
      { ...anonymiser.leakCheck, known: toolVocabulary([compiled.book]) },
    );
    // The inventory holds personal data: it goes to the state folder, never into the shareable folder.
    await writeInventory(stateDir(flags.state), flags.out, anonymiser.inventory());
    const own = [...files.keys(), ...(spool ? ['codings.csv'] : [])].filter((f) => !f.startsWith('.'));
    files.set(MANIFEST_FILE, renderManifest(own, SHAREABLE));
    const written = await writeOutputs(flags.out, files);
    spool?.commit();
    await saveAliases(flags, result.aliasTable);
    if (spool) written.push('codings.csv');
    written.sort();
    const summary: RunSummary = {
      reports: result.tables.reports.length,
      failed: result.diagnostics.filter((d) => d.severity === 'error').length,
      segments: result.tables.reports.reduce((n, r) => n + r.paragraphs, 0),
      codings: result.codingCount,
      morphology: morphology.name,
      ocrFolded: result.folded,
      quotes: result.tables.quotes.length,
      quotesRedacted: anonymiser.redacted,
      quotesDropped: result.droppedQuotes.length,
      leaks: leaks.length,
      out: flags.out,
      files: written.filter((w) => !w.startsWith('.')),
      seconds: Math.round((Date.now() - started) / 100) / 10,
      counts: result.tables.counts.map((k) => ({ code: k.code, reports: k.reports, segments: k.segments })),
      ...(reviewed ? { review: reviewSummaryOf(reviewed) } : {}),
      duplicates: result.duplicates,
      nonReports: result.nonReports,
    };
    if (morphology.note) process.stderr.write(`${c.dim(morphology.note)}\n`);
    for (const l of leaks)
      process.stderr.write(`${c.red(`${l.file}:${l.line}:${l.column}: leak ${l.kind} "${l.text}"`)}\n`);
    if (flags.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    else process.stderr.write(summaryText(summary, c));
    if (leaks.length > 0) return 1;
    return flags.strict && summary.failed > 0 ? 1 : 0;
  } catch (e) {
    spool?.abort();
    if (e instanceof UsageError) {
      process.stderr.write(`${c.red('analyse:')} ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}
