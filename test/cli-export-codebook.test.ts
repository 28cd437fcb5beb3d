import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CODEBOOK, registerExportCodebook } from '../src/cli/export-codebook.js';
import { loadCodebook } from '../src/codebook/load.js';
import type { Codebook } from '../src/codebook/types.js';
import { renderCodebookYaml } from '../src/render/codebook-file.js';
import { hierarchicalCodebook } from './fixtures/render/sample-tables.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const codebookXsd = resolve(repoRoot, '../shared/standards/refi-qda/Codebook.xsd');
const canValidate = spawnSync('xmllint', ['--version']).status === 0 && existsSync(codebookXsd);
if (!canValidate)
  console.warn('cli-export-codebook: xmllint or Codebook.xsd is absent; schema validation skipped');

const work = mkdtempSync(join(tmpdir(), 'cli-export-codebook-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

async function run(args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  const program = new Command().exitOverride();
  registerExportCodebook(program);
  await program.parseAsync(['node', 'analyse', 'export-codebook', ...args]);
  const code = Number(process.exitCode ?? 0);
  vi.restoreAllMocks();
  return { stdout, stderr, code };
}

/** A codebook without where it came from, for comparing a round trip. */
/** A codebook without where it was written: file, lines and columns (term sources stay). */
function content(codebook: Codebook) {
  const notes = (t: Codebook['themes'][number]) =>
    Object.fromEntries(
      Object.entries(t.termNotes ?? {}).map(([lang, list]) => [lang, list.map((n) => n.source ?? '')]),
    );
  return {
    ...codebook,
    file: '',
    themes: codebook.themes.map((t) => ({ ...t, line: 0, column: 0, termNotes: notes(t) })),
  };
}

const defaultExists = existsSync(DEFAULT_CODEBOOK);
if (!defaultExists)
  console.warn(`cli-export-codebook: ${DEFAULT_CODEBOOK} is absent; default-codebook tests skipped`);

describe.skipIf(!defaultExists)('analyse export-codebook with the default codebook', () => {
  it('writes a REFI-QDA codebook by default, one Code per theme', async () => {
    const { stdout, code } = await run([]);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^<\?xml version="1.0" encoding="utf-8"\?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0"/,
    );
    expect(stdout.match(/<Code /g)?.length).toBeGreaterThanOrEqual(8);
    if (canValidate) {
      const file = join(work, 'default.qdc');
      writeFileSync(file, stdout);
      const lint = spawnSync('xmllint', ['--noout', '--schema', codebookXsd, file], { encoding: 'utf8' });
      expect(lint.stderr).toContain('validates');
      expect(lint.status).toBe(0);
    }
  });

  it.each(['yaml', 'json'])('writes %s that loads back to the same codebook', async (format) => {
    const { stdout, code } = await run(['--format', format]);
    expect(code).toBe(0);
    const original = loadCodebook(DEFAULT_CODEBOOK, readFileSync(DEFAULT_CODEBOOK, 'utf8'));
    const again = loadCodebook(`exported.${format}`, stdout);
    if (!original.ok || !again.ok) throw new Error('codebook did not load');
    expect(content(again.value)).toEqual(content(original.value));
  });

  it('names codes in English with --lang en', async () => {
    const fi = await run([]);
    const en = await run(['--lang', 'en']);
    expect(en.stdout).not.toBe(fi.stdout);
    expect(en.stdout.match(/guid="[^"]+"/g)).toEqual(fi.stdout.match(/guid="[^"]+"/g));
  });
});

describe('analyse export-codebook with a given file', () => {
  it('keeps the hierarchy of a codebook without polarity', async () => {
    const file = join(work, 'hierarchical.yaml');
    writeFileSync(file, renderCodebookYaml(hierarchicalCodebook));
    const loaded = loadCodebook(file, renderCodebookYaml(hierarchicalCodebook));
    if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => d.reason).join('; '));
    expect(content(loaded.value)).toEqual(content(hierarchicalCodebook));
    const { stdout, code } = await run(['--codebook', file]);
    expect(code).toBe(0);
    expect(stdout.indexOf('name="Henkilöstön digiosaaminen"')).toBeGreaterThan(
      stdout.indexOf('name="Osaaminen"'),
    );
  });

  it('reports an invalid codebook with file:line:col and exit code 2', async () => {
    const file = join(work, 'broken.yaml');
    writeFileSync(
      file,
      'id: x\ntitle: { fi: X, en: X }\npolarity: true\nthemes:\n  - code: a\n    colour: red\n',
    );
    const { stdout, stderr, code } = await run(['--codebook', file]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: error`));
  });

  it('reports a missing file with exit code 2', async () => {
    const { stderr, code } = await run(['--codebook', join(work, 'nope.yaml')]);
    expect(code).toBe(2);
    expect(stderr).toContain('cannot read codebook');
  });

  it('rejects an unknown format', async () => {
    await expect(run(['--format', 'xml'])).rejects.toThrow(/xml/);
  });
});
