// The decisions file (review.csv): read and written with BOM and either delimiter, bad rows skipped with
// their line, merging that replaces a reviewer's own earlier decision and keeps everything else; and
// re-anchoring of a decision to a paragraph that moved or changed slightly.
import { describe, expect, it } from 'vitest';
import { boundedEditDistance, REANCHOR_MAX_EDIT, ReportAnchors } from '../src/review/anchor.js';
import {
  type Decision,
  decisionsInForce,
  mergeDecisions,
  parseDecisions,
  renderDecisions,
  sniffDelimiter,
} from '../src/review/decisions.js';
import { paragraphHash } from '../src/segment/paragraph-id.js';

const d = (over: Partial<Decision> = {}): Decision => ({
  report: 'kainuu',
  paragraph: 'p0000000a',
  code: 'success.cooperation',
  decision: 'accept',
  quote: '',
  memo: '',
  reviewer: 'Maija',
  date: '2026-03-05',
  text: 'Yhteistyö sujui.',
  ...over,
});

describe('review.csv', () => {
  it.each([',', ';', '\t'] as const)('round-trips with delimiter %j, BOM first', (delimiter) => {
    const decisions = [
      d(),
      d({
        code: 'challenge.vendors',
        decision: 'reject',
        memo: 'Ei koske toimittajia; vaan kuntia, "lainaus"',
      }),
      d({ decision: 'add', quote: 'pin', memo: '=SUM(A1) ei kaavaksi', text: 'Rivi\nrivi  kaksi' }),
      d({ quote: 'exclude', memo: '- alkaa viivalla' }),
    ];
    const text = renderDecisions(decisions, delimiter);
    expect(text.startsWith('\uFEFFreport')).toBe(true);
    expect(sniffDelimiter(text)).toBe(delimiter);
    const back = parseDecisions('review.csv', text);
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.value).toEqual(decisions.map((x) => ({ ...x, text: x.text.replace(/\s+/g, ' ') })));
  });

  it('guards cells Excel would run as formulas', () => {
    expect(renderDecisions([d({ memo: '=HYPERLINK("x")' })])).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('skips bad rows with a warning at their line and reads the rest', () => {
    const text = [
      'report;paragraph;code;decision;quote;memo;reviewer;date;text',
      'a;p1;x.y;accept;;;M;2026-01-01;t',
      'a;p2;x.y;maybe;;;M;2026-01-01;t',
      'a;;x.y;accept;;;M;2026-01-01;t',
      'a;p3;x.y;accept;star;;M;2026-01-01;t',
      'a;p4;x.y;REJECT;pin;;M;2026-01-01;t',
    ].join('\r\n');
    const r = parseDecisions('review.csv', text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.map((x) => [x.paragraph, x.decision, x.quote])).toEqual([
      ['p1', 'accept', ''],
      ['p4', 'reject', ''],
    ]);
    expect(r.diagnostics?.map((x) => [x.place?.line, x.ruleId])).toEqual([
      [3, 'review/row'],
      [4, 'review/row'],
      [5, 'review/row'],
      [6, 'review/pin-rejected'],
    ]);
  });

  it('refuses a file without the required columns', () => {
    const r = parseDecisions('x.csv', 'report,code\na,b\n');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics[0]?.reason).toMatch(/Missing columns paragraph, decision/);
  });

  it('reads a file with extra columns and columns in another order', () => {
    const r = parseDecisions('x.csv', 'code,decision,note,paragraph,report\nx.y,add,mine,p9,r\n');
    expect(r.ok && r.value[0]).toMatchObject({ report: 'r', paragraph: 'p9', code: 'x.y', decision: 'add' });
  });

  it('an empty file holds no decisions', () => {
    expect(parseDecisions('x.csv', '\uFEFF')).toEqual({ ok: true, value: [] });
  });
});

