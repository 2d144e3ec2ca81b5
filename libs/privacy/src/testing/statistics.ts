/**
 * Statistics for this library's own tests (not exported from the package): goodness of fit,
 * binomial confidence bounds, and an empirical differential-privacy test. Floats are fine here;
 * they judge the samplers, they never produce noise.
 */

/** ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9); about 15 significant digits. */
export function logGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = c[0]!;
  for (let i = 1; i < 9; i++) sum += c[i]! / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** Regularised upper incomplete gamma Q(a, x): series below a + 1, continued fraction above. */
function upperIncompleteGamma(a: number, x: number): number {
  if (x <= 0) return 1;
  const logPrefix = a * Math.log(x) - x - logGamma(a);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 10_000 && Math.abs(term) > Math.abs(sum) * 1e-16; n++) {
      term *= x / (a + n);
      sum += term;
    }
    return 1 - sum * Math.exp(logPrefix);
  }
  // Modified Lentz evaluation of the continued fraction for Q.
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(logPrefix) * h;
}

/** P[χ²_df > x]. */
export function chiSquareSurvival(x: number, df: number): number {
  return upperIncompleteGamma(df / 2, x / 2);
}

/** The x with P[χ²_df > x] = tail, by bisection. */
export function chiSquareCriticalValue(df: number, tail: number): number {
  let lo = 0;
  let hi = df + 100 * Math.sqrt(2 * df) + 100;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (chiSquareSurvival(mid, df) > tail) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Pearson's statistic for observed counts against expected probabilities (which sum to 1). */
export function chiSquareStatistic(observed: readonly number[], probabilities: readonly number[]): number {
  const n = observed.reduce((a, b) => a + b, 0);
  let statistic = 0;
  observed.forEach((count, i) => {
    const expected = n * probabilities[i]!;
    statistic += ((count - expected) * (count - expected)) / expected;
  });
  return statistic;
}

/** Exact pmf of the discrete Laplace with P(x) ∝ p^|x|. */
export function discreteLaplacePmf(x: number, p: number): number {
  return ((1 - p) / (1 + p)) * p ** Math.abs(x);
}

/** Bins -width..width of the pmf plus a lower and an upper tail bin, in that order. */
export function discreteLaplaceBins(p: number, width: number): number[] {
  const tail = p ** (width + 1) / (1 + p);
  const bins = [tail];
  for (let x = -width; x <= width; x++) bins.push(discreteLaplacePmf(x, p));
  bins.push(tail);
  return bins;
}

/** Counts of samples in the bins of `discreteLaplaceBins` (centred on `centre`). */
export function binSamples(samples: Iterable<number>, width: number, centre = 0): number[] {
  const counts = new Array<number>(2 * width + 3).fill(0);
  for (const sample of samples) {
    const offset = sample - centre;
    const index = offset < -width ? 0 : offset > width ? 2 * width + 2 : offset + width + 1;
    counts[index]! += 1;
  }
  return counts;
}

function bernoulliKl(p: number, q: number): number {
  const term = (a: number, b: number) => (a === 0 ? 0 : a * Math.log(a / b));
  return term(p, q) + term(1 - p, 1 - q);
}

/**
 * Chernoff (KL) confidence bounds for a binomial proportion: with probability at least 1 - alpha
 * each, the true p is below `upper` (resp. above `lower`). As tight as Clopper–Pearson up to
 * lower-order terms and needs no beta quantiles.
 */
export function binomialUpperBound(successes: number, trials: number, alpha: number): number {
  const phat = successes / trials;
  const budget = Math.log(1 / alpha) / trials;
  let lo = phat;
  let hi = 1;
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (bernoulliKl(phat, mid) > budget) hi = mid;
    else lo = mid;
  }
  return hi;
}

export function binomialLowerBound(successes: number, trials: number, alpha: number): number {
  const phat = successes / trials;
  const budget = Math.log(1 / alpha) / trials;
  let lo = 0;
  let hi = phat;
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (bernoulliKl(phat, mid) > budget) lo = mid;
    else hi = mid;
  }
  return lo;
}

export interface DirectionReport {
  /** max over buckets of LCB(P_A(x)) - e^ε·UCB(P_B(x)) - δ; positive means a certain violation. */
  bucketMargin: number;
  bucketAtMargin: string;
  /** max over buckets of ln(LCB(P_A(x)) / UCB(P_B(x))): the largest ε the samples prove is exceeded (δ = 0). */
  certifiedEpsilon: number;
  /** max over well-populated buckets of ln(P̂_A(x) / P̂_B(x)): the empirical epsilon. */
  empiricalEpsilon: number;
  /** Σ_x max(0, P̂_A(x) - e^ε P̂_B(x)): the estimate of the smallest δ for this ε (hockey-stick divergence). */
  hockeyStick: number;
}

