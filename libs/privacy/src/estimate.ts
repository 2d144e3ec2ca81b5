import { noisyCount } from './discrete-laplace';
import { deriveNoiseKey } from './noise-key';
import { keyedRandomSource } from './random-source';
import { assertPositiveRational, type Rational } from './rational';

/** What an advertiser sees for an audience: never an exact count, never a small one. */
export type AudienceEstimate = { kind: 'fewer-than'; k: number } | { kind: 'about'; value: number };

export interface PublishEstimateInput {
  /** Members counted (consent already applied). */
  trueCount: number;
  /** Privacy cost of this estimate; the caller charges it to the advertiser's budget once per distinct key. */
  epsilon: Rational;
  /** The public identity of the question, e.g. `noiseKeyMaterial({ memberSetHash, snapshotId, purpose })`. */
  key: string | Uint8Array;
  /** Server secret (at least 32 bytes): without it nobody can reproduce, and so subtract, the noise. */
  secret: string | Uint8Array;
  minimumAudience?: number;
}

/**
 * Noisy count, then "fewer than k" or the value to two significant digits.
 *
 * The threshold is applied to the NOISY value, never the true count. Suppressing on the true
 * count is a deterministic function of private data: whether an estimate shows at all would
 * reveal which side of k the exact count lies on, and a single member joining or leaving could
 * flip it with certainty (count k-1 versus k), which no epsilon bounds. Thresholding the noisy
 * value is post-processing of an epsilon-DP output, so it costs nothing extra and leaks nothing
 * more. The same holds for the rounding.
 *
 * Noise comes from a keyed stream (HMAC of the secret, the key and epsilon), so asking the same
 * question again returns the same answer rather than a fresh sample to average.
 */
export function publishEstimate({ trueCount, epsilon, key, secret, minimumAudience = 100 }: PublishEstimateInput): AudienceEstimate {
  assertPositiveRational(epsilon, 'epsilon');
  if (!Number.isSafeInteger(minimumAudience) || minimumAudience < 1) {
    throw new RangeError('minimumAudience must be a positive integer.');
  }
  const noiseKey = deriveNoiseKey(secret, 'dd/audience-estimate/v1', key, `${epsilon.num}/${epsilon.den}`);
  return presentEstimate(noisyCount(trueCount, epsilon, keyedRandomSource(noiseKey)), minimumAudience);
}

/**
 * What an advertiser is shown of a released noisy count: "fewer than k", or the value to two
 * significant digits. Post-processing of the release only, so it costs nothing and adds nothing.
 */
export function presentEstimate(noisy: number, minimumAudience: number): AudienceEstimate {
  if (!Number.isSafeInteger(minimumAudience) || minimumAudience < 1) throw new RangeError('minimumAudience must be a positive integer.');
  const value = roundToSignificant(noisy, 2);
  // Compared after rounding so an "about" answer is never below k (e.g. k = 1234, noisy 1240 -> 1200).
  if (value < minimumAudience) return { kind: 'fewer-than', k: minimumAudience };
  return { kind: 'about', value };
}

/**
 * Rounds an integer to `digits` significant digits, half away from zero, in exact integer
 * arithmetic: 1234 -> 1200, 98765 -> 99000, 99500 -> 100000, -1250 -> -1300.
 */
export function roundToSignificant(n: number, digits: number): number {
  if (!Number.isSafeInteger(n)) throw new RangeError('roundToSignificant needs a safe integer.');
  if (!Number.isSafeInteger(digits) || digits < 1) throw new RangeError('digits must be a positive integer.');
  const magnitude = BigInt(Math.abs(n));
  const length = magnitude.toString().length;
  if (length <= digits) return n;
  const unit = 10n ** BigInt(length - digits);
  let quotient = magnitude / unit;
  if (2n * (magnitude % unit) >= unit) quotient += 1n;
  const rounded = Number(quotient * unit);
  return n < 0 ? -rounded : rounded;
}