describe('merging and the decision in force', () => {
  it('a reviewer’s new decision replaces their earlier one in place; others are kept', () => {
    const old = [d(), d({ reviewer: 'Pekka' }), d({ paragraph: 'gone', memo: 'orphan' })];
    const merged = mergeDecisions(old, [
      d({ decision: 'reject', date: '2026-03-06' }),
      d({ code: 'new.code' }),
    ]);
    expect(merged.map((x) => [x.paragraph, x.code, x.reviewer, x.decision])).toEqual([
      ['p0000000a', 'success.cooperation', 'Maija', 'reject'],
      ['p0000000a', 'success.cooperation', 'Pekka', 'accept'],
      ['gone', 'success.cooperation', 'Maija', 'accept'],
      ['p0000000a', 'new.code', 'Maija', 'accept'],
    ]);
  });

  it('the latest date wins; of equal dates the later row', () => {
    const rows = [
      d({ decision: 'reject', date: '2026-03-07' }),
      d({ decision: 'accept', reviewer: 'Pekka', date: '2026-03-06' }),
      d({ code: 'b', decision: 'accept', date: '2026-03-06' }),
      d({ code: 'b', decision: 'reject', reviewer: 'Pekka', date: '2026-03-06' }),
    ];
    expect(decisionsInForce(rows).map((x) => [x.code, x.decision])).toEqual([
      ['success.cooperation', 'reject'],
      ['b', 'reject'],
    ]);
  });
});

describe('re-anchoring', () => {
  const long =
    'Hankkeen aikana kunnat ottivat käyttöön yhteisen sähköisen asiointipalvelun, jonka kautta asukkaat voivat hakea tukia ja varata tiloja.';
  const paragraphs = [
    { id: paragraphHash('Johdanto.'), text: 'Johdanto.' },
    {
      id: paragraphHash(long.replace('yhteisen', 'yhteisen uuden')),
      text: long.replace('yhteisen', 'yhteisen uuden'),
    },
    { id: paragraphHash('Sama.'), text: 'Sama.' },
    { id: `${paragraphHash('Sama.')}-2`, text: 'Sama.' },
  ];
  const anchors = new ReportAnchors(paragraphs);

  it('finds a moved paragraph by its id', () => {
    expect(anchors.anchor({ paragraph: paragraphHash('Johdanto.'), text: 'Johdanto.' })).toEqual({
      kind: 'id',
      paragraph: paragraphHash('Johdanto.'),
    });
  });

  it('finds a slightly changed paragraph by its text', () => {
    const a = anchors.anchor({ paragraph: paragraphHash(long), text: long });
    expect(a.kind).toBe('text');
    if (a.kind === 'text') {
      expect(a.paragraph).toBe(paragraphs[1]?.id);
      expect(a.similarity).toBeGreaterThan(1 - REANCHOR_MAX_EDIT);
    }
  });

  it('finds a repeated paragraph whose suffix changed', () => {
    expect(anchors.anchor({ paragraph: `${paragraphHash('Sama.')}-3`, text: 'Sama.' })).toMatchObject({
      kind: 'text',
      paragraph: paragraphHash('Sama.'),
    });
  });

  it.each([
    [
      'rewritten beyond the bound',
      'Hankkeessa kehitettiin myös mobiilisovellus nuorille, mutta se jäi kesken.',
      'gone',
    ],
    ['no recorded text', '', 'no-text'],
  ])('leaves a decision orphaned when the paragraph is %s', (_name, text, reason) => {
    expect(anchors.anchor({ paragraph: 'pzzzzzzzz', text })).toEqual({ kind: 'orphaned', reason });
  });

  it('does not guess between two equally close paragraphs', () => {
    const two = new ReportAnchors([
      { id: 'pa', text: 'Kunnat tekivät yhteistyötä vuonna 2021.' },
      { id: 'pb', text: 'Kunnat tekivät yhteistyötä vuonna 2023.' },
    ]);
    expect(two.anchor({ paragraph: 'px', text: 'Kunnat tekivät yhteistyötä vuonna 2022.' })).toEqual({
      kind: 'orphaned',
      reason: 'ambiguous',
    });
  });

  it.each([
    ['kitten', 'sitting', 10, 3],
    ['', 'abc', 5, 3],
    ['abc', 'abc', 0, 0],
    ['abcdef', 'azcdef', 1, 1],
    ['abcdef', 'badcfe', 2, 3],
    ['aaaa', 'bbbbbbbb', 2, 3],
  ])('bounded edit distance %s → %s (limit %i) is %i', (a, b, limit, expected) => {
    expect(boundedEditDistance(a, b, limit)).toBe(expected);
  });
});
