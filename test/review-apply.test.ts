// Applying decisions to one report: statuses, added codings, pins (also on a coding without an evidence
// sentence), exclusions, memos, and training items for the coding model.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCodebook } from '../src/codebook/load.js';
import { parseMarkdown } from '../src/parse/markdown.js';
import { codeDocument } from '../src/pipeline.js';
import { applyDecisions } from '../src/review/apply.js';
import type { Decision } from '../src/review/decisions.js';
import { trainingItems } from '../src/review/training.js';
import { coding } from './fixtures/coding.js';

const bookFile = join(import.meta.dirname, '..', 'codebooks', 'digikannustin-2020.yaml');
const loaded = loadCodebook(bookFile, readFileSync(bookFile, 'utf8'));
if (!loaded.ok) throw new Error('codebook');
const context = await coding();
const compiled = context.compiled;
const themes = new Map(loaded.value.themes.map((t) => [t.code, t]));

const report = [
  '# Loppuraportti',
  '## 5. Onnistumiset',
  'Kuntien välinen yhteistyö sujui erinomaisesti, ja kunnat oppivat tekemään yhdessä.',
  'Asukkaat osallistuivat aktiivisesti verkkokyselyihin ja asukastilaisuuksiin koko hankkeen ajan.',
  '## 6. Haasteet',
  'Ohjelmistotoimittaja ei toimittanut integraatiota sovitussa aikataulussa.',
  'Hankkeen budjetti oli 120 000 euroa.',
].join('\n\n');
const doc = parseMarkdown(report, 'r', 'r.md');
const coded = codeDocument(doc, context, { fold: false, keep: true });
const para = (start: string) => {
  const p = coded.segments.find((s) => s.text.startsWith(start));
  if (!p) throw new Error(start);
  return p;
};
const coop = para('Kuntien välinen');
const residents = para('Asukkaat');
const vendor = para('Ohjelmistotoimittaja');
const budget = para('Hankkeen budjetti');
const codeOf = (p: { id: string }) => coded.codings.find((c) => c.segment === p.id)?.code as string;

const dec = (p: { id: string; text: string }, code: string, over: Partial<Decision> = {}): Decision => ({
  report: 'r',
  paragraph: p.id,
  code,
  decision: 'accept',
  quote: '',
  memo: '',
  reviewer: 'Maija',
  date: '2026-03-01',
  text: p.text,
  ...over,
});

