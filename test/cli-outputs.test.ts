// The output folder as an evaluator meets it, through the built CLI: two runs at once never mix, a run
// killed at any moment leaves a whole set, stale outputs go, the tool never reads its own outputs, and an
// output folder or input folder it cannot use is one line and exit 2, never a hang or a stack trace.
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { recoverOutputFolder } from '../src/io/output-folder.js';
import { analyse, bin, cliEnv, root } from './helpers/run-cli.js';

// Each test spawns whole runs of the CLI; on a loaded machine a few of them take more than a minute.
vi.setConfig({ testTimeout: 300_000 });
const tmp = (name: string) => mkdtempSync(join(tmpdir(), `analyse-${name}-`));
const BASE = ['--morphology', 'snowball', '--formats', 'csv,md'];

/** A folder of small reports, one paragraph each, named by `names`. */
function reports(names: string[]): string {
  const dir = tmp('reports');
  const texts = [
    'Yhteistyö naapurikuntien kanssa sujui erinomaisesti, ja verkosto jatkaa toimintaansa.',
    'Järjestelmätoimittaja ei toimittanut luvattua rajapintaa, ja käyttöönotto viivästyi puoli vuotta.',
    'Asukkaat osallistuivat aktiivisesti kyselyihin, ja palautekanava otettiin laajasti käyttöön.',
  ];
  names.forEach((n, i) => {
    writeFileSync(join(dir, `${n}.md`), `# Loppuraportti\n\n${texts[i % texts.length]}\n`);
  });
  return dir;
}

/** The tool's files in a folder (hidden machinery aside) with their bytes. */
const toolFiles = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir)
      .filter((n) => !n.startsWith('.') && n !== 'mine.txt')
      .sort()
      .map((n) => [n, readFileSync(join(dir, n), 'utf8')]),
  );

/** Report keys named in a CSV's first column (header aside). */
const firstColumn = (text: string) =>
  text
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(';')[0]);

describe('two runs into one folder at once', () => {
  it('never leave a mix: the folder holds one run’s whole set; a run that cannot get the lock says so, exit 2', async () => {
    const a = reports(['alpha']);
    const b = reports(['beta', 'gamma']);
    const out = tmp('both');
    const start = (dir: string) =>
      new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [bin, dir, '--out', out, ...BASE], {
          cwd: root,
          env: cliEnv(),
        });
        let stderr = '';
        child.stderr.on('data', (d) => {
          stderr += d;
        });
        child.on('exit', (code) => resolve({ code, stderr }));
      });
    const [ra, rb] = await Promise.all([start(a), start(b)]);
    for (const r of [ra, rb]) {
      expect([0, 2]).toContain(r.code);
      if (r.code === 2) expect(r.stderr).toMatch(/is in use by another run \(process \d+/);
    }
    expect([ra.code, rb.code]).toContain(0);
    const aliases = firstColumn(readFileSync(join(out, 'aliases.csv'), 'utf8'));
    const reportsInAliases = readFileSync(join(out, 'aliases.csv'), 'utf8');
    const matrix = firstColumn(readFileSync(join(out, 'report_themes.csv'), 'utf8'));
    const set = reportsInAliases.includes('alpha') ? ['alpha'] : ['beta', 'gamma'];
    expect(matrix).toEqual(set);
    expect(aliases).toHaveLength(set.length);
    expect(readFileSync(join(out, 'codings.csv'), 'utf8')).not.toMatch(
      set.includes('alpha') ? /beta|gamma/ : /alpha/,
    );
  });

  it('a lock held by a live process: exit 2 with a clear message, the folder untouched', async () => {
    const out = tmp('held');
    writeFileSync(
      join(out, '.analyse-lock'),
      JSON.stringify({ pid: process.pid, host: hostname(), token: 't', since: 'now' }),
    );
    const r = await analyse([reports(['alpha']), '--out', out, ...BASE]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`is in use by another run (process ${process.pid}`);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(readdirSync(out)).toEqual(['.analyse-lock']);
  });
});

