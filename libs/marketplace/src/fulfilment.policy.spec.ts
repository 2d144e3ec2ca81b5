import { describe, expect, it } from 'vitest';
import { scheduleEpsilonMicro, statisticsSchedule } from './campaign-schedule';
import { billedQuantity, failureOfDeliveryRefusal, failureOfReportRefusal } from './fulfilment.policy';

describe('billed quantity', () => {
  it('is the released audience, capped by what the advertiser agreed to pay for, and never zero', () => {
    expect(billedQuantity(512, 10_000)).toBe(512);
    expect(billedQuantity(512, 400)).toBe(400);
    expect(billedQuantity(-3, 400)).toBe(1);
    expect(billedQuantity(0, 400)).toBe(1);
  });
});

describe('campaign statistics schedule', () => {
  const delivered = new Date('2026-11-10T14:00:00Z');

  it('releases a day after delivery, a week after and when the offer ends', () => {
    expect(statisticsSchedule(delivered, '2026-12-31').map((d) => d.toISOString())).toEqual([
      '2026-11-11T14:00:00.000Z',
      '2026-11-17T14:00:00.000Z',
      '2027-01-01T00:00:00.000Z',
    ]);
  });

  it('drops the checkpoints after the end, and still has one for an offer that ended already', () => {
    expect(statisticsSchedule(delivered, '2026-11-12').map((d) => d.toISOString())).toEqual(['2026-11-11T14:00:00.000Z', '2026-11-13T00:00:00.000Z']);
    expect(statisticsSchedule(delivered, '2026-11-10').map((d) => d.toISOString())).toEqual(['2026-11-11T00:00:00.000Z']);
    expect(statisticsSchedule(delivered, '2026-11-01').map((d) => d.toISOString())).toEqual(['2026-11-11T14:00:00.000Z']);
  });

  it('costs two statistics per checkpoint', () => {
    expect(scheduleEpsilonMicro(statisticsSchedule(delivered, '2026-12-31'), { campaignStatEpsilonMicro: 100_000 })).toBe(600_000);
  });
});

describe('refusal codes', () => {
  it('maps the delivery gate’s refusal codes to the purchase failure codes', () => {
    expect(failureOfReportRefusal('below_minimum', 100)).toEqual({ code: 'audienceBelowMinimum', params: { k: 100 } });
    expect(failureOfReportRefusal('differencing', 100)).toEqual({ code: 'differencing', params: { k: 100 } });
    expect(failureOfReportRefusal('advertiser_budget', 100)).toEqual({ code: 'privacyBudget', params: {} });
    expect(failureOfDeliveryRefusal('below_minimum', 50)).toEqual({ code: 'audienceBelowMinimum', params: { k: 50 } });
  });
});
