import { describe, expect, it } from 'vitest';
import { INDUSTRY_CODES, certainAge, isConsentCategory } from '@dd/categories';
import { generateConsent } from './consent.generator';
import { generateCustomer } from './population.generator';

const UNTIL = '2026-11';
const END = Date.UTC(2026, 10, 1);
const customers = Array.from({ length: 3000 }, (_, i) => generateCustomer(42, i + 1));
const consents = customers.map((c) => generateConsent(42, c, UNTIL));

describe('generateConsent', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(customers.slice(0, 50).map((c) => generateConsent(42, c, UNTIL))).toEqual(consents.slice(0, 50));
    expect(customers.slice(0, 50).map((c) => generateConsent(43, c, UNTIL))).not.toEqual(consents.slice(0, 50));
  });

  it('records nothing for someone who was a minor when signing up, and grants for most adults', () => {
    let adults = 0;
    let granting = 0;
    for (const [i, consent] of consents.entries()) {
      const signedUp = consent.decisions[0]?.recordedAt;
      if (signedUp) expect(certainAge(customers[i]!.birthYear, new Date(signedUp))).toBeGreaterThanOrEqual(18);
      if (minorAtWindowEnd(customers[i]!.birthYear)) expect(consent.decisions).toEqual([]);
      else {
        adults++;
        if (consent.decisions.some((d) => d.granted)) granting++;
      }
    }
    expect(granting / adults).toBeGreaterThan(0.8);
    expect(granting / adults).toBeLessThan(0.95);
  });

  it('grants many but not all categories for insights, fewer for offers', () => {
    const granted = (purpose: string) => consents.flatMap((c) => c.decisions.filter((d) => d.granted && d.purpose === purpose));
    const insights = granted('insights').length;
    const offers = granted('offers').length;
    expect(offers).toBeLessThan(insights * 0.7);
    expect(insights / customers.length).toBeGreaterThan(8);
    expect(insights / customers.length).toBeLessThan(18);
    for (const d of consents.flatMap((c) => c.decisions)) expect(isConsentCategory(d.category)).toBe(true);
    const everything = consents.filter((c) => c.decisions.filter((d) => d.granted && d.purpose === 'insights').length === 20).length;
    expect(everything / customers.length).toBeGreaterThan(0.1);
    expect(everything / customers.length).toBeLessThan(0.4);
  });

  it('dates everything before the window ends; some grants end later, a few lapsed, a few were withdrawn', () => {
    const decisions = consents.flatMap((c) => c.decisions);
    for (const d of decisions) {
      expect(Date.parse(d.recordedAt)).toBeLessThan(END);
      if (d.expiresAt) expect(Date.parse(d.expiresAt)).toBeGreaterThan(Date.parse(d.recordedAt));
      if (!d.granted) expect(d.expiresAt).toBeNull();
    }
    const grants = decisions.filter((d) => d.granted);
    const endsLater = grants.filter((d) => d.expiresAt && Date.parse(d.expiresAt) > END).length / grants.length;
    const lapsed = grants.filter((d) => d.expiresAt && Date.parse(d.expiresAt) <= END).length / grants.length;
    const withdrawn = decisions.filter((d) => !d.granted).length / grants.length;
    expect(endsLater).toBeGreaterThan(0.05);
    expect(endsLater).toBeLessThan(0.1);
    expect(lapsed).toBeGreaterThan(0.005);
    expect(lapsed).toBeLessThan(0.03);
    expect(withdrawn).toBeGreaterThan(0.02);
    expect(withdrawn).toBeLessThan(0.05);
  });

  it('lets about one adult in ten exclude industries, mostly the sensitive ones', () => {
    const excluders = consents.filter((c) => c.exclusions.some((x) => x.excluded)).length / customers.length;
    expect(excluders).toBeGreaterThan(0.06);
    expect(excluders).toBeLessThan(0.14);
    const excluded = consents.flatMap((c) => c.exclusions.filter((x) => x.excluded).map((x) => x.industry));
    for (const industry of excluded) expect(INDUSTRY_CODES).toContain(industry);
    expect(excluded.filter((i) => i === 'gambling').length).toBeGreaterThan(excluded.filter((i) => i === 'retail').length * 3);
  });

  it('groups decisions made together under one change id', () => {
    for (const c of consents.slice(0, 300)) {
      const byChange = new Map<string, Set<string>>();
      for (const d of c.decisions) byChange.set(d.changeId, (byChange.get(d.changeId) ?? new Set()).add(d.recordedAt));
      for (const moments of byChange.values()) expect(moments.size).toBe(1);
    }
  });
});

/** A customer who is still a minor at the end of the window was certainly one when signing up before it. */
function minorAtWindowEnd(birthYear: number): boolean {
  return certainAge(birthYear, new Date(END)) < 18;
}
