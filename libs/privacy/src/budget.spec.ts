import { describe, expect, it } from 'vitest';
import { canSpend, remainingBudget, sumEpsilons } from './budget';
import { compareRationals, formatRational, rational } from './rational';

const tenth = rational(1n, 10n);

describe('privacy budget arithmetic', () => {
  it('adds epsilons exactly (ten tenths are one, unlike 0.1 in floating point)', () => {
    expect(sumEpsilons(Array.from({ length: 10 }, () => tenth))).toEqual({ num: 1n, den: 1n });
    expect(sumEpsilons([rational(1n, 3n), rational(1n, 6n)])).toEqual({ num: 1n, den: 2n });
    expect(sumEpsilons([])).toEqual({ num: 0n, den: 1n });
  });

  it('reports what remains, exactly zero when used up and never negative', () => {
    expect(remainingBudget(rational(1n), [tenth, tenth])).toEqual({ num: 4n, den: 5n });
    expect(remainingBudget(rational(1n), Array.from({ length: 10 }, () => tenth))).toEqual({ num: 0n, den: 1n });
    expect(remainingBudget(rational(1n), [rational(3n, 2n)])).toEqual({ num: 0n, den: 1n });
  });

  it('allows spending up to the total and not a bit beyond', () => {
    const spent = Array.from({ length: 9 }, () => tenth);
    expect(canSpend(rational(1n), spent, tenth)).toBe(true);
    expect(canSpend(rational(1n), spent, rational(1n, 9n))).toBe(false);
    expect(canSpend(rational(1n), [...spent, tenth], rational(1n, 1_000_000n))).toBe(false);
  });

  it('rejects zero or negative epsilons', () => {
    expect(() => canSpend(rational(1n), [], rational(0n))).toThrow(RangeError);
    expect(() => canSpend(rational(1n), [rational(-1n, 10n)], tenth)).toThrow(RangeError);
    expect(() => remainingBudget(rational(0n), [])).toThrow(RangeError);
  });

  it('keeps rationals in lowest terms with positive denominators', () => {
    expect(rational(2n, -4n)).toEqual({ num: -1n, den: 2n });
    expect(formatRational(rational(6n, 4n))).toBe('3/2');
    expect(formatRational(rational(4n, 2n))).toBe('2');
    expect(compareRationals(rational(1n, 3n), rational(2n, 6n))).toBe(0);
    expect(compareRationals(rational(1n, 3n), rational(1n, 2n))).toBe(-1);
    expect(() => rational(1n, 0n)).toThrow(RangeError);
  });
});
