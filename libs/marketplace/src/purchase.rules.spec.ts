import { describe, expect, it } from 'vitest';
import { DomainError } from '@dd/errors';
import { addDays, checkBreakdowns, checkOfferEndDate, checkOfferScreening, maxMembersFor, reservationFor } from './purchase.rules';

const keyOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return (error as DomainError).details?.['messageKey'];
  }
  return undefined;
};

describe('reservation', () => {
  it('covers the estimate plus 10%, rounded up', () => {
    expect(maxMembersFor(100)).toBe(110);
    expect(maxMembersFor(1_200)).toBe(1_320);
    expect(maxMembersFor(45)).toBe(50);
    expect(maxMembersFor(41)).toBe(46);
    expect(() => maxMembersFor(0)).toThrow(RangeError);
  });

  it('reserves the net price of max members plus VAT', () => {
    expect(reservationFor({ estimate: 1_200, pricePerMemberCents: 15, vatRateBp: 2_100 })).toEqual({ maxMembers: 1_320, netCents: 19_800, vatCents: 4_158, totalCents: 23_958 });
    // 44 × 2 = 88 cents net; 21% is 18.48, rounded to 18.
    expect(reservationFor({ estimate: 40, pricePerMemberCents: 2, vatRateBp: 2_100 })).toEqual({ maxMembers: 44, netCents: 88, vatCents: 18, totalCents: 106 });
  });
});

describe('report breakdowns', () => {
  it('accepts known, distinct breakdowns and returns the categories they read', () => {
    expect(checkBreakdowns(['ageBand', 'spend:groceries']).map((b) => b.category)).toEqual(['profile_age', 'groceries']);
  });

  it('refuses unknown ones (special categories included) and duplicates', () => {
    expect(keyOf(() => checkBreakdowns(['ageBand', 'shoeSize']))).toBe('marketplace.errors.breakdownUnknown');
    expect(keyOf(() => checkBreakdowns(['spend:health']))).toBe('marketplace.errors.breakdownUnknown');
    expect(keyOf(() => checkBreakdowns(['province', 'province']))).toBe('marketplace.errors.breakdownsDuplicate');
  });
});

describe('offer end date', () => {
  const today = '2026-11-23';

  it('runs from today up to and including 90 days ahead', () => {
    expect(() => checkOfferEndDate(today, today)).not.toThrow();
    expect(() => checkOfferEndDate(addDays(today, 90), today)).not.toThrow();
    expect(addDays(today, 90)).toBe('2027-02-21');
  });

  it('refuses the past, more than 90 days and dates the calendar does not have', () => {
    expect(keyOf(() => checkOfferEndDate('2026-11-22', today))).toBe('marketplace.errors.offerEndsInPast');
    expect(keyOf(() => checkOfferEndDate(addDays(today, 91), today))).toBe('marketplace.errors.offerEndsTooLate');
    expect(keyOf(() => checkOfferEndDate('2027-02-30', today))).toBe('marketplace.errors.dateInvalid');
  });
});

describe('offer screening at request time', () => {
  const offer = (title: string, body: string, code: string | null = null) => ({ title, body, url: 'https://winkel.example/actie', code });

  it('lets an ordinary offer through', () => {
    expect(keyOf(() => checkOfferScreening(offer('20% korting', 'Pin aan de kassa in onze winkel aan de Kerkstraat.', 'NAJAAR15')))).toBeUndefined();
  });

  it('refuses what moderation could never approve, under the field that holds the words', () => {
    expect(keyOf(() => checkOfferScreening(offer('Zwa\u00ADnger?', 'Tien procent korting.')))).toBe('marketplace.errors.offerTitleScreened');
    expect(keyOf(() => checkOfferScreening(offer('Korting', 'Stuur ons je B S N.')))).toBe('marketplace.errors.offerBodyScreened');
    expect(keyOf(() => checkOfferScreening(offer('Korting', 'Tien procent.', 'ZWАNGER10')))).toBe('marketplace.errors.offerCodeScreened');
    try {
      checkOfferScreening(offer('Korting', 'Stuur ons je wаchtwoord en je b.s.n.'));
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'offer' }, reason: { code: 'offerScreened', params: { words: 'bsn, wachtwoord' } } });
    }
  });
});
