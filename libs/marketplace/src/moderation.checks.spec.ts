import { describe, expect, it } from 'vitest';
import { moderationChecks, statementWords, type CheckFacts } from './moderation.checks';
import { screenOffer } from './offer-screening';

const passing: CheckFacts = {
  organisationStatus: 'verified',
  segmentProblem: null,
  minimumAudience: 100,
  releasedEstimate: 1_200,
  product: 'offer_campaign',
  purpose: 'offers',
  purposeStatement: 'Wij willen fietsers in Utrecht een korting op onderhoud aanbieden.',
  screening: screenOffer({ title: 'Korting', body: 'Tien procent korting op onderhoud.', url: 'https://fiets.example', code: null }),
  reservedInLedgerCents: 23_958,
  reservedCents: 23_958,
  privacyBudget: { fits: true, needed: '0.7', left: '20', resetsOn: '2027-01-01' },
};

const byCode = (facts: CheckFacts) => Object.fromEntries(moderationChecks(facts).map((check) => [check.code, check]));

describe('moderation checks', () => {
  it('all pass for a clean request, in a fixed order', () => {
    const checks = moderationChecks(passing);
    expect(checks.map((c) => c.code)).toEqual(['advertiserVerified', 'noSpecialCategories', 'audienceAboveMinimum', 'offerScreened', 'purposeGiven', 'balanceReserved', 'privacyBudgetLeft']);
    expect(checks.every((c) => c.passed)).toBe(true);
    expect(byCode(passing)['audienceAboveMinimum']?.params).toEqual({ k: 100, estimate: 1_200 });
  });

  it('each fails on its own fact', () => {
    expect(byCode({ ...passing, organisationStatus: 'unverified' })['advertiserVerified']).toMatchObject({ passed: false, params: { status: 'unverified' } });
    expect(byCode({ ...passing, segmentProblem: { kind: 'restricted', subject: 'Health' } })['noSpecialCategories']).toMatchObject({ passed: false, params: { subject: 'Health' } });
    expect(byCode({ ...passing, releasedEstimate: 90 })['audienceAboveMinimum']).toEqual({ code: 'audienceAboveMinimum', passed: false, params: { k: 100, estimate: 90 } });
    expect(byCode({ ...passing, releasedEstimate: null })['audienceAboveMinimum']).toEqual({ code: 'audienceAboveMinimum', passed: false, params: { k: 100 } });
    const screened = byCode({ ...passing, screening: screenOffer({ title: 'Zwanger?', body: 'Stuur ons je BSN.', url: 'http://x.example', code: null }) })['offerScreened'];
    expect(screened).toEqual({ code: 'offerScreened', passed: false, params: { words: 'zwanger, bsn', topics: 'pregnancy, bsn', links: 'http://x.example' } });
    expect(byCode({ ...passing, purposeStatement: 'xxxxxxxxxxxxxxxxxxxxxxxxx' })['purposeGiven']).toMatchObject({ passed: false, params: { words: 1 } });
    expect(byCode({ ...passing, purpose: 'insights' })['purposeGiven']?.passed).toBe(false);
    expect(byCode({ ...passing, reservedInLedgerCents: null })['balanceReserved']?.passed).toBe(false);
    expect(byCode({ ...passing, reservedInLedgerCents: 100 })['balanceReserved']?.passed).toBe(false);
    expect(byCode({ ...passing, privacyBudget: { fits: false, needed: '0.7', left: '0.3', resetsOn: '2027-01-01' } })['privacyBudgetLeft']).toEqual({
      code: 'privacyBudgetLeft',
      passed: false,
      params: { needed: '0.7', left: '0.3', resetsOn: '2027-01-01' },
    });
  });

  it('has no differencing check: an exact comparison of member sets would itself tell the advertiser about a person', () => {
    expect(moderationChecks(passing).map((c) => c.code)).not.toContain('differencing');
  });

  it('a report has no offer, so no screening check is shown for it', () => {
    expect(byCode({ ...passing, product: 'insight_report', purpose: 'insights', screening: null })['offerScreened']).toBeUndefined();
  });

  it('counts different words, not characters', () => {
    expect(statementWords('Korting korting KORTING voor fietsers')).toBe(3);
    expect(statementWords('a b c d e f g h i j k l m n o p')).toBe(0);
  });
});
