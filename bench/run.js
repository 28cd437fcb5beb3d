#!/usr/bin/env node
// npm run bench: speed and memory of the built CLI on a generated corpus of realistic final reports
// (bench/corpus.js), every default output format written. Each case runs in its own process, so wall
// time, CPU time (user + sys) and peak RSS are that run's own; ripgrep on one thread, scanning the same
// corpus for all the codebook's term stems at once, gives the yardstick for the matching part of the job.
//
//   npm run bench                      100, 1,000 and 10,000 reports, one 50 MB and one 4 MB report, start-up
//   npm run bench -- --quick           100 and 1,000 reports, plus start-up
//   options: --sizes 100,1000  --huge MB,MB (0: none)  --seed N  --bin PATH (another build's bin/analyse.js)
//            --json FILE (the figures as JSON)  --no-startup  --no-rg  --jobs N (passed to the CLI)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { GENERATOR_VERSION, generateReport, loadSources, prepareNames } from './corpus.js';
import { rgAvailable, rgPattern, rgSeconds } from './ripgrep.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = join(root, 'bench', '.corpus');
const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const quick = flag('quick');
const sizes = opt('sizes', quick ? '100,1000' : '100,1000,10000')
  .split(',')
  .filter(Boolean)
  .map(Number);
// One report of each size: 50 MB (issue 13), and 4 MB, about the largest the tool reads (read/too-large
// above 4 Mi characters).
const hugeMB = opt('huge', quick ? '0' : '50,4')
  .split(',')
  .map(Number)
  .filter((mb) => mb > 0);
const seed = Number(opt('seed', '20251'));
const bin = resolve(opt('bin', join(root, 'bin', 'analyse.js')));
const jsonOut = opt('json', '');
// --jobs N is passed on to every run (default: the CLI's own, one worker per core).
const jobsArgs = opt('jobs', '') ? ['--jobs', opt('jobs', '')] : [];
const hook = pathToFileURL(join(root, 'bench', 'rusage.js')).href;

// ---------------------------------------------------------------------------------------------------
// Corpora, cached in bench/.corpus and rebuilt when the generator, the seed or the size changes.

let sources;
let names;
function generator() {
  sources ??= loadSources(root);
  names ??= prepareNames();
  if (!sources.seedFound) console.error('bench: seed 001 not found beside the project; using reports/ only');
  return { sources, names };
}

function folderBytes(dir) {
  return readdirSync(dir)
    .filter((f) => !f.startsWith('.'))
    .reduce((n, f) => n + statSync(join(dir, f)).size, 0);
}

function cached(dir, stamp, make) {
  const file = join(dir, '.stamp');
  const want = JSON.stringify({ version: GENERATOR_VERSION, seed, ...stamp });
  if (!existsSync(file) || readFileSync(file, 'utf8') !== want) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    make();
    writeFileSync(file, want);
  }
  return { dir, bytes: folderBytes(dir), files: readdirSync(dir).filter((f) => !f.startsWith('.')).length };
}

function manyReports(n) {
  return cached(join(work, `reports-${n}`), { n }, () => {
    const { sources: s, names: k } = generator();
    for (let i = 0; i < n; i++) {
      const r = generateReport(s, k, seed, i);
      writeFileSync(join(work, `reports-${n}`, `r${String(i).padStart(5, '0')}.${r.ext}`), r.text);
    }
  });
}

/** One report of `mb` megabytes: generated reports' bodies one after another as its chapters. */
function hugeReport(mb) {
  return cached(join(work, `huge-${mb}`), { mb }, () => {
    const { sources: s, names: k } = generator();
    const parts = [];
    let size = 0;
    for (let i = 0; size < mb * 1_000_000; i++) {
      const text = generateReport(s, k, seed + 1, i).text.replace(/^# /m, `# ${i + 1}. `);
      parts.push(text);
      size += Buffer.byteLength(text);
    }
    writeFileSync(join(work, `huge-${mb}`, 'huge.md'), parts.join('\n'));
  });
}

// ---------------------------------------------------------------------------------------------------
// Runs.

function measure(cliArgs) {
  const usage = join(work, '.rusage.json');
  rmSync(usage, { force: true });
  const t = performance.now();
  const r = spawnSync(process.execPath, ['--import', hook, bin, ...cliArgs], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', BENCH_RUSAGE: usage, ANALYSE_TIMINGS: '1' },
    maxBuffer: 1 << 28,
  });
  const wall = (performance.now() - t) / 1000;
  if (!existsSync(usage)) {
    const why = r.signal ? `killed by ${r.signal}` : `exit ${r.status}`;
    return { wall, failed: `${why}: ${(r.stderr ?? '').trim().split('\n').slice(-3).join(' | ')}` };
  }
  const u = JSON.parse(readFileSync(usage, 'utf8'));
  // The run's own phase lines (ANALYSE_TIMINGS): where the time of the run went.
  const phases = [
    ...(r.stderr ?? '').matchAll(
      /^analyse: phase (.+?): ([\d.]+) s wall, ([\d.]+) s CPU, (\d+) MB resident$/gm,
    ),
  ].map((m) => ({ phase: m[1], wall: Number(m[2]), cpu: Number(m[3]), rssMB: Number(m[4]) }));
  return { wall, cpu: u.userSeconds + u.systemSeconds, rssMB: u.maxRSSKB / 1024, code: u.code, phases };
}

