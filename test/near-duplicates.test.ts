// One report in several files counts once: sameness by content (shingle similarity), not by file name.
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAME_REPORT, SameReportIndex, similarity, sketchOf } from '../src/aggregate/near-duplicates.js';
import { planReports } from '../src/app/report-plan.js';
import { loadGenreRules } from '../src/io/load-genre-rules.js';
import { parseReportBytes } from '../src/io/read-report.js';

const readers = join(import.meta.dirname, 'fixtures', 'readers');
const reports = join(import.meta.dirname, '..', 'reports');
const textOf = async (path: string) => {
  const r = await parseReportBytes(readFileSync(path), path);
  if (!r.ok) throw new Error(path);
  return r.value.text;
};

describe('sketch similarity', () => {
  it('a report and its DOCX and PDF conversions are the same report', async () => {
    for (const base of ['ylasavo-sahkoinen-asiointi', 'raportti']) {
      const md = sketchOf(await textOf(join(readers, `${base}.md`)));
      for (const ext of ['docx', 'pdf']) {
        const other = sketchOf(await textOf(join(readers, `${base}.${ext}`)));
        expect(similarity(md, other), `${base}.${ext}`).toBeGreaterThan(0.9);
      }
    }
  });

  it('different reports are not, though they share a template and a vocabulary', async () => {
    const sketches = await Promise.all(
      readdirSync(reports).map(async (f) => sketchOf(await textOf(join(reports, f)))),
    );
    for (let i = 0; i < sketches.length; i++)
      for (let j = i + 1; j < sketches.length; j++)
        expect(similarity(sketches[i] as never, sketches[j] as never)).toBeLessThan(0.2);
  });

  it('ignores case and markup; a revised draft with one paragraph changed is still the same report', async () => {
    const text = await textOf(join(reports, 'ylasavo-sahkoinen-asiointi.md'));
    const plain = text.replace(/[#*_|>-]/g, ' ').toUpperCase();
    expect(similarity(sketchOf(text), sketchOf(plain))).toBeGreaterThan(0.95);
    const paragraphs = text.split('\n\n');
    paragraphs[10] = 'Tämä kappale kirjoitettiin luonnoksen jälkeen kokonaan uudelleen eri sanoin.';
    expect(similarity(sketchOf(text), sketchOf(paragraphs.join('\n\n')))).toBeGreaterThan(SAME_REPORT);
  });

  it('SameReportIndex groups copies and keeps distinct texts apart (many texts of one vocabulary)', () => {
    const words =
      'hanke kunta yhteistyö palvelu asukas toimittaja järjestelmä koulutus palaute aikataulu'.split(' ');
    let seed = 7;
    const random = () => {
      seed = (seed * 48271) % 2147483647;
      return seed / 2147483647;
    };
    const texts = Array.from({ length: 300 }, () =>
      Array.from({ length: 400 }, () => words[Math.floor(random() * words.length)]).join(' '),
    );
    const index = new SameReportIndex();
    const sameAs = texts.map((t, i) => index.add(`r${i}`, sketchOf(t)));
    expect(sameAs.filter((s) => s !== undefined)).toEqual([]);
    expect(index.add('copy', sketchOf(texts[42] as string))).toBe('r42');
    expect(index.add('tiny', sketchOf('vain neljä sanaa tässä'))).toBeUndefined();
  });
});

describe('planReports: which files are coded', () => {
  const folder = () => mkdtempSync(join(tmpdir(), 'analyse-plan-'));

  it('the same report as .md, .docx and .pdf is coded once, from the Markdown, with a warning per copy', async () => {
    const dir = folder();
    for (const ext of ['pdf', 'docx', 'md'])
      copyFileSync(join(readers, `ylasavo-sahkoinen-asiointi.${ext}`), join(dir, `raportti.${ext}`));
    // Sameness is by content: a copy under another name is caught too; a different report is kept.
    copyFileSync(join(readers, 'ylasavo-tavutettu.pdf'), join(dir, 'toinen-nimi.pdf'));
    copyFileSync(join(reports, 'jarviseutu-tilavaraus.md'), join(dir, 'jarviseutu.md'));
    const paths = ['raportti.pdf', 'jarviseutu.md', 'raportti.docx', 'toinen-nimi.pdf', 'raportti.md'].map(
      (f) => join(dir, f),
    );
    const plan = await planReports(paths);
    expect(plan.files).toEqual([join(dir, 'jarviseutu.md'), join(dir, 'raportti.md')]);
    expect(plan.duplicates.map((d) => [d.path, d.sameAs])).toEqual(
      ['raportti.pdf', 'raportti.docx', 'toinen-nimi.pdf'].map((f) => [
        join(dir, f),
        join(dir, 'raportti.md'),
      ]),
    );
    expect(plan.diagnostics.map((d) => [d.ruleId, d.severity])).toEqual(
      Array(3).fill(['read/duplicate', 'warning']),
    );
    expect(plan.diagnostics[0]?.reason).toMatch(/counted once, from raportti\.md/);
  });

  it('prefers DOCX to PDF when there is no Markdown, and the first of identical copies', async () => {
    const dir = folder();
    copyFileSync(join(readers, 'raportti.pdf'), join(dir, 'a.pdf'));
    copyFileSync(join(readers, 'raportti.docx'), join(dir, 'b.docx'));
    copyFileSync(join(readers, 'raportti.pdf'), join(dir, 'c.pdf'));
    const plan = await planReports(['a.pdf', 'b.docx', 'c.pdf'].map((f) => join(dir, f)));
    expect(plan.files).toEqual([join(dir, 'b.docx')]);
    // The DOCX parsed for the first look is handed on, so it is not parsed twice.
    expect(plan.parsed.get(join(dir, 'b.docx'))?.ok).toBe(true);
    const twins = await planReports(['c.pdf', 'a.pdf'].map((f) => join(dir, f)));
    expect(twins.files).toEqual([join(dir, 'c.pdf')]);
    expect(twins.diagnostics[0]?.reason).toMatch(/copies in one format/);
  });

  it('flags documents that are not final reports, and leaves them out when asked', async () => {
    const genres = await loadGenreRules();
    if (!genres.ok) throw new Error('rules');
    const dir = folder();
    const genreDir = join(import.meta.dirname, 'fixtures', 'genre');
    const paths = ['tiedote.txt', 'lomakeraportti.md', 'bilder.txt'].map((f) => {
      writeFileSync(join(dir, f), readFileSync(join(genreDir, f)));
      return join(dir, f);
    });
    const flagged = await planReports(paths, { genres: genres.value });
    expect(flagged.files).toEqual(paths);
    expect(flagged.nonReports).toEqual([
      { path: paths[0], genre: 'press-release', skipped: false },
      { path: paths[2], genre: 'slides', skipped: false },
    ]);
    expect(flagged.diagnostics.map((d) => d.ruleId)).toEqual(['read/not-a-report', 'read/not-a-report']);
    const skipped = await planReports(paths, { genres: genres.value, skipNonReports: true });
    expect(skipped.files).toEqual([paths[1]]);
    expect(skipped.diagnostics[0]?.reason).toMatch(/left out \(--skip-non-reports\)/);
  });
});
