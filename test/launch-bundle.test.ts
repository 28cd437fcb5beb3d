// The launch bundle (src/launch/, scripts/build-bundle.mjs): bin/analyse.js starts the CLI and its worker
// threads from dist/bundle/ with V8's code cache, and that changes nothing but the time. The same outputs
// byte for byte and the same diagnostics as the compiled modules of dist/ (a copy of the package without
// the bundle), with one thread and with two; a damaged or missing cache, a stale or broken bundle only
// cost time; every command and its help read the same. No timing here: npm run bench measures.
import {
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUBCOMMANDS } from '../src/cli/main.js';
import { BUNDLE_FILE, CACHE_FILE } from '../src/launch/bundle-layout.js';
import { analyse, type CliResult, root } from './helpers/run-cli.js';

const made: string[] = [];
const tmp = (name: string) => {
  const dir = mkdtempSync(join(tmpdir(), `analyse-bundle-${name}-`));
  made.push(dir);
  return dir;
};
// Each copy of the package is some 25 MB.
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});
const TIMINGS = { ANALYSE_TIMINGS: '1' };

/** A copy of the installed package (its node_modules linked), with its files' times kept. */
function copyPackage(name: string): { dir: string; bin: string; bundle: string; cache: string } {
  const dir = tmp(name);
  for (const part of ['bin', 'dist', 'codebooks', 'rules', 'package.json'])
    cpSync(join(root, part), join(dir, part), { recursive: true, preserveTimestamps: true });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const bundleDir = join(dir, 'dist', 'bundle');
  return {
    dir,
    bin: join(dir, 'bin', 'analyse.js'),
    bundle: join(bundleDir, BUNDLE_FILE),
    cache: join(bundleDir, CACHE_FILE),
  };
}

// The folder of test/cli-jobs.test.ts: the sample reports, a DOCX and a PDF (libraries left out of the
// bundle), an encrypted PDF and a broken file (diagnostics).
const input = tmp('in');
for (const f of readdirSync(join(root, 'reports'))) cpSync(join(root, 'reports', f), join(input, f));
for (const f of ['tavutus.docx', 'raportti.pdf', 'salattu.pdf'])
  cpSync(join(root, 'test', 'fixtures', 'readers', f), join(input, f));
writeFileSync(join(input, 'rikki.docx'), 'not a zip');

interface Run {
  out: string;
  r: CliResult;
}

async function run(jobs: string, bin?: string): Promise<Run> {
  const out = tmp('out');
  const r = await analyse([input, '--out', out, '--jobs', jobs], { env: TIMINGS, ...(bin ? { bin } : {}) });
  return { out, r };
}

function expectSameOutputs(a: Run, b: Run): void {
  expect(a.r.code, a.r.stderr).toBe(0);
  expect(b.r.code, b.r.stderr).toBe(0);
  const files = readdirSync(a.out).sort();
  expect(files).toContain('project.qdpx');
  expect(readdirSync(b.out).sort()).toEqual(files);
  for (const f of files)
    expect(readFileSync(join(b.out, f)).equals(readFileSync(join(a.out, f))), f).toBe(true);
}

/** What the run says, without where its outputs went, how long it took and the launch notes. */
const talk = (run: Run) =>
  run.r.stderr
    .replaceAll(run.out, '<out>')
    .split('\n')
    .filter((l) => !/^analyse: (phase|launch)/.test(l))
    .map((l) => l.replace(/ in [\d.]+ s\b/, ' in <time> s'));

/** The version from the bundle: `--version` alone starts from dist/ (load-bundle.ts). */
const VERSION_FROM_BUNDLE = ['--version', '--version'];

const launchNotes = (r: CliResult) => r.stderr.split('\n').filter((l) => l.startsWith('analyse: launch: '));

