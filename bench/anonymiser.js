#!/usr/bin/env node
// The anonymiser's time per report on the sample reports and seed 001: what the run pays per report
// (learn: scanReport) and what `analyse anonymise` pays (a whole report anonymised), each the median of
// five runs after a warm-up (word lists and lexicons built once per process), in one process per build.
//   node bench/anonymiser.js [DIST]   (DIST: a built dist/ folder, default this checkout's; pass another
//   checkout's dist/ to compare before and after)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = resolve(process.argv[2] ?? join(root, 'dist'));
const { createAnonymiser } = await import(pathToFileURL(join(dist, 'anonymise/index.js')).href);
const { parseAllowList } = await import(pathToFileURL(join(dist, 'io/load-allow-list.js')).href);

const allowPath = join(root, 'codebooks/allow-list.yaml');
const allow = parseAllowList(readFileSync(allowPath, 'utf8'), allowPath);
if (!allow.ok) throw new Error('allow-list does not load');

const reports = readdirSync(join(root, 'reports'))
  .filter((f) => /\.(md|txt)$/.test(f))
  .map((f) => ({ name: f, text: readFileSync(join(root, 'reports', f), 'utf8') }));
const seed = join(root, '..', 'shared', 'seeds', '001_final_report_pohjois_satakunta.md');
if (existsSync(seed))
  reports.push({ name: '001_final_report_pohjois_satakunta.md', text: readFileSync(seed, 'utf8') });

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = (f) => {
  const t = process.hrtime.bigint();
  f();
  return Number(process.hrtime.bigint() - t) / 1e6;
};

const warm = createAnonymiser(allow.value);
warm.anonymise(reports[0].text, warm.scanReport('warm', reports[0].text));

console.log(`anonymiser per report (${dist}), median of 5, ms`);
console.log('report                                        words   learn  anonymise');
let sumLearn = 0;
let sumWhole = 0;
for (const { name, text } of reports) {
  const learn = [];
  const whole = [];
  for (let k = 0; k < 5; k++) {
    const a = createAnonymiser(allow.value);
    learn.push(time(() => a.scanReport(name, text)));
    const b = createAnonymiser(allow.value);
    whole.push(
      time(() =>
        b.anonymiseReport ? b.anonymiseReport(name, text) : b.anonymise(text, b.scanReport(name, text)),
      ),
    );
  }
  const words = text.split(/\s+/u).length;
  sumLearn += median(learn);
  sumWhole += median(whole);
  console.log(
    `${name.padEnd(44)} ${String(words).padStart(6)} ${median(learn).toFixed(1).padStart(7)} ${median(whole).toFixed(1).padStart(10)}`,
  );
}
console.log(
  `${'total'.padEnd(44)} ${''.padStart(6)} ${sumLearn.toFixed(1).padStart(7)} ${sumWhole.toFixed(1).padStart(10)}`,
);
