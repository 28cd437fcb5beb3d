// Finding reports: never the tool's own outputs (a folder holding a manifest is skipped whole; in a folder
// or for a file named on the command line, the files its manifest lists), and an unreadable folder is a
// diagnostic while the walk goes on.
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findReports } from '../src/io/find-reports.js';
import { MANIFEST_FILE, renderManifest } from '../src/io/manifest.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'analyse-find-'));
const rel = (p: string) => relative(process.cwd(), p);

function outputFolder(dir: string, files: string[]): void {
  mkdirSync(dir, { recursive: true });
  for (const f of files) writeFileSync(join(dir, f), '# x\n');
  writeFileSync(join(dir, MANIFEST_FILE), renderManifest(files, new Set()));
}

describe('findReports', () => {
  it('skips a subfolder that holds an analyse manifest, with a note', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.md'), '# a\n');
    outputFolder(join(dir, 'out'), ['quotes.md', 'synthesis.md']);
    const found = await findReports([dir]);
    expect(found.files).toEqual([rel(join(dir, 'a.md'))]);
    expect(found.diagnostics).toContainEqual(
      expect.objectContaining({ ruleId: 'read/own-outputs', severity: 'info', file: rel(join(dir, 'out')) }),
    );
  });

  it('in a folder named on the command line, skips only the files its manifest lists', async () => {
    const dir = tmp();
    outputFolder(dir, ['quotes.md', 'synthesis.md']);
    writeFileSync(join(dir, 'report.md'), '# r\n');
    const found = await findReports([dir]);
    expect(found.files).toEqual([rel(join(dir, 'report.md'))]);
    expect(found.diagnostics.map((d) => d.reason)).toContain(
      `2 output files of analyse listed in ${MANIFEST_FILE} skipped`,
    );
  });

  it('skips a file named on the command line that a manifest beside it lists', async () => {
    const dir = tmp();
    outputFolder(dir, ['quotes.md']);
    const found = await findReports([join(dir, 'quotes.md')]);
    expect(found.files).toEqual([]);
    expect(found.diagnostics[0]?.ruleId).toBe('read/own-outputs');
  });

  it.skipIf(process.getuid?.() === 0)('an unreadable folder is a diagnostic; the rest is found', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.md'), '# a\n');
    mkdirSync(join(dir, 'locked'));
    chmodSync(join(dir, 'locked'), 0o000);
    const found = await findReports([dir]);
    chmodSync(join(dir, 'locked'), 0o755);
    expect(found.files).toEqual([rel(join(dir, 'a.md'))]);
    expect(found.diagnostics[0]).toMatchObject({ ruleId: 'read/unreadable-folder', severity: 'error' });
  });
});
