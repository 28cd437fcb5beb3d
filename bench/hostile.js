#!/usr/bin/env node
// Hostile inputs beside good reports (issue 11 point 4): each case is a folder with the sample reports and
// one bad file; the built CLI runs on it under /usr/bin/time -v, so wall time and peak memory are the
// run's own. Every case must finish well within a minute with the good reports coded.
//   node bench/hostile.js [--only name,name] [--timeout seconds] [--bin path/to/analyse.js]
// Cases: docx-bomb (document.xml inflating to 400 MB), line-2mb / line-50mb (a single line of text
// without a sentence end), invalid-utf8 (UTF-8 with broken bytes, no NUL), raw-html (markup in a report),
// nested-lists (10,000 nested list markers in 20 KB), redos-codebook (a codebook pattern `(a+)+$` beside
// text that would make a backtracking engine hang), themes-10k (a codebook of 10,000 themes).
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, Zip, ZipDeflate } from 'fflate';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = join(root, 'bench', '.corpus', 'hostile');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const only = (opt('only', '') ?? '').split(',').filter(Boolean);
const timeout = Number(opt('timeout', '180'));
const bin = opt('bin', join(root, 'bin', 'analyse.js'));
const samples = readdirSync(join(root, 'reports')).filter((f) => /\.(md|txt)$/.test(f));

/** A folder holding the sample reports and the hostile file `name` written by `write(path)`. */
function caseFolder(name, file, write) {
  const dir = join(corpus, name);
  if (!existsSync(join(dir, file))) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (const s of samples) copyFileSync(join(root, 'reports', s), join(dir, s));
    write(join(dir, file));
  }
  return dir;
}

