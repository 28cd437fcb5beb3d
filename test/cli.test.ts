// The command line as a user meets it: the built CLI (dist/, built by `npm test`'s pretest) run as a
// child process. Exit codes, help with worked examples, data on stdout and talk on stderr, NO_COLOR,
// bad inputs as diagnostics, determinism, and a whole-output snapshot of `analyse reports/`.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { SUBCOMMANDS } from '../src/cli/main.js';
import { analyse, type CliResult, root } from './helpers/run-cli.js';

const tmp = (name: string) => mkdtempSync(join(tmpdir(), `analyse-${name}-`));

describe('help and version', () => {
  it('--help ends with worked examples', async () => {
    const r = await analyse(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Examples?:\n(\s+\$ analyse .+\n)+\s*$/);
  });

  it.each(Object.keys(SUBCOMMANDS))('%s --help ends with an example', async (cmd) => {
    const r = await analyse([cmd, '--help']);
    expect(r.code).toBe(0);
    // The help's last section is a worked example (commands, perhaps with their output).
    const tail = r.stdout.slice(r.stdout.lastIndexOf('Example'));
    expect(tail).toMatch(/^Examples?:\n\s+\$ analyse /);
    expect(tail).not.toMatch(/\n\s+-{1,2}\w/);
  });

  it('--version prints the package version', async () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    const r = await analyse(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });
});

