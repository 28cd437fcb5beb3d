// The coding model: a logistic model over the evidence features (features.ts), the same for every
// codebook, with parameters fitted per codebook (src/learn/fit.ts, `npm run fit`) and kept in a data file
// beside it (<codebook>.weights.json). Its output, calibrated on the fitting data, is the probability that
// an evaluator would accept the coding: the coding's confidence.
import { sigmoid } from '../learn/logistic.js';
import { FEATURES, type FeatureName } from './features.js';

export interface CodingModel {
  /** The codebook the parameters were fitted for. */
  codebook: string;
  features: readonly string[];
  weights: readonly number[];
  /** Platt scaling of the logit, fitted on out-of-fold predictions: p = σ(a·z + b). */
  calibration: { a: number; b: number };
  /** A paragraph gets a code when its confidence reaches this. */
  threshold: number;
  /** Codings at or above this confidence are strong evidence (quotes, summary). */
  strong: number;
  /** What the parameters were fitted on: counts and a hash of the training items. */
  fitted: {
    items: number;
    positives: number;
    sources: string[];
    /** Hashes of the training items and of the vocabulary (codebook terms, rule patterns) fitted with. */
    hash: string;
    vocabulary: string;
    lambda: number;
  };
}

export interface Prediction {
  logit: number;
  confidence: number;
  /** Feature → weight × value, for explanations. */
  contributions: Record<string, number>;
}

export function predict(model: CodingModel, x: Record<FeatureName, number>): Prediction {
  let z = 0;
  const contributions: Record<string, number> = {};
  const { features, weights } = model;
  for (let i = 0; i < features.length; i++) {
    const name = features[i] as string;
    const c = (weights[i] ?? 0) * ((x as Record<string, number>)[name] ?? 0);
    if (c !== 0) contributions[name] = c;
    z += c;
  }
  return { logit: z, confidence: sigmoid(model.calibration.a * z + model.calibration.b), contributions };
}

/** A model with no evidence of anything: used only when a codebook has no fitted parameters yet. */
export function untrainedModel(codebook: string): CodingModel {
  return {
    codebook,
    features: [...FEATURES],
    weights: FEATURES.map(() => 0),
    calibration: { a: 1, b: 0 },
    threshold: 0.5,
    strong: 0.8,
    fitted: { items: 0, positives: 0, sources: [], hash: '', vocabulary: '', lambda: 0 },
  };
}

/** Checks a parsed weights file; returns a reason when it does not fit this version of the tool. */
export function checkModel(value: unknown): { ok: true; model: CodingModel } | { ok: false; reason: string } {
  const m = value as Partial<CodingModel>;
  if (!m || typeof m !== 'object' || !Array.isArray(m.features) || !Array.isArray(m.weights))
    return { ok: false, reason: 'not a coding model (features and weights missing)' };
  if (m.features.length !== m.weights.length)
    return { ok: false, reason: 'features and weights differ in length' };
  const unknown = m.features.filter((f) => !(FEATURES as readonly string[]).includes(f));
  if (unknown.length > 0)
    return { ok: false, reason: `unknown features: ${unknown.join(', ')} (refit: npm run fit)` };
  if (typeof m.threshold !== 'number' || !(m.threshold > 0 && m.threshold < 1))
    return { ok: false, reason: 'threshold must be a number in (0, 1)' };
  if (!m.calibration || typeof m.calibration.a !== 'number' || typeof m.calibration.b !== 'number')
    return { ok: false, reason: 'calibration {a, b} missing' };
  return { ok: true, model: m as CodingModel };
}