describe('a run killed with SIGKILL at any moment', () => {
  it('leaves the previous set whole, or a committed set the next run finishes; no temporaries stay', async () => {
    const a = reports(['alpha']);
    const b = reports(['beta', 'gamma', 'delta']);
    const out = tmp('kill');
    writeFileSync(join(out, 'mine.txt'), 'mine');
    // A temporary of a killed run of an older version, holding original text.
    writeFileSync(join(out, '.codings.csv.0123456789ab.tmp'), 'Yhteistyö naapurikuntien kanssa');
    expect((await analyse([a, '--out', out, ...BASE])).code).toBe(0);
    expect(existsSync(join(out, '.codings.csv.0123456789ab.tmp'))).toBe(false);
    const setA = toolFiles(out);
    const refOut = tmp('kill-ref');
    const t0 = Date.now();
    expect((await analyse([b, '--out', refOut, ...BASE])).code).toBe(0);
    const duration = Date.now() - t0;
    const setB = toolFiles(refOut);
    const outcomes = new Set<string>();
    for (const fraction of [0.2, 0.5, 0.8, 0.95]) {
      const child = spawn(process.execPath, [bin, b, '--out', out, ...BASE], {
        cwd: root,
        env: cliEnv(),
        stdio: 'ignore',
      });
      const exited = new Promise((resolve) => child.on('exit', resolve));
      await new Promise((resolve) => setTimeout(resolve, duration * fraction));
      child.kill('SIGKILL');
      await exited;
      const now = toolFiles(out);
      const committed = existsSync(join(out, '.analyse-commit'));
      if (!committed) expect([setA, setB]).toContainEqual(now);
      recoverOutputFolder(out, new Set(['codings.csv']));
      const after = toolFiles(out);
      expect([setA, setB]).toContainEqual(after);
      outcomes.add(JSON.stringify(after) === JSON.stringify(setA) ? 'A' : 'B');
      expect(readdirSync(out).filter((n) => /staging|\.tmp$|commit/.test(n))).toEqual([]);
      expect(readFileSync(join(out, 'mine.txt'), 'utf8')).toBe('mine');
      // Back to set A for the next kill, through a whole run (which also takes over the dead run's lock).
      if (JSON.stringify(after) !== JSON.stringify(setA))
        expect((await analyse([a, '--out', out, ...BASE])).code).toBe(0);
    }
    expect(outcomes.size).toBeGreaterThan(0);
  }, 600_000);
});

describe('stale outputs and the tool’s own outputs', () => {
  it('a run with fewer formats removes the outputs it did not write, and names them', async () => {
    const out = tmp('stale');
    writeFileSync(join(out, 'mine.txt'), 'mine');
    const dir = reports(['alpha']);
    expect(
      (await analyse([dir, '--out', out, '--morphology', 'snowball', '--formats', 'csv,md,html'])).code,
    ).toBe(0);
    expect(existsSync(join(out, 'report.html'))).toBe(true);
    const r = await analyse([dir, '--out', out, '--morphology', 'snowball', '--formats', 'md']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/wrote 1 file to .*: quotes\.md/);
    expect(r.stderr).toMatch(
      /removed 6 outputs of the previous run that this run did not write: aliases\.csv, codings\.csv, quote/,
    );
    expect(readdirSync(out).filter((n) => !n.startsWith('.'))).toEqual(['mine.txt', 'quotes.md']);
  });

  it('`analyse same/ --out same/` twice reads the reports only, never its own outputs', async () => {
    const same = reports(['alpha', 'beta']);
    const first = await analyse([same, '--out', same, '--json', ...BASE]);
    expect(first.code).toBe(0);
    const second = await analyse([same, '--out', same, '--json', ...BASE]);
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout).reports).toBe(2);
    expect(second.stderr).toMatch(/output files? of analyse listed in \.analyse-manifest\.json skipped/);
  });

  it('an output folder inside the reports folder is skipped whole, with a note', async () => {
    const dir = reports(['alpha']);
    const out = join(dir, 'old-out');
    expect((await analyse([dir, '--out', out, ...BASE])).code).toBe(0);
    const r = await analyse([dir, '--out', tmp('elsewhere'), '--json', ...BASE]);
    expect(JSON.parse(r.stdout).reports).toBe(1);
    expect(r.stderr).toMatch(/old-out: info Holds outputs of analyse/);
  });
});

const isRoot = process.getuid?.() === 0;
const unshareWorks =
  spawnSync('unshare', ['-rm', 'sh', '-c', 'mount -t tmpfs -o ro tmpfs /mnt'], { encoding: 'utf8' })
    .status === 0;

