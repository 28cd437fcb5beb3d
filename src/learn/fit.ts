// Fits the coding model (src/tag/model.ts) on training items, deterministically:
//   1. each item's evidence (the coder's own reading of it: terms, cues, flags, section);
//   2. the lexical model's scores out of fold (K folds by a hash of the id), so the logistic model learns
//      how far to trust it on text it has not seen;
//   3. one row per item and theme: label 1 for the item's codes, 0 for the others (codes in `also` left out);
//   4. the L2 penalty chosen by out-of-fold log-likelihood, then the weights on all rows;
//   5. calibration (Platt) from out-of-fold logits, and the threshold, on the items most like what the
//      tool will code — the user's own decisions when there are any, else the paragraphs of whole reports
//      (items with a section), else all: precision first, the lowest confidence from which out-of-fold
//      precision stays at CODING_PRECISION (the most recall an evaluator gets at that precision), or the
//      best F1 where it never gets there; "strong" likewise at STRONG_PRECISION.
// The same procedure serves `npm run fit` (shipped weights), `--learn-from` (at run time) and the
// cross-validation of `analyse eval --cv`.
import { createHash } from 'node:crypto';
import type { CompiledCodebook } from '../codebook/compile.js';
import type { Rules } from '../rules/compile.js';
import { type ParagraphEvidence, paragraphEvidence } from '../tag/evidence.js';
import { FEATURES, themeFeatures, toVector } from '../tag/features.js';
import type { CodingModel } from '../tag/model.js';
import { itemSegment, type TrainingItem, withHierarchy } from './items.js';
import { type ThemeLexicon, themeLexicon, themeTable } from './lexical.js';
import { fitLogistic, sigmoid } from './logistic.js';

export interface FitSetup {
  compiled: CompiledCodebook;
  rules: Rules;
}

export interface FitResult {
  model: CodingModel;
  lexical: ThemeLexicon;
  /** Out-of-fold confidence per item and code (for reports and tests). */
  outOfFold: { id: string; code: string; label: number; confidence: number }[];
}

const FOLDS = 5;
const LAMBDAS = [0.1, 0.3, 1, 3, 10];
const STRONG_PRECISION = 0.9;
/** Precision first: three in four coded paragraphs should be ones an evaluator accepts (issue 9's bar). */
const CODING_PRECISION = 0.75;
/** β² of the F-measure the threshold maximises: F1. */
const BETA2 = 1;

/** FNV-1a of the id: a fold assignment that does not depend on the order of the items. */
export function foldOf(id: string, folds = FOLDS): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return h % folds;
}

export function itemEvidence(items: readonly TrainingItem[], setup: FitSetup): ParagraphEvidence[] {
  return items.map((item) =>
    paragraphEvidence(itemSegment(item.text, item.id, item.section), {
      compiled: setup.compiled,
      rules: setup.rules,
    }),
  );
}

interface Row {
  item: number;
  code: string;
  x: number[];
  y: number;
  w: number;
}

function rowsFor(
  items: readonly TrainingItem[],
  evidence: readonly ParagraphEvidence[],
  setup: FitSetup,
  lexicalScores: readonly Map<string, number>[],
): Row[] {
  const rows: Row[] = [];
  items.forEach((item, i) => {
    for (const theme of setup.compiled.book.themes) {
      if (item.also.includes(theme.code)) continue;
      const f = themeFeatures(
        evidence[i] as ParagraphEvidence,
        theme.code,
        theme.polarity,
        lexicalScores[i]?.get(theme.code) ?? 0,
      );
      rows.push({
        item: i,
        code: theme.code,
        x: toVector(f),
        y: item.codes.includes(theme.code) ? 1 : 0,
        w: item.weight ?? 1,
      });
    }
  });
  return rows;
}

function dot(w: readonly number[], x: readonly number[]): number {
  let z = 0;
  for (let j = 0; j < x.length; j++) z += (w[j] ?? 0) * (x[j] ?? 0);
  return z;
}

