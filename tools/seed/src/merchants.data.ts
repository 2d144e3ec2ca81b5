import type { Interest } from './population.generator';

/** Every category a seeded transaction can carry. */
export const CATEGORIES = [
  'groceries', 'fashion', 'dining', 'travel', 'mobility', 'energy', 'home', 'electronics', 'leisure', 'telecom',
  'income', 'housing', 'taxes', 'drugstore', 'health', 'religion', 'politics', 'trade_union', 'pregnancy_baby', 'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** Special categories (GDPR art. 9) and the protected life event: shown to the customer, never sold. */
export const SPECIAL_CATEGORIES = ['health', 'religion', 'politics', 'trade_union', 'pregnancy_baby'] as const satisfies readonly Category[];

/**
 * A place where customers spend at will. `name` is what the bank shows: for card payments a
 * terminal template ({n4}/{n3} store number, {TOWN} the terminal's town, {Town} the municipality,
 * {cafe} a local café), for iDEAL the acquirer's counterparty name with `reference` as remittance.
 */
export interface Merchant {
  category: Category;
  channel: 'card' | 'ideal';
  name: string;
  cents: readonly [min: number, max: number];
  weight: number;
  reference?: string;
  /** Customers with this interest shop here three times as often. */
  boost?: Interest;
  audience?: 'car' | 'noCar';
  hours?: readonly [from: number, to: number];
}

const card = (category: Category, name: string, cents: readonly [number, number], weight: number, extra: Partial<Merchant> = {}): Merchant => ({
  category, channel: 'card', name, cents, weight, ...extra,
});
const ideal = (category: Category, name: string, reference: string, cents: readonly [number, number], weight: number, extra: Partial<Merchant> = {}): Merchant => ({
  category, channel: 'ideal', name, reference, cents, weight, ...extra,
});

export const MERCHANTS: readonly Merchant[] = [
  card('groceries', 'ALBERT HEIJN {n4} {TOWN}', [250, 9500], 34, { hours: [8, 21] }),
  card('groceries', 'Jumbo {n4} {Town}', [250, 11000], 22, { hours: [8, 21] }),
  card('groceries', 'Lidl {n3} {Town}', [400, 8000], 12, { hours: [8, 21] }),
  card('groceries', 'ALDI {n3} {TOWN}', [400, 7000], 8, { hours: [8, 20] }),
  card('groceries', 'PLUS {TOWN}', [250, 8000], 7, { hours: [8, 21] }),
  card('groceries', 'Dirk vd Broek {n3}', [400, 7500], 6, { hours: [8, 21] }),
  card('groceries', 'AH to go {n4} {TOWN}', [180, 1500], 5, { hours: [7, 20] }),
  card('groceries', 'Bakker Bart {n3} {TOWN}', [250, 1800], 3, { hours: [7, 18] }),
  card('groceries', 'Ekoplaza {Town}', [500, 6000], 2, { boost: 'cooking', hours: [9, 20] }),
  ideal('groceries', 'Picnic B.V.', 'Picnic bestelling {order}', [2500, 14000], 4),
  card('dining', 'CCV*{cafe}', [350, 6500], 10, { hours: [11, 23] }),
  card('dining', 'SumUp *{cafe}', [300, 4500], 6, { hours: [10, 23] }),
  ideal('dining', 'Thuisbezorgd.nl', 'Bestelling {order} Thuisbezorgd.nl', [1500, 5500], 9),
  ideal('dining', 'Uber Eats', 'Uber Eats bestelling {order}', [1500, 4500], 3),
  card('dining', "McDonald's {TOWN}", [250, 2500], 5, { hours: [10, 23] }),
  card('dining', 'Starbucks {TOWN}', [350, 1200], 2, { hours: [7, 19] }),
  card('dining', 'FEBO {TOWN}', [250, 1400], 2, { hours: [11, 23] }),
  card('dining', 'La Place {TOWN}', [500, 3000], 2, { hours: [10, 18] }),
  card('mobility', 'NS {TOWN}', [250, 4500], 6, { audience: 'noCar', hours: [6, 22] }),
  ideal('mobility', 'NS GROEP IZ NS REIZIGERS', 'NS Tickets {order}', [500, 6000], 4, { audience: 'noCar' }),
  card('mobility', 'TLS OV-chipkaart {TOWN}', [1000, 5000], 5, { audience: 'noCar', hours: [6, 22] }),
  card('mobility', 'SHELL {TOWN}', [2000, 9500], 6, { audience: 'car', hours: [6, 22] }),
  card('mobility', 'BP {TOWN}', [2000, 9000], 4, { audience: 'car', hours: [6, 22] }),
  card('mobility', 'TANGO {TOWN}', [2000, 8500], 4, { audience: 'car', hours: [6, 23] }),
  card('mobility', 'ESSO {TOWN}', [2000, 8500], 2, { audience: 'car', hours: [6, 22] }),
  card('mobility', 'Q-Park {TOWN}', [250, 2500], 3, { audience: 'car', hours: [8, 23] }),
  card('drugstore', 'Kruidvat {n4} {TOWN}', [199, 4500], 8, { hours: [9, 20] }),
  card('drugstore', 'Etos {n4} {TOWN}', [199, 4000], 5, { hours: [9, 20] }),
  card('drugstore', 'DA Drogist {TOWN}', [199, 3000], 2, { hours: [9, 18] }),
  ideal('fashion', 'Zalando SE', 'Zalando {order}', [1995, 15000], 5, { boost: 'fashion' }),
  card('fashion', 'H&M {n3} {TOWN}', [999, 9000], 4, { boost: 'fashion', hours: [10, 21] }),
  card('fashion', 'ZEEMAN {n3} {TOWN}', [299, 3500], 3, { hours: [9, 18] }),
  card('fashion', 'Primark {TOWN}', [500, 6000], 3, { boost: 'fashion', hours: [10, 21] }),
  card('fashion', 'C&A {n3} {TOWN}', [999, 8000], 2, { hours: [10, 18] }),
  ideal('fashion', 'Wehkamp', 'Wehkamp bestelling {order}', [1995, 20000], 2),
  ideal('fashion', 'Vinted', 'Vinted aankoop {order}', [500, 4000], 2, { boost: 'fashion' }),
  ideal('electronics', 'Coolblue B.V.', 'Coolblue bestelling {order}', [1500, 89900], 3, { boost: 'tech' }),
  card('electronics', 'MEDIAMARKT {TOWN}', [999, 69900], 2, { boost: 'tech', hours: [10, 21] }),
  ideal('electronics', 'bol.com', 'Bestelnummer {order} bol.com', [799, 24900], 6, { boost: 'tech' }),
  ideal('electronics', 'Alternate.nl', 'Alternate order {order}', [2500, 49900], 1, { boost: 'gaming' }),
  card('home', 'IKEA {TOWN}', [999, 35000], 2, { hours: [10, 21] }),
  card('home', 'Action {n4} {TOWN}', [199, 4000], 7, { hours: [9, 20] }),
  card('home', 'HEMA {TOWN}', [250, 5000], 5, { hours: [9, 18] }),
  card('home', 'GAMMA {TOWN}', [499, 15000], 2, { boost: 'diy', hours: [8, 20] }),
  card('home', 'Praxis {n3} {TOWN}', [499, 15000], 2, { boost: 'diy', hours: [8, 20] }),
  card('home', 'Intratuin {TOWN}', [499, 12000], 1, { boost: 'gardening', hours: [9, 18] }),
  card('home', 'Blokker {TOWN}', [299, 5000], 1, { hours: [9, 18] }),
  card('leisure', 'Pathé {Town}', [1050, 3800], 2, { boost: 'film', hours: [13, 22] }),
  ideal('leisure', 'Pathé', 'Pathe tickets {order}', [1050, 3800], 1, { boost: 'film' }),
  card('leisure', 'Bruna {TOWN}', [250, 3000], 2, { boost: 'reading', hours: [9, 18] }),
  ideal('leisure', 'Ticketmaster', 'Ticketmaster order {order}', [3000, 15000], 1, { boost: 'music' }),
  card('leisure', 'Decathlon {TOWN}', [999, 12000], 1, { boost: 'sport', hours: [10, 20] }),
  ideal('leisure', 'Steam', 'Steam purchase {order}', [499, 5999], 1, { boost: 'gaming' }),
  ideal('leisure', 'Efteling', 'Efteling tickets {order}', [4200, 16000], 0.3),
  card('leisure', 'Bever {TOWN}', [1500, 15000], 0.5, { boost: 'outdoor', hours: [10, 18] }),
  ideal('travel', 'Transavia', 'Transavia boeking {order}', [6000, 45000], 0.6, { boost: 'travel' }),
  ideal('travel', 'KLM', 'KLM ticket {order}', [12000, 90000], 0.4, { boost: 'travel' }),
  ideal('travel', 'Booking.com', 'Booking.com reservering {order}', [8000, 70000], 0.8, { boost: 'travel' }),
  ideal('travel', 'Center Parcs', 'Center Parcs boeking {order}', [25000, 90000], 0.2, { boost: 'travel' }),
  card('other', 'Pets Place {TOWN}', [499, 6000], 1, { boost: 'pets', hours: [9, 18] }),
  ideal('other', 'Zooplus', 'zooplus bestelling {order}', [1500, 8000], 0.5, { boost: 'pets' }),
  card('other', 'PostNL {TOWN}', [150, 1500], 1, { hours: [9, 18] }),
  ideal('other', 'Tikkie', 'Tikkie ID {order} Etentje', [500, 4000], 2),
];

/** Local cafés and restaurants, picked per town so one town always has the same ones. */
export const CAFES = [
  'Cafe De Zwaan', 'Eetcafe De Buren', 'Grand Cafe Central', 'Lunchroom Bij Ons', 'Cafe Het Anker', 'Brasserie De Markt',
  'Pizzeria Da Marco', 'Cafe De Gouden Leeuw', 'Eethuis Istanbul', 'Sushi Sakura', 'Bistro De Kade', 'Wok Palace',
  'Cafe Hoppe', 'Strandpaviljoen Zuid', 'Snackbar De Hoek', 'Restaurant Het Wapen',
];

/** Share of a customer's free spending per category before interests and life stage adjust it. */
export const CATEGORY_SHARES: Partial<Record<Category, number>> = {
  groceries: 34, dining: 14, mobility: 10, drugstore: 6, fashion: 5, home: 6, electronics: 3, leisure: 6, travel: 1.5, other: 3,
};

/** What an interest does to the category mix. */
export const INTEREST_CATEGORY_BOOST: Partial<Record<Interest, Partial<Record<Category, number>>>> = {
  travel: { travel: 2.5 }, cooking: { groceries: 1.15, dining: 1.2 }, fashion: { fashion: 2.5 }, tech: { electronics: 2 },
  gaming: { electronics: 1.5, leisure: 1.3 }, gardening: { home: 1.8 }, diy: { home: 1.8 }, pets: { other: 2 },
  sport: { leisure: 1.3 }, music: { leisure: 1.3 }, film: { leisure: 1.3 }, reading: { leisure: 1.2 }, outdoor: { leisure: 1.3, travel: 1.3 },
};