describe('applyDecisions', () => {
  it('the fixture is coded as the test assumes', () => {
    expect(codeOf(coop)).toBeDefined();
    expect(codeOf(residents)).toBeDefined();
    expect(codeOf(vendor)).toBeDefined();
    expect(coded.codings.some((c) => c.segment === budget.id)).toBe(false);
  });

  const decisions = [
    dec(coop, codeOf(coop), { quote: 'pin', memo: 'Hyvä esimerkki yhteistyöstä' }),
    dec(residents, codeOf(residents), { decision: 'reject', memo: 'Kuvailua, ei tulosta' }),
    dec(vendor, codeOf(vendor), { quote: 'exclude' }),
    dec(budget, 'challenge.staffing', { decision: 'add', quote: 'pin', reviewer: 'Pekka' }),
    dec({ id: 'pgone', text: 'Kappale jota ei ole.' }, 'success.cooperation'),
    dec(coop, 'no.such.code', { decision: 'add' }),
  ];
  const r = applyDecisions('r', decisions, coded.segments, coded.codings, coded.candidates, themes);
  const status = (p: { id: string }, code: string) =>
    r.codings.find((c) => c.segment === p.id && c.code === code)?.status;

  it('gives every coding its status and adds the evaluator’s codings', () => {
    expect(status(coop, codeOf(coop))).toBe('accepted');
    expect(status(residents, codeOf(residents))).toBe('rejected');
    expect(status(vendor, codeOf(vendor))).toBe('accepted');
    expect(status(budget, 'challenge.staffing')).toBe('added');
    const added = r.codings.find((c) => c.status === 'added');
    expect(added).toMatchObject({ text: budget.text, start: budget.start, confidence: 1, reviewer: 'Pekka' });
    expect(r.codings.filter((c) => c.status === 'proposed').length).toBe(coded.codings.length - 3);
  });

  it('pins first, excludes and rejects never quoted, a pin on an added coding quotes the paragraph', () => {
    expect(r.pins.map((p) => [p.segment, p.code])).toEqual([
      [coop.id, codeOf(coop)],
      [budget.id, 'challenge.staffing'],
    ]);
    expect(r.pins[1]?.text).toBe('Hankkeen budjetti oli 120 000 euroa.');
    const quotable = r.candidates.map((c) => `${c.segment} ${c.code}`);
    expect(quotable).not.toContain(`${residents.id} ${codeOf(residents)}`);
    expect(quotable).not.toContain(`${vendor.id} ${codeOf(vendor)}`);
    expect(quotable).not.toContain(`${coop.id} ${codeOf(coop)}`);
  });

  it('keeps orphaned decisions and decisions on unknown codes in the account', () => {
    expect(r.anchored.filter((a) => a.anchor.kind === 'orphaned').map((a) => a.decision.paragraph)).toEqual([
      'pgone',
    ]);
    expect(r.unknownCode.map((d) => d.code)).toEqual(['no.such.code']);
  });

  it('collects memos with the paragraph’s place', () => {
    expect(r.memos.map((m) => [m.paragraph, m.memo, m.start])).toEqual([
      [coop.id, 'Hyvä esimerkki yhteistyöstä', coop.start],
      [residents.id, 'Kuvailua, ei tulosta', residents.start],
    ]);
  });

  it('finds a paragraph that changed slightly by its recorded text', () => {
    const edited = parseMarkdown(report.replace('erinomaisesti', 'erittäin hyvin'), 'r', 'r.md');
    const again = codeDocument(edited, context, { fold: false, keep: true });
    const out = applyDecisions('r', decisions, again.segments, again.codings, again.candidates, themes);
    const moved = again.segments.find((s) => s.text.startsWith('Kuntien välinen'));
    expect(moved?.id).not.toBe(coop.id);
    expect(out.anchored[0]?.anchor).toMatchObject({ kind: 'text', paragraph: moved?.id });
    expect(out.pins[0]?.segment).toBe(moved?.id);
  });
});

describe('trainingItems', () => {
  it('turns accept/add into positives and reject into negatives, with the run’s text', () => {
    const decisions = [
      dec(coop, 'success.cooperation'),
      dec(residents, 'success.participation', { decision: 'reject' }),
      dec(budget, 'challenge.staffing', { decision: 'add' }),
      dec({ id: 'pgone', text: 'Vanha kappale, jota ei enää ole.' }, 'success.efficiency'),
      dec({ id: 'pnotext', text: '' }, 'success.efficiency'),
      dec(coop, 'no.such.code'),
    ];
    const items = trainingItems(decisions, new Map([['r', coded.segments]]), new Set(themes.keys()));
    expect(items).toEqual([
      { id: `r#${coop.id}`, code: 'success.cooperation', text: coop.text, positive: true, source: 'run' },
      {
        id: `r#${residents.id}`,
        code: 'success.participation',
        text: residents.text,
        positive: false,
        source: 'run',
      },
      { id: `r#${budget.id}`, code: 'challenge.staffing', text: budget.text, positive: true, source: 'run' },
      {
        id: 'r#pgone',
        code: 'success.efficiency',
        text: 'Vanha kappale, jota ei enää ole.',
        positive: true,
        source: 'file',
      },
    ]);
  });

  it('a corrected decision teaches only its latest word', () => {
    const items = trainingItems(
      [
        dec(coop, 'success.cooperation', { date: '2026-01-01' }),
        dec(coop, 'success.cooperation', { decision: 'reject', date: '2026-02-01' }),
      ],
      new Map([['r', coded.segments]]),
    );
    expect(items.map((i) => i.positive)).toEqual([false]);
  });
});
