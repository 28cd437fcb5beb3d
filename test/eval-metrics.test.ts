import { describe, expect, it } from 'vitest';
import { loadGold } from '../src/eval/gold.js';
import { agreement, polarityOf } from '../src/eval/metrics.js';

/** n copies of a label. */
const times = (label: string, n: number): string[] => Array.from({ length: n }, () => label);

describe('polarityOf', () => {
  it.each([
    ['success.cooperation', 'success'],
    ['challenge.vendors', 'challenge'],
    ['challenge.staffing.turnover', 'challenge'],
    ['none', 'none'],
    ['osaaminen', 'osaaminen'],
  ])('%s → %s', (code, polarity) => {
    expect(polarityOf(code)).toBe(polarity);
  });
});

describe('agreement', () => {
  it('gives kappa 1 and accuracy 1 for perfect agreement', () => {
    const labels = ['success.cooperation', 'challenge.vendors', 'none', 'success.cooperation', 'none'];
    const a = agreement(labels, labels);
    expect(a).toMatchObject({ n: 5, accuracy: 1, kappa: 1, polarityAccuracy: 1 });
    for (const l of a.perLabel) expect(l).toMatchObject({ precision: 1, recall: 1, f1: 1 });
  });

  it('gives kappa 1 when both raters use one label throughout (no chance correction possible)', () => {
    expect(agreement(['none', 'none'], ['none', 'none']).kappa).toBe(1);
  });

  // The 2×2 example of Cohen's kappa (50 items):       predicted yes   predicted no
  //                                        gold yes          20              5
  //                                        gold no           10             15
  // po = 35/50 = 0.7; pe = 0.5·0.6 + 0.5·0.4 = 0.5; kappa = (0.7 − 0.5)/(1 − 0.5) = 0.4
  const gold = [...times('yes', 25), ...times('no', 25)];
  const predicted = [...times('yes', 20), ...times('no', 5), ...times('yes', 10), ...times('no', 15)];

  it('computes kappa for a hand-computed 2×2 table', () => {
    const a = agreement(gold, predicted);
    expect(a.n).toBe(50);
    expect(a.accuracy).toBe(0.7);
    expect(a.kappa).toBe(0.4);
    expect(a.labels).toEqual(['no', 'yes']);
    expect(a.confusion).toEqual({ yes: { yes: 20, no: 5 }, no: { yes: 10, no: 15 } });
  });

  it('computes per-label precision, recall and F1', () => {
    const a = agreement(gold, predicted);
    // yes: tp 20, predicted 30, support 25 → P 2/3, R 0.8, F1 = 2·(2/3)·0.8/(2/3 + 0.8) = 0.7273
    // no:  tp 15, predicted 20, support 25 → P 0.75, R 0.6, F1 = 2·0.75·0.6/1.35 = 0.6667
    expect(a.perLabel).toEqual([
      { label: 'no', support: 25, predicted: 20, precision: 0.75, recall: 0.6, f1: 0.6667 },
      { label: 'yes', support: 25, predicted: 30, precision: 0.6667, recall: 0.8, f1: 0.7273 },
    ]);
  });

  it('gives kappa 0 for agreement no better than chance and negative below it', () => {
    // Independent marginals: each rater says a/b half the time, and they agree half the time.
    expect(agreement(['a', 'a', 'b', 'b'], ['a', 'b', 'a', 'b']).kappa).toBe(0);
    // Always disagreeing.
    expect(agreement(['a', 'b', 'a', 'b'], ['b', 'a', 'b', 'a']).kappa).toBe(-1);
  });

  it('gives 0 precision, recall and F1 to a label never predicted or never in gold', () => {
    const a = agreement(['a', 'a'], ['a', 'b']);
    expect(a.perLabel.find((l) => l.label === 'b')).toEqual({
      label: 'b',
      support: 0,
      predicted: 1,
      precision: 0,
      recall: 0,
      f1: 0,
    });
    const c = agreement(['a', 'a'], ['a', 'a'], ['c']);
    expect(c.labels).toEqual(['a', 'c']);
    expect(c.perLabel.find((l) => l.label === 'c')).toMatchObject({ support: 0, predicted: 0, f1: 0 });
    expect(c.confusion.c).toEqual({ a: 0, c: 0 });
  });

  it('counts polarity agreement apart from code agreement', () => {
    const a = agreement(
      ['success.cooperation', 'success.efficiency', 'challenge.vendors', 'none'],
      ['success.participation', 'success.efficiency', 'success.cooperation', 'none'],
    );
    expect(a.accuracy).toBe(0.5);
    expect(a.polarityAccuracy).toBe(0.75);
  });

  it('returns zeros for no items', () => {
    expect(agreement([], [])).toMatchObject({
      n: 0,
      accuracy: 0,
      polarityAccuracy: 0,
      labels: [],
      perLabel: [],
    });
  });

  it('rounds to four decimals', () => {
    const a = agreement(['a', 'a', 'b'], ['a', 'b', 'b']);
    expect(a.accuracy).toBe(0.6667);
  });
});

describe('loadGold', () => {
  it('reads a list of items', () => {
    const r = loadGold(
      'g.yaml',
      '- id: 1\n  code: success.cooperation\n  text: Yhteistyö sujui.\n- id: b2\n  code: none\n  text: Budjetti.\n  lang: fi\n',
    );
    expect(r).toEqual({
      ok: true,
      value: [
        { id: '1', code: 'success.cooperation', text: 'Yhteistyö sujui.' },
        { id: 'b2', code: 'none', text: 'Budjetti.', lang: 'fi' },
      ],
    });
  });

  it.each([
    ['- id: 1\n  code: [a\n', 'gold/yaml'],
    ['id: 1\ncode: a\n', 'gold/shape'],
  ])('rejects %j with %s', (text, ruleId) => {
    const r = loadGold('g.yaml', text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostics[0]?.ruleId).toBe(ruleId);
  });

  it('reports each item that lacks id, code or text, at its line', () => {
    const r = loadGold(
      'g.yaml',
      '- id: 1\n  code: a\n  text: t\n- id: 2\n  text: no code\n- just a string\n',
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.diagnostics.map((d) => [d.ruleId, d.place?.line, d.place?.column])).toEqual([
        ['gold/item', 4, 3],
        ['gold/item', 6, 3],
      ]);
    }
  });
});
