// A decisions file across the life of a project: it survives a re-run, a reformatted report, an edited
// paragraph, an added report and a renamed one; aliases stay put; a decision whose paragraph is gone is
// reported as orphaned and kept. Run in process (runAnalysis) with Snowball morphology for speed.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAnonymiser } from '../src/anonymise/index.js';
import type { AllowList } from '../src/anonymise/types.js';
import { quoteAnonymiser } from '../src/app/quote-anonymiser.js';
import { runAnalysis } from '../src/app/run-analysis.js';
import { loadCodebook } from '../src/codebook/load.js';
import { loadAllowList } from '../src/io/load-allow-list.js';
import { type AliasTable, EMPTY_ALIAS_TABLE } from '../src/review/aliases.js';
import type { Decision } from '../src/review/decisions.js';
import { RunReview } from '../src/review/run-review.js';
import { coding } from './fixtures/coding.js';

const root = join(import.meta.dirname, '..');
const bookFile = join(root, 'codebooks', 'digikannustin-2020.yaml');
const loaded = loadCodebook(bookFile, readFileSync(bookFile, 'utf8'));
if (!loaded.ok) throw new Error('codebook');
const context = await coding();
const compiled = context.compiled;
const allow = await loadAllowList(join(root, 'codebooks', 'allow-list.yaml'));
if (!allow.ok) throw new Error('allow-list');

async function run(dir: string, aliasTable: AliasTable, decisions: Decision[] = []) {
  const review = new RunReview('review.csv', decisions, loaded.ok ? loaded.value : (undefined as never));
  const result = await runAnalysis({
    paths: [dir],
    out: join(dir, '..', 'out'),
    compiled,
    coding: context,
    lang: 'fi',
    quotesPerCode: 3,
    anonymiser: quoteAnonymiser(createAnonymiser((allow as { value: AllowList }).value)),
    keepSources: false,
    keepCodings: true,
    aliasTable,
    review,
  });
  return { result, summary: review.summary() };
}

const source = (name: string) => readFileSync(join(root, 'reports', name), 'utf8');

describe('a decisions file over a project’s life', async () => {
  const work = mkdtempSync(join(tmpdir(), 'review-run-'));
  const dir = join(work, 'reports');
  const { mkdirSync, renameSync } = await import('node:fs');
  mkdirSync(dir);
  writeFileSync(join(dir, 'jarviseutu-tilavaraus.md'), source('jarviseutu-tilavaraus.md'));
  writeFileSync(join(dir, 'ylasavo-sahkoinen-asiointi.md'), source('ylasavo-sahkoinen-asiointi.md'));

  const first = await run(dir, EMPTY_ALIAS_TABLE);
  const aliases1 = Object.fromEntries(first.result.tables.aliases.map((a) => [a.report, a.alias]));
  // The evaluator's decisions on the first run: reject the first coding of each report, accept and pin
  // the second, and a memo.
  const decisions: Decision[] = [];
  for (const report of ['jarviseutu-tilavaraus', 'ylasavo-sahkoinen-asiointi']) {
    const mine = first.result.tables.codings.filter((c) => c.report === report);
    const [a, b] = [mine[0], mine[mine.length - 1]];
    if (!a || !b) throw new Error('fixture: too few codings');
    const row = (c: typeof a, decision: Decision['decision'], quote: Decision['quote']) => ({
      report,
      paragraph: c.segment,
      code: c.code,
      decision,
      quote,
      memo: decision === 'reject' ? 'ei tätä' : '',
      reviewer: 'Maija',
      date: '2026-03-01',
      text: c.text,
    });
    decisions.push(row(a, 'reject', ''), row(b, 'accept', 'pin'));
  }
  const statuses = (r: Awaited<ReturnType<typeof run>>) =>
    r.result.tables.codings
      .filter((c) => c.status !== 'proposed')
      .map((c) => `${c.report} ${c.code} ${c.status}`);

  const applied = await run(dir, first.result.aliasTable as AliasTable, decisions);

  it('applies on the run it was made on', () => {
    expect(applied.summary.anchored).toBe(4);
    expect(applied.summary.orphaned).toEqual([]);
    expect(statuses(applied).sort()).toEqual(
      decisions
        .map((d) => `${d.report} ${d.code} ${d.decision === 'reject' ? 'rejected' : 'accepted'}`)
        .sort(),
    );
  });

  it('survives a re-run unchanged', async () => {
    const again = await run(dir, applied.result.aliasTable as AliasTable, decisions);
    expect(statuses(again)).toEqual(statuses(applied));
    expect(again.result.tables.aliases).toEqual(applied.result.tables.aliases);
  });

  it('survives a reformatted report, an edited paragraph, an added report and a renamed one', async () => {
    // Reformat: every paragraph re-wrapped at 60 columns, emphasis added; one decided paragraph edited.
    const rewrap = (t: string) =>
      t
        .split('\n\n')
        .map((p) => (p.startsWith('#') ? p : p.replace(/(.{50,60}) /g, '$1\n')))
        .join('\n\n');
    const decided = decisions[1] as Decision;
    // A small edit wherever the paragraph is: one word gets a clitic ("toteutui" → "toteutuikin").
    const edited = decided.text.replace(/(\p{L}{6,})/u, '$1kin');
    expect(edited).not.toBe(decided.text);
    const text = rewrap(source('jarviseutu-tilavaraus.md').replace(decided.text, edited));
    writeFileSync(join(dir, 'jarviseutu-tilavaraus.md'), text);
    writeFileSync(
      join(dir, 'kainuu-sahkoinen-paatoksenteko.txt'),
      source('kainuu-sahkoinen-paatoksenteko.txt'),
    );
    renameSync(join(dir, 'ylasavo-sahkoinen-asiointi.md'), join(dir, 'ylasavo-2023.md'));
    const later = await run(dir, applied.result.aliasTable as AliasTable, decisions);
    const aliases = Object.fromEntries(later.result.tables.aliases.map((a) => [a.report, a.alias]));
    expect(aliases['jarviseutu-tilavaraus']).toBe(aliases1['jarviseutu-tilavaraus']);
    expect(aliases['ylasavo-2023']).toBe(aliases1['ylasavo-sahkoinen-asiointi']);
    expect(aliases['kainuu-sahkoinen-paatoksenteko']).toBe('Raportti 3');
    expect(later.summary.orphaned).toEqual([]);
    expect(later.summary.anchored).toBe(4);
    expect(later.summary.reanchored).toBe(1);
    expect(
      statuses(later)
        .map((s) => s.replace('ylasavo-2023', 'ylasavo-sahkoinen-asiointi'))
        .sort(),
    ).toEqual(statuses(applied).sort());
  });

  it('reports a decision whose paragraph is gone as orphaned, and one on a report not in the run', async () => {
    const gone: Decision = {
      ...(decisions[0] as Decision),
      paragraph: 'pxxxxxxxx',
      text: 'Tätä ei ole missään.',
    };
    const absent: Decision = { ...(decisions[0] as Decision), report: 'poistettu-raportti' };
    const r = await run(dir, applied.result.aliasTable as AliasTable, [...decisions, gone, absent]);
    expect(r.summary.orphaned.map((o) => o.reason).sort()).toEqual(['gone', 'report-not-in-run']);
    expect(r.summary.decisions).toBe(6);
  });
});
