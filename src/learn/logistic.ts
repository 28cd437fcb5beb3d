// L2-regularised logistic regression fitted by Newton's method (iteratively reweighted least squares):
// deterministic (fixed order, fixed iterations, no randomness), exact for the few features the coding model
// has. The bias (feature 0) is not penalised.

export interface LogisticFit {
  weights: number[];
  iterations: number;
}

/** Solves A x = b for a symmetric positive definite A (Gaussian elimination with partial pivoting). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i] ?? 0]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++)
      if (Math.abs(m[r]?.[col] ?? 0) > Math.abs(m[pivot]?.[col] ?? 0)) pivot = r;
    [m[col], m[pivot]] = [m[pivot] as number[], m[col] as number[]];
    const p = m[col]?.[col] ?? 0;
    if (Math.abs(p) < 1e-12) continue;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = (m[r]?.[col] ?? 0) / p;
      if (f === 0) continue;
      for (let c = col; c <= n; c++) (m[r] as number[])[c] = (m[r]?.[c] ?? 0) - f * (m[col]?.[c] ?? 0);
    }
  }
  return m.map((row, i) => {
    const d = row[i] ?? 0;
    return Math.abs(d) < 1e-12 ? 0 : (row[n] ?? 0) / d;
  });
}

export const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

export function fitLogistic(
  x: readonly number[][],
  y: readonly number[],
  options: { lambda: number; iterations?: number; sampleWeights?: readonly number[] },
): LogisticFit {
  const d = x[0]?.length ?? 0;
  let w = new Array<number>(d).fill(0);
  const maxIter = options.iterations ?? 50;
  let it = 0;
  for (; it < maxIter; it++) {
    const grad = new Array<number>(d).fill(0);
    const hess = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    for (let i = 0; i < x.length; i++) {
      const xi = x[i] as number[];
      const sw = options.sampleWeights?.[i] ?? 1;
      let z = 0;
      for (let j = 0; j < d; j++) z += (w[j] ?? 0) * (xi[j] ?? 0);
      const p = sigmoid(z);
      const r = sw * ((y[i] ?? 0) - p);
      const s = sw * p * (1 - p);
      for (let j = 0; j < d; j++) {
        grad[j] = (grad[j] ?? 0) + r * (xi[j] ?? 0);
        const row = hess[j] as number[];
        for (let k = j; k < d; k++) row[k] = (row[k] ?? 0) + s * (xi[j] ?? 0) * (xi[k] ?? 0);
      }
    }
    for (let j = 0; j < d; j++) {
      for (let k = 0; k < j; k++) (hess[j] as number[])[k] = hess[k]?.[j] ?? 0;
      if (j > 0) {
        grad[j] = (grad[j] ?? 0) - options.lambda * (w[j] ?? 0);
        (hess[j] as number[])[j] = (hess[j]?.[j] ?? 0) + options.lambda;
      } else (hess[0] as number[])[0] = (hess[0]?.[0] ?? 0) + 1e-6;
    }
    const step = solve(hess, grad);
    w = w.map((v, j) => v + (step[j] ?? 0));
    if (Math.max(...step.map(Math.abs)) < 1e-8) {
      it++;
      break;
    }
  }
  return { weights: w, iterations: it };
}
