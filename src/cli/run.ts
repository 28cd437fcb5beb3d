// `analyse <paths...>`: the main job. Data (the --json summary) on stdout, talk on stderr.
// Exit 0 done; 1 done with input problems under --strict, or a leak; 2 usage, codebook or output-folder error.
// The output folder is checked and locked before the reports are read and written as a whole at the end
// (app/output-stage.ts); a failed or interrupted run leaves the previous output as it was.
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import {
  createAnonymiser,
  findLeaks,
  forgetInventoryMatchers,
  properNounFromVoikko,
} from '../anonymise/index.js';
import { beginOutputs, type OutputStage } from '../app/output-stage.js';
import { apartFiles, renderOutputs, SHAREABLE } from '../app/outputs.js';
import { type OutputsThread, outputsThreadFor } from '../app/outputs-thread.js';
import { quoteAnonymiser, toolVocabulary } from '../app/quote-anonymiser.js';
import { runAnalysis } from '../app/run-analysis.js';
import { collectGarbage } from '../heap.js';
import { LEGACY_INVENTORY_FILE, writeInventory } from '../io/leak-inventory.js';
import { allowListFor } from '../io/load-allow-list.js';
import { loadGenreRules } from '../io/load-genre-rules.js';
import { errnoReason } from '../io/output-path.js';
import { stateDir } from '../io/state.js';
import { codingsCsvHead, codingsCsvRows } from '../render/csv.js';
import {
  codingFrom,
  codingInputs,
  colours,
  printDiagnostics,
  UsageError,
  valueOr,
  withCodingOptions,
} from './context.js';
import { DEFAULT_CODEBOOK } from './export-codebook.js';
import { SUBCOMMANDS } from './main.js';
import { closest } from './option-values.js';
import { phaseTimer } from './phase-times.js';
import { createProgress } from './progress.js';
import {
  aliasTableFor,
  printReviewWarnings,
  reviewFor,
  reviewSummaryOf,
  saveAliases,
} from './review-options.js';
import { addRunOptions, csvOptions, documentDate, OWN_OUTPUT_NAMES, type RunFlags } from './run-options.js';
import { plural, type RunSummary, summaryText } from './summary.js';

export function registerRun(program: Command): void {
  addRunOptions(withCodingOptions(program.command('run [paths...]', { isDefault: true }), DEFAULT_CODEBOOK))
    .description('analyse the reports in the given folders and files (the default command)')
    .addHelpText(
      'after',
      '\nExample:\n  $ analyse reports/ --out out/ --lang en\n  $ analyse reports/ --codebook codebooks/kuntaliitto-2025.yaml --json > summary.json\n',
    )
    .action(async (paths: string[], flags: RunFlags) => {
      process.exitCode = await run(paths, flags);
    });
}

/**
 * A first "path" that does not exist but is a command's name mistyped (`analyse explian x.md`). Subcommands
 * load lazily, so their names come from main.ts's table, not from the program.
 */
function mistypedCommand(paths: readonly string[]): string | undefined {
  const first = paths[0];
  if (first === undefined || existsSync(first) || !/^[a-z][a-z-]*$/i.test(first)) return undefined;
  const commands = Object.keys(SUBCOMMANDS).filter((n) => n !== 'run');
  const meant = closest(first, commands);
  return meant ? `unknown command "${first}": did you mean \`analyse ${meant}\`?` : undefined;
}

/** What opening the output folder cleaned up after killed runs, in words. */
function recoveryNotes(stage: OutputStage): string[] {
  const r = stage.recovery;
  const notes: string[] = [];
  if (stage.tookOverLock) notes.push(`took over the lock of a run that is no longer running in ${stage.out}`);
  if (r.finishedSwap) notes.push(`finished writing the outputs of an interrupted run in ${stage.out}`);
  const left = r.stagingRemoved + r.temporariesRemoved.length;
  if (left > 0)
    notes.push(`removed ${plural(left, 'temporary file')} of an interrupted run from ${stage.out}`);
  return notes;
}

