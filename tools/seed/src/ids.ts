import { hash128 } from './prng';

/** Seeded customers live under their own domain, so they can be found and removed as a set. */
export const SEED_EMAIL_DOMAIN = 'seed.datadividend.test';
export const DEMO_EMAIL_DOMAIN = 'demo.datadividend.test';

/** Not an argon2 hash, so verifyPassword always fails: seeded customers cannot sign in. */
export const UNUSABLE_PASSWORD_HASH = '!seeded-account-no-password';

/** The largest customer number the email pattern (seven digits) can hold. */
export const MAX_CUSTOMERS = 9_999_999;

const KIND_CODES = { customer: 1, organisation: 2, user: 3, consent: 4, upload: 5, sale: 6 } as const;
export type IdKind = keyof typeof KIND_CODES;

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0').slice(-width);

/**
 * A deterministic UUID (version 8, RFC 9562 "custom"): a prefix hashed from the namespace (the
 * seed), then the kind, then the index. Ids of one run therefore sort in insertion order, which
 * keeps every index on `customer_id` append-only while 100k customers are written.
 */
export function seededUuid(namespace: string, kind: IdKind, index: number): string {
  if (!Number.isSafeInteger(index) || index < 0 || index >= 2 ** 48) throw new RangeError(`id index out of range: ${index}`);
  const [a, b] = hash128(`datadividend-seed|${namespace}`);
  const kindCode = KIND_CODES[kind];
  return `${hex(a, 8)}-${hex(b >>> 16, 4)}-8${hex(b & 0xfff, 3)}-${hex(0x8000 | kindCode, 4)}-${hex(index, 12)}`;
}

export const customerNamespace = (seed: number | string) => `seed-${seed}`;

export function customerId(seed: number | string, index: number): string {
  return seededUuid(customerNamespace(seed), 'customer', index);
}

/** The statement upload a seeded customer's bookings came from (one per customer). */
export const uploadIdOf = (customerId: string): string => seededUuid(`upload-of-${customerId}`, 'upload', 1);

export function customerEmail(index: number): string {
  return `customer-${String(index).padStart(7, '0')}@${SEED_EMAIL_DOMAIN}`;
}

/** The customer number in a seeded email, or null for any other address. */
export function customerIndexFromEmail(email: string): number | null {
  const match = /^customer-(\d{7})@/.exec(email);
  return match?.[1] ? Number(match[1]) : null;
}
