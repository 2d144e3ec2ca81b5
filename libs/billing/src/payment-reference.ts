import { randomInt } from 'node:crypto';

/**
 * An advertiser's payment reference: "DD" + 10 random digits + 2 check digits, e.g. `DD 4821 0937 5514`.
 *
 * The check digits are ISO 7064 MOD 97-10, the scheme of the IBAN and of the RF creditor reference
 * (ISO 11649): the 12 digits read as one number leave remainder 1 when divided by 97. We chose it over
 * the Dutch betalingskenmerk (weighted mod 11) because it catches every single wrong digit and every
 * swap of two neighbouring digits with no exceptions (97 is prime and larger than 9 × 9), while the
 * mod-11 scheme has to fold check value 10 into another digit and then misses some typos; and because
 * bank clerks and accountants already know it from the IBAN. The 10 digits are random rather than a
 * counter, so a reference with two typos that happens to pass the check almost never belongs to another
 * advertiser either (10^10 possible references for a few thousand advertisers).
 *
 * The "DD" prefix makes the reference easy to find in free text; it is not part of the check, so a
 * reference without it is not recognised at all (and lands in the admin's review list).
 */
export const PAYMENT_REFERENCE_PREFIX = 'DD';
const BODY_DIGITS = 10;
const CANONICAL = /^DD\d{12}$/;

function mod97(digits: string): number {
  // At most 12 digits: well within the integers a double holds exactly.
  return Number(digits) % 97;
}

/** The two check digits for a 10-digit body: chosen so that body + check ≡ 1 (mod 97). */
export function checkDigits(body: string): string {
  if (!/^\d{10}$/.test(body)) throw new RangeError(`A payment reference body is ${BODY_DIGITS} digits, not "${body}".`);
  return String(98 - mod97(`${body}00`)).padStart(2, '0');
}

export function paymentReferenceFromBody(body: string): string {
  return `${PAYMENT_REFERENCE_PREFIX}${body}${checkDigits(body)}`;
}

/** A new random reference (uniqueness is the database's job: a clash is retried with another one). */
export function generatePaymentReference(random: (max: number) => number = randomInt): string {
  return paymentReferenceFromBody(String(random(10 ** BODY_DIGITS)).padStart(BODY_DIGITS, '0'));
}

/** True for a reference in its stored form (`DD` + 12 digits) whose check digits are right. */
export function isValidPaymentReference(value: string): boolean {
  return CANONICAL.test(value) && mod97(value.slice(2)) === 1;
}

/**
 * What a person typed or pasted (`dd 4821-0937-5514`) in its stored form, or null when it is not a
 * reference or its check digits are wrong: a mistyped reference never becomes someone else's.
 */
export function normalisePaymentReference(raw: string): string | null {
  const compact = raw.toUpperCase().replace(/[\s./-]/g, '');
  return isValidPaymentReference(compact) ? compact : null;
}

/** For people: "DD 4821 0937 5514" (groups of four, like an IBAN). */
export function formatPaymentReference(reference: string): string {
  const digits = reference.slice(PAYMENT_REFERENCE_PREFIX.length);
  return [PAYMENT_REFERENCE_PREFIX, ...(digits.match(/\d{1,4}/g) ?? [])].join(' ');
}

export interface ReferenceScan {
  /** Distinct references with correct check digits, in the order they appear. */
  valid: string[];
  /** Things that look like a reference ("DD" and 8 or more digits) but are not one: a typo, a digit too many or too few. */
  malformed: string[];
}

// "DD", then digits with at most one space, dot, slash or hyphen between any two (people group them).
const CANDIDATE = /(?<![A-Z0-9])DD[ ./-]?(\d(?:[ ./-]?\d)*)/g;
const SEPARATOR = /[ ./-]/;
const MIN_LOOKALIKE_DIGITS = 8;
const REFERENCE_DIGITS = BODY_DIGITS + 2;

/**
 * Finds payment references in remittance text. A reference followed by other numbers after a space
 * ("DD 4821 0937 5514 2026") still counts; one with a digit too many or too few, or wrong check digits,
 * is reported as malformed and never matched.
 */
export function findPaymentReferences(text: string): ReferenceScan {
  const valid: string[] = [];
  const malformed: string[] = [];
  for (const match of text.toUpperCase().matchAll(CANDIDATE)) {
    const raw = match[1]!;
    const digits = raw.replace(/\D/g, '');
    let candidate: string | null = null;
    if (digits.length === REFERENCE_DIGITS) candidate = digits;
    else if (digits.length > REFERENCE_DIGITS) {
      // Where the twelfth digit sits in the raw text: the reference ends there only if a separator follows.
      let seen = 0;
      let end = 0;
      while (seen < REFERENCE_DIGITS) if (/\d/.test(raw[end++]!)) seen++;
      if (SEPARATOR.test(raw[end] ?? '')) candidate = digits.slice(0, REFERENCE_DIGITS);
    }
    const reference = candidate === null ? null : `${PAYMENT_REFERENCE_PREFIX}${candidate}`;
    if (reference !== null && isValidPaymentReference(reference)) {
      if (!valid.includes(reference)) valid.push(reference);
    } else if (digits.length >= MIN_LOOKALIKE_DIGITS) {
      malformed.push(`${PAYMENT_REFERENCE_PREFIX}${digits}`);
    }
  }
  return { valid, malformed };
}
