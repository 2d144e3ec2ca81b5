import {
  CONSENT_CATEGORIES,
  HOUSEHOLD_BANDS,
  INDUSTRY_CODES,
  INTEREST_CODES,
  PROVINCE_CODES,
  SELLABLE_CATEGORIES,
  SENSITIVE_INDUSTRIES,
  type AgeBand,
  type HouseholdBand,
  type InterestCode,
  type ProvinceCode,
} from '@dd/categories';
import { knownMunicipalities } from '@dd/segments';

/**
 * The synthetic Dutch population of the segment benchmark, as tables. Only real catalogue codes
 * appear (age bands, provinces, the municipalities the postcode lookup knows, household bands,
 * interests, sellable categories, industries); the weights are rounded public figures (CBS 2024)
 * where they exist and plausible guesses where they do not. population.sql.ts turns them into SQL.
 */

export type Weighted<T> = readonly (readonly [T, number])[];

/** Shares of the whole population: minors (~3 %), adults whose birth year is unknown, adults by band. */
export const MINOR_SHARE = 0.03;
export const UNKNOWN_AGE_SHARE = 0.01;
/** App users by age band (residents × how likely that age signs up). */
export const ADULT_AGE_BANDS: Weighted<Exclude<AgeBand, 'minor'>> = [
  ['18-24', 12], ['25-34', 19], ['35-44', 17], ['45-54', 18], ['55-64', 17], ['65+', 17],
];

/** Residents per province (thousands, CBS 2024). */
export const PROVINCE_POPULATION: Record<ProvinceCode, number> = {
  'NL-GR': 596, 'NL-FR': 659, 'NL-DR': 502, 'NL-OV': 1184, 'NL-FL': 444, 'NL-GE': 2133,
  'NL-UT': 1397, 'NL-NH': 2952, 'NL-ZH': 3908, 'NL-ZE': 391, 'NL-NB': 2626, 'NL-LI': 1118,
};
/** People who gave no postcode: province and municipality unknown. */
export const UNKNOWN_REGION_SHARE = 0.03;

/** Residents of the municipalities the postcode lookup names (thousands, CBS 2024). */
const MUNICIPALITY_POPULATION: Record<string, number> = {
  Amsterdam: 931, Rotterdam: 664, "'s-Gravenhage": 562, Utrecht: 374, Eindhoven: 246, Groningen: 243, Tilburg: 227,
  Almere: 226, Breda: 188, Nijmegen: 182, Apeldoorn: 168, Arnhem: 166, Haarlem: 168, Haarlemmermeer: 162,
  Amersfoort: 161, Enschede: 161, Zaanstad: 159, "'s-Hertogenbosch": 160, Zwolle: 132, Leiden: 127, Zoetermeer: 127,
  Leeuwarden: 126, Ede: 122, Maastricht: 122, Dordrecht: 121, Westland: 115, 'Alphen aan den Rijn': 115, Alkmaar: 111,
  Emmen: 107, Delft: 105, Venlo: 102, Deventer: 102,
};

/**
 * Per province: its large municipalities with their share of the province; the rest of the
 * province has no municipality (the postcode lookup only names the 32 largest).
 */
export function municipalitiesByProvince(): Map<ProvinceCode, Weighted<string | null>> {
  const byProvince = new Map<ProvinceCode, [string | null, number][]>();
  for (const [municipality, province] of knownMunicipalities()) {
    const residents = MUNICIPALITY_POPULATION[municipality] ?? 100;
    const list = byProvince.get(province) ?? [];
    list.push([municipality, residents]);
    byProvince.set(province, list);
  }
  for (const province of PROVINCE_CODES) {
    const list = byProvince.get(province) ?? [];
    const named = list.reduce((sum, [, residents]) => sum + residents, 0);
    list.push([null, Math.max(0, PROVINCE_POPULATION[province] - named)]);
    byProvince.set(province, list);
  }
  return byProvince;
}

/** Persons (not households) by household size, per age band: families peak in the forties, the old live in pairs or alone. */
export const HOUSEHOLDS_BY_AGE: Record<string, Weighted<HouseholdBand>> = {
  minor: [['two', 10], ['three_four', 65], ['five_plus', 25]],
  '18-24': [['single', 25], ['two', 15], ['three_four', 45], ['five_plus', 15]],
  '25-34': [['single', 30], ['two', 35], ['three_four', 30], ['five_plus', 5]],
  '35-44': [['single', 15], ['two', 18], ['three_four', 52], ['five_plus', 15]],
  '45-54': [['single', 17], ['two', 25], ['three_four', 45], ['five_plus', 13]],
  '55-64': [['single', 22], ['two', 45], ['three_four', 28], ['five_plus', 5]],
  '65+': [['single', 38], ['two', 58], ['three_four', 3.5], ['five_plus', 0.5]],
  unknown: [['single', 25], ['two', 30], ['three_four', 35], ['five_plus', 10]],
};
/** Profiles without a household size. */
export const UNKNOWN_HOUSEHOLD_SHARE = 0.05;
export const HOUSEHOLD_CODES: readonly HouseholdBand[] = HOUSEHOLD_BANDS;

