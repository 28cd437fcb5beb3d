// Every mistake a user makes on the command line gets one clear message and the documented exit code
// (2: usage or codebook error); the help of each command shows its options and its example works;
// Finnish Excel gets `;` and decimal commas by default.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { SUBCOMMANDS } from '../src/cli/main.js';
import { analyse, root } from './helpers/run-cli.js';

// Each test spawns whole runs of the CLI; on a loaded machine a few of them take more than a minute.
vi.setConfig({ testTimeout: 300_000 });
const tmp = (name: string) => mkdtempSync(join(tmpdir(), `analyse-${name}-`));

const report = () => {
  const dir = tmp('report');
  writeFileSync(
    join(dir, 'a.md'),
    '# Raportti\n\nYhteistyö naapurikuntien kanssa sujui erinomaisesti, ja verkosto jatkaa toimintaansa. Osuus oli 0,5.\n',
  );
  return dir;
};

describe('usage errors: one message each, exit 2', () => {
  it.each([
    // --threshold is a confidence in (0, 1), one parser for run, eval, explain and review.
    [
      '--threshold 0,6',
      ['reports/', '--threshold', '0,6'],
      /'0,6' is invalid\. Use a decimal point, not a comma: 0\.6\./,
    ],
    [
      '--threshold 1,5',
      ['reports/', '--threshold', '1,5'],
      /'1,5' is invalid\. Use a decimal point, not a comma, and a confidence between 0 and 1/,
    ],
    [
      '--threshold abc',
      ['reports/', '--threshold', 'abc'],
      /'abc' is invalid\. Expected a confidence between 0 and 1/,
    ],
    [
      '--threshold 0',
      ['reports/', '--threshold', '0'],
      /'0' is invalid\. Expected a confidence between 0 and 1/,
    ],
    [
      '--threshold 1.2',
      ['reports/', '--threshold', '1.2'],
      /'1\.2' is invalid\. Expected a confidence between 0 and 1/,
    ],
    ['--quotes x', ['reports/', '--quotes', 'x'], /'x' is invalid\. Expected a whole number/],
    ["--formats ''", ['reports/', '--formats', ''], /Names nothing: choose one or more of csv,md,xlsx/],
    ['--formats pdf', ['reports/', '--formats', 'csv,pdf'], /Unknown "pdf": choose from csv,md/],
    [
      'a mistyped command',
      ['explian', 'x.md'],
      /unknown command "explian": did you mean `analyse explain`\?/,
    ],
    ['another mistyped command', ['chek-leaks', 'out/'], /did you mean `analyse check-leaks`\?/],
    [
      'explain --line abc',
      ['explain', 'reports/jarviseutu-tilavaraus.md', '--line', 'abc'],
      /'abc' is invalid\. Expected a line number/,
    ],
    [
      'eval --threshold 0,6',
      ['eval', 'x.yaml', '--threshold', '0,6'],
      /Use a decimal point, not a comma: 0\.6\./,
    ],
    [
      'explain --threshold 2',
      ['explain', 'x.md', '--threshold', '2'],
      /Expected a confidence between 0 and 1/,
    ],
    [
      'review --threshold 0,6',
      ['review', 'x.md', '--threshold', '0,6'],
      /Use a decimal point, not a comma: 0\.6\./,
    ],
  ])('%s', async (_what, args, message) => {
    const r = await analyse(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a .qdc given as --codebook points to import-codebook', async () => {
    const book = join(tmp('qdc'), 'book.qdc');
    writeFileSync(
      book,
      '<?xml version="1.0" encoding="utf-8"?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes/></CodeBook>\n',
    );
    const r = await analyse(['reports/', '--codebook', book, '--out', tmp('qdc-out')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${book} is a REFI-QDA codebook (.qdc), not a YAML codebook`);
    expect(r.stderr).toContain('import-codebook');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('check-leaks on a folder with nothing to check is no all-clear: exit 2', async () => {
    const r = await analyse(['check-leaks', tmp('nothing')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nothing to check in .*: no exported files/);
    expect(r.stdout).toBe('');
  });
});

describe('help', () => {
  it('`analyse reports/ --help` shows the run’s options', async () => {
    const r = await analyse(['reports/', '--help']);
    expect(r.code).toBe(0);
    for (const option of [
      '--out',
      '--lang',
      '--delimiter',
      '--numbered',
      '--quotes',
      '--formats',
      '--threshold',
      '--learn-from',
      '--review',
      '--state',
    ])
      expect(r.stdout).toContain(option);
  });

  it('explain’s own --help example works', async () => {
    const help = (await analyse(['explain', '--help'])).stdout;
    const example = /\$ analyse (explain .+)\n/.exec(help)?.[1];
    expect(example).toBeDefined();
    const r = await analyse([...(example ?? '').split(/\s+/), '--morphology', 'snowball']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/term:/);
  });

  it('the README documents every option of every command', async () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const commands = Object.keys(SUBCOMMANDS);
    const helps = await Promise.all(commands.map((c) => analyse([c, '--help'])));
    helps.forEach(({ stdout }, i) => {
      const options = [...stdout.matchAll(/^\s+(?:-\w, )?(--[\w-]+)/gm)]
        .map((m) => m[1])
        .filter((o) => o !== '--help');
      expect(options.length).toBeGreaterThan(0);
      for (const o of options) expect(readme, `${commands[i]} ${o}`).toMatch(new RegExp(`(\`|, )${o}\\b`));
    });
  }, 300_000);
});

describe('CSV for the spreadsheet of the chosen language', () => {
  const dir = report();

  it.each([
    ['fi (the default): ; and decimal commas', [], ';', /;1,000;/],
    ['sv: ; and decimal commas', ['--lang', 'sv'], ';', /;1,000;/],
    ['en: , and decimal points', ['--lang', 'en'], ',', /,1\.000,/],
    ['fi with --delimiter ,: , and decimal points', ['--delimiter', ','], ',', /,1\.000,/],
    ['en with --delimiter ;', ['--lang', 'en', '--delimiter', ';'], ';', /;1,000;/],
  ])('%s', async (_what, extra, delimiter, share) => {
    const out = tmp('csv');
    const r = await analyse([dir, '--out', out, '--formats', 'csv', '--morphology', 'snowball', ...extra]);
    expect(r.code).toBe(0);
    const counts = readFileSync(join(out, 'theme_counts.csv'), 'utf8').replace(/^\uFEFF/, '');
    expect(counts.split('\n')[0]).toBe(
      [
        'code',
        'polarity',
        'theme',
        'label',
        'reports',
        'segments',
        'share_of_reports',
        'share_among_siblings',
        'strong_reports',
        'strong_segments',
      ].join(delimiter),
    );
    expect(counts).toMatch(share);
  });

  it('report_themes.csv is headed in the chosen language, one column per theme under its label', async () => {
    const fi = tmp('matrix-fi');
    const en = tmp('matrix-en');
    await analyse([dir, '--out', fi, '--formats', 'csv', '--morphology', 'snowball']);
    await analyse([dir, '--out', en, '--formats', 'csv', '--morphology', 'snowball', '--lang', 'en']);
    const head = (out: string) =>
      readFileSync(join(out, 'report_themes.csv'), 'utf8')
        .replace(/^\uFEFF/, '')
        .split('\n')[0];
    expect(head(fi)).toMatch(
      /^Raportti;Asukkaiden osallistumis- ja vaikuttamismahdollisuuksien monipuolistuminen;/,
    );
    expect(head(en)?.startsWith('Report,')).toBe(true);
    expect(head(en)).not.toContain('success.participation');
  });
});