const rg = !flag('no-rg') && rgAvailable();
if (!flag('no-rg') && !rg)
  console.error(
    'bench: ripgrep (rg) not found; the ratio to `rg -j1` is skipped (.ci/install-optional.sh installs it)',
  );
const pattern = rg ? rgPattern(join(root, 'codebooks', 'digikannustin-2020.yaml')) : '';

const rows = [];
function runCase(name, corpus) {
  console.error(`bench: ${name} (${corpus.files} files, ${(corpus.bytes / 1e6).toFixed(1)} MB) …`);
  const out = join(work, `out-${name}`);
  // A first run: no earlier output, and its own state folder (aliases, inventory), never the project's.
  const state = join(work, `state-${name}`);
  rmSync(out, { recursive: true, force: true });
  rmSync(state, { recursive: true, force: true });
  const m = measure([corpus.dir, '--out', out, '--state', state, ...jobsArgs]);
  const mbs = corpus.bytes / 1e6 / m.wall;
  const rgs = rg ? rgSeconds(pattern, corpus.dir) : undefined;
  const row = { name, reports: corpus.files, mb: corpus.bytes / 1e6, ...m, mbs };
  if (rgs !== undefined)
    Object.assign(row, { rgSeconds: rgs, rgMBs: corpus.bytes / 1e6 / rgs, slower: m.wall / rgs });
  rows.push(row);
  console.error(`bench: ${name} ${JSON.stringify(row)}`);
}

mkdirSync(work, { recursive: true });
for (const n of sizes) runCase(`${n}`, manyReports(n));
for (const mb of hugeMB) runCase(`one ${mb} MB report`, hugeReport(mb));

const startup = [];
if (!flag('no-startup')) {
  const one = manyReports(1);
  const median = (cliArgs) => {
    const times = Array.from({ length: 5 }, () => measure(cliArgs).wall).sort((a, b) => a - b);
    return times[2];
  };
  startup.push({ what: 'analyse --version', wall: median(['--version']) });
  startup.push({ what: 'analyse --help', wall: median(['--help']) });
  startup.push({
    what: 'analyse <one report> (every format)',
    wall: median([one.dir, '--out', join(work, 'out-one'), '--state', join(work, 'state-one')]),
  });
}

// ---------------------------------------------------------------------------------------------------
// The table (Markdown, so that it pastes into an issue as it is).

const f = (x, d = 1) => (x === undefined ? '–' : x.toFixed(d));
const lines = [
  `analyse bench · ${new Date().toISOString().slice(0, 10)} · node ${process.version} · seed ${seed} · ${bin}`,
  '',
  '| corpus | reports | MB | wall s | CPU s | peak RSS MB | MB/s | rg -j1 s | rg MB/s | × rg |',
  '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...rows.map((r) =>
    r.failed
      ? `| ${r.name} | ${r.reports} | ${f(r.mb)} | ${f(r.wall)} | – | – | – | ${f(r.rgSeconds, 2)} | ${f(r.rgMBs, 0)} | failed: ${r.failed} |`
      : `| ${r.name} | ${r.reports} | ${f(r.mb)} | ${f(r.wall)} | ${f(r.cpu)} | ${f(r.rssMB, 0)} | ${f(r.mbs, 2)} | ${f(r.rgSeconds, 2)} | ${f(r.rgMBs, 0)} | ${f(r.slower, 0)}${r.code ? ` (exit ${r.code})` : ''} |`,
  ),
];
if (!rg) lines.push('', 'ripgrep not installed: no ratio.');
const phased = rows.filter((r) => r.phases?.length > 0);
if (phased.length > 0) {
  const names = [...new Set(phased.flatMap((r) => r.phases.map((p) => p.phase)))];
  lines.push(
    '',
    `| phase: wall s (CPU s) | ${phased.map((r) => r.name).join(' | ')} |`,
    `|---|${phased.map(() => '---:').join('|')}|`,
  );
  for (const name of names) {
    const cell = (r) => {
      const p = r.phases.find((x) => x.phase === name);
      return p ? `${f(p.wall)} (${f(p.cpu)})` : '–';
    };
    lines.push(`| ${name} | ${phased.map(cell).join(' | ')} |`);
  }
}
if (startup.length > 0) {
  lines.push('', '| start-up (median of 5) | wall s |', '|---|---:|');
  for (const s of startup) lines.push(`| ${s.what} | ${f(s.wall, 2)} |`);
}
process.stdout.write(`${lines.join('\n')}\n`);
if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify({ seed, bin, rows, startup }, null, 2)}\n`);
