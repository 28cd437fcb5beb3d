#!/usr/bin/env node
// Part of `npm run build`, after tsc and build-vocabulary.mjs: the launch bundle (src/launch/, README
// Performance). esbuild bundles the compiled dist/ and its libraries into one CommonJS script,
// dist/bundle/analyse.cjs, exporting the CLI's main and the entry of every worker thread
// (src/app/*-worker.ts, found here, so a new worker needs nothing more); beside it a launcher per worker,
// so that `new URL('./x-worker.js', import.meta.url)` in the bundle finds one. Then a warm-up run of the
// CLI from the bundle over the sample reports (reports/), which writes the V8 code cache
// (dist/bundle/analyse.v8-cache) with every function that run compiled.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const layout = await import(pathToFileURL(join(dist, 'launch/bundle-layout.js')).href);
const { WRITE_CACHE_ENV } = await import(pathToFileURL(join(dist, 'launch/load-bundle.js')).href);
const out = fileURLToPath(layout.BUNDLE_DIR_URL);

// Left out of the bundle, loaded by require from node_modules when needed:
//   koffi    a native addon (Voikko's bridge);
//   unpdf    PDF input only; 2.3 MB of pdf.js that every other run would read and compile;
//   mammoth  DOCX input only; with bluebird, underscore and jszip another 0.5 MB.
// exceljs and docx stay in: every default run writes workbooks and synthesis.docx, and bundled they start
// faster (measured: the one-report run 1.69 s with them in, 1.83 s with them out, medians of 11).
const EXTERNAL = ['koffi', 'unpdf', 'mammoth'];

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

// From the sources: tsc leaves the compiled file of a removed worker behind in dist/.
const workers = readdirSync(join(root, 'src', 'app'))
  .filter((f) => f.endsWith('-worker.ts'))
  .map((f) => f.slice(0, -'.ts'.length))
  .sort();
const entry = [
  "export { main } from './cli/main.js';",
  'export const workers = {',
  ...workers.map((w) => `  ${JSON.stringify(w)}: () => import('./app/${w}.js'),`),
  '};',
  '',
].join('\n');

await build({
  stdin: { contents: entry, resolveDir: dist, sourcefile: 'launch-entry.js', loader: 'js' },
  outfile: join(out, layout.BUNDLE_FILE),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: EXTERNAL,
  define: { 'import.meta.url': layout.META_URL_NAME },
  // import() inside a node:vm script compiled from a code cache fails on Node 20
  // (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING): every import() becomes a require, lazily as before.
  // esbuild 0.28 rewrites a regular expression literal with \p{…} as `new RegExp(…)` for node20 (made
  // anew at every call where the literal is in a function); Node 20 reads them as written, so the bundle
  // keeps them as dist/ has them. (No difference in speed measured: reports-100 --jobs 1, 3 runs each.)
  supported: { 'dynamic-import': false, 'regexp-unicode-property-escapes': true },
  // No keepNames: its __name() call on every closure a hot function makes cost 13 % of a 100-report run
  // (8.4 s without, 9.7 s with; medians of 5). What it would keep: the .name of a class or function that
  // esbuild renamed where modules' top-level names collide (Paragraph2, CommanderError2). Nothing the
  // tool outputs reads one; the library that compares constructor names (exceljs, MergeValue) is CommonJS,
  // whose names esbuild leaves alone; test/launch-bundle.test.ts compares every output with dist/'s.
  // Less text to read at every start; names stay for stack traces.
  minifyWhitespace: true,
  legalComments: 'none',
  logLevel: 'warning',
});

for (const w of workers) {
  writeFileSync(
    join(out, `${w}.js`),
    `// A worker thread of the bundle (scripts/build-bundle.mjs).\nimport { startWorker } from '../launch/load-bundle.js';\n\nawait startWorker(${JSON.stringify(w)});\n`,
  );
}

// The warm-up run: every default format, one thread (the reports coded on the thread that writes the
// cache), into a temporary folder.
const scratch = mkdtempSync(join(tmpdir(), 'analyse-warm-up-'));
try {
  const run = spawnSync(
    process.execPath,
    [
      join(root, 'bin', 'analyse.js'),
      join(root, 'reports'),
      '--jobs',
      '1',
      '--out',
      join(scratch, 'out'),
      '--state',
      join(scratch, 'state'),
    ],
    { env: { ...process.env, [WRITE_CACHE_ENV]: '1', NO_COLOR: '1' }, encoding: 'utf8' },
  );
  if (run.status !== 0) {
    throw new Error(`build-bundle: the warm-up run failed (exit ${run.status}):\n${run.stderr}`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