async function run(paths: string[], flags: RunFlags): Promise<number> {
  const c = colours(process.stderr);
  let stage: OutputStage | undefined;
  let outputsThread: OutputsThread | undefined;
  // Ctrl-C or a kill: drop the staging folder and the lock; the previous output stays whole.
  const interrupted = (signal: NodeJS.Signals) => {
    stage?.abandon();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', interrupted).once('SIGTERM', interrupted);
  try {
    if (paths.length === 0)
      throw new UsageError('no reports given: name a folder or files, e.g. `analyse reports/`');
    const mistyped = mistypedCommand(paths);
    if (mistyped) throw new UsageError(mistyped);
    // The workbooks', document's and project's libraries load in their own thread while the reports are read
    // (started by main.ts before this module loaded, when it could be).
    outputsThread = outputsThreadFor(apartFiles(new Set(flags.formats)), flags.jobs);
    const { setup, morphology, compiled, codebookText } = await codingFrom(flags);
    for (const n of setup.notes) process.stderr.write(`${c.dim(`note: ${n}`)}\n`);
    const allow = valueOr(
      await allowListFor(flags.codebook, codebookText, flags.allowList),
      'allow-list is not valid',
    );
    // With Voikko, its proper-noun classes (etunimi, sukunimi, paikannimi) back the name lists.
    const properNoun = morphology.voikko ? { properNoun: properNounFromVoikko(morphology.voikko) } : {};
    const anonymiser = quoteAnonymiser(
      createAnonymiser(allow.list, properNoun),
      flags.numbered ? { numbered: true } : {},
    );
    const review = await reviewFor(flags, compiled.book);
    const aliasTable = await aliasTableFor(flags);
    const begun = await beginOutputs(flags.out, { ownNames: [...OWN_OUTPUT_NAMES, LEGACY_INVENTORY_FILE] });
    if (!begun.ok) throw new UsageError(begun.reason);
    stage = begun.stage;
    for (const note of recoveryNotes(stage)) process.stderr.write(`${c.dim(`analyse: ${note}`)}\n`);
    const formats = new Set(flags.formats);
    let progress: ReturnType<typeof createProgress> | undefined;
    const started = Date.now();
    const phase = phaseTimer(process.env, (line) => process.stderr.write(line));
    const csv = { ...csvOptions(flags), status: review !== undefined };
    // codings.csv streams out report by report (10,000 reports make hundreds of thousands of rows).
    const spool = formats.has('csv') ? stage.spool('codings.csv') : undefined;
    spool?.write(codingsCsvHead(csv));
    const genres = valueOr(await loadGenreRules(), 'the genre rules are not valid');
    // Every report's codings and text wait for the workbooks and the project on disk, in the staging folder.
    const stores = { codings: stage.records('codings'), sources: stage.records('sources') };
    const learned = stage.records('identifiers');
    anonymiser.keepIn(learned);
    const result = await runAnalysis({
      paths,
      genres,
      ...(flags.quoteConfidence !== undefined ? { quoteConfidence: flags.quoteConfidence } : {}),
      ...(flags.skipNonReports ? { skipNonReports: true } : {}),
      out: flags.out,
      compiled,
      coding: setup.context,
      lang: flags.lang,
      quotesPerCode: flags.quotes,
      anonymiser,
      keepSources: formats.has('qdpx'),
      stores,
      keepCodings: formats.has('xlsx') || formats.has('qdpx'),
      jobs: flags.jobs,
      runnerSpec: {
        coding: codingInputs(flags),
        voikko: morphology.voikko !== undefined,
        allowList: allow.list,
        genres: true,
      },
      onCodings: (codings) => spool?.write(codingsCsvRows(codings, csv)),
      onStart: (total) => {
        progress = createProgress(process.stderr, total, 'analyse');
      },
      onReport: (path) => progress?.tick(path),
      aliasTable,
      ...(review ? { review } : {}),
    });
    progress?.done();
    phase('reports');
    printDiagnostics(result.diagnostics);
    if (result.missing.length > 0)
      throw new UsageError(`no such file or folder: ${result.missing.join(', ')}`);
    if (result.found === 0)
      throw new UsageError(`no reports (.md, .markdown, .txt, .docx, .pdf) in ${paths.join(', ')}`);
    const reviewed = review?.summary();
    if (reviewed) printReviewWarnings(reviewed);
    const date = documentDate(process.env);
    const { files, rest } = await renderOutputs(
      { ...result.tables, morphology: morphology.name },
      compiled.book,
      {
        formats,
        lang: flags.lang,
        csv,
        sources: result.sources,
        sinks: stage.sinks(),
        streamed: spool ? ['codings.csv'] : [],
        ...(date ? { documentDate: date } : {}),
        onRendered: phase,
        ...(outputsThread ? { apart: outputsThread } : {}),
        ...(result.sourceRecords ? { sourceRecords: result.sourceRecords } : {}),
      },
    );
    // Every report's state and the renderers' are gone: the leak check starts from what is alive (the
    // workbooks, the document and the project are being made in the outputs thread meanwhile).
    collectGarbage();
    // The leak check runs on what is about to be shared; a leaking quote was already redacted or dropped,
    // so a hit here means a renderer let something through: say so loudly.
    const shareable = [...files.entries()].filter(([n, v]) => SHAREABLE.has(n) && typeof v === 'string');
    const leaks = findLeaks(
      shareable.map(([file, text]) => ({ file, text: text as string })),
      anonymiser.inventory(),
      { ...anonymiser.leakCheck, known: toolVocabulary([compiled.book]) },
    );
    phase('leak check');
    // The last leak check is done: its matcher and garbage go before this thread waits for the outputs
    // thread (a collection costs no time while it waits, and leaves the thread's files more room).
    forgetInventoryMatchers();
    collectGarbage();
    await rest();
    await outputsThread?.close();
    for (const store of [stores.codings, stores.sources, learned]) store.close();
    // The inventory holds personal data: it goes to the state folder, never into the shareable folder.
    await writeInventory(stateDir(flags.state), flags.out, anonymiser.inventory());
    const finished = stage.finish(files, SHAREABLE, undefined, { morphology: morphology.name });
    stage = undefined;
    await saveAliases(flags, result.aliasTable);
    phase('write');
    const summary: RunSummary = {
      reports: result.tables.reports.length,
      failed: result.diagnostics.filter((d) => d.severity === 'error').length,
      segments: result.tables.reports.reduce((n, r) => n + r.paragraphs, 0),
      codings: result.codingCount,
      morphology: morphology.name,
      allowList: allow.path,
      ocrFolded: result.folded,
      quotes: result.tables.quotes.length,
      quotesRedacted: anonymiser.redacted,
      quotesDropped: result.droppedQuotes.length,
      leaks: leaks.length,
      out: flags.out,
      files: finished.written.filter((w) => !w.startsWith('.')),
      removed: finished.removed,
      seconds: Math.round((Date.now() - started) / 100) / 10,
      counts: result.tables.counts.map((k) => ({
        code: k.code,
        reports: k.reports,
        segments: k.segments,
        strongReports: k.strongReports,
      })),
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
    stage?.abandon();
    if (e instanceof UsageError) {
      process.stderr.write(`${c.red('analyse:')} ${e.message}\n`);
      return 2;
    }
    // A file-system error while writing (disk full, a folder gone): one line; the previous output stays.
    const code = (e as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
      const path = (e as NodeJS.ErrnoException).path;
      process.stderr.write(
        `${c.red('analyse:')} cannot write the outputs to ${flags.out}: ${errnoReason(e)}${path ? ` (${path})` : ''}\n`,
      );
      return 2;
    }
    throw e;
  } finally {
    await outputsThread?.close();
    process.off('SIGINT', interrupted).off('SIGTERM', interrupted);
  }
}
