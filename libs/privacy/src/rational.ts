/**
 * Exact non-negative rationals over bigint. Privacy parameters are kept exact so that the
 * sampler's odds and the budget's sums are precisely what was promised, with no float drift.
 */
export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** Builds a rational in lowest terms with a positive denominator. */
export function rational(num: bigint | number, den: bigint | number = 1n): Rational {
  const n = toBigInt(num, 'numerator');
  const d = toBigInt(den, 'denominator');
  if (d === 0n) throw new RangeError('A rational needs a non-zero denominator.');
  const sign = d < 0n ? -1n : 1n;
  const g = gcd(n, d) || 1n;
  return { num: (sign * n) / g, den: (sign * d) / g };
}

function toBigInt(value: bigint | number, what: string): bigint {
  if (typeof value === 'bigint') return value;
  if (!Number.isSafeInteger(value)) throw new RangeError(`The ${what} must be a safe integer, got ${value}.`);
  return BigInt(value);
}

/** Rejects anything that is not a strictly positive rational; used for epsilons and scales. */
export function assertPositiveRational(value: Rational, what: string): void {
  if (typeof value?.num !== 'bigint' || typeof value?.den !== 'bigint' || value.den <= 0n || value.num <= 0n) {
    throw new RangeError(`${what} must be a positive rational { num, den } with bigint parts.`);
  }
}

export function addRationals(a: Rational, b: Rational): Rational {
  return rational(a.num * b.den + b.num * a.den, a.den * b.den);
}

export function subtractRationals(a: Rational, b: Rational): Rational {
  return rational(a.num * b.den - b.num * a.den, a.den * b.den);
}

/** -1, 0 or 1 as a is below, equal to or above b (denominators are positive). */
export function compareRationals(a: Rational, b: Rational): -1 | 0 | 1 {
  const left = a.num * b.den;
  const right = b.num * a.den;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** "1/2", or "2" when whole: how an epsilon is printed on a report. */
export function formatRational(value: Rational): string {
  const r = rational(value.num, value.den);
  return r.den === 1n ? r.num.toString() : `${r.num}/${r.den}`;
}

/** A float approximation, for display and statistics only; never feed it back into a sampler. */
export function rationalToNumber(value: Rational): number {
  return Number(value.num) / Number(value.den);
}
