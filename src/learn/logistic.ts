// L2-regularised logistic regression fitted by Newton's method (iteratively reweighted least squares):
// deterministic (fixed order, no randomness), exact for the few features the coding model has. The bias
// (feature 0) is not penalised. Rows are flat typed arrays so a fit over thousands of rows stays fast.

export interface LogisticFit {
  weights: number[];
  iterations: number;
}

/** Solves A x = b for a symmetric positive definite A (n × n, row-major), by Cholesky decomposition. */
function solve(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i * n + j] as number;
      for (let k = 0; k < j; k++) sum -= (l[i * n + k] as number) * (l[j * n + k] as number);
      if (i === j) l[i * n + i] = Math.sqrt(Math.max(sum, 1e-12));
      else l[i * n + j] = sum / (l[j * n + j] as number);
    }
  }
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = b[i] as number;
    for (let k = 0; k < i; k++) sum -= (l[i * n + k] as number) * (y[k] as number);
    y[i] = sum / (l[i * n + i] as number);
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let sum = y[i] as number;
    for (let k = i + 1; k < n; k++) sum -= (l[k * n + i] as number) * (x[k] as number);
    x[i] = sum / (l[i * n + i] as number);
  }
  return x;
}

export const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

const MAX_ITERATIONS = 30;
const TOLERANCE = 1e-7;

export function fitLogistic(
  x: readonly (readonly number[])[],
  y: readonly number[],
  options: { lambda: number; weights?: readonly number[] },
): LogisticFit {
  const d = x[0]?.length ?? 0;
  const m = x.length;
  const flat = new Float64Array(m * d);
  x.forEach((row, i) => {
    for (let j = 0; j < d; j++) flat[i * d + j] = row[j] ?? 0;
  });
  const w = new Float64Array(d);
  let it = 0;
  const grad = new Float64Array(d);
  const hess = new Float64Array(d * d);
  for (; it < MAX_ITERATIONS; it++) {
    grad.fill(0);
    hess.fill(0);
    for (let i = 0; i < m; i++) {
      const o = i * d;
      let z = 0;
      for (let j = 0; j < d; j++) z += (w[j] as number) * (flat[o + j] as number);
      const p = sigmoid(z);
      const sw = options.weights?.[i] ?? 1;
      const r = sw * ((y[i] ?? 0) - p);
      const s = sw * p * (1 - p);
      for (let j = 0; j < d; j++) {
        const xj = flat[o + j] as number;
        if (xj === 0) continue;
        grad[j] = (grad[j] as number) + r * xj;
        const sx = s * xj;
        for (let k = j; k < d; k++)
          hess[j * d + k] = (hess[j * d + k] as number) + sx * (flat[o + k] as number);
      }
    }
    for (let j = 0; j < d; j++) {
      for (let k = 0; k < j; k++) hess[j * d + k] = hess[k * d + j] as number;
      const penalty = j === 0 ? 1e-6 : options.lambda;
      grad[j] = (grad[j] as number) - (j === 0 ? 0 : options.lambda * (w[j] as number));
      hess[j * d + j] = (hess[j * d + j] as number) + penalty;
    }
    const step = solve(hess, grad, d);
    let largest = 0;
    for (let j = 0; j < d; j++) {
      w[j] = (w[j] as number) + (step[j] as number);
      largest = Math.max(largest, Math.abs(step[j] as number));
    }
    if (largest < TOLERANCE) {
      it++;
      break;
    }
  }
  return { weights: [...w], iterations: it };
}
