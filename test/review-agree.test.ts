// Agreement statistics against tables computed by hand and Krippendorff's own worked examples, and the
// paragraph-level comparison of two coders (uncoded text must not inflate agreement).
import { describe, expect, it } from 'vitest';
import { compareCoders, NONE } from '../src/review/agree.js';
import { coderViewOf, decisionsView } from '../src/review/coder-file.js';
import { type Decision, renderDecisions } from '../src/review/decisions.js';
import { cohenKappa, krippendorffAlphaNominal, percentAgreement } from '../src/review/statistics.js';

describe("Cohen's kappa on hand-computed 2 × 2 tables", () => {
  it.each([
    // po = 35/50 = .70; pA = 25/50, pB = 30/50; pe = .5·.6 + .5·.4 = .50; κ = (.70 − .50)/(1 − .50) = .40
    [{ both: 20, onlyA: 5, onlyB: 10, neither: 15 }, 0.4, 0.7],
    // po = 1; pA = pB = .5; pe = .5; κ = 1
    [{ both: 5, onlyA: 0, onlyB: 0, neither: 5 }, 1, 1],
    // po = 0; pA = .5, pB = .5 (crossed); pe = .5; κ = −1
    [{ both: 0, onlyA: 5, onlyB: 5, neither: 0 }, -1, 0],
    // po = 90/100 = .90; pA = 10/100, pB = 10/100; pe = .01 + .81 = .82; κ = .08/.18 = .4444
    [{ both: 5, onlyA: 5, onlyB: 5, neither: 85 }, 0.4444, 0.9],
    // po = 40/60 = .6667; pA = 30/60 = .5, pB = 40/60 = .6667; pe = .3333 + .1667 = .5; κ = .3333
    [{ both: 25, onlyA: 5, onlyB: 15, neither: 15 }, 0.3333, 0.6667],
  ])('%o → κ %d, agreement %d', (table, kappa, agreement) => {
    expect(cohenKappa(table)).toBe(kappa);
    expect(percentAgreement(table)).toBe(agreement);
  });

  it('is undefined when both coders give every unit the code (pe = 1)', () => {
    expect(cohenKappa({ both: 7, onlyA: 0, onlyB: 0, neither: 0 })).toBeNull();
    expect(cohenKappa({ both: 0, onlyA: 0, onlyB: 0, neither: 0 })).toBeNull();
  });
});

describe("Krippendorff's alpha, nominal", () => {
  const m = undefined;
  it('Krippendorff (2011), "Computing Krippendorff\'s Alpha-Reliability": 4 coders, 12 units, missing values → .743', () => {
    const data = [
      ['1', '2', '3', '3', '2', '1', '4', '1', '2', m, m, m],
      ['1', '2', '3', '3', '2', '2', '4', '1', '2', '5', m, '3'],
      [m, '3', '3', '3', '2', '3', '4', '2', '2', '5', '1', m],
      ['1', '2', '3', '3', '2', '4', '4', '1', '2', '5', '1', m],
    ];
    expect(krippendorffAlphaNominal(data)).toBeCloseTo(0.743, 3);
  });

  it('the 3-coder, 15-unit example of fast-krippendorff and Wikipedia → .691358', () => {
    const row = (s: string) => s.split(' ').map((v) => (v === '*' ? undefined : v));
    const data = [
      row('* * * * * 3 4 1 2 1 1 3 3 * 3'),
      row('1 * 2 1 3 3 4 3 * * * * * * *'),
      row('* * 2 1 3 4 4 * 2 1 1 3 3 * 4'),
    ];
    expect(krippendorffAlphaNominal(data)).toBeCloseTo(0.691358, 4);
  });

  it('two coders, binary, by hand → .3125', () => {
    // Units: (0,0) ×3, (1,1) ×1, (0,1), (1,0): n0 = 8, n1 = 4, n = 12; observed = 4, expected = 2·8·4 = 64
    // α = 1 − (n − 1)·observed/expected = 1 − 11·4/64 = .3125
    const a = ['0', '0', '0', '1', '0', '1'];
    const b = ['0', '0', '0', '1', '1', '0'];
    expect(krippendorffAlphaNominal([a, b])).toBe(0.3125);
  });

  it('is undefined without two values in a unit or without variation', () => {
    expect(
      krippendorffAlphaNominal([
        ['1', m],
        [m, '2'],
      ]),
    ).toBeNull();
    expect(
      krippendorffAlphaNominal([
        ['1', '1'],
        ['1', '1'],
      ]),
    ).toBeNull();
  });
});

const dec = (report: string, paragraph: string, code: string, decision: Decision['decision']): Decision => ({
  report,
  paragraph,
  code,
  decision,
  quote: '',
  memo: '',
  reviewer: 'R',
  date: '2026-01-01',
  text: '',
});

