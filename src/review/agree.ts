// Agreement between two coders at paragraph level: two reviewers' decisions files, or a reviewer's decisions
// and the tool's codings.csv.
//
// What each coder says:
//   - a decisions file: the paragraphs with at least one decision are the ones its reviewer judged; there,
//     codes accepted or added are applied and every other code is not (the decision in force per paragraph
//     and code counts; `--reviewer` picks one reviewer's rows);
//   - codings.csv: the tool read every paragraph of the reports it lists; the codes it proposed are applied
//     (rows with status `added` are the evaluator's, not the tool's, and are left out).
//
// Units are the paragraphs that either coder applied at least one code to, among those both coders judged:
// uncoded text does not inflate agreement, and a paragraph only one coder saw is counted apart. Per code, a
// 2 × 2 table over those units gives Cohen's kappa and percent agreement. Overall: Krippendorff's alpha
// (nominal) over every paragraph × code (applied / not applied), and the share of paragraphs with the same
// codes. The confusion pairs codes per paragraph: codes both applied on the diagonal; then each code only A
// applied against a code only B applied (in codebook order), or against "(none)".
import { cohenKappa, krippendorffAlphaNominal, percentAgreement, type TwoByTwo } from './statistics.js';

export const NONE = '(none)';

/** One coder's view: per paragraph ("report#id"), the codes applied; `covers` says which paragraphs it judged. */
export interface CoderView {
  name: string;
  applied: ReadonlyMap<string, ReadonlySet<string>>;
  covers: (paragraph: string) => boolean;
}

export interface CodeAgreement extends TwoByTwo {
  code: string;
  kappa: number | null;
  agreement: number | null;
}

export interface AgreementReport {
  a: string;
  b: string;
  /** Paragraphs compared. */
  units: number;
  /** Paragraphs coded by one coder that the other did not judge (left out). */
  uncovered: { a: number; b: number };
  codes: CodeAgreement[];
  alpha: number | null;
  /** Share of paragraph × code decisions that agree. */
  agreement: number | null;
  /** Share of paragraphs where both applied exactly the same codes. */
  exactParagraphs: number | null;
  /** confusion[codeA][codeB] = count. */
  confusion: Record<string, Record<string, number>>;
}

const EMPTY = new Set<string>();

export function compareCoders(
  a: CoderView,
  b: CoderView,
  codeOrder: readonly string[] = [],
): AgreementReport {
  const units: string[] = [];
  const uncovered = { a: 0, b: 0 };
  for (const p of new Set([...a.applied.keys(), ...b.applied.keys()])) {
    const inA = a.covers(p);
    const inB = b.covers(p);
    if (inA && inB) units.push(p);
    else if (inA) uncovered.a++;
    else uncovered.b++;
  }
  units.sort();
  const seen = new Set<string>();
  for (const p of units)
    for (const c of [...(a.applied.get(p) ?? []), ...(b.applied.get(p) ?? [])]) seen.add(c);
  const rank = new Map(codeOrder.map((c, i) => [c, i]));
  const order = (x: string, y: string) =>
    (rank.get(x) ?? Number.MAX_SAFE_INTEGER) - (rank.get(y) ?? Number.MAX_SAFE_INTEGER) ||
    (x < y ? -1 : x > y ? 1 : 0);
  const codes = [...seen].sort(order);

  const perCode: CodeAgreement[] = codes.map((code) => {
    const t: TwoByTwo = { both: 0, onlyA: 0, onlyB: 0, neither: 0 };
    for (const p of units) {
      const x = a.applied.get(p)?.has(code) ?? false;
      const y = b.applied.get(p)?.has(code) ?? false;
      if (x && y) t.both++;
      else if (x) t.onlyA++;
      else if (y) t.onlyB++;
      else t.neither++;
    }
    return { code, ...t, kappa: cohenKappa(t), agreement: percentAgreement(t) };
  });

  const rowA: string[] = [];
  const rowB: string[] = [];
  let exact = 0;
  const confusion: Record<string, Record<string, number>> = {};
  const count = (x: string, y: string) => {
    const row = confusion[x] ?? {};
    row[y] = (row[y] ?? 0) + 1;
    confusion[x] = row;
  };
  for (const p of units) {
    const sa = a.applied.get(p) ?? EMPTY;
    const sb = b.applied.get(p) ?? EMPTY;
    for (const c of codes) {
      rowA.push(sa.has(c) ? '1' : '0');
      rowB.push(sb.has(c) ? '1' : '0');
    }
    const onlyA = codes.filter((c) => sa.has(c) && !sb.has(c));
    const onlyB = codes.filter((c) => sb.has(c) && !sa.has(c));
    if (onlyA.length === 0 && onlyB.length === 0) exact++;
    for (const c of codes) if (sa.has(c) && sb.has(c)) count(c, c);
    for (let i = 0; i < Math.max(onlyA.length, onlyB.length); i++) count(onlyA[i] ?? NONE, onlyB[i] ?? NONE);
  }
  const pairs = rowA.length;
  const agreeing = rowA.filter((v, i) => v === rowB[i]).length;
  return {
    a: a.name,
    b: b.name,
    units: units.length,
    uncovered,
    codes: perCode,
    alpha: krippendorffAlphaNominal([rowA, rowB]),
    agreement: pairs === 0 ? null : Math.round((agreeing / pairs) * 10000) / 10000,
    exactParagraphs: units.length === 0 ? null : Math.round((exact / units.length) * 10000) / 10000,
    confusion,
  };
}
