import { describe, expect, it } from 'vitest';
import { PROVINCES, PROVINCE_NAMES } from './dutch-regions.data';
import { customerIndexFromEmail } from './ids';
import { BIRTH_YEAR_MAX, BIRTH_YEAR_MIN, INTERESTS, POPULATION_YEAR, generateCustomer } from './population.generator';

const population = (seed: number, n: number) => Array.from({ length: n }, (_, i) => generateCustomer(seed, i + 1));

describe('generateCustomer', () => {
  const customers = population(42, 2000);

  it('is deterministic for a seed and differs between seeds', () => {
    expect(population(42, 50)).toEqual(customers.slice(0, 50));
    const other = population(43, 50);
    expect(other.map((c) => c.id)).not.toEqual(customers.slice(0, 50).map((c) => c.id));
    expect(other.map((c) => c.displayName)).not.toEqual(customers.slice(0, 50).map((c) => c.displayName));
  });

  it('gives stable, unique ids and numbered seed emails', () => {
    expect(new Set(customers.map((c) => c.id)).size).toBe(customers.length);
    for (const c of customers.slice(0, 20)) {
      expect(c.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(c.email).toMatch(/^customer-\d{7}@seed\.datadividend\.test$/);
      expect(customerIndexFromEmail(c.email)).toBe(c.index);
    }
    // Ids of one run sort in index order, which keeps the customer_id indexes append-only.
    const ids = customers.map((c) => c.id);
    expect([...ids].sort()).toEqual(ids);
  });

  it('spreads customers over all twelve provinces roughly by population', () => {
    const counts = new Map<string, number>();
    for (const c of customers) counts.set(c.province, (counts.get(c.province) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual([...PROVINCE_NAMES].sort());
    const total = PROVINCES.reduce((n, p) => n + p.population, 0);
    for (const p of PROVINCES) {
      const share = (counts.get(p.name) ?? 0) / customers.length;
      const expected = p.population / total;
      expect(Math.abs(share - expected)).toBeLessThan(0.025 + expected * 0.2);
    }
    const ranked = [...counts].sort((a, b) => b[1] - a[1]).map(([name]) => name);
    expect(ranked.slice(0, 3).sort()).toEqual(['Noord-Brabant', 'Noord-Holland', 'Zuid-Holland']);
  });

  it('places every customer in a real municipality of their province', () => {
    for (const c of customers) {
      const province = PROVINCES.find((p) => p.name === c.province);
      expect(province?.municipalities.map(([name]) => name)).toContain(c.municipality);
    }
  });

  it('follows an age pyramid: adults of all ages, a few minors, fewer of the very old', () => {
    const ages = customers.map((c) => POPULATION_YEAR - c.birthYear);
    for (const c of customers) {
      expect(c.birthYear).toBeGreaterThanOrEqual(BIRTH_YEAR_MIN);
      expect(c.birthYear).toBeLessThanOrEqual(BIRTH_YEAR_MAX);
    }
    const share = (test: (age: number) => boolean) => ages.filter(test).length / ages.length;
    expect(share((a) => a < 18)).toBeGreaterThan(0.01);
    expect(share((a) => a < 18)).toBeLessThan(0.06);
    expect(share((a) => a >= 25 && a < 45)).toBeGreaterThan(share((a) => a >= 75));
    expect(share((a) => a >= 85)).toBeLessThan(0.03);
  });

  it('keeps household sizes in 1..6, mostly small, and minors never alone', () => {
    for (const c of customers) {
      expect(c.householdSize).toBeGreaterThanOrEqual(1);
      expect(c.householdSize).toBeLessThanOrEqual(6);
      if (POPULATION_YEAR - c.birthYear < 18) expect(c.householdSize).toBeGreaterThan(1);
    }
    const small = customers.filter((c) => c.householdSize <= 2).length / customers.length;
    expect(small).toBeGreaterThan(0.4);
    expect(small).toBeLessThan(0.75);
  });

  it('chooses 0-4 distinct interests from the fixed list', () => {
    for (const c of customers) {
      expect(c.interests.length).toBeLessThanOrEqual(4);
      expect(new Set(c.interests).size).toBe(c.interests.length);
      for (const i of c.interests) expect(INTERESTS).toContain(i);
    }
    expect(customers.some((c) => c.interests.length === 0)).toBe(true);
    expect(customers.some((c) => c.interests.length === 4)).toBe(true);
  });

  it('writes Dutch names with tussenvoegsels and mostly Dutch locales', () => {
    expect(customers.some((c) => / (van|de|van der|van den) [A-Z]/.test(c.displayName))).toBe(true);
    const dutch = customers.filter((c) => c.locale === 'nl').length / customers.length;
    expect(dutch).toBeGreaterThan(0.85);
    expect(dutch).toBeLessThan(1);
  });
});
