// Reading a report: a file that cannot be read is a diagnostic with its reason, never a throw.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { looksLikeMarkdown, MAX_REPORT_CHARS, peekReport, readReport } from '../src/io/read-report.js';
import { showsUmlautLoss } from '../src/language/fold.js';

describe('readReport', () => {
  const dir = mkdtempSync(join(tmpdir(), 'analyse-read-'));

  it('names an unreadable file (here: a folder where a file should be) with the reason', async () => {
    const path = join(dir, 'not-a-file.md');
    mkdirSync(path);
    const r = await readReport(path);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostics[0]).toMatchObject({ file: path, ruleId: 'read/unreadable' });
  });

  it('names a missing file', async () => {
    const r = await readReport(join(dir, 'missing.txt'));
    expect(r.ok ? [] : r.diagnostics.map((d) => d.ruleId)).toEqual(['read/unreadable']);
  });

  it('reads a .txt that is Markdown in all but name through the Markdown parser', async () => {
    const path = join(dir, 'raportti.txt');
    writeFileSync(path, '## 1. Johdanto\n\nTeksti.\n\n## 2. Tulokset\n\n- kohta\n');
    const r = await readReport(path);
    expect(r.ok && r.value.blocks.filter((b) => b.kind === 'heading').map((b) => b.label)).toEqual([
      '1. Johdanto',
      '2. Tulokset',
    ]);
    expect(looksLikeMarkdown('Otsikko\n\nTeksti # ei otsikko')).toBe(false);
  });

  it('passes on what decoding noticed: broken UTF-8, a guessed code page', async () => {
    const broken = join(dir, 'rikki.md');
    writeFileSync(
      broken,
      Buffer.concat([Buffer.from('# Otsikko\n\nMäki ja yhteisty'), Buffer.from([0xc3, 0x0a])]),
    );
    const r = await readReport(broken);
    expect(r.ok && r.diagnostics?.map((d) => [d.ruleId, d.place?.line])).toEqual([['read/invalid-utf8', 3]]);
    const legacy = join(dir, 'vanha.txt');
    writeFileSync(legacy, Buffer.from('Päätös tehtiin.\n', 'latin1'));
    const l = await readReport(legacy);
    expect(l.ok && l.diagnostics?.map((d) => d.ruleId)).toEqual(['read/encoding']);
  });

  it('composes NFD text, so it codes as the same words (not as OCR umlaut loss)', async () => {
    const text = 'Yhteistyö kuntien kanssa sujui hyvin ja päätökset syntyivät nopeasti. '.repeat(20);
    const nfd = join(dir, 'nfd.md');
    writeFileSync(nfd, text.normalize('NFD'));
    const r = await readReport(nfd);
    expect(r.ok && r.value.text).toBe(text.normalize('NFC'));
    expect(r.ok && showsUmlautLoss(r.value.text)).toBe(false);
  });

  // A report of tens of megabytes (a 50 MB export on one line) would take minutes to code although every
  // stage is linear: it is skipped, named, before anything is done with its text.
  it('skips a text longer than any report, and leaves it out of the first look too', async () => {
    const huge = join(dir, 'rivi.txt');
    writeFileSync(huge, 'yhteistyö sujui hyvin, '.repeat(Math.ceil((MAX_REPORT_CHARS + 1) / 23)));
    const r = await readReport(huge);
    expect(r.ok ? [] : r.diagnostics.map((d) => [d.ruleId, d.severity])).toEqual([
      ['read/too-large', 'error'],
    ]);
    expect(await peekReport(huge)).toEqual({});
    const fits = join(dir, 'mahtuu.txt');
    writeFileSync(fits, 'Yhteistyö sujui hyvin. '.repeat(1000));
    expect((await readReport(fits)).ok).toBe(true);
  });
});