/** Out-of-fold logits of the logistic model at penalty lambda. */
function outOfFoldLogits(rows: readonly Row[], items: readonly TrainingItem[], lambda: number): number[] {
  const z = new Array<number>(rows.length).fill(0);
  for (let f = 0; f < FOLDS; f++) {
    const train = rows.filter((r) => foldOf(items[r.item]?.id ?? '') !== f);
    if (train.length === 0 || !train.some((r) => r.y === 1)) continue;
    const w = fitLogistic(
      train.map((r) => r.x),
      train.map((r) => r.y),
      { lambda, weights: train.map((r) => r.w) },
    ).weights;
    rows.forEach((r, i) => {
      if (foldOf(items[r.item]?.id ?? '') === f) z[i] = dot(w, r.x);
    });
  }
  return z;
}

function logLikelihood(z: readonly number[], y: readonly number[], w: readonly number[]): number {
  let ll = 0;
  z.forEach((v, i) => {
    const p = Math.min(1 - 1e-9, Math.max(1e-9, sigmoid(v)));
    ll += (w[i] ?? 1) * ((y[i] ?? 0) === 1 ? Math.log(p) : Math.log(1 - p));
  });
  return ll;
}

/**
 * The threshold: the lowest confidence from which out-of-fold precision over item × theme decisions stays
 * at CODING_PRECISION at every higher one (else the best F1); "strong": the same at STRONG_PRECISION
 * (quotes come from strong codings).
 */
function thresholds(
  p: readonly number[],
  y: readonly number[],
  w: readonly number[],
): { threshold: number; strong: number } {
  let best = { f: -1, t: 0.5 };
  let strong = 0.95;
  const precise: { t: number; precision: number }[] = [];
  for (let t = 0.2; t <= 0.951; t += 0.01) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    p.forEach((v, i) => {
      const yes = v >= t;
      const wi = w[i] ?? 1;
      if (yes && y[i] === 1) tp += wi;
      else if (yes) fp += wi;
      else if (y[i] === 1) fn += wi;
    });
    const f = tp === 0 ? 0 : ((1 + BETA2) * tp) / ((1 + BETA2) * tp + BETA2 * fn + fp);
    if (f > best.f + 1e-12) best = { f, t };
    precise.push({ t, precision: tp + fp === 0 ? 1 : tp / (tp + fp) });
  }
  // From the top down: the lowest t above which precision never falls below the bar.
  const lowestHolding = (bar: number): number | undefined => {
    let found: number | undefined;
    for (let i = precise.length - 1; i >= 0; i--) {
      const at = precise[i];
      if (!at || at.precision < bar) break;
      found = at.t;
    }
    return found;
  };
  strong = lowestHolding(STRONG_PRECISION) ?? strong;
  const threshold = lowestHolding(CODING_PRECISION) ?? best.t;
  const round2 = (n: number) => Math.round(n * 100) / 100;
  return { threshold: round2(threshold), strong: round2(Math.max(strong, threshold)) };
}

/**
 * What the features are read with: the codebook's terms, patterns and exclusions and every rule pattern.
 * Weights fitted with other vocabulary are stale even when the examples are the same.
 */
export function hashVocabulary(setup: Pick<FitSetup, 'compiled' | 'rules'>): string {
  const h = createHash('sha256');
  for (const t of setup.compiled.book.themes)
    h.update(JSON.stringify([t.code, t.polarity, t.terms, t.patterns, t.exclusions]));
  for (const lang of ['fi', 'sv'] as const)
    for (const f of setup.rules[lang].files)
      h.update(
        JSON.stringify([
          f.kind,
          f.direction,
          f.lean,
          f.patterns.map((p) => [p.pattern.label, p.pattern.weight]),
        ]),
      );
  return h.digest('hex').slice(0, 16);
}

/**
 * Items with a code among them, and items without any, at least this many each, to choose the threshold
 * on: where to stop coding can only be read off text some of which should not be coded (a file of chosen
 * quotes, every one coded, would set the threshold at the floor and code everything).
 */
const MIN_TARGET_POSITIVES = 20;
const MIN_TARGET_NEGATIVES = 10;

/**
 * The items the threshold is chosen on: the user's decisions (they judge what the tool will code), else
 * paragraphs of whole reports (where most text is no evidence and precision matters most), else all.
 */
export function thresholdItems(items: readonly TrainingItem[]): Set<number> {
  const pick = (keep: (i: TrainingItem) => boolean) => {
    const idx = items.map((it, i) => (keep(it) ? i : -1)).filter((i) => i >= 0);
    const positives = idx.filter((i) => (items[i]?.codes.length ?? 0) > 0).length;
    return positives >= MIN_TARGET_POSITIVES && idx.length - positives >= MIN_TARGET_NEGATIVES
      ? new Set(idx)
      : undefined;
  };
  return (
    pick((i) => i.weight !== undefined) ??
    pick((i) => (i.section?.length ?? 0) > 0) ??
    new Set(items.map((_, i) => i))
  );
}

