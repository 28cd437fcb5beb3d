// The review commands as a user meets them (the built CLI as a child process), and the codebook exchange:
// .qdc → codebook YAML that loads, tag,description CSV for Taguette.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { loadCodebook } from '../src/codebook/load.js';
import { renderCodebookCsv } from '../src/render/codebook-csv.js';
import { renderCodebookYaml } from '../src/render/codebook-file.js';
import { renderQdc } from '../src/render/qdc.js';
import { type Decision, renderDecisions } from '../src/review/decisions.js';
import { codebookFromQdc } from '../src/review/qdc-codebook.js';
import { parseRefiCodebook } from '../src/review/refi-model.js';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'analyse.js');
const work = mkdtempSync(join(tmpdir(), 'review-cli-'));

/** The CLI as a child process, asynchronously: a blocked test worker misses vitest's own messages. */
function analyse(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      {
        cwd: work,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1', ANALYSE_STATE: join(work, 'state') },
        timeout: 120_000,
      },
      (error, stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const bookFile = join(root, 'codebooks', 'digikannustin-2020.yaml');
const book = loadCodebook(bookFile, readFileSync(bookFile, 'utf8'));
if (!book.ok) throw new Error('codebook');

describe('codebook exchange', () => {
  it('a .qdc of our codebook imports back to the same codes, labels and polarity, and loads', () => {
    const codes = parseRefiCodebook('book.qdc', renderQdc(book.value));
    if (!codes.ok) throw new Error('qdc');
    const imported = codebookFromQdc(codes.value, 'digikannustin-2020', 'Digikannustin');
    expect(imported.themes.map((t) => [t.code, t.labels.fi, t.polarity])).toEqual(
      book.value.themes.map((t) => [t.code, t.labels.fi, t.polarity]),
    );
    const loaded = loadCodebook('imported.yaml', renderCodebookYaml(imported));
    expect(loaded.ok ? loaded.value.themes.length : loaded.diagnostics).toBe(book.value.themes.length);
  });

  it('a QualCoder codebook (categories, umlauts, a repeated name) becomes codes that load', () => {
    const qdc = `<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="QualCoder">
<Codes>
<Code guid="11111111-1111-4111-8111-111111111111" name="Yhteistyö" isCodable="false">
<Description>Kuntien välinen yhteistyö</Description>
<Code guid="22222222-2222-4222-8222-222222222222" name="Sitoutuminen" isCodable="true"/>
<Code guid="33333333-3333-4333-8333-333333333333" name="Muut" isCodable="true"/>
</Code>
<Code guid="44444444-4444-4444-8444-444444444444" name="Henkilöstön vaihtuvuus" isCodable="true"/>
<Code guid="55555555-5555-4555-8555-555555555555" name="Muut" isCodable="true"/>
</Codes>
</CodeBook>`;
    const codes = parseRefiCodebook('qc.qdc', qdc);
    if (!codes.ok) throw new Error('qdc');
    const imported = codebookFromQdc(codes.value, 'QualCoder-koodit', 'QualCoder');
    expect(imported.themes.map((t) => [t.code, t.parent ?? null, t.labels.fi])).toEqual([
      ['yhteistyo', null, 'Yhteistyö'],
      ['yhteistyo.sitoutuminen', 'yhteistyo', 'Sitoutuminen'],
      ['yhteistyo.muut', 'yhteistyo', 'Muut'],
      ['henkiloston-vaihtuvuus', null, 'Henkilöstön vaihtuvuus'],
      ['muut', null, 'Muut'],
    ]);
    expect(imported.id).toBe('qualcoder-koodit');
    const loaded = loadCodebook('qc.yaml', renderCodebookYaml(imported));
    expect(loaded.ok).toBe(true);
  });

  it('the Taguette CSV is tag,description with unique tags and the code in the description', () => {
    const rows = parse(renderCodebookCsv(book.value), { columns: true }) as {
      tag: string;
      description: string;
    }[];
    expect(Object.keys(rows[0] ?? {})).toEqual(['tag', 'description']);
    expect(new Set(rows.map((r) => r.tag)).size).toBe(book.value.themes.length);
    expect(rows.map((r) => /^\[([^\]]+)\]/.exec(r.description)?.[1])).toEqual(
      book.value.themes.map((t) => t.code),
    );
  });
});

describe('the commands', () => {
  it.each(['review', 'import-review', 'agree', 'import-codebook'])(
    '%s --help ends with an example',
    async (cmd) => {
      const r = await analyse([cmd, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout.slice(r.stdout.lastIndexOf('Example'))).toMatch(/^Examples?:\n\s+\$ analyse /);
    },
  );

  it('agree prints kappa per code and alpha; a file it cannot tell apart exits 2', async () => {
    const d = (
      paragraph: string,
      code: string,
      decision: Decision['decision'],
      reviewer: string,
    ): Decision => ({
      report: 'r',
      paragraph,
      code,
      decision,
      quote: '',
      memo: '',
      reviewer,
      date: '2026-01-01',
      text: '',
    });
    writeFileSync(
      join(work, 'a.csv'),
      renderDecisions([
        d('p1', 'success.cooperation', 'accept', 'A'),
        d('p2', 'success.cooperation', 'accept', 'A'),
        d('p3', 'challenge.vendors', 'add', 'A'),
      ]),
    );
    writeFileSync(
      join(work, 'b.csv'),
      renderDecisions(
        [
          d('p1', 'success.cooperation', 'accept', 'B'),
          d('p2', 'success.cooperation', 'reject', 'B'),
          d('p3', 'challenge.vendors', 'add', 'B'),
        ],
        ';',
      ),
    );
    const r = await analyse(['agree', 'a.csv', 'b.csv', '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as {
      units: number;
      alpha: number;
      codes: { code: string; kappa: number }[];
    };
    expect(report.units).toBe(3);
    expect(report.codes.map((c) => c.code)).toEqual(['success.cooperation', 'challenge.vendors']);
    writeFileSync(join(work, 'x.csv'), 'a,b\n1,2\n');
    const bad = await analyse(['agree', 'a.csv', 'x.csv']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Neither a decisions file');
  });

  it('import-codebook writes YAML on stdout; export-codebook --format csv the Taguette CSV', async () => {
    writeFileSync(join(work, 'book.qdc'), renderQdc(book.value));
    const r = await analyse(['import-codebook', 'book.qdc']);
    expect(r.code).toBe(0);
    expect(loadCodebook('x.yaml', r.stdout).ok).toBe(true);
    const csv = await analyse(['export-codebook', '--format', 'csv']);
    expect(csv.stdout.split('\n')[0]).toBe('tag,description');
    expect((await analyse(['import-codebook', 'no-such.qdc'])).code).toBe(2);
  });
});
