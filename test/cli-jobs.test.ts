// --jobs: reports are read, coded and anonymised by the main thread and worker threads, and the results
// merged in report order, so every output file is the same byte for byte with one thread and with two,
// and so are the diagnostics. The folder mixes the sample reports with a DOCX, a PDF (parsed in the first
// look and handed on to the thread that codes it), an encrypted PDF and a broken file (diagnostics).
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyse, type CliResult, root } from './helpers/run-cli.js';

const tmp = (name: string) => mkdtempSync(join(tmpdir(), `analyse-jobs-${name}-`));

const input = tmp('in');
for (const f of readdirSync(join(root, 'reports'))) copyFileSync(join(root, 'reports', f), join(input, f));
for (const f of ['tavutus.docx', 'raportti.pdf', 'salattu.pdf'])
  copyFileSync(join(root, 'test', 'fixtures', 'readers', f), join(input, f));
writeFileSync(join(input, 'rikki.docx'), 'not a zip');

describe('--jobs 1 and --jobs 2 give the same outputs', () => {
  const runs: Record<string, { out: string; r: CliResult }> = {};
  beforeAll(async () => {
    for (const jobs of ['1', '2']) {
      const out = tmp(`out${jobs}`);
      runs[jobs] = { out, r: await analyse([input, '--out', out, '--jobs', jobs, '--json']) };
    }
  }, 600_000);

  it('both runs finish and code the same reports', () => {
    for (const { r } of Object.values(runs)) expect(r.code, r.stderr).toBe(0);
    const reports = (jobs: string) =>
      (JSON.parse(runs[jobs]?.r.stdout ?? '{}') as { reports: number }).reports;
    expect(reports('1')).toBe(7);
    expect(reports('2')).toBe(reports('1'));
  });

  it('every output file is identical byte for byte', () => {
    const one = runs['1']?.out as string;
    const two = runs['2']?.out as string;
    const files = readdirSync(one).sort();
    expect(readdirSync(two).sort()).toEqual(files);
    expect(files).toContain('project.qdpx');
    for (const f of files)
      expect(readFileSync(join(two, f)).equals(readFileSync(join(one, f))), f).toBe(true);
  });

  it('the diagnostics are the same, in the same order', () => {
    const lines = (jobs: string) =>
      (runs[jobs]?.r.stderr ?? '').split('\n').filter((l) => /\[[a-z-]+\/[a-z-]+\]$/.test(l));
    expect(lines('1').length).toBeGreaterThan(0);
    expect(lines('2')).toEqual(lines('1'));
  });
});

describe('a worker thread sets its coder up from exactly what the main thread did', () => {
  // A codebook of its own (codes renamed, no examples beside it) is set up from the bundled codebooks:
  // a worker that missed one of the inputs would code otherwise.
  const dir = tmp('book');
  const book = join(dir, 'oma.yaml');
  writeFileSync(
    book,
    readFileSync(join(root, 'codebooks', 'digikannustin-2020.yaml'), 'utf8').replaceAll(
      'success.participation',
      'success.osallisuus',
    ),
  );
  const outs: Record<string, string> = {};
  beforeAll(async () => {
    for (const jobs of ['1', '2']) {
      outs[jobs] = tmp(`book${jobs}`);
      const r = await analyse([
        'reports/',
        '--codebook',
        book,
        '--out',
        outs[jobs] as string,
        '--jobs',
        jobs,
        '--formats',
        'csv',
      ]);
      expect(r.code, r.stderr).toBe(0);
    }
  }, 600_000);

  it('codings.csv is the same with one thread and with two', () => {
    const codings = (jobs: string) => readFileSync(join(outs[jobs] as string, 'codings.csv'), 'utf8');
    expect(codings('1').split('\n').length).toBeGreaterThan(10);
    expect(codings('2')).toBe(codings('1'));
  });
});
