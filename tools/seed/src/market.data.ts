import type { SegmentNode } from '@dd/contract';
import type { Purpose } from '@dd/db';
import { seededUuid } from './ids';

/**
 * The marketplace's past: a few verified advertisers (no logins; the demo advertiser's own account
 * stays untouched for the README journey) and the segments they bought in the seeded months.
 */
export interface MarketAdvertiser {
  id: string;
  name: string;
  kvk_number: string;
  vat_number: string;
  contact_email: string;
  contact_name: string;
  industry: string;
  status: 'verified';
  address_street: string;
  address_postcode: string;
  address_city: string;
  address_country: 'NL';
}

const advertiser = (n: number, name: string, kvk: string, industry: string, contact: string, address: readonly [street: string, postcode: string, city: string]): MarketAdvertiser => ({
  id: seededUuid('demo', 'organisation', n),
  name,
  kvk_number: kvk,
  vat_number: `NL00${kvk.slice(0, 7)}B01`,
  contact_email: `advertiser-${n}@demo.datadividend.test`,
  contact_name: contact,
  industry,
  status: 'verified',
  address_street: address[0],
  address_postcode: address[1],
  address_city: address[2],
  address_country: 'NL',
});

export const MARKET_ADVERTISERS: readonly MarketAdvertiser[] = [
  advertiser(2, 'Reisbureau Zonvast B.V.', '90123457', 'travel', 'Eva Jansen', ['Stationsplein 12', '3511 CE', 'Utrecht']),
  advertiser(3, 'Kookwinkel De Pollepel B.V.', '90123458', 'home_garden', 'Daan Visser', ['Grote Markt 5', '9711 LV', 'Groningen']),
  advertiser(4, 'Stadsfiets Nederland B.V.', '90123459', 'mobility', 'Lotte Smit', ['Coolsingel 40', '3011 AD', 'Rotterdam']),
  advertiser(5, 'Muziekhuis Cadans B.V.', '90123460', 'media_entertainment', 'Bram Mulder', ['Stratumseind 20', '5611 ET', 'Eindhoven']),
];

export interface SaleTemplate {
  advertiser: number;
  purpose: Purpose;
  purposeStatement: string;
  tree: SegmentNode;
}

const adults: SegmentNode = { field: 'ageBand', in: ['25-34', '35-44'] };

/**
 * What was bought, round-robin over the seeded months. Offer campaigns (15 ct per member) pay members
 * far more than insight reports (2 ct), so most of the history is offers: at one sale a member earns
 * cents, and the demo customer needs many sales to reach the payout minimum (docs/PRODUCT.md, Money).
 */
export const SALE_TEMPLATES: readonly SaleTemplate[] = [
  { advertiser: 0, purpose: 'offers', purposeStatement: 'Een aanbieding voor een stedentrip naar mensen die graag reizen.', tree: { op: 'any', of: [{ field: 'interest', in: ['travel'] }, { field: 'spend', category: 'travel', min: 1, max: 5 }] } },
  { advertiser: 0, purpose: 'offers', purposeStatement: 'Korting op vliegvakanties voor reizigers uit Midden- en West-Nederland.', tree: { field: 'province', in: ['NL-UT', 'NL-GE', 'NL-NH', 'NL-ZH'] } },
  { advertiser: 0, purpose: 'offers', purposeStatement: 'Een vroegboekkorting voor mensen die al eens een reis boekten.', tree: { field: 'spend', category: 'travel', min: 1, max: 5 } },
  { advertiser: 1, purpose: 'offers', purposeStatement: 'Een kookworkshop aanbieden aan mensen die graag koken of uit eten gaan.', tree: { op: 'any', of: [{ field: 'interest', in: ['cooking'] }, { field: 'spend', category: 'dining', min: 1, max: 5 }] } },
  { advertiser: 1, purpose: 'offers', purposeStatement: 'Een kortingscode voor keukengerei voor kleine huishoudens.', tree: { field: 'householdBand', in: ['single', 'two'] } },
  { advertiser: 1, purpose: 'offers', purposeStatement: 'Een proefpakket met verse ingrediënten voor wie vaak boodschappen doet.', tree: { field: 'spend', category: 'groceries', min: 1, max: 5 } },
  { advertiser: 2, purpose: 'offers', purposeStatement: 'Een proefabonnement op een deelfiets voor stedelingen in de Randstad.', tree: { field: 'province', in: ['NL-UT', 'NL-NH', 'NL-ZH'] } },
  { advertiser: 2, purpose: 'offers', purposeStatement: 'Een fietsonderhoudsbeurt met korting voor mensen tussen 25 en 45.', tree: adults },
  { advertiser: 3, purpose: 'offers', purposeStatement: 'Kaartjes voor een concertreeks voor liefhebbers van muziek, film of techniek.', tree: { field: 'interest', in: ['music', 'tech', 'film', 'gaming'] } },
  { advertiser: 3, purpose: 'insights', purposeStatement: 'Weten welke regio’s het meest uitgeven aan uit eten en uitgaan.', tree: { field: 'spend', category: 'dining', min: 1, max: 5 } },
];

/** Sales over the whole seeded window, whatever its length. */
export const SALES_IN_HISTORY = 300;
/**
 * A past delivery went ahead only when its true audience was comfortably above k = 100 (the live
 * rule applies k to a noisy count), and reached at most this many members (the campaign's cap).
 */
export const HISTORY_MIN_AUDIENCE = 150;
export const HISTORY_MAX_AUDIENCE = 1_000;

export const saleKey = (seed: number, n: number) => `seed-sale:${seed}:${n}`;

/**
 * The README's example segment for the demo advertiser ("Demo Adverteerder B.V.", retail): people
 * who spend on travel. At `--customers 2000` its true eligible audience is well above k = 100 for an
 * insight report and for an offer campaign (seed.market.int.spec.ts checks ≥ 200), so the noisy
 * estimate shows a number; narrowing it to province Utrecht leaves about 80 (true count, insights).
 */
export const README_EXAMPLE_SEGMENT: SegmentNode = { field: 'spend', category: 'travel', min: 1, max: 5 };
