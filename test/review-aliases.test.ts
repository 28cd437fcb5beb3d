// Stable aliases: numbers survive added, removed and renamed reports, are never reused, and the first
// numbering does not follow the alphabetical order of report names.
import { describe, expect, it } from 'vitest';
import {
  AliasBook,
  type AliasTable,
  contentFingerprint,
  EMPTY_ALIAS_TABLE,
  parseAliasTable,
  renderAliasTable,
} from '../src/review/aliases.js';

type Run = { report: string; text: string }[];

function run(table: AliasTable, reports: Run) {
  const book = new AliasBook(table, new Set(reports.map((r) => r.report)));
  const formerly = new Map(
    reports.map((r) => [r.report, book.claim(r.report, `${r.report}.md`, contentFingerprint(r.text))]),
  );
  const done = book.finish('Raportti');
  const alias = Object.fromEntries(done.aliases.map((a) => [a.report, a.alias]));
  // Through the file, as a real run reads it back.
  const parsed = parseAliasTable('aliases.json', renderAliasTable(done.table));
  if (!parsed.ok) throw new Error('table does not read back');
  return { alias, table: parsed.value, formerly, notes: book.notes };
}

const names = ['aura', 'bjorneborg', 'kemi', 'lahti', 'oulu', 'pori', 'raahe', 'salo', 'turku', 'vaasa'];
const first: Run = names.map((n) => ({ report: n, text: `Loppuraportti ${n}: hankkeen tulokset ja opit.` }));

describe('alias table', () => {
  const r1 = run(EMPTY_ALIAS_TABLE, first);

  it('numbers the first run 1..N', () => {
    expect(Object.values(r1.alias).sort()).toEqual(names.map((_, i) => `Raportti ${i + 1}`).sort());
  });

  it('does not number reports in the alphabetical order of their names', () => {
    expect(names.map((n) => r1.alias[n])).not.toEqual(names.map((_, i) => `Raportti ${i + 1}`));
  });

  it('is the same on a second run with the same reports', () => {
    expect(run(r1.table, first).alias).toEqual(r1.alias);
  });

  it('keeps every number when a report is added; the new one gets the next number', () => {
    const r2 = run(r1.table, [...first, { report: 'aaaa', text: 'Uusi raportti, aakkosissa ensimmäinen.' }]);
    for (const n of names) expect(r2.alias[n]).toBe(r1.alias[n]);
    expect(r2.alias.aaaa).toBe('Raportti 11');
  });

  it('keeps every number when a report is removed, and never reuses its number', () => {
    const r2 = run(
      r1.table,
      first.filter((r) => r.report !== 'kemi'),
    );
    for (const n of names.filter((x) => x !== 'kemi')) expect(r2.alias[n]).toBe(r1.alias[n]);
    const r3 = run(r2.table, [
      ...first.filter((r) => r.report !== 'kemi'),
      { report: 'uusi', text: 'Uusi.' },
    ]);
    expect(r3.alias.uusi).toBe('Raportti 11');
  });

  it('a renamed report with the same content keeps its alias and remembers its old name', () => {
    const renamed = first.map((r) => (r.report === 'kemi' ? { ...r, report: 'kemi-2022' } : r));
    const r2 = run(r1.table, renamed);
    expect(r2.alias['kemi-2022']).toBe(r1.alias.kemi);
    expect(r2.formerly.get('kemi-2022')).toEqual(['kemi']);
    expect(r2.notes[0]?.ruleId).toBe('state/renamed');
    for (const n of names.filter((x) => x !== 'kemi')) expect(r2.alias[n]).toBe(r1.alias[n]);
  });

  it('a report whose content changed keeps its alias by name', () => {
    const edited = first.map((r) => (r.report === 'oulu' ? { ...r, text: 'Kokonaan uusi teksti.' } : r));
    expect(run(r1.table, edited).alias.oulu).toBe(r1.alias.oulu);
  });

  it('the content fingerprint ignores layout', () => {
    expect(contentFingerprint('Yhteistyö\r\nsujui  hyvin.')).toBe(
      contentFingerprint('**Yhteistyö** sujui hyvin'),
    );
  });

  it.each([
    ['not JSON', '{'],
    ['no entries', '{"version":1}'],
    [
      'a duplicate number',
      '{"entries":[{"number":1,"report":"a","fingerprint":"x"},{"number":1,"report":"b","fingerprint":"y"}]}',
    ],
  ])('refuses a broken table: %s', (_name, text) => {
    expect(parseAliasTable('aliases.json', text).ok).toBe(false);
  });
});
