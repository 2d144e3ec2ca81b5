import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkDigits,
  findPaymentReferences,
  formatPaymentReference,
  generatePaymentReference,
  isValidPaymentReference,
  normalisePaymentReference,
  paymentReferenceFromBody,
} from './payment-reference';

const body = fc.stringMatching(/^\d{10}$/);
const reference = body.map(paymentReferenceFromBody);

/** The reference with digit `index` (0–11, after "DD") replaced. */
function withDigit(ref: string, index: number, digit: string): string {
  const position = 2 + index;
  return ref.slice(0, position) + digit + ref.slice(position + 1);
}

/** The reference with digits `index` and `index + 1` swapped. */
function swapped(ref: string, index: number): string {
  const digits = ref.slice(2).split('');
  [digits[index], digits[index + 1]] = [digits[index + 1]!, digits[index]!];
  return `DD${digits.join('')}`;
}

describe('payment reference check digits (ISO 7064 MOD 97-10)', () => {
  it('makes every generated reference valid: the 12 digits leave remainder 1 modulo 97', () => {
    fc.assert(
      fc.property(reference, (ref) => {
        expect(ref).toMatch(/^DD\d{12}$/);
        expect(BigInt(ref.slice(2)) % 97n).toBe(1n);
        expect(isValidPaymentReference(ref)).toBe(true);
      }),
      { numRuns: 5_000 },
    );
    for (let i = 0; i < 200; i++) expect(isValidPaymentReference(generatePaymentReference())).toBe(true);
  });

  it('detects any single wrong digit, anywhere, check digits included', () => {
    fc.assert(
      fc.property(reference, fc.integer({ min: 0, max: 11 }), fc.integer({ min: 1, max: 9 }), (ref, index, shift) => {
        const wrong = String((Number(ref[2 + index]) + shift) % 10);
        const typo = withDigit(ref, index, wrong);
        expect(isValidPaymentReference(typo)).toBe(false);
        expect(normalisePaymentReference(typo)).toBeNull();
        expect(findPaymentReferences(`Opwaardering ${typo}`).valid).toEqual([]);
      }),
      { numRuns: 20_000 },
    );
  });

  it('detects any swap of two neighbouring, different digits', () => {
    fc.assert(
      fc.property(reference, fc.integer({ min: 0, max: 10 }), (ref, index) => {
        fc.pre(ref[2 + index] !== ref[3 + index]);
        const typo = swapped(ref, index);
        expect(isValidPaymentReference(typo)).toBe(false);
        expect(findPaymentReferences(`betaling ${formatPaymentReference(typo)}`).valid).toEqual([]);
      }),
      { numRuns: 20_000 },
    );
  });

  it('checks every single-digit typo and neighbour swap exhaustively for a few references', () => {
    for (const ref of ['DD000000000098', paymentReferenceFromBody('4821093755'), paymentReferenceFromBody('9999999999')]) {
      for (let index = 0; index < 12; index++) {
        for (let digit = 0; digit <= 9; digit++) {
          const changed = withDigit(ref, index, String(digit));
          expect(isValidPaymentReference(changed), changed).toBe(changed === ref);
        }
        if (index < 11 && ref[2 + index] !== ref[3 + index]) expect(isValidPaymentReference(swapped(ref, index))).toBe(false);
      }
    }
  });

  it('computes the check digits of a known value and refuses a malformed body', () => {
    // 482109375500 mod 97 = 41, so the check digits are 98 - 41 = 57.
    expect(checkDigits('4821093755')).toBe('57');
    expect(paymentReferenceFromBody('4821093755')).toBe('DD482109375557');
    expect(() => checkDigits('12345')).toThrow(RangeError);
  });
});

describe('reading references people typed', () => {
  const ref = paymentReferenceFromBody('4821093755');

  it('accepts spaces, dots, hyphens and lower case, and formats in groups of four', () => {
    expect(formatPaymentReference(ref)).toBe('DD 4821 0937 5557');
    expect(normalisePaymentReference('dd 4821-0937.5557')).toBe(ref);
    expect(normalisePaymentReference('DD4821093755')).toBeNull();
    expect(normalisePaymentReference('4821093755 66')).toBeNull();
  });

  it('finds a reference in remittance text, in any grouping, followed by other numbers or not', () => {
    expect(findPaymentReferences(`Opwaardering saldo ${ref}`)).toEqual({ valid: [ref], malformed: [] });
    expect(findPaymentReferences('opwaardering dd 4821 0937 5557 factuur 2026-11')).toEqual({ valid: [ref], malformed: [] });
    expect(findPaymentReferences('DD-4821-0937-5557/2026')).toEqual({ valid: [ref], malformed: [] });
    expect(findPaymentReferences(`${ref} ${ref.toLowerCase()}`)).toEqual({ valid: [ref], malformed: [] });
  });

  it('reports look-alikes with a digit too few or too many, and ignores words that merely start with DD', () => {
    expect(findPaymentReferences('DD 4821 0937 555')).toEqual({ valid: [], malformed: ['DD48210937555'] });
    expect(findPaymentReferences(`${ref}7`)).toEqual({ valid: [], malformed: [`${ref}7`] });
    expect(findPaymentReferences('ADDRESS 12345678901234, ODD12345678, DD 12')).toEqual({ valid: [], malformed: [] });
  });

  it('lists several different references separately', () => {
    const other = paymentReferenceFromBody('1000000001');
    expect(findPaymentReferences(`${ref} en ${other}`).valid).toEqual([ref, other]);
  });
});