describe('comparing two coders at paragraph level', () => {
  it('counts only paragraphs either coded, so uncoded text does not inflate kappa', () => {
    // A and B judged 100 paragraphs each (the same ones); 90 of them neither coded.
    const a: Decision[] = [];
    const b: Decision[] = [];
    for (let i = 0; i < 100; i++) {
      a.push(dec('r', `p${i}`, 'x', i < 8 ? 'accept' : 'reject'));
      b.push(dec('r', `p${i}`, 'x', i >= 2 && i < 10 ? 'accept' : 'reject'));
    }
    const report = compareCoders(decisionsView('A', a), decisionsView('B', b));
    // Units: p0..p9 (10). A: p0..p7, B: p2..p9 → both 6, onlyA 2, onlyB 2, neither 0.
    expect(report.units).toBe(10);
    expect(report.codes[0]).toMatchObject({ code: 'x', both: 6, onlyA: 2, onlyB: 2, neither: 0 });
    // po = .6, pA = pB = .8, pe = .68 → κ = −.25; over all 100 paragraphs (neither = 90) it would read
    // po = .96, pe = .8528 → κ = .7283, an agreement the coders never had on the paragraphs they coded.
    expect(report.codes[0]?.kappa).toBe(-0.25);
    expect(cohenKappa({ both: 6, onlyA: 2, onlyB: 2, neither: 90 })).toBe(0.7283);
  });

  it('gives per-code tables, alpha, exact paragraphs and the confusion', () => {
    const a = decisionsView('A', [
      dec('r', 'p1', 'x', 'accept'),
      dec('r', 'p2', 'x', 'accept'),
      dec('r', 'p3', 'y', 'add'),
      dec('r', 'p4', 'x', 'accept'),
      dec('r', 'p4', 'y', 'accept'),
      dec('r', 'p5', 'x', 'reject'),
    ]);
    const b = decisionsView('B', [
      dec('r', 'p1', 'x', 'accept'),
      dec('r', 'p2', 'y', 'accept'),
      dec('r', 'p3', 'y', 'accept'),
      dec('r', 'p4', 'x', 'accept'),
      dec('r', 'p5', 'y', 'accept'),
    ]);
    const r = compareCoders(a, b, ['y', 'x']);
    expect(r.units).toBe(5);
    expect(r.codes.map((c) => c.code)).toEqual(['y', 'x']);
    // x: p1 both, p2 A, p4 both, p3/p5 neither → both 2, onlyA 1, neither 2
    expect(r.codes[1]).toMatchObject({ both: 2, onlyA: 1, onlyB: 0, neither: 2 });
    // y: p3 both, p4 A only, p2 and p5 B only, p1 neither
    expect(r.codes[0]).toMatchObject({ both: 1, onlyA: 1, onlyB: 2, neither: 1 });
    expect(r.exactParagraphs).toBe(0.4);
    expect(r.agreement).toBe(0.6);
    expect(r.confusion).toEqual({ x: { x: 2, y: 1 }, y: { y: 1, [NONE]: 1 }, [NONE]: { y: 1 } });
  });

  it('leaves out paragraphs only one coder judged, and counts them', () => {
    const a = decisionsView('A', [dec('r', 'p1', 'x', 'accept'), dec('r', 'p2', 'x', 'accept')]);
    const b = decisionsView('B', [dec('r', 'p1', 'x', 'accept'), dec('r', 'p3', 'x', 'accept')]);
    const r = compareCoders(a, b);
    expect(r.units).toBe(1);
    expect(r.uncovered).toEqual({ a: 1, b: 1 });
  });

  it('reads a codings.csv as the tool (every paragraph of its reports judged; added rows are not its own)', () => {
    const codings =
      '\uFEFFreport,segment,section,start_line,end_line,code,polarity,theme,score,confidence,matches,text,status\n' +
      'r,p1,s,1,1,x,success,x,2,0.5,m,t,proposed\n' +
      'r,p2,s,3,3,x,success,x,2,0.5,m,t,rejected\n' +
      'r,p9,s,5,5,y,success,y,0,1,,t,added\n';
    const tool = coderViewOf('codings.csv', codings);
    const human = coderViewOf(
      'review.csv',
      renderDecisions([
        dec('r', 'p1', 'x', 'accept'),
        dec('r', 'p2', 'x', 'reject'),
        dec('r', 'p9', 'y', 'add'),
      ]),
    );
    if (!tool.ok || !human.ok) throw new Error('unreadable');
    const r = compareCoders(human.value, tool.value);
    expect(r.units).toBe(3);
    expect(r.codes.find((c) => c.code === 'x')).toMatchObject({ both: 1, onlyA: 0, onlyB: 1 });
    expect(r.codes.find((c) => c.code === 'y')).toMatchObject({ both: 0, onlyA: 1, onlyB: 0 });
  });

  it('picks one reviewer of a shared decisions file', () => {
    const file = renderDecisions([
      { ...dec('r', 'p1', 'x', 'accept'), reviewer: 'Maija' },
      { ...dec('r', 'p1', 'x', 'reject'), reviewer: 'Pekka', date: '2026-02-01' },
    ]);
    const maija = coderViewOf('review.csv', file, 'Maija');
    const pekka = coderViewOf('review.csv', file, 'Pekka');
    if (!maija.ok || !pekka.ok) throw new Error('unreadable');
    const r = compareCoders(maija.value, pekka.value);
    expect(r.codes[0]).toMatchObject({ code: 'x', onlyA: 1, both: 0 });
  });

  it('names a file it cannot tell apart', () => {
    const r = coderViewOf('x.csv', 'a,b\n1,2\n');
    expect(r.ok).toBe(false);
  });
});