export interface DpTestReport {
  aVersusB: DirectionReport;
  bVersusA: DirectionReport;
  buckets: number;
  /** Allowed excess of `hockeyStick` over δ, from the error bound of Google's verifyApproximateDp. */
  hockeyStickTolerance: number;
  passesBuckets: boolean;
  passesHockeyStick: boolean;
}

export interface DpTestInput {
  samplesA: readonly number[];
  samplesB: readonly number[];
  epsilon: number;
  delta: number;
  /** Probability that a mechanism satisfying (ε, δ)-DP fails the bucket test (union bound over all bounds). */
  falseAlarm: number;
  /** Error probability targeted by the hockey-stick tolerance. */
  hockeyStickError: number;
  /** Outputs further than this from `centre` are merged into a lower and an upper tail bucket. */
  clip: { centre: number; width: number };
}

function bucketOf(value: number, clip: DpTestInput['clip']): string {
  if (value < clip.centre - clip.width) return 'low-tail';
  if (value > clip.centre + clip.width) return 'high-tail';
  return String(value);
}

function histogramOf(samples: readonly number[], clip: DpTestInput['clip']): Map<string, number> {
  const histogram = new Map<string, number>();
  for (const sample of samples) {
    const bucket = bucketOf(sample, clip);
    histogram.set(bucket, (histogram.get(bucket) ?? 0) + 1);
  }
  return histogram;
}

/**
 * An empirical (ε, δ)-DP test in the style of Google's DP stochastic tester: samples of the
 * mechanism on two neighbouring inputs are histogrammed and every output bucket S is checked for
 * P_A(S) <= e^ε P_B(S) + δ (and the reverse). Two statistics are computed:
 *
 * - per bucket, with exact-coverage confidence bounds (a violation is only declared when even
 *   the most favourable values inside both confidence intervals violate the inequality), so a
 *   correct mechanism fails with probability at most `falseAlarm`;
 * - Google's verifyApproximateDp value, Σ max(0, P̂_A - e^ε P̂_B), against δ plus a tolerance
 *   derived from its documented error bound (1 + e^2ε) / (n (α - √(m/n)(1 + e^2ε))²), the
 *   Gilbert–McMillan style bound for m buckets and n samples.
 *
 * Clipping outputs into tail buckets is post-processing, so it never turns a DP mechanism into a
 * failing one.
 */
export function approximateDpTest(input: DpTestInput): DpTestReport {
  const { samplesA, samplesB, epsilon, delta, clip } = input;
  const histogramA = histogramOf(samplesA, clip);
  const histogramB = histogramOf(samplesB, clip);
  const buckets = [...new Set([...histogramA.keys(), ...histogramB.keys()])];
  const perBoundAlpha = input.falseAlarm / (4 * buckets.length);
  const expEpsilon = Math.exp(epsilon);

  function direction(first: Map<string, number>, nFirst: number, second: Map<string, number>, nSecond: number): DirectionReport {
    let bucketMargin = Number.NEGATIVE_INFINITY;
    let bucketAtMargin = '';
    let certifiedEpsilon = Number.NEGATIVE_INFINITY;
    let empiricalEpsilon = Number.NEGATIVE_INFINITY;
    let hockeyStick = 0;
    for (const bucket of buckets) {
      const a = first.get(bucket) ?? 0;
      const b = second.get(bucket) ?? 0;
      const lower = binomialLowerBound(a, nFirst, perBoundAlpha);
      const upper = binomialUpperBound(b, nSecond, perBoundAlpha);
      const margin = lower - expEpsilon * upper - delta;
      if (lower > 0) certifiedEpsilon = Math.max(certifiedEpsilon, Math.log(lower / upper));
      if (margin > bucketMargin) {
        bucketMargin = margin;
        bucketAtMargin = bucket;
      }
      if (a >= 1000 && b >= 1000) empiricalEpsilon = Math.max(empiricalEpsilon, Math.log(a / nFirst / (b / nSecond)));
      hockeyStick += Math.max(0, a / nFirst - (expEpsilon * b) / nSecond);
    }
    return { bucketMargin, bucketAtMargin, certifiedEpsilon, empiricalEpsilon, hockeyStick };
  }

  const n = Math.min(samplesA.length, samplesB.length);
  const spread = 1 + Math.exp(2 * epsilon);
  const hockeyStickTolerance = Math.sqrt(buckets.length / n) * spread + Math.sqrt(spread / (n * input.hockeyStickError));
  const aVersusB = direction(histogramA, samplesA.length, histogramB, samplesB.length);
  const bVersusA = direction(histogramB, samplesB.length, histogramA, samplesA.length);
  return {
    aVersusB,
    bVersusA,
    buckets: buckets.length,
    hockeyStickTolerance,
    passesBuckets: aVersusB.bucketMargin <= 0 && bVersusA.bucketMargin <= 0,
    passesHockeyStick:
      aVersusB.hockeyStick <= delta + hockeyStickTolerance && bVersusA.hockeyStick <= delta + hockeyStickTolerance,
  };
}
