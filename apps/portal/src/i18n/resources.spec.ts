import { describe, expect, it } from 'vitest';
import {
  eraseAccountInput,
  listTransactionsInput,
  recategoriseInput,
  signInInput,
  signUpAdvertiserInput,
  signUpCustomerInput,
  updateConsentInput,
  updateProfileInput,
  uploadIdInput,
} from '@dd/contract';
import { ERROR_CODES } from '@dd/errors';
import { en } from './en';
import { nl } from './nl';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const nlKeys = flatten(nl);
const enKeys = flatten(en);
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  it('has every Dutch key in English', () => {
    expect([...nlKeys.keys()].filter((k) => !enKeys.has(k))).toEqual([]);
  });

  it('has every English key in Dutch', () => {
    expect([...enKeys.keys()].filter((k) => !nlKeys.has(k))).toEqual([]);
  });

  it('has no empty texts', () => {
    const empty = [...nlKeys, ...enKeys].filter(([, v]) => v.trim() === '').map(([k]) => k);
    expect(empty).toEqual([]);
  });

  it('uses the same placeholders in both languages', () => {
    const mismatched = [...nlKeys].filter(([k, v]) => placeholders(v).join() !== placeholders(enKeys.get(k) ?? '').join());
    expect(mismatched.map(([k]) => k)).toEqual([]);
  });

  it('translates every domain error code', () => {
    for (const code of Object.keys(ERROR_CODES)) {
      expect(nlKeys.has(`errors.${code}`), code).toBe(true);
      expect(enKeys.has(`errors.${code}`), code).toBe(true);
    }
  });

  it('translates every message the shared form schemas can produce', () => {
    const badInputs: unknown[] = [
      {},
      { displayName: '', email: '', password: '', organisationName: '' },
      { displayName: 'x'.repeat(101), email: 'not-an-email', password: 'short', organisationName: 'x' },
      { displayName: 'A', email: `${'a'.repeat(250)}@b.nl`, password: 'onlyletterslongenough', organisationName: 'x'.repeat(201) },
      { displayName: 'A', email: 'a@b.nl', password: `a1${'x'.repeat(300)}`, organisationName: 'Org' },
    ];
    const messages = new Set<string>();
    for (const schema of [signUpCustomerInput, signUpAdvertiserInput, signInInput]) {
      for (const input of badInputs) {
        const result = schema.safeParse(input);
        for (const issue of result.error?.issues ?? []) messages.add(issue.message);
      }
    }
    const contractKeys = [...messages].filter((m) => m.startsWith('validation.'));
    expect(contractKeys.length).toBeGreaterThan(5);
    for (const key of contractKeys) {
      expect(nlKeys.has(key), key).toBe(true);
      expect(enKeys.has(key), key).toBe(true);
    }
  });

  it('translates every message the customer-data schemas can produce', () => {
    const cases: [{ safeParse: (input: unknown) => { error?: { issues: { message: string }[] } } }, unknown[]][] = [
      [updateProfileInput, [{ birthYear: 1800, postcode: 'nope', householdSize: 0, interests: Array.from({ length: 16 }, () => 'x') }, { birthYear: 1990.5, householdSize: 2.5 }, { birthYear: Number.NaN }]],
      [listTransactionsInput, [{ month: '2024-13' }]],
      [recategoriseInput, [{ transactionId: 1, category: '' }]],
      [updateConsentInput, [{ changes: [{ category: 'groceries', purpose: 'insights', granted: true, expiresAt: 'next week' }] }]],
      [uploadIdInput, [{ uploadId: 'not-a-uuid' }]],
      [eraseAccountInput, [{ confirmEmail: '  ' }]],
    ];
    const keys = new Set<string>();
    for (const [schema, inputs] of cases) {
      for (const input of inputs) for (const issue of schema.safeParse(input).error?.issues ?? []) if (issue.message.startsWith('validation.')) keys.add(issue.message);
    }
    expect([...keys].sort()).toEqual([
      'validation.birthYearInvalid',
      'validation.categoryRequired',
      'validation.dateInvalid',
      'validation.emailRequired',
      'validation.householdInvalid',
      'validation.invalidId',
      'validation.invalidMonth',
      'validation.postcodeInvalid',
      'validation.tooManyInterests',
    ]);
    // Also sent by the API itself (a missing upload file).
    keys.add('validation.fileRequired');
    for (const key of keys) {
      expect(nlKeys.has(key), key).toBe(true);
      expect(enKeys.has(key), key).toBe(true);
    }
  });

  it('translates every key the API sends with a DomainError about one field (details.messageKey)', () => {
    // Kept in step with the services by the API's field-error tests, which assert these keys.
    const serverKeys = [
      'validation.postcodeUnknown',
      'validation.interestUnknown',
      'validation.householdInvalid',
      'validation.birthYearInvalid',
      'validation.emailMismatch',
      'validation.categoryNotShareable',
      'validation.categoryUnknown',
      'validation.industryUnknown',
      'consent.errors.dateInPast',
      'consent.blocked.minor',
      'consent.blocked.birthYearMissing',
    ];
    for (const key of serverKeys) {
      expect(nlKeys.has(key), key).toBe(true);
      expect(enKeys.has(key), key).toBe(true);
    }
  });
});
