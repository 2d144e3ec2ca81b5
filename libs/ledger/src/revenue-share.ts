import { createHash } from 'node:crypto';

/** Basis points in a whole: 7,000 bp = 70%. */
export const BASIS_POINTS = 10_000;

/**
 * Largest-remainder (Hamilton) apportionment of `total` whole units by `weights`: every part is the
 * floor of its exact quota `total × weight / Σweights`, and the units left over go, one each, to the
 * largest remainders; equal remainders go in the order of the list, so the caller decides ties by
 * ordering it. The parts sum exactly to `total` and each lies within one unit of its quota.
 * Exact integer arithmetic throughout (BigInt), whatever the sizes.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(total) || total < 0) throw new RangeError(`total must be a whole number >= 0 (got ${total})`);
  if (weights.length === 0) throw new RangeError('apportion needs at least one weight');
  let sum = 0;
  let largest = 0;
  for (const weight of weights) {
    if (!Number.isSafeInteger(weight) || weight < 0) throw new RangeError(`weights must be whole numbers >= 0 (got ${weight})`);
    sum += weight;
    largest = Math.max(largest, weight);
  }
  if (sum === 0) throw new RangeError('at least one weight must be positive');
  // Plain numbers are exact while every product fits in 2^53; BigInt (slower) otherwise.
  const exact = Number.isSafeInteger(sum) && Number.isSafeInteger(total * largest);
  const parts = new Array<number>(weights.length);
  const remainders = new Array<number | bigint>(weights.length);
  let given = 0;
  for (let i = 0; i < weights.length; i++) {
    const weight = weights[i]!;
    if (exact) {
      const numerator = total * weight;
      remainders[i] = numerator % sum;
      parts[i] = (numerator - (remainders[i] as number)) / sum;
    } else {
      const numerator = BigInt(total) * BigInt(weight);
      remainders[i] = numerator % BigInt(sum);
      parts[i] = Number(numerator / BigInt(sum));
    }
    given += parts[i]!;
  }
  let left = total - given;
  if (left === 0) return parts;
  // Fewer units are left than there are parties; a stable sort keeps the list order among equals.
  const order = weights.map((_, i) => i).sort((a, b) => {
    const ra = remainders[a]!;
    const rb = remainders[b]!;
    return ra === rb ? a - b : ra > rb ? -1 : 1;
  });
  for (const i of order) {
    if (left === 0) break;
    parts[i] = parts[i]! + 1;
    left--;
  }
  return parts;
}

export interface SaleSplitInput {
  /** What the advertiser pays for the sale, in cents. */
  amountCents: number;
  /** The members' part in basis points (7,000 = 70%); the rest is the platform fee. */
  memberShareBp: number;
  /** One stable key per delivered member (the customer id); order does not matter. */
  memberKeys: readonly string[];
  /**
   * Orders the members for ties (who gets the cents left over). Without it the order is the sorted
   * keys; with it (the sale id) the sorted keys start at a point derived from the seed, so the
   * members whose ids sort first do not get the spare cent in every sale.
   */
  tieSeed?: string;
}

export interface MemberShare {
  key: string;
  cents: number;
}

export interface SaleSplit {
  /** Sorted by key, whatever the input order. */
  members: MemberShare[];
  /** floor(amount × share), split among the members. */
  memberPoolCents: number;
  /** amount − member pool: the platform keeps the fraction of a cent the pool rounds away. */
  platformFeeCents: number;
}

/** Where the tie order starts in the sorted keys: derived from the seed, the same on every run of one sale. */
function tieOffset(seed: string | undefined, count: number): number {
  return seed === undefined ? 0 : createHash('sha256').update(seed).digest().readUIntBE(0, 6) % count;
}

/**
 * Splits a sale: the members' pool is the share of the amount rounded down to a cent, divided among
 * the members by largest remainder (equal weights, ties by the stable member order); the platform
 * fee is what remains. Parts always sum exactly to the amount, and each member's share is within
 * one cent of amount × share / members.
 */
export function splitSale(input: SaleSplitInput): SaleSplit {
  const { amountCents, memberShareBp, memberKeys } = input;
  if (!Number.isSafeInteger(amountCents) || amountCents <= 0) throw new RangeError(`amountCents must be a whole number of cents > 0 (got ${amountCents})`);
  if (!Number.isInteger(memberShareBp) || memberShareBp < 0 || memberShareBp > BASIS_POINTS) {
    throw new RangeError(`memberShareBp must be a whole number from 0 to ${BASIS_POINTS} (got ${memberShareBp})`);
  }
  if (memberKeys.length === 0) throw new RangeError('a sale needs at least one member');
  const sorted = [...memberKeys].sort();
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i] === sorted[i - 1]) throw new RangeError(`member key ${sorted[i]} appears twice`);
  }
  const memberPoolCents = Number((BigInt(amountCents) * BigInt(memberShareBp)) / BigInt(BASIS_POINTS));
  // Equal weights, listed in tie order: the sorted keys starting at the offset, wrapping around.
  const count = sorted.length;
  const offset = tieOffset(input.tieSeed, count);
  const cents = apportion(memberPoolCents, new Array<number>(count).fill(1));
  const members = sorted.map((key, j) => ({ key, cents: cents[(j - offset + count) % count]! }));
  return { members, memberPoolCents, platformFeeCents: amountCents - memberPoolCents };
}