describe('output and input folders the run cannot use: one line, exit 2, no hang', () => {
  const dir = reports(['alpha']);

  it.each([
    ['a file', () => join(dir, 'alpha.md'), /alpha\.md is a file, not a folder/],
    ['under /proc', () => '/proc/analyse-out', /on a virtual file system \(proc\)/],
    [
      'under a file',
      () => join(dir, 'alpha.md', 'out'),
      /is a file, not a folder|a part of the path is a file/,
    ],
  ])('--out %s', async (_what, out, message) => {
    const r = await analyse([dir, '--out', out(), ...BASE]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('--out a read-only folder', async () => {
    const parent = tmp('ro');
    const out = join(parent, 'out');
    mkdirSync(out);
    chmodSync(out, 0o555);
    chmodSync(parent, 0o755);
    chmodSync(dir, 0o755);
    const r = await analyse([dir, '--out', out, ...BASE], isRoot ? { uid: 65534 } : {});
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot write to the output folder .*permission denied \(EACCES\)/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it.skipIf(!unshareWorks)(
    '--out on a read-only file system (a read-only tmpfs in a private mount namespace)',
    async () => {
      const r = await analyse([dir, '--out', '/mnt/out', ...BASE], {
        command: ['unshare', '-rm', 'sh', '-c', 'mount -t tmpfs -o ro tmpfs /mnt && exec "$0" "$@"'],
      });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/cannot create the output folder \/mnt\/out: read-only file system \(EROFS\)/);
    },
  );

  it.skipIf(!unshareWorks)(
    'a full disk while writing: one line, exit 2, nothing half-written left',
    async () => {
      const script =
        'mount -t tmpfs -o size=48k tmpfs /mnt && "$0" "$@"; code=$?; ls -A /mnt/out; exit $code';
      const r = await analyse([dir, '--out', '/mnt/out', '--morphology', 'snowball'], {
        command: ['unshare', '-rm', 'sh', '-c', script],
      });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(
        /cannot write the outputs to \/mnt\/out: no space left on the device \(ENOSPC\)/,
      );
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stdout.trim()).toBe('');
    },
  );

  it('an unreadable subfolder is a diagnostic; the other reports are analysed', async () => {
    const top = reports(['alpha']);
    const locked = join(top, 'locked');
    mkdirSync(locked);
    writeFileSync(join(locked, 'secret.md'), '# x\n\nteksti\n');
    chmodSync(locked, 0o000);
    chmodSync(top, 0o755);
    const out = tmp('unreadable-out');
    chmodSync(out, 0o777);
    const r = await analyse([top, '--out', out, '--json', ...BASE], isRoot ? { uid: 65534 } : {});
    chmodSync(locked, 0o755);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).reports).toBe(1);
    expect(r.stderr).toMatch(/locked: error Cannot read the folder \(EACCES\)/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('a copied codebook', () => {
  const withBook = (book: string) =>
    analyse([reports(['alpha']), '--codebook', book, '--out', tmp('book-out'), '--json', ...BASE]);

  it('works with the bundled allow-list, or with the one it names', async () => {
    const dir = tmp('book');
    cpSync(join(root, 'codebooks', 'digikannustin-2020.yaml'), join(dir, 'oma.yaml'));
    const r = await withBook(join(dir, 'oma.yaml'));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).allowList).toBe(join(root, 'codebooks', 'allow-list.yaml'));
    const book = readFileSync(join(dir, 'oma.yaml'), 'utf8');
    writeFileSync(join(dir, 'named.yaml'), `allowList: lists/sallitut.yaml\n${book}`);
    mkdirSync(join(dir, 'lists'));
    writeFileSync(join(dir, 'lists', 'sallitut.yaml'), 'julkiset: [Kuntaliitto]\n');
    const named = await withBook(join(dir, 'named.yaml'));
    expect(named.code).toBe(0);
    expect(JSON.parse(named.stdout).allowList).toBe(join(dir, 'lists', 'sallitut.yaml'));
  });

  it('a codebook naming an allow-list that is not there: file:line:col, exit 2', async () => {
    const dir = tmp('book-missing');
    const book = readFileSync(join(root, 'codebooks', 'digikannustin-2020.yaml'), 'utf8');
    writeFileSync(join(dir, 'oma.yaml'), `allowList: puuttuu.yaml\n${book}`);
    const r = await withBook(join(dir, 'oma.yaml'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `${join(dir, 'oma.yaml')}:1:12: error The allow-list this codebook names cannot be read`,
    );
  });
});
