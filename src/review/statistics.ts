// Agreement statistics, written out from their definitions so each can be checked by hand.
//
// Cohen's kappa (two coders, one code, a 2 × 2 table):
//   po = (both + neither) / n,  pe = pA·pB + (1 − pA)(1 − pB),  κ = (po − pe) / (1 − pe)
//   where pA, pB are each coder's share of units with the code. Undefined (null) when pe = 1.
//
// Krippendorff's alpha, nominal (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability"):
//   a coincidence matrix o over values, each unit with m_u ≥ 2 values adding every ordered pair of values
//   from different coders with weight 1 / (m_u − 1); n_c = Σ_k o_ck, n = Σ_c n_c;
//   α = 1 − (n − 1) · Σ_{c≠k} o_ck / Σ_{c≠k} n_c · n_k.
//   Units with fewer than two values carry no pair and drop out; missing values are allowed.

export interface TwoByTwo {
  /** Units both coders gave the code. */
  both: number;
  onlyA: number;
  onlyB: number;
  /** Units neither coder gave the code. */
  neither: number;
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

export function percentAgreement(t: TwoByTwo): number | null {
  const n = t.both + t.onlyA + t.onlyB + t.neither;
  return n === 0 ? null : round((t.both + t.neither) / n);
}

export function cohenKappa(t: TwoByTwo): number | null {
  const n = t.both + t.onlyA + t.onlyB + t.neither;
  if (n === 0) return null;
  const po = (t.both + t.neither) / n;
  const pA = (t.both + t.onlyA) / n;
  const pB = (t.both + t.onlyB) / n;
  const pe = pA * pB + (1 - pA) * (1 - pB);
  return pe === 1 ? null : round((po - pe) / (1 - pe));
}

/**
 * Nominal alpha of a reliability matrix: `data[coder][unit]` is a value, or undefined where the coder did
 * not code the unit. Null when no unit has two values or every value is the same (no expected disagreement).
 */
export function krippendorffAlphaNominal(data: readonly (readonly (string | undefined)[])[]): number | null {
  const units = Math.max(0, ...data.map((row) => row.length));
  const o = new Map<string, Map<string, number>>();
  const add = (c: string, k: string, w: number) => {
    const row = o.get(c) ?? new Map<string, number>();
    row.set(k, (row.get(k) ?? 0) + w);
    o.set(c, row);
  };
  for (let u = 0; u < units; u++) {
    const values = data.map((row) => row[u]).filter((v): v is string => v !== undefined);
    const m = values.length;
    if (m < 2) continue;
    for (let i = 0; i < m; i++)
      for (let j = 0; j < m; j++) if (i !== j) add(values[i] as string, values[j] as string, 1 / (m - 1));
  }
  const nc = new Map<string, number>();
  for (const [c, row] of o)
    nc.set(
      c,
      [...row.values()].reduce((a, b) => a + b, 0),
    );
  const n = [...nc.values()].reduce((a, b) => a + b, 0);
  if (n < 2) return null;
  let observed = 0;
  for (const [c, row] of o) for (const [k, w] of row) if (c !== k) observed += w;
  let expected = 0;
  for (const [c, a] of nc) for (const [k, b] of nc) if (c !== k) expected += a * b;
  if (expected === 0) return null;
  return round(1 - ((n - 1) * observed) / expected);
}
