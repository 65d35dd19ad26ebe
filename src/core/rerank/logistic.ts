/**
 * A small L2-regularised logistic regression, fitted by Newton's method (iteratively reweighted least squares) on
 * standardised features: deterministic, no learning rate to tune, and a handful of iterations for ~30 features.
 * Its output is a probability, so one threshold means the same thing in every posting.
 */
export interface LogisticModel {
  features: readonly string[];
  /** Per-feature mean and scale the inputs are standardised with. */
  mean: readonly number[];
  scale: readonly number[];
  weights: readonly number[];
  bias: number;
}

export interface TrainOptions {
  /** L2 penalty on the (standardised) weights, relative to the number of rows. */
  l2: number;
  iterations: number;
}

export const DEFAULT_TRAIN: TrainOptions = { l2: 1e-3, iterations: 30 };

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Probability that the row is a positive. */
export function predictProbability(model: LogisticModel, row: readonly number[]): number {
  let z = model.bias;
  for (let j = 0; j < model.weights.length; j++) z += model.weights[j]! * ((row[j]! - model.mean[j]!) / model.scale[j]!);
  return sigmoid(z);
}

/** Solve A x = b for a symmetric positive definite A (Cholesky); A is overwritten. */
function solveSpd(a: number[][], b: number[]): number[] {
  const n = b.length;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i]![j]!;
      for (let k = 0; k < j; k++) s -= a[i]![k]! * a[j]![k]!;
      a[i]![j] = i === j ? Math.sqrt(Math.max(s, 1e-12)) : s / a[j]![j]!;
    }
  }
  const y = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= a[i]![k]! * y[k]!;
    y[i] = s / a[i]![i]!;
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let k = i + 1; k < n; k++) s -= a[k]![i]! * x[k]!;
    x[i] = s / a[i]![i]!;
  }
  return x;
}

/** Fit on rows X (one feature vector each) with 0/1 labels y. */
export function trainLogistic(
  features: readonly string[],
  x: readonly (readonly number[])[],
  y: readonly number[],
  options: Partial<TrainOptions> = {},
  /** Per-row weights (default 1 each). */
  rowWeights?: readonly number[],
): LogisticModel {
  const o = { ...DEFAULT_TRAIN, ...options };
  const n = x.length;
  const d = features.length;
  if (!n) throw new Error('trainLogistic: no rows');
  const mean = new Array<number>(d).fill(0);
  const scale = new Array<number>(d).fill(0);
  for (const r of x) for (let j = 0; j < d; j++) mean[j]! += r[j]! / n;
  for (const r of x) for (let j = 0; j < d; j++) scale[j]! += (r[j]! - mean[j]!) ** 2 / n;
  for (let j = 0; j < d; j++) scale[j] = Math.sqrt(scale[j]!) || 1;
  const z = x.map((r) => r.map((v, j) => (v - mean[j]!) / scale[j]!));
  // Parameters: bias first, then weights; the bias is not penalised.
  const w = new Array<number>(d + 1).fill(0);
  const lambda = o.l2 * n;
  for (let it = 0; it < o.iterations; it++) {
    const grad = new Array<number>(d + 1).fill(0);
    const hess = Array.from({ length: d + 1 }, () => new Array<number>(d + 1).fill(0));
    for (let i = 0; i < n; i++) {
      const zi = z[i]!;
      let s = w[0]!;
      for (let j = 0; j < d; j++) s += w[j + 1]! * zi[j]!;
      const p = sigmoid(s);
      const r = rowWeights?.[i] ?? 1;
      const g = r * (p - y[i]!);
      const h = r * Math.max(p * (1 - p), 1e-9);
      grad[0]! += g;
      hess[0]![0]! += h;
      for (let j = 0; j < d; j++) {
        grad[j + 1]! += g * zi[j]!;
        hess[j + 1]![0]! += h * zi[j]!;
        for (let k = 0; k <= j; k++) hess[j + 1]![k + 1]! += h * zi[j]! * zi[k]!;
      }
    }
    for (let j = 1; j <= d; j++) {
      grad[j]! += lambda * w[j]!;
      hess[j]![j]! += lambda;
    }
    const step = solveSpd(hess, grad);
    let moved = 0;
    for (let j = 0; j <= d; j++) {
      w[j]! -= step[j]!;
      moved = Math.max(moved, Math.abs(step[j]!));
    }
    if (moved < 1e-7) break;
  }
  return { features: [...features], mean, scale, weights: w.slice(1), bias: w[0]! };
}

/** Mean squared error of probabilities against 0/1 outcomes. */
export function brierScore(p: readonly number[], y: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < p.length; i++) s += (p[i]! - y[i]!) ** 2;
  return p.length ? s / p.length : 0;
}

/** Reliability table: per probability bin, how many rows, their mean prediction and the observed positive rate. */
export function reliabilityBins(p: readonly number[], y: readonly number[], bins = 10): { from: number; to: number; n: number; predicted: number; observed: number }[] {
  const out = Array.from({ length: bins }, (_, b) => ({ from: b / bins, to: (b + 1) / bins, n: 0, predicted: 0, observed: 0 }));
  p.forEach((v, i) => {
    const bin = out[Math.min(bins - 1, Math.floor(v * bins))]!;
    bin.n++;
    bin.predicted += v;
    bin.observed += y[i]!;
  });
  for (const b of out) {
    if (b.n) {
      b.predicted /= b.n;
      b.observed /= b.n;
    }
  }
  return out;
}

/** Expected calibration error: bin-weighted gap between mean prediction and observed rate. */
export function expectedCalibrationError(p: readonly number[], y: readonly number[], bins = 10): number {
  return reliabilityBins(p, y, bins).reduce((s, b) => s + (b.n / Math.max(1, p.length)) * Math.abs(b.predicted - b.observed), 0);
}
