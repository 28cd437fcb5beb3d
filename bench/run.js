#!/usr/bin/env node
// npm run bench: speed and memory of the built CLI on generated corpora, each run in its own process so
// that peak memory (maxRSS) is the run's own. Corpora are generated into bench/.corpus (git-ignored) from
// the sample reports: 10,000 reports, one 50 MB report, plus the sample folder and ../shared/seeds.
//   node bench/run.js [--reports N] [--megabytes M] [--only name,name]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = join(root, 'bench', '.corpus');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const nReports = Number(opt('reports', '10000'));
const megabytes = Number(opt('megabytes', '50'));
const only = opt('only', '')?.split(',').filter(Boolean);

const samples = readdirSync(join(root, 'reports'))
  .filter((f) => /\.(md|txt)$/.test(f))
  .map((f) => ({ name: f, text: readFileSync(join(root, 'reports', f), 'utf8') }));

function makeMany(dir, n) {
  if (existsSync(join(dir, `r${String(n - 1).padStart(5, '0')}.md`))) return;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) {
    const s = samples[i % samples.length];
    const ext = s.name.endsWith('.txt') ? 'txt' : 'md';
    writeFileSync(join(dir, `r${String(i).padStart(5, '0')}.${ext}`), `${s.text}\n\nRaportin numero ${i}.\n`);
  }
}

function makeHuge(file, mb) {
  if (existsSync(file)) return;
  mkdirSync(dirname(file), { recursive: true });
  const parts = [];
  let size = 0;
  let i = 0;
  while (size < mb * 1024 * 1024) {
    const s = samples[i % samples.length].text.replace(/^#+ .*$/gm, (h) => `${h} (${i})`);
    parts.push(s);
    size += Buffer.byteLength(s);
    i++;
  }
  writeFileSync(file, parts.join('\n\n'));
}

function run(name, paths, extra = []) {
  if (only.length > 0 && !only.includes(name)) return;
  const out = join(corpus, `out-${name}`);
  const script = `import(${JSON.stringify(join(root, 'dist/cli/main.js'))}).then(async (m) => {
    const t = performance.now();
    const code = await m.main(process.argv);
    const u = process.resourceUsage();
    process.stderr.write('BENCH ' + JSON.stringify({ code, seconds: (performance.now() - t) / 1000, maxRSSMB: Math.round(u.maxRSS / 1024) }) + '\\n');
  })`;
  const r = spawnSync(
    process.execPath,
    ['--input-type=module', '-e', script, '--', 'analyse', ...paths, '--out', out, ...extra],
    {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
      maxBuffer: 1 << 26,
    },
  );
  const line = (r.stderr ?? '').split('\n').find((l) => l.startsWith('BENCH '));
  const m = line ? JSON.parse(line.slice(6)) : { code: r.status, error: (r.stderr ?? '').slice(-500) };
  console.log(`${name.padEnd(16)} ${JSON.stringify(m)}`);
}

mkdirSync(corpus, { recursive: true });
run('sample-reports', ['reports/']);
run('sample-snowball', ['reports/'], ['--morphology', 'snowball']);
if (existsSync(join(root, '..', 'shared', 'seeds'))) {
  run('seeds', ['../shared/seeds/']);
  run('seeds-snowball', ['../shared/seeds/'], ['--morphology', 'snowball']);
}
if (only.length === 0 || only.includes('many')) makeMany(join(corpus, 'many'), nReports);
// Peak memory grows only with the run's small per-report tables (matrix, aliases, learned names): the reports' texts are never kept and codings.csv streams out.
run('many', [join(corpus, 'many')], ['--formats', 'csv,md,html']);
if (only.length === 0 || only.includes('huge')) makeHuge(join(corpus, 'huge', 'huge.md'), megabytes);
run('huge', [join(corpus, 'huge')], ['--formats', 'csv,md']);