/** A DOCX whose word/document.xml inflates to `mb` megabytes (deflate squeezes the repetition ~1000:1). */
function docxBomb(path, mb) {
  const chunks = [];
  const zip = new Zip((err, data) => {
    if (err) throw err;
    chunks.push(data);
  });
  const add = (name, text) => {
    const f = new ZipDeflate(name, { level: 6 });
    zip.add(f);
    f.push(strToU8(text), true);
  };
  add(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  add(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  const doc = new ZipDeflate('word/document.xml', { level: 6 });
  zip.add(doc);
  doc.push(
    strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>',
    ),
  );
  const para = strToU8(
    '<w:p><w:r><w:t>Hanke eteni suunnitellusti ja yhteistyö sujui hyvin. </w:t></w:r></w:p>'.repeat(1000),
  );
  for (let size = 0; size < mb * 1024 * 1024; size += para.length) doc.push(para);
  doc.push(strToU8('</w:body></w:document>'), true);
  zip.end();
  writeFileSync(path, Buffer.concat(chunks));
}

/** One line of `mb` megabytes: Finnish words, commas, no sentence end and no line break. */
function longLine(path, mb) {
  const words =
    'hankkeen yhteistyö kuntien kanssa sujui hyvin mutta aikataulu viivästyi koska toimittaja ei pystynyt toimittamaan järjestelmää ajallaan, ';
  writeFileSync(path, words.repeat(Math.ceil((mb * 1024 * 1024) / Buffer.byteLength(words))));
}

/** UTF-8 with a few bytes broken (the ö of one word cut to its lead byte, a stray continuation byte), no NUL. */
function invalidUtf8(path) {
  const text = Buffer.from(
    '# Loppuraportti\n\nHankkeen vetäjä Maija Mäki kertoi, että yhteistyö kuntien kanssa onnistui erinomaisesti.\n\nAsukkaat osallistuivat työpajoihin ja palaute oli myönteistä.\n',
    'utf8',
  );
  const o = text.indexOf(Buffer.from('yhteistyö')) + 'yhteisty'.length;
  writeFileSync(
    path,
    Buffer.concat([text.subarray(0, o + 1), text.subarray(o + 2), Buffer.from([0x9f, 0x0a])]),
  );
}

function rawHtml(path) {
  writeFileSync(
    path,
    '# Loppuraportti\n\n## Onnistumiset\n\nYhteistyö kuntien kanssa onnistui erinomaisesti <script>alert(1)</script> ja <b>asukkaat</b> osallistuivat <img src=x onerror=alert(2)> työpajoihin innokkaasti.\n\n<div>Palaute oli myönteistä ja yhteistyö sujui hyvin.</div>\n',
  );
}

/** A copy of the default codebook with a catastrophic-backtracking pattern in its first theme. */
function redosCodebook(path) {
  const book = readFileSync(join(root, 'codebooks', 'digikannustin-2020.yaml'), 'utf8');
  writeFileSync(
    path,
    // A function, not a replacement string: "$'" in one means "the text after the match".
    book.replace(
      /\n(\s+)exclusions:/,
      (_, indent) => `\n${indent}patterns: ['(a+)+$', '(x+x+)+y']\n${indent}exclusions:`,
    ),
  );
}

/** A flat codebook of `n` themes, each with two terms of its own and every 50th with a common word. */
function manyThemes(path, n) {
  const common = ['yhteistyö', 'asukas', 'palaute', 'lomake', 'koulutus', 'aikataulu', 'toimittaja'];
  const themes = Array.from({ length: n }, (_, i) => {
    const terms = [`termi${i}x`, `sana${i}y`, ...(i % 50 === 0 ? [common[i % common.length]] : [])];
    return `  - code: t${i}\n    labels: { fi: Teema ${i}, en: Theme ${i} }\n    description: Theme ${i}.\n    terms:\n      fi: [${terms.join(', ')}]`;
  });
  writeFileSync(
    path,
    `id: themes-${n}\ntitle: { fi: Teemat, en: Themes }\npolarity: false\nthemes:\n${themes.join('\n')}\n`,
  );
}

function run(name, dir, extra = []) {
  if (only.length > 0 && !only.includes(name)) return;
  const out = join(corpus, `out-${name}`);
  rmSync(out, { recursive: true, force: true });
  const r = spawnSync(
    '/usr/bin/time',
    // timeout(1) under time(1): a run past the limit is stopped (SIGTERM; timeout reaps it, so time still
    // reports its peak memory).
    ['-v', 'timeout', String(timeout), process.execPath, bin, dir, '--out', out, '--json', ...extra],
    {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
      maxBuffer: 1 << 26,
    },
  );
  const err = r.stderr ?? '';
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (.*)/.exec(err)?.[1];
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(err)?.[1];
  const user = Number(/User time \(seconds\): ([\d.]+)/.exec(err)?.[1] ?? Number.NaN);
  const sys = Number(/System time \(seconds\): ([\d.]+)/.exec(err)?.[1] ?? Number.NaN);
  let reports;
  try {
    reports = JSON.parse(r.stdout).reports;
  } catch {
    reports = undefined;
  }
  const status = r.status === 124 ? `stopped after ${timeout} s` : `exit ${r.status}`;
  const diag = err
    .split('\n')
    .filter((l) => / (error|warning) /.test(l) && !l.startsWith('\t'))
    .slice(0, 3)
    .map((l) => l.slice(0, 200));
  console.log(
    `${name.padEnd(14)} ${status.padEnd(18)} wall ${wall ?? '?'}  cpu ${(user + sys).toFixed(1)} s  peak ${rss ? `${Math.round(Number(rss) / 1024)} MB` : '?'}  reports coded ${reports ?? '?'}`,
  );
  for (const d of diag) console.log(`${' '.repeat(15)}${d}`);
  if (name === 'raw-html' && existsSync(join(out, 'quotes.md'))) {
    const md = readFileSync(join(out, 'quotes.md'), 'utf8');
    console.log(`${' '.repeat(15)}quotes.md raw tags: ${(md.match(/<(script|img|b|div)\b/g) ?? []).length}`);
  }
}

mkdirSync(corpus, { recursive: true });
run(
  'docx-bomb',
  caseFolder('docx-bomb', 'pommi.docx', (p) => docxBomb(p, 400)),
);
run(
  'line-2mb',
  caseFolder('line-2mb', 'rivi.txt', (p) => longLine(p, 2)),
);
run(
  'line-50mb',
  caseFolder('line-50mb', 'rivi.txt', (p) => longLine(p, 50)),
);
run('invalid-utf8', caseFolder('invalid-utf8', 'rikki.md', invalidUtf8));
run('raw-html', caseFolder('raw-html', 'html.md', rawHtml));
run(
  'nested-lists',
  caseFolder('nested-lists', 'lista.md', (p) =>
    writeFileSync(p, `# Lista\n\n${'- '.repeat(10_000)}yhteistyö\n`),
  ),
);
const redos = caseFolder('redos-codebook', 'aaa.md', (p) =>
  writeFileSync(p, `# Raportti\n\n${'a'.repeat(50_000)}!\n\n${'x'.repeat(30_000)}\n`),
);
redosCodebook(join(corpus, 'redos.yaml'));
run('redos-codebook', redos, ['--codebook', join(corpus, 'redos.yaml')]);
const plain = caseFolder('themes-10k', 'jarviseutu-tilavaraus.md', () => {});
manyThemes(join(corpus, 'themes-10k.yaml'), 10_000);
run('themes-10k', plain, ['--codebook', join(corpus, 'themes-10k.yaml')]);
