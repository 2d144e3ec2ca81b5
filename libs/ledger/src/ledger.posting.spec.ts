import { describe, expect, it } from 'vitest';
import { assertValidTransaction, contentHash } from './ledger.posting';
import { DEFAULT_LEDGER_SETTINGS, ledgerSettingsFromEnv } from './ledger.settings';
import { BASIS_POINTS } from './revenue-share';

describe('contentHash', () => {
  const postings = [
    { accountId: 3, amountCents: 500 },
    { accountId: 1, amountCents: -500 },
  ];

  it('ignores the order of the postings but not their amounts, kind or sale', () => {
    const hash = contentHash({ kind: 'sale.charge', saleId: 's1', postings });
    expect(contentHash({ kind: 'sale.charge', saleId: 's1', postings: [...postings].reverse() })).toBe(hash);
    expect(contentHash({ kind: 'sale.charge', saleId: 's2', postings })).not.toBe(hash);
    expect(contentHash({ kind: 'sale.fee', saleId: 's1', postings })).not.toBe(hash);
    expect(contentHash({ kind: 'sale.charge', saleId: 's1', postings: [{ accountId: 3, amountCents: 501 }, { accountId: 1, amountCents: -501 }] })).not.toBe(hash);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('assertValidTransaction', () => {
  it('accepts a balanced transaction and refuses a bad kind or key with the field named', () => {
    const postings = [
      { accountId: 1, amountCents: 5 },
      { accountId: 2, amountCents: -5 },
    ];
    expect(() => assertValidTransaction({ idempotencyKey: 'k', kind: 'sale.charge', postings })).not.toThrow();
    expect(() => assertValidTransaction({ idempotencyKey: 'k', kind: 'Sale Charge', postings })).toThrow(expect.objectContaining({ details: { field: 'kind' } }));
    expect(() => assertValidTransaction({ idempotencyKey: '', kind: 'sale.charge', postings })).toThrow(expect.objectContaining({ details: { field: 'idempotencyKey' } }));
  });
});

describe('ledgerSettingsFromEnv', () => {
  it('defaults to 70% and batches of 5,000, and names a bad variable', () => {
    expect(ledgerSettingsFromEnv({})).toEqual(DEFAULT_LEDGER_SETTINGS);
    expect(ledgerSettingsFromEnv({ LEDGER_MEMBER_SHARE_BP: '7500', LEDGER_DISTRIBUTION_BATCH_SIZE: '2000' })).toEqual({ memberShareBp: 7_500, distributionBatchSize: 2_000 });
    expect(() => ledgerSettingsFromEnv({ LEDGER_MEMBER_SHARE_BP: '12000' })).toThrow(/LEDGER_MEMBER_SHARE_BP/);
  });

  it('reads a set-but-empty share as unset: members keep 70%, never 0% of every sale', () => {
    expect(DEFAULT_LEDGER_SETTINGS).toEqual({ memberShareBp: 7_000, distributionBatchSize: 5_000 });
    expect(ledgerSettingsFromEnv({ LEDGER_MEMBER_SHARE_BP: '', LEDGER_DISTRIBUTION_BATCH_SIZE: '' })).toEqual(DEFAULT_LEDGER_SETTINGS);
  });

  it('accepts shares up to the whole sale as the revenue split counts it (libs/config cannot import BASIS_POINTS)', () => {
    expect(ledgerSettingsFromEnv({ LEDGER_MEMBER_SHARE_BP: String(BASIS_POINTS) }).memberShareBp).toBe(BASIS_POINTS);
    expect(() => ledgerSettingsFromEnv({ LEDGER_MEMBER_SHARE_BP: String(BASIS_POINTS + 1) })).toThrow(/^LEDGER_MEMBER_SHARE_BP: /);
  });
});
