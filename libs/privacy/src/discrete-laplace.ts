import type { RandomSource } from './random-source';
import { assertPositiveRational, rational, type Rational } from './rational';

/**
 * Exact samplers from Canonne, Kamath & Steinke, "The Discrete Gaussian for Differential
 * Privacy" (NeurIPS 2020), section 5. Only integer comparisons against uniform integers are
 * used: a floating-point sampler leaks through the gaps in its output (Mironov 2012), an exact
 * one has precisely the distribution the privacy proof is about.
 */

function assertNonNegativeInteger(value: bigint, what: string): void {
  if (typeof value !== 'bigint' || value < 0n) throw new RangeError(`${what} must be a non-negative bigint.`);
}

/** Bernoulli(num/den) for 0 <= num/den <= 1: one uniform draw, one comparison. */
export function sampleBernoulli(source: RandomSource, num: bigint, den: bigint): boolean {
  assertNonNegativeInteger(num, 'num');
  if (den <= 0n || num > den) throw new RangeError('A Bernoulli probability must lie in [0, 1].');
  return source.uniformBigInt(den) < num;
}

/**
 * Bernoulli(exp(-gamma)) for rational gamma = num/den >= 0 (CKS Algorithm 1).
 * For gamma <= 1: draw A_k ~ Bernoulli(gamma/k) for k = 1, 2, ... until the first 0 and return
 * whether that happened at an odd k; the probability is the alternating series of exp(-gamma).
 * For gamma > 1: exp(-gamma) = exp(-1)^floor(gamma) * exp(-(gamma - floor(gamma))).
 */
export function sampleBernoulliExp(source: RandomSource, num: bigint, den: bigint): boolean {
  assertNonNegativeInteger(num, 'gamma numerator');
  if (den <= 0n) throw new RangeError('gamma denominator must be positive.');
  if (num <= den) {
    let k = 1n;
    while (sampleBernoulli(source, num, den * k)) k += 1n;
    return k % 2n === 1n;
  }
  const whole = num / den;
  for (let i = 0n; i < whole; i += 1n) {
    if (!sampleBernoulliExp(source, 1n, 1n)) return false;
  }
  return sampleBernoulliExp(source, num - whole * den, den);
}

/**
 * The discrete Laplace (two-sided geometric) distribution with scale scaleNum/scaleDen
 * (CKS Algorithm 2): P[X = x] is proportional to exp(-|x| * scaleDen / scaleNum).
 * A geometric X >= 0 with parameter exp(-1/scaleNum) is built from a uniform remainder U (kept
 * with probability exp(-U/scaleNum)) plus scaleNum times a count of exp(-1) successes; dividing
 * by scaleDen gives the magnitude; a fair sign, with "negative zero" rejected so that zero is not
 * counted twice.
 */
export function sampleDiscreteLaplace(source: RandomSource, scaleNum: bigint, scaleDen: bigint): bigint {
  if (typeof scaleNum !== 'bigint' || typeof scaleDen !== 'bigint' || scaleNum <= 0n || scaleDen <= 0n) {
    throw new RangeError('The discrete Laplace scale must be a positive rational scaleNum/scaleDen.');
  }
  const { num: t, den: s } = rational(scaleNum, scaleDen);
  for (;;) {
    const u = source.uniformBigInt(t);
    if (!sampleBernoulliExp(source, u, t)) continue;
    let v = 0n;
    while (sampleBernoulliExp(source, 1n, 1n)) v += 1n;
    const magnitude = (u + t * v) / s;
    const negative = sampleBernoulli(source, 1n, 2n);
    if (negative && magnitude === 0n) continue;
    return negative ? -magnitude : magnitude;
  }
}

/** scale = sensitivity / epsilon, exactly. */
export function discreteLaplaceScale(epsilon: Rational, sensitivity = 1): Rational {
  assertPositiveRational(epsilon, 'epsilon');
  if (!Number.isSafeInteger(sensitivity) || sensitivity <= 0) {
    throw new RangeError('sensitivity must be a positive integer.');
  }
  return rational(BigInt(sensitivity) * epsilon.den, epsilon.num);
}

/**
 * The count plus discrete Laplace noise of scale sensitivity/epsilon: epsilon-differentially
 * private for any count that one person can change by at most `sensitivity`. The result may be
 * negative or above the population; clamping or rounding afterwards is post-processing and
 * costs no privacy.
 */
export function noisyCount(trueCount: number, epsilon: Rational, source: RandomSource, sensitivity = 1): number {
  if (!Number.isSafeInteger(trueCount) || trueCount < 0) {
    throw new RangeError('trueCount must be a non-negative safe integer.');
  }
  const scale = discreteLaplaceScale(epsilon, sensitivity);
  const noisy = BigInt(trueCount) + sampleDiscreteLaplace(source, scale.num, scale.den);
  const result = Number(noisy);
  if (!Number.isSafeInteger(result)) throw new RangeError('The noisy count left the safe integer range.');
  return result;
}
