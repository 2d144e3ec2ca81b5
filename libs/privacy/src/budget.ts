import { addRationals, assertPositiveRational, compareRationals, rational, subtractRationals, type Rational } from './rational';

/**
 * Privacy budget arithmetic under basic sequential composition: the epsilons of releases about
 * the same people add up. Exact rationals, so "exactly used up" is exactly zero remaining.
 */

export function sumEpsilons(spent: readonly Rational[]): Rational {
  return spent.reduce<Rational>((total, epsilon) => {
    assertPositiveRational(epsilon, 'A spent epsilon');
    return addRationals(total, epsilon);
  }, rational(0n));
}

/** What is left of `total`; zero (never negative) once spent, so an overrun cannot be displayed as credit. */
export function remainingBudget(total: Rational, spent: readonly Rational[]): Rational {
  assertPositiveRational(total, 'The total budget');
  const left = subtractRationals(total, sumEpsilons(spent));
  return left.num < 0n ? rational(0n) : left;
}

/** Whether spending `request` on top of `spent` stays within `total`. */
export function canSpend(total: Rational, spent: readonly Rational[], request: Rational): boolean {
  assertPositiveRational(total, 'The total budget');
  assertPositiveRational(request, 'The requested epsilon');
  return compareRationals(addRationals(sumEpsilons(spent), request), total) <= 0;
}
