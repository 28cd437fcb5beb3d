// `analyse check-leaks <dir>`: scans every exported file for the run's inventory (.analyse-inventory.json)
// and any known municipality, region or name; prints `file:line:col: leak <kind> "<text>"` and exits 1 on
// any hit, 0 when clean, 2 when the folder cannot be read or holds nothing to check.
import { join } from 'node:path';
import type { Command } from 'commander';
import { findLeaks } from '../anonymise/index.js';
import { formatDiagnostic } from '../diagnostics.js';
import { readManifest } from '../io/manifest.js';
import { readExportFolder } from '../io/read-export-folder.js';

export const INVENTORY_FILE = '.analyse-inventory.json';

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
    .action(async (dir: string, flags: { all?: boolean }) => {
      const folder = await readExportFolder(dir, INVENTORY_FILE);
      if (!folder.ok) {
        for (const d of folder.diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
        process.exitCode = 2;
        return;
      }
      for (const d of folder.diagnostics ?? []) process.stderr.write(`${formatDiagnostic(d)}\n`);
      const { inventory } = folder.value;
      // The run's manifest says which files are shareable (anonymised, aliases only); the working files
      // carry report names and original text on purpose and are checked only with --all.
      const manifest = await readManifest(dir);
      const shareable = manifest && !flags.all ? new Set(manifest.shareable) : undefined;
      const files = folder.value.files.filter(
        (f) => !shareable || shareable.has(f.name.split('!')[0] ?? f.name),
      );
      if (shareable) {
        const skipped = manifest?.files.filter((f) => !shareable.has(f)) ?? [];
        if (skipped.length > 0)
          process.stderr.write(`analyse: working files not checked (use --all): ${skipped.join(', ')}\n`);
      }
      // Nothing to check is not an all-clear: say so and exit 2.
      if (files.length === 0) {
        process.stderr.write(
          `analyse: nothing to check in ${dir}: no exported files (name a folder that \`analyse\` wrote, e.g. out/)\n`,
        );
        process.exitCode = 2;
        return;
      }
      const leaks = findLeaks(
        files.map((f) => ({ file: join(dir, f.name), text: f.text })),
        inventory,
      );
      for (const l of leaks)
        process.stdout.write(`${l.file}:${l.line}:${l.column}: leak ${l.kind} "${l.text}"\n`);
      process.stderr.write(
        `analyse: ${files.length} files checked, ${inventory.length} inventory entries, ${leaks.length} leaks\n`,
      );
      process.exitCode = leaks.length > 0 ? 1 : 0;
    });
}