describe('usage errors exit 2 with a message that says what to do', () => {
  it('a missing path', async () => {
    const r = await analyse(['no/such/folder', '--out', tmp('missing')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no such file or folder: no/such/folder');
  });

  it('a folder without reports', async () => {
    const dir = tmp('empty');
    writeFileSync(join(dir, 'notes.xyz'), 'not a report');
    const r = await analyse([dir, '--out', tmp('empty-out')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no reports \(\.md, \.markdown, \.txt, \.docx, \.pdf\)/);
  });

  it('an invalid codebook, with file:line:col', async () => {
    const dir = tmp('book');
    const book = join(dir, 'bad.yaml');
    writeFileSync(
      book,
      'id: x\ntitle: { fi: a, en: b }\npolarity: true\nthemes:\n  - code: a.b\n    colour: red\n',
    );
    const r = await analyse(['reports/', '--codebook', book, '--out', tmp('book-out')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${book}:6:5: error Unknown key "colour"`);
  });

  it('an unknown option', async () => {
    expect((await analyse(['reports/', '--no-such-option'])).code).toBe(2);
  });
});

describe('analyse reports/', () => {
  const out = tmp('out');
  let r: CliResult;
  beforeAll(async () => {
    r = await analyse(['reports/', '--out', out, '--json', '--morphology', 'snowball']);
  }, 600_000);

  it('exits 0 and prints the summary as JSON on stdout, talk on stderr without colour', async () => {
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout) as {
      reports: number;
      morphology: string;
      counts: { code: string; reports: number }[];
    };
    expect(summary.reports).toBe(5);
    expect(summary.morphology).toBe('snowball');
    // The quick start shows every code at least once.
    for (const c of summary.counts) expect(c.reports, c.code).toBeGreaterThan(0);
    expect(r.stderr).not.toContain('\u001b[');
  });

  it('writes the tables with fixed headers', async () => {
    const head = (f: string) =>
      readFileSync(join(out, f), 'utf8')
        .replace(/^\uFEFF/, '')
        .split('\n')[0];
    // Finnish by default: `;` separates (Finnish Excel's list separator), the matrix is headed by labels.
    expect(head('codings.csv')).toBe(
      'report;segment;section;start_line;end_line;location;code;polarity;theme;score;confidence;matches;text',
    );
    expect(head('theme_counts.csv')).toBe(
      'code;polarity;theme;label;reports;segments;share_of_reports;share_among_siblings;strong_reports;strong_segments',
    );
    expect(head('report_themes.csv')?.startsWith('Raportti;Asukkaiden osallistumis-')).toBe(true);
    expect(head('aliases.csv')).toBe('alias;report;path');
  });

  it('attributes quotes only to aliases', async () => {
    const quotes = readFileSync(join(out, 'quotes.csv'), 'utf8');
    for (const name of readdirSync(join(root, 'reports')))
      expect(quotes).not.toContain(name.replace(/\.\w+$/, ''));
    expect(quotes).toMatch(/Raportti \d/);
  });

  it('gives byte-identical output for identical input, and leaves foreign files alone', async () => {
    const again = tmp('again');
    writeFileSync(join(again, 'my-notes.txt'), 'mine');
    const r2 = await analyse(['reports/', '--out', again, '--morphology', 'snowball']);
    expect(r2.code).toBe(0);
    expect(readFileSync(join(again, 'my-notes.txt'), 'utf8')).toBe('mine');
    for (const f of readdirSync(out))
      expect(readFileSync(join(again, f)).equals(readFileSync(join(out, f))), f).toBe(true);
  });

  // Voikko serves the anonymiser's proper-noun classes, so anonymised quotes can differ with and without
  // it (issue 9): every output that holds them, and the manifest, name the morphology the run used.
  it('names the morphology in the manifest and in every output that holds anonymised quotes', () => {
    const text = (f: string) => readFileSync(join(out, f), 'utf8');
    const inZip = (f: string, part: string) =>
      strFromU8(unzipSync(new Uint8Array(readFileSync(join(out, f))))[part] ?? new Uint8Array());
    expect(JSON.parse(text('.analyse-manifest.json')).morphology).toBe('snowball');
    for (const f of ['quotes.md', 'synthesis.md', 'report.html'])
      expect(text(f), f).toContain('Morfologia: snowball');
    expect(inZip('synthesis.docx', 'word/document.xml')).toContain('Morfologia: snowball');
    expect(inZip('analysis.xlsx', 'docProps/core.xml')).toContain('Morfologia: snowball');
  });

  it('matches the whole-output snapshot', async () => {
    const text = ['theme_counts.csv', 'report_themes.csv', 'codings.csv', 'quotes.md'].map(
      (f) => `=== ${f}\n${readFileSync(join(out, f), 'utf8')}`,
    );
    expect(text.join('\n')).toMatchSnapshot();
  });
});

describe('bad inputs are diagnostics, not crashes', () => {
  const dir = tmp('bad');
  writeFileSync(
    join(dir, 'good.md'),
    '# Raportti\n\nYhteistyö naapurikuntien kanssa sujui erinomaisesti, ja verkosto jatkaa toimintaansa.\n',
  );
  writeFileSync(join(dir, 'empty.md'), '');
  writeFileSync(join(dir, 'binary.txt'), Buffer.from([0, 1, 2, 3, 0, 255, 254, 0, 0, 7]));
  writeFileSync(join(dir, 'broken.docx'), 'this is not a zip');
  writeFileSync(join(dir, 'broken.pdf'), '%PDF-1.4\n1 0 obj\n<<');
  writeFileSync(join(dir, 'notes.odt'), 'unknown');

  it('names each bad file with its reason and analyses the rest (exit 0)', async () => {
    const out = tmp('bad-out');
    const r = await analyse([dir, '--out', out, '--formats', 'csv']);
    expect(r.code).toBe(0);
    for (const f of ['empty.md', 'binary.txt', 'broken.docx', 'broken.pdf', 'notes.odt'])
      expect(r.stderr).toContain(f);
    expect(readFileSync(join(out, 'report_themes.csv'), 'utf8')).toContain('good;');
  });

  it('exits 1 under --strict', async () => {
    expect((await analyse([dir, '--out', tmp('bad-strict'), '--formats', 'csv', '--strict'])).code).toBe(1);
  });
});

describe('eval and explain', () => {
  const gold = join(tmp('gold'), 'gold.yaml');
  writeFileSync(
    gold,
    [
      '- id: a',
      '  code: challenge.vendors',
      '  text: Järjestelmätoimittaja ei toimittanut luvattua rajapintaa, ja käyttöönotto viivästyi puoli vuotta.',
      '- id: b',
      '  code: none',
      '  text: Ohjausryhmä kokoontui kuusi kertaa.',
    ].join('\n'),
  );

  it('eval prints accuracy and kappa; --json for machines', async () => {
    const r = await analyse(['eval', gold, '--morphology', 'snowball']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Cohen's kappa 1\.000/);
    const j = JSON.parse((await analyse(['eval', gold, '--json', '--morphology', 'snowball'])).stdout) as {
      accuracy: number;
      n: number;
    };
    expect(j).toMatchObject({ accuracy: 1, n: 2 });
  });

  it('explain shows the terms and cues behind a coding', async () => {
    const r = await analyse(['explain', 'reports/jarviseutu-tilavaraus.md', '--morphology', 'snowball']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/term:/);
    expect(r.stdout).toMatch(/polarity -?\d/);
  });
});
