// `analyse check-leaks <dir>`: scans an output folder for identifiers and prints
// `file:line:col: leak <kind> "<text>"` per hit; exit 1 on any hit, 0 when clean, 2 when the folder cannot
// be read or holds nothing to check. Two looks: the run's identifier inventory (kept in the state folder,
// found by the output folder's path) and an independent second look (every municipality, region and
// locality in every case form, vendors, demonyms, contact patterns, capitalised words of unknown class).
// Hidden temporaries and stale outputs (files the run's manifest does not list) are scanned too.
import { join } from 'node:path';
import type { Command } from 'commander';
import { findLeaks } from '../anonymise/index.js';
import { toolVocabulary } from '../app/quote-anonymiser.js';
import { loadCodebook } from '../codebook/load.js';
import { formatDiagnostic } from '../diagnostics.js';
import { LEGACY_INVENTORY_FILE, readInventory } from '../io/leak-inventory.js';
import { loadAllowList } from '../io/load-allow-list.js';
import { MANIFEST_FILE, readManifest } from '../io/manifest.js';
import { readExportFolder } from '../io/read-export-folder.js';
import { readText } from '../io/read-text.js';
import { stateDir } from '../io/state.js';
import { DEFAULT_ALLOW_LIST } from './anonymise.js';
import { BUNDLED_CODEBOOKS } from './bundled.js';

interface CheckLeaksFlags {
  all?: boolean;
  state?: string;
  allowList: string;
  codebook?: string;
}

export function registerCheckLeaks(program: Command): void {
  program
    .command('check-leaks <dir>')
    .description(
      'scan exported files for identifiers found in the sources and for any known municipality or name',
    )
    .addHelpText(
      'after',
      '\nExample:\n  $ analyse check-leaks out/\n  out/quotes.md:12:5: leak municipality "Kankaanpäässä"\n',
    )
    .option(
      '--all',
      "also scan the run's working files (codings.csv, analysis.xlsx, project.qdpx…), which hold original text by design",
    )
    .option('--state <dir>', "state folder holding the run's identifier inventory (default .analyse)")
    .option('--allow-list <file>', 'terms that are no leak (public bodies, products)', DEFAULT_ALLOW_LIST)
    .option(
      '--codebook <file>',
      "the run's codebook, whose labels appear in the outputs (default: the bundled ones)",
    )
    .action(async (dir: string, flags: CheckLeaksFlags) => {
      process.exitCode = await checkLeaks(dir, flags);
    });
}

async function checkLeaks(dir: string, flags: CheckLeaksFlags): Promise<number> {
  const say = (line: string) => process.stderr.write(`analyse: ${line}\n`);
  const allow = await loadAllowList(flags.allowList);
  if (!allow.ok) {
    for (const d of allow.diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
    return 2;
  }
  const books = [];
  for (const file of flags.codebook ? [flags.codebook] : BUNDLED_CODEBOOKS) {
    const text = await readText(file);
    const book = text.ok ? loadCodebook(file, text.value) : text;
    if (!book.ok) {
      for (const d of book.diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
      return 2;
    }
    books.push(book.value);
  }
  const folder = await readExportFolder(dir, [MANIFEST_FILE]);
  if (!folder.ok) {
    for (const d of folder.diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
    return 2;
  }
  for (const d of folder.diagnostics ?? []) process.stderr.write(`${formatDiagnostic(d)}\n`);
  const manifest = await readManifest(dir);
  const fileOf = (name: string) => name.split('!')[0] ?? name;
  // The manifest says which files are shareable and which are working files (report names and original
  // text on purpose: checked only with --all). Anything else is scanned: hidden temporaries, stale outputs.
  const working = new Set(
    manifest && !flags.all ? manifest.files.filter((f) => !manifest.shareable.includes(f)) : [],
  );
  const files = folder.value.files.filter((f) => !working.has(fileOf(f.name)));
  if (working.size > 0) say(`working files not checked (use --all): ${[...working].sort().join(', ')}`);
  const listed = new Set(manifest?.files ?? []);
  const extra = [...new Set(files.map((f) => fileOf(f.name)))].filter((f) => manifest && !listed.has(f));
  if (extra.length > 0)
    say(`not written by the last run (stale or temporary), scanned too: ${extra.join(', ')}`);
  if (files.length === 0) {
    say(`nothing to check in ${dir}: no exported files (name a folder that \`analyse\` wrote, e.g. out/)`);
    return 2;
  }
  let inventory: string[] = [];
  const state = stateDir(flags.state);
  const stored = await readInventory(state, dir);
  if (stored) inventory = stored.entries;
  else {
    const legacy = folder.value.files.find((f) => f.name === LEGACY_INVENTORY_FILE);
    if (legacy) inventory = parseLegacy(legacy.text);
    say(
      legacy
        ? `no inventory for ${dir} in ${state}; using ${LEGACY_INVENTORY_FILE}, which holds personal data and must not be shared`
        : `no inventory for ${dir} in ${state} (run with the same --state): only the second look runs`,
    );
  }
  const leaks = findLeaks(
    files.map((f) => ({ file: join(dir, f.name), text: f.text })),
    inventory,
    { allowList: allow.value, known: toolVocabulary(books) },
  );
  for (const l of leaks)
    process.stdout.write(`${l.file}:${l.line}:${l.column}: leak ${l.kind} "${l.text}"\n`);
  say(`${files.length} files checked, ${inventory.length} inventory entries, ${leaks.length} leaks`);
  return leaks.length > 0 ? 1 : 0;
}

function parseLegacy(text: string): string[] {
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}