/** A source's file name (the last path segment), for the weights file. */
const sourceName = (path: string): string => path.split(/[\\/]/).pop() ?? path;

export function hashItems(items: readonly TrainingItem[]): string {
  const h = createHash('sha256');
  for (const i of [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)))
    h.update(`${i.id}\u0000${i.codes.join(',')}\u0000${i.also.join(',')}\u0000${i.text}\u0001`);
  return h.digest('hex').slice(0, 16);
}

export interface FitOptions {
  /** The items' evidence, when the caller has read it already (cross-validation). */
  evidence?: readonly ParagraphEvidence[];
  /** A fixed L2 penalty instead of choosing one by out-of-fold likelihood. */
  lambda?: number | undefined;
}

export function fitModel(
  given: readonly TrainingItem[],
  setup: FitSetup,
  options: FitOptions = {},
): FitResult {
  const items = withHierarchy(given, setup.compiled.book);
  const codes = setup.compiled.book.themes.map((t) => t.code);
  const evidence = options.evidence ?? itemEvidence(items, setup);
  // Lexical scores out of fold: each item scored by a lexical model that never saw it.
  const oofLexical: Map<string, number>[] = items.map(() => new Map());
  const themes = setup.compiled.book.themes;
  const table = themeTable(items, themes);
  const folds = items.map((it) => foldOf(it.id));
  for (let f = 0; f < FOLDS; f++) {
    const model = themeLexicon(
      table.model((i) => folds[i] === f),
      themes,
    );
    items.forEach((it, i) => {
      if (folds[i] === f) oofLexical[i] = model.score(it.text);
    });
  }
  const rows = rowsFor(items, evidence, setup, oofLexical);
  const y = rows.map((r) => r.y);
  const sw = rows.map((r) => r.w);
  let lambda = LAMBDAS[0] as number;
  let bestLl = Number.NEGATIVE_INFINITY;
  let bestZ: number[] = [];
  for (const l of options.lambda !== undefined ? [options.lambda] : LAMBDAS) {
    const z = outOfFoldLogits(rows, items, l);
    const ll = logLikelihood(z, y, sw);
    if (ll > bestLl + 1e-9) {
      bestLl = ll;
      lambda = l;
      bestZ = z;
    }
  }
  const weights = fitLogistic(
    rows.map((r) => r.x),
    y,
    { lambda, weights: sw },
  ).weights;
  // Platt scaling on the out-of-fold logits: [1, z] → label.
  const platt = fitLogistic(
    bestZ.map((z) => [1, z]),
    y,
    { lambda: 0, weights: sw },
  ).weights;
  const calibration = { a: round(platt[1] ?? 1), b: round(platt[0] ?? 0) };
  const oofP = bestZ.map((z) => sigmoid(calibration.a * z + calibration.b));
  const target = thresholdItems(items);
  const at = rows.map((r, i) => (target.has(r.item) ? i : -1)).filter((i) => i >= 0);
  const { threshold, strong } = thresholds(
    at.map((i) => oofP[i] ?? 0),
    at.map((i) => y[i] ?? 0),
    at.map((i) => sw[i] ?? 1),
  );
  const model: CodingModel = {
    codebook: setup.compiled.book.id,
    features: [...FEATURES],
    weights: weights.map(round),
    calibration,
    threshold,
    strong,
    fitted: {
      items: items.length,
      positives: items.filter((i) => i.codes.length > 0).length,
      // File names only: the weights file must not depend on where the repository was checked out.
      sources: [...new Set(items.map((i) => sourceName(i.source)))].sort(),
      hash: hashItems(given),
      vocabulary: hashVocabulary(setup),
      lambda,
    },
  };
  return {
    model,
    lexical: themeLexicon(table.model(), themes),
    outOfFold: rows.map((r, i) => ({
      id: items[r.item]?.id ?? '',
      code: r.code,
      label: r.y,
      confidence: oofP[i] ?? 0,
    })),
  };
}

function round(n: number): number {
  return Math.round(n * 10000) / 10000;
}