describe('the bundle gives what the compiled modules give', () => {
  // Copies named alike, so that the paths the help texts wrap are as long.
  const plain = copyPackage('pkg');
  rmSync(join(plain.dir, 'dist', 'bundle'), { recursive: true });
  const bundle = copyPackage('pkg');
  const runs: Record<string, Run> = {};
  beforeAll(async () => {
    for (const jobs of ['1', '2']) {
      runs[`bundle ${jobs}`] = await run(jobs);
      runs[`plain ${jobs}`] = await run(jobs, plain.bin);
    }
  }, 600_000);

  it('starts the run and its worker threads from the bundle, with the code cache the build made', () => {
    const notes = launchNotes(runs['bundle 2']?.r as CliResult);
    // The main thread and at least one worker; V8 may refuse the cache under other flags, never find it bad.
    expect(notes.length).toBeGreaterThanOrEqual(2);
    for (const n of notes) expect(n).toMatch(/^analyse: launch: bundle, code cache (used|rejected by V8)$/);
    expect(launchNotes(runs['plain 1']?.r as CliResult)).toEqual([]);
  });

  it.each(['1', '2'])('the same outputs byte for byte with --jobs %s', (jobs) => {
    expectSameOutputs(runs[`plain ${jobs}`] as Run, runs[`bundle ${jobs}`] as Run);
  });

  it.each(['1', '2'])('the same diagnostics and summary with --jobs %s, and no warning of Node', (jobs) => {
    const bundled = runs[`bundle ${jobs}`] as Run;
    expect(talk(bundled)).toEqual(talk(runs[`plain ${jobs}`] as Run));
    expect(bundled.r.stderr).toMatch(/\[parse\//);
    expect(bundled.r.stderr).not.toMatch(/Warning/);
  });

  it('--version, --help and every command help read the same', async () => {
    // The program's own --version and --help alone start from dist/ (nothing to gain from the bundle);
    // `help` and a repeated --version ask the same of the bundle.
    const fromBundle = [['help'], VERSION_FROM_BUNDLE, ...Object.keys(SUBCOMMANDS).map((c) => [c, '--help'])];
    for (const args of [['--version'], ['--help'], ...fromBundle]) {
      const bundled = await analyse(args, { bin: bundle.bin, env: TIMINGS });
      const compiled = await analyse(args, { bin: plain.bin, env: TIMINGS });
      const said = (r: CliResult, dir: string) =>
        [r.code, r.stdout, r.stderr.replace(/^analyse: launch: .*\n/gm, '')].map((s) =>
          String(s).replaceAll(dir, '<package>'),
        );
      expect(said(bundled, bundle.dir), args.join(' ')).toEqual(said(compiled, plain.dir));
      expect(bundled.stdout.length, args.join(' ')).toBeGreaterThan(0);
      expect(launchNotes(bundled).length, args.join(' ')).toBe(fromBundle.includes(args) ? 1 : 0);
    }
  }, 120_000);
});

describe('a bad bundle or code cache costs time, never the run', () => {
  let reference: Run;
  beforeAll(async () => {
    reference = await run('2');
  }, 300_000);

  it('a damaged code cache is not handed to V8 (a damaged cache crashes it)', async () => {
    const pkg = copyPackage('damaged');
    const bytes = readFileSync(pkg.cache);
    for (let i = bytes.length >> 1; i < bytes.length; i += 7919) bytes[i] = (bytes[i] ?? 0) ^ 0x5a;
    writeFileSync(pkg.cache, bytes);
    const damaged = await run('2', pkg.bin);
    expectSameOutputs(reference, damaged);
    const notes = launchNotes(damaged.r);
    expect(notes.length).toBeGreaterThanOrEqual(2);
    for (const n of notes) expect(n).toBe('analyse: launch: bundle, code cache damaged or of another bundle');
  }, 300_000);

  it('a missing code cache: the bundle compiled afresh', async () => {
    const pkg = copyPackage('uncached');
    rmSync(pkg.cache);
    const uncached = await run('2', pkg.bin);
    expectSameOutputs(reference, uncached);
    expect(launchNotes(uncached.r)[0]).toBe('analyse: launch: bundle, code cache absent');
  }, 300_000);

  it('a bundle older than dist/ (a tsc since the build) is not run', async () => {
    const pkg = copyPackage('stale');
    writeFileSync(pkg.bundle, 'throw new Error("the stale bundle ran");\n');
    const main = statSync(join(pkg.dir, 'dist', 'cli', 'main.js')).mtime;
    utimesSync(pkg.bundle, main, new Date(main.getTime() - 60_000));
    const r = await analyse(VERSION_FROM_BUNDLE, { bin: pkg.bin, env: TIMINGS });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe((await analyse(['--version'])).stdout);
    expect(launchNotes(r)).toEqual([
      'analyse: launch: the bundle is older than dist/ (run `npm run build`); running dist/',
    ]);
  });

  it('a broken bundle (an interrupted build): said once, then the run from dist/', async () => {
    const pkg = copyPackage('broken');
    const text = readFileSync(pkg.bundle, 'utf8');
    writeFileSync(pkg.bundle, text.slice(0, text.length >> 1));
    const r = await analyse(VERSION_FROM_BUNDLE, { bin: pkg.bin });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe((await analyse(['--version'])).stdout);
    expect(r.stderr).toMatch(/^analyse: the launch bundle .* could not be loaded .*running dist\/ instead/);
  });

  it('a bundle cut short where it still parses (after a name in a var list): the run from dist/', async () => {
    const pkg = copyPackage('cut');
    // What the half of a bundle ending in `var MAYBE_SPECIAL,…,tableDe` is: a script that exports nothing.
    writeFileSync(pkg.bundle, 'var MAYBE_SPECIAL,ATX,tableDe');
    const r = await analyse(VERSION_FROM_BUNDLE, { bin: pkg.bin });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe((await analyse(['--version'])).stdout);
    expect(r.stderr).toMatch(
      /^analyse: the launch bundle .* could not be loaded \(the bundle exports no main\)/,
    );
  });
});
