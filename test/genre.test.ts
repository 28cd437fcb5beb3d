// Telling a project's final report from documents that are not one (a synthesis of many projects, a press
// release, slides), by the general signals of rules/genre.yaml: on documents written for these tests, on
// the seeds and on the sample reports.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GENRE_RULES_FILE, loadGenreRules } from '../src/io/load-genre-rules.js';
import { parseReportBytes } from '../src/io/read-report.js';
import { classifyGenre } from '../src/language/genre.js';
import { parseGenreRules } from '../src/language/genre-rules.js';

const rules = await loadGenreRules();
if (!rules.ok) throw new Error(JSON.stringify(rules.diagnostics));
const genreOf = async (path: string) => {
  const doc = await parseReportBytes(readFileSync(path), path);
  if (!doc.ok) throw new Error(path);
  return classifyGenre(doc.value.text, rules.value);
};

describe('classifyGenre: documents written for the tests', () => {
  const dir = join(import.meta.dirname, 'fixtures', 'genre');
  it.each([
    ['tiedote.txt', 'press-release'],
    ['bilder.txt', 'slides'],
    ['utvardering.md', 'synthesis'],
    // A short final report in a form-like template, which mentions its press release and "lisätietoja".
    ['lomakeraportti.md', 'final-report'],
  ])('%s → %s', async (file, genre) => {
    const verdict = await genreOf(join(dir, file));
    expect(verdict.genre).toBe(genre);
    if (genre !== 'final-report') expect(verdict.reasons.length).toBeGreaterThan(0);
  });
});

describe('classifyGenre: the seeds and the sample reports', () => {
  const seeds = join(import.meta.dirname, '..', '..', 'shared', 'seeds');
  it.skipIf(!existsSync(seeds)).each([
    ['000_synthesis_report_2020_redacted.txt', true],
    ['001_final_report_pohjois_satakunta.md', false],
    ['002_press_release_interim_evaluation.txt', true],
    ['004_kuntaliitto_summary_slides.txt', true],
  ])('%s is not a final report: %s', async (file, flagged) => {
    const verdict = await genreOf(join(seeds, file));
    expect(verdict.genre !== 'final-report').toBe(flagged);
  });

  it('every sample report and reader fixture is a final report', async () => {
    const reports = join(import.meta.dirname, '..', 'reports');
    const readers = join(import.meta.dirname, 'fixtures', 'readers');
    const files = [
      ...readdirSync(reports).map((f) => join(reports, f)),
      ...['raportti.md', 'raportti.docx', 'raportti.pdf', 'ylasavo-sahkoinen-asiointi.pdf'].map((f) =>
        join(readers, f),
      ),
    ];
    for (const f of files) expect((await genreOf(f)).genre, f).toBe('final-report');
  });
});

describe('parseGenreRules: the rules file is checked, errors at file:line:col', () => {
  it('the bundled file gives every signal a source', () => {
    const text = readFileSync(GENRE_RULES_FILE, 'utf8');
    const parsed = parseGenreRules(text, 'genre.yaml');
    expect(parsed.ok).toBe(true);
    if (parsed.ok) for (const s of parsed.value.signals) expect(s.source.length).toBeGreaterThan(40);
  });

  const base =
    'genres:\n  final-report:\n    label: { fi: loppuraportti }\n  slides:\n    label: { fi: diat }\n    threshold: 2\nsignals:\n';
  it.each([
    [
      'an unknown kind',
      `${base}  - genre: slides\n    kind: vibes\n    weight: 1\n    source: because slides have vibes of their own\n`,
      'genre/kind',
      9,
    ],
    [
      'a pattern that does not compile',
      `${base}  - genre: slides\n    kind: pattern\n    pattern: '(a'\n    weight: 1\n    source: an unclosed group is not a pattern at all\n`,
      'genre/pattern',
      10,
    ],
    [
      'a signal without a source',
      `${base}  - genre: slides\n    kind: bullets\n    share: 0.3\n    weight: 1\n`,
      'genre/source',
      8,
    ],
    [
      'an unknown key',
      `${base}  - genre: slides\n    kind: bullets\n    share: 0.3\n    weight: 1\n    colour: red\n    source: slides carry their content as bullet points\n`,
      'genre/unknown-key',
      12,
    ],
    [
      'an unknown genre',
      `${base}  - genre: poem\n    kind: bullets\n    share: 0.3\n    weight: 1\n    source: poems are set in short lines of their own\n`,
      'genre/genre',
      8,
    ],
  ])('%s', (_name, text, ruleId, line) => {
    const parsed = parseGenreRules(text, 'g.yaml');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.diagnostics[0]).toMatchObject({ file: 'g.yaml', ruleId, place: { line } });
  });
});