/** Chance of ticking each interest, for the young (< 25), the middle years and the old (65+): about 1.7 interests each. */
export const INTEREST_CHANCE: Record<InterestCode, readonly [young: number, middle: number, old: number]> = {
  sport: [0.2, 0.15, 0.09], travel: [0.18, 0.18, 0.2], cooking: [0.13, 0.15, 0.15], gaming: [0.27, 0.1, 0.02],
  fashion: [0.22, 0.12, 0.06], tech: [0.15, 0.1, 0.06], music: [0.2, 0.13, 0.09], gardening: [0.02, 0.09, 0.22],
  pets: [0.08, 0.1, 0.12], diy: [0.05, 0.09, 0.12], reading: [0.08, 0.12, 0.19], film: [0.15, 0.12, 0.1],
  outdoor: [0.09, 0.1, 0.12], wellness: [0.09, 0.09, 0.09], finance: [0.05, 0.06, 0.07],
};
export const INTERESTS: readonly InterestCode[] = INTEREST_CODES;

export interface SpendModel {
  /** Chance of any spending in the category over the 90-day window. */
  presence: number;
  /** Weights of bands 1..5 among those who spend. */
  bands: readonly [number, number, number, number, number];
}

/** Monthly spend bands (1: < €25, 2: €25–100, 3: €100–250, 4: €250–500, 5: ≥ €500). */
/** Every sellable category has a model; population.sql.ts refuses to run if one is missing. */
export const SPEND: Readonly<Record<string, SpendModel>> = {
  groceries: { presence: 0.97, bands: [3, 12, 30, 38, 17] },
  drugstore: { presence: 0.85, bands: [35, 45, 15, 4, 1] },
  fashion: { presence: 0.7, bands: [30, 40, 20, 7, 3] },
  dining: { presence: 0.75, bands: [30, 40, 20, 8, 2] },
  travel: { presence: 0.4, bands: [10, 25, 30, 20, 15] },
  mobility: { presence: 0.85, bands: [15, 30, 30, 18, 7] },
  energy: { presence: 0.8, bands: [3, 10, 40, 40, 7] },
  home: { presence: 0.55, bands: [25, 35, 25, 10, 5] },
  electronics: { presence: 0.4, bands: [25, 35, 25, 10, 5] },
  leisure: { presence: 0.7, bands: [35, 40, 18, 5, 2] },
  telecom: { presence: 0.92, bands: [10, 65, 22, 3, 0.2] },
  subscriptions: { presence: 0.8, bands: [40, 45, 12, 3, 0.2] },
  sport: { presence: 0.45, bands: [30, 50, 15, 4, 1] },
  // Pets and kids depend on the person (see population.sql.ts): these are the base rates.
  pets: { presence: 0.25, bands: [20, 45, 25, 8, 2] },
  kids: { presence: 0.08, bands: [10, 30, 35, 18, 7] },
  other: { presence: 0.9, bands: [30, 40, 20, 7, 3] },
};
export const PETS_WITH_INTEREST = 0.75;
export const KIDS_IN_FAMILY = 0.6;
export const SPEND_CATEGORIES: readonly string[] = SELLABLE_CATEGORIES;

/**
 * Consent. Per purpose an adult is in one of three tiers: no consent at all, everything ("allow
 * all"), or selective, where each category is granted with its own chance (profile facts and
 * everyday spending more often than, say, children). Offers are granted less than insights.
 */
export const CONSENT_TIERS = {
  insights: { none: 0.12, all: 0.2 },
  offers: { none: 0.45, all: 0.1 },
} as const;
/** In the selective tier, chance of granting a category for insights; offers use OFFERS_FACTOR × that. */
const CONSENT_CHANCE: Record<string, number> = {
  profile_age: 0.9, profile_region: 0.85, profile_household: 0.8, profile_interests: 0.85,
  groceries: 0.85, drugstore: 0.7, fashion: 0.75, dining: 0.75, travel: 0.8, mobility: 0.7, energy: 0.65, home: 0.75,
  electronics: 0.75, leisure: 0.8, telecom: 0.65, subscriptions: 0.7, sport: 0.75, pets: 0.7, kids: 0.55, other: 0.6,
};
export const OFFERS_FACTOR = 0.7;
export const consentChance = (category: string): number => CONSENT_CHANCE[category] ?? 0.6;
export const CONSENT_CATEGORY_LIST: readonly string[] = CONSENT_CATEGORIES;
/** Of the grants: an end date in the future, one that has passed (history), one within the next hours. */
export const GRANT_ENDS = { future: 0.07, past: 0.02, soon: 0.002 } as const;
/** Grants later withdrawn (the latest decision is a "no"). */
export const WITHDRAWN_SHARE = 0.04;
/** Minors whose grants predate a corrected birth year: the grant exists, yet a minor never counts. */
export const MINOR_STALE_CONSENT_SHARE = 0.1;

/** Customers who excluded industries, the chance per industry among them, and later un-exclusions. */
export const EXCLUDER_SHARE = 0.11;
export const EXCLUDE_CHANCE = { sensitive: 0.15, other: 0.02 } as const;
export const UNEXCLUDED_SHARE = 0.05;
export const INDUSTRY_LIST: readonly string[] = INDUSTRY_CODES;
export const SENSITIVE: ReadonlySet<string> = new Set(SENSITIVE_INDUSTRIES);

/** Accounts that asked to be erased (the erasure job has not run yet) and customers without features yet. */
export const ERASURE_REQUESTED_SHARE = 0.002;
export const WITHOUT_FEATURES_SHARE = 0.005;
