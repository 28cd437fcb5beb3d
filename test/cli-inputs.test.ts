// Hostile and duplicate inputs beside good reports, through the built CLI: no input breaks the run, the
// good reports are still coded, each bad file is named with its reason, one report in three formats
// counts once, documents that are not final reports are flagged (and left out when asked).
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { docxBomb } from './fixtures/readers/docx-bomb.js';

const root = join(import.meta.dirname, '..');
const readers = join(root, 'test', 'fixtures', 'readers');

/** The CLI in a child process, awaited (not spawnSync: a long run must not block the test worker). */
function analyse(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'bin', 'analyse.js'), ...args], {
      cwd: root,
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function withSampleReports(): string {
  const dir = mkdtempSync(join(tmpdir(), 'analyse-inputs-'));
  for (const f of readdirSync(join(root, 'reports'))) copyFileSync(join(root, 'reports', f), join(dir, f));
  return dir;
}

describe('hostile inputs beside the sample reports', () => {
  const dir = withSampleReports();
  writeFileSync(join(dir, 'pommi.docx'), docxBomb(20));
  // One line of 200,000 characters without a sentence end.
  writeFileSync(
    join(dir, 'rivi.txt'),
    'yhteistyö kuntien kanssa sujui hyvin mutta aikataulu viivästyi, '.repeat(3_100),
  );
  // One line of 6 MB: more text than any report, skipped (a 50 MB line took minutes to code).
  writeFileSync(
    join(dir, 'valtava.txt'),
    'hankkeen yhteistyö kuntien kanssa sujui hyvin mutta aikataulu viivästyi, '.repeat(85_000),
  );
  writeFileSync(
    join(dir, 'rikki.md'),
    Buffer.concat([
      Buffer.from('# Loppuraportti\n\nHankkeen vetäjä Maija Mäki kertoi, että yhteisty'),
      Buffer.from([0xc3]),
      Buffer.from(' kuntien kanssa onnistui erinomaisesti ja palaute oli myönteistä.\n'),
    ]),
  );
  writeFileSync(
    join(dir, 'html.md'),
    '# Loppuraportti\n\n## Onnistumiset\n\nYhteistyö kuntien kanssa onnistui erinomaisesti <script>alert(1)</script> ja <b>asukkaat</b> osallistuivat <img src=x onerror=alert(2)> työpajoihin innokkaasti, ja palaute oli myönteistä.\n',
  );
  const out = join(dir, 'out');
  let r: Awaited<ReturnType<typeof analyse>>;
  beforeAll(async () => {
    r = await analyse([dir, '--out', out, '--json', '--formats', 'csv,md']);
  }, 600_000);

  it('finishes with exit 0 and codes every readable report', () => {
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.reports).toBe(5 + 3);
    expect(summary.failed).toBe(2);
    const themes = readFileSync(join(out, 'report_themes.csv'), 'utf8');
    for (const f of readdirSync(join(root, 'reports'))) expect(themes).toContain(f.replace(/\.\w+$/, ''));
  });

  it('names each bad file with its reason', () => {
    expect(r.stderr).toMatch(
      /pommi\.docx: error skipped: its XML inflates to more than 16 MB.*\[parse\/docx-too-large\]/,
    );
    expect(r.stderr).toMatch(/valtava\.txt: error skipped: 5\.9 M characters of text.*\[read\/too-large\]/);
    expect(r.stderr).toMatch(
      /rikki\.md:3:49: warning not valid UTF-8: 1 broken byte sequence.*\[read\/invalid-utf8\]/,
    );
  });

  it('never turns broken UTF-8 into mojibake, and escapes raw HTML in quotes.md', () => {
    const codings = readFileSync(join(out, 'codings.csv'), 'utf8');
    expect(codings).not.toMatch(/Ã|√/);
    const quotes = readFileSync(join(out, 'quotes.md'), 'utf8');
    expect(quotes).not.toMatch(/(^|[^\\])<(script|img|b)\b/m);
  });
});

describe('one report in three formats, and documents that are not final reports', () => {
  const dir = withSampleReports();
  for (const ext of ['docx', 'pdf'])
    copyFileSync(join(readers, `ylasavo-sahkoinen-asiointi.${ext}`), join(dir, `kopio.${ext}`));
  for (const f of ['tiedote.txt', 'bilder.txt'])
    copyFileSync(join(root, 'test', 'fixtures', 'genre', f), join(dir, f));

  it('counts the report once and flags the press release and the slides', async () => {
    const r = await analyse([dir, '--out', join(dir, 'out'), '--json', '--formats', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.reports).toBe(5 + 2);
    expect(summary.duplicates.map((d: { path: string }) => d.path.replace(/.*\//, ''))).toEqual([
      'kopio.docx',
      'kopio.pdf',
    ]);
    expect(summary.nonReports.map((n: { genre: string }) => n.genre)).toEqual(['slides', 'press-release']);
    expect(r.stderr).toMatch(/kopio\.pdf: warning the same report as .*ylasavo-sahkoinen-asiointi\.md/);
  }, 600_000);

  it('--skip-non-reports leaves them out of every count', async () => {
    const r = await analyse([
      dir,
      '--out',
      join(dir, 'out2'),
      '--json',
      '--formats',
      'csv',
      '--skip-non-reports',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.reports).toBe(5);
    expect(summary.nonReports.every((n: { skipped: boolean }) => n.skipped)).toBe(true);
    expect(readFileSync(join(dir, 'out2', 'report_themes.csv'), 'utf8')).not.toMatch(/tiedote|bilder/);
  }, 600_000);
});
