import { describe, expect, it } from 'vitest';
import { billedMembers, failureOfDeliveryRefusal, failureOfReportRefusal } from './fulfilment.policy';

const secret = Buffer.alloc(32, 7);
const bill = (deliveredCount: number, membersHash: string, maxMembers = 10_000, epsilonMicro = 500_000) =>
  billedMembers({ deliveredCount, membersHash, purpose: 'offers', maxMembers, secret, settings: { estimateEpsilonMicro: epsilonMicro } });

describe('billed members', () => {
  it('is the same for the same member set, so buying the same people again shows the same number', () => {
    expect(bill(500, 'a'.repeat(64))).toBe(bill(500, 'a'.repeat(64)));
  });

  it('is noised: over many member sets of the same size it is not always the exact count, and stays close to it', () => {
    const billed = Array.from({ length: 200 }, (_, i) => bill(500, i.toString(16).padStart(64, '0')));
    expect(billed.filter((b) => b !== 500).length).toBeGreaterThan(100);
    for (const b of billed) expect(Math.abs(b - 500)).toBeLessThan(60);
  });

  it('never exceeds what the advertiser agreed to pay for, and is never zero', () => {
    expect(bill(500, 'b'.repeat(64), 400)).toBe(400);
    // Tiny epsilon, tiny count: whatever the noise, at least one member is billed.
    for (let i = 0; i < 50; i++) expect(bill(1, i.toString(16).padStart(64, '0'), 10, 1_000)).toBeGreaterThanOrEqual(1);
  });
});

describe('refusal codes', () => {
  it('maps the report service’s and the delivery guard’s refusal codes to the purchase failure codes', () => {
    expect(failureOfReportRefusal('below_minimum', 100)).toEqual({ code: 'audienceBelowMinimum', params: { k: 100 } });
    expect(failureOfReportRefusal('differencing', 100)).toEqual({ code: 'differencing', params: { k: 100 } });
    expect(failureOfReportRefusal('advertiser_budget', 100)).toEqual({ code: 'privacyBudget', params: {} });
    expect(failureOfDeliveryRefusal('differencing', 50)).toEqual({ code: 'differencing', params: { k: 50 } });
    expect(failureOfDeliveryRefusal('below_minimum', 50)).toEqual({ code: 'audienceBelowMinimum', params: { k: 50 } });
  });
});
