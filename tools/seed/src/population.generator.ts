import type { Locale } from '@dd/db';
import { FIRST_NAMES_BY_ERA, SURNAMES, fullName } from './dutch-names.data';
import { PROVINCES } from './dutch-regions.data';
import { customerEmail, customerId } from './ids';
import { Prng, WeightedTable } from './prng';

/** The fixed list customers choose their interests from. */
export const INTERESTS = [
  'sport', 'travel', 'cooking', 'gaming', 'fashion', 'tech', 'music', 'gardening',
  'pets', 'diy', 'reading', 'film', 'outdoor', 'wellness', 'finance',
] as const;
export type Interest = (typeof INTERESTS)[number];

export const BIRTH_YEAR_MIN = 1935;
export const BIRTH_YEAR_MAX = 2010;
/** The year the age pyramid is taken from; fixed so the population never depends on the clock. */
export const POPULATION_YEAR = 2026;

export interface SeedCustomer {
  index: number;
  id: string;
  email: string;
  displayName: string;
  locale: Locale;
  birthYear: number;
  province: string;
  municipality: string;
  householdSize: number;
  interests: Interest[];
}

// Residents per 5-year age band (CBS 2024, thousands), times how likely that age signs up for an app.
const AGE_BANDS: readonly (readonly [fromAge: number, residents: number, uptake: number])[] = [
  [15, 1070, 0.6], [20, 1140, 1], [25, 1190, 1], [30, 1160, 1], [35, 1100, 1], [40, 1060, 1], [45, 1060, 0.95],
  [50, 1220, 0.9], [55, 1280, 0.85], [60, 1200, 0.8], [65, 1060, 0.7], [70, 960, 0.6], [75, 790, 0.45],
  [80, 490, 0.3], [85, 260, 0.2], [90, 100, 0.1],
];

function birthYearWeight(year: number): number {
  const age = POPULATION_YEAR - year;
  const band = [...AGE_BANDS].reverse().find(([from]) => age >= from) ?? AGE_BANDS[0];
  return band ? (band[1] / 5) * band[2] : 0;
}

const birthYears = new WeightedTable(
  Array.from({ length: BIRTH_YEAR_MAX - BIRTH_YEAR_MIN + 1 }, (_, i) => [BIRTH_YEAR_MIN + i, birthYearWeight(BIRTH_YEAR_MIN + i)] as const),
);

const provinces = new WeightedTable(PROVINCES.map((p) => [p, p.population] as const));
const municipalitiesByProvince = new Map(PROVINCES.map((p) => [p.name, new WeightedTable(p.municipalities)]));

// Persons (not households) by household size, per stage of life: children live with parents,
// twenty-somethings alone or with a partner, families peak in the forties, the old live in pairs or alone.
const HOUSEHOLDS: readonly (readonly [untilAge: number, weights: readonly number[]])[] = [
  [17, [0, 10, 25, 40, 18, 7]],
  [24, [25, 15, 20, 25, 11, 4]],
  [34, [30, 35, 17, 13, 4, 1]],
  [49, [15, 18, 20, 32, 11, 4]],
  [64, [20, 40, 18, 15, 5, 2]],
  [79, [30, 65, 3, 1.5, 0.4, 0.1]],
  [200, [55, 43, 2, 0, 0, 0]],
];
const householdTables = HOUSEHOLDS.map(([untilAge, weights]) => [untilAge, new WeightedTable(weights.map((w, i) => [i + 1, w] as const))] as const);

const INTEREST_COUNTS = new WeightedTable([[0, 15], [1, 25], [2, 30], [3, 20], [4, 10]] as const);

/** Base popularity of each interest, then a multiplier for the young (< 30) and the old (>= 60). */
const INTEREST_WEIGHTS: Record<Interest, readonly [base: number, young: number, old: number]> = {
  sport: [10, 1.4, 0.6], travel: [12, 1, 1.1], cooking: [10, 0.9, 1], gaming: [7, 2.5, 0.2], fashion: [8, 1.8, 0.5],
  tech: [7, 1.4, 0.6], music: [9, 1.5, 0.7], gardening: [6, 0.2, 2.5], pets: [7, 0.8, 1.2], diy: [6, 0.6, 1.3],
  reading: [8, 0.7, 1.6], film: [8, 1.3, 0.8], outdoor: [7, 0.9, 1.2], wellness: [6, 1, 1], finance: [4, 0.9, 1.2],
};

const ERA_TABLES = FIRST_NAMES_BY_ERA.map((era) => ({ bornUntil: era.bornUntil, names: era.names }));
const surnames = new WeightedTable(SURNAMES.map(([prefix, name, weight]) => [[prefix, name] as const, weight] as const));
const INTERNATIONAL_CITIES = new Set(['Amsterdam', 'Amstelveen', "'s-Gravenhage", 'Eindhoven', 'Utrecht', 'Leiden', 'Delft']);

function pickInterests(rng: Prng, age: number): Interest[] {
  const count = INTEREST_COUNTS.draw(rng);
  const pool = INTERESTS.map((interest) => {
    const [base, young, old] = INTEREST_WEIGHTS[interest];
    return [interest, base * (age < 30 ? young : age >= 60 ? old : 1)] as [Interest, number];
  });
  const chosen: Interest[] = [];
  while (chosen.length < count) {
    const next = new WeightedTable(pool.filter(([interest]) => !chosen.includes(interest))).draw(rng);
    chosen.push(next);
  }
  // Stored in the list's order, so equal sets compare equal.
  return INTERESTS.filter((i) => chosen.includes(i));
}

/** One synthetic customer: account facts and the coarse profile, all from (seed, index). */
export function generateCustomer(seed: number | string, index: number): SeedCustomer {
  const rng = new Prng(seed, 'customer', index);
  const birthYear = birthYears.draw(rng);
  const age = POPULATION_YEAR - birthYear;
  const province = provinces.draw(rng);
  const municipality = (municipalitiesByProvince.get(province.name) as WeightedTable<string>).draw(rng);
  const householdTable = householdTables.find(([untilAge]) => age <= untilAge)?.[1] ?? (householdTables[0]?.[1] as WeightedTable<number>);
  const householdSize = householdTable.draw(rng);
  const era = ERA_TABLES.find((e) => birthYear <= e.bornUntil) ?? ERA_TABLES[ERA_TABLES.length - 1];
  const firstName = rng.pick(era?.names ?? ['Jan']);
  const [prefix, surname] = surnames.draw(rng);
  const locale: Locale = rng.chance(INTERNATIONAL_CITIES.has(municipality) ? 0.16 : 0.05) ? 'en' : 'nl';
  return {
    index,
    id: customerId(seed, index),
    email: customerEmail(index),
    displayName: fullName(firstName, prefix, surname),
    locale,
    birthYear,
    province: province.name,
    municipality,
    householdSize,
    interests: pickInterests(rng, age),
  };
}
