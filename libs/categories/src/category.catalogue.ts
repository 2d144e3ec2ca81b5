import { z } from 'zod';

/**
 * The fixed list of spending categories. Codes are a persistent contract: they are stored on every
 * transaction, in consent records and in segment criteria, so a code is never renamed or reused.
 *
 * Kinds:
 * - `sellable`: may appear in anonymised aggregates, but only where the customer consented.
 * - `special`: GDPR art. 9 data (health, religion, political opinions, trade-union membership, sex
 *   life). Recognised so the customer can see it, never sellable, never a segment criterion.
 * - `protected_life_event`: inferred life events (pregnancy, fertility, baby products, and childcare,
 *   which usually starts a few months after a birth). Treated exactly like special categories: a
 *   store mailing baby offers to a pregnant teenager is the harm we prevent.
 * - `internal`: money movements that are not shopping (income, own transfers, cash, savings,
 *   taxes, housing, insurance, debt, donations, gambling). They say far more about a person's
 *   finances, health of their wallet or convictions than about their tastes, so they are never
 *   sold either; they exist so the customer's overview adds up.
 */
export const CATEGORY_KINDS = ['sellable', 'special', 'protected_life_event', 'internal'] as const;
export type CategoryKind = (typeof CATEGORY_KINDS)[number];

export const CATEGORY_CODES = [
  // sellable
  'groceries', 'drugstore', 'fashion', 'dining', 'travel', 'mobility', 'energy', 'home', 'electronics',
  'leisure', 'telecom', 'subscriptions', 'sport', 'pets', 'kids', 'other',
  // special (GDPR art. 9)
  'health', 'religion', 'politics', 'trade_union', 'sexual_life',
  // protected life event
  'pregnancy_baby', 'childcare',
  // internal
  'income', 'benefits', 'own_transfer', 'savings', 'cash', 'taxes', 'housing', 'insurance', 'debt',
  'charity', 'gambling',
] as const;
export type CategoryCode = (typeof CATEGORY_CODES)[number];

export const categoryCodeSchema = z.enum(CATEGORY_CODES);

export interface LocalisedText {
  nl: string;
  en: string;
}

export interface Category {
  code: CategoryCode;
  kind: CategoryKind;
  label: LocalisedText;
  /** One sentence for the consent centre: what sharing this category means, or why it is never shared. */
  explanation: LocalisedText;
}

type Definition = Omit<Category, 'code'>;

const sellable = (labelNl: string, labelEn: string, whatNl: string, whatEn: string): Definition => ({
  kind: 'sellable',
  label: { nl: labelNl, en: labelEn },
  explanation: {
    nl: `Als je dit deelt, tellen je uitgaven aan ${whatNl} mee in anonieme totalen; niemand ziet je naam, je winkels of je losse betalingen.`,
    en: `If you share this, your spending on ${whatEn} counts towards anonymous totals; nobody sees your name, your shops or your individual payments.`,
  },
});

const neverShared = (kind: Exclude<CategoryKind, 'sellable'>, labelNl: string, labelEn: string, whyNl: string, whyEn: string): Definition => ({
  kind,
  label: { nl: labelNl, en: labelEn },
  explanation: { nl: whyNl, en: whyEn },
});

const SPECIAL_NL = 'We herkennen dit alleen zodat jij het in je eigen overzicht ziet; het wordt nooit verkocht en nooit gebruikt om doelgroepen te maken.';
const SPECIAL_EN = 'We only recognise this so you can see it in your own overview; it is never sold and never used to build audiences.';
const INTERNAL_NL = 'Dit is geen winkelgedrag maar geldverkeer; het blijft in je eigen overzicht en wordt nooit gedeeld.';
const INTERNAL_EN = 'This is money movement rather than shopping; it stays in your own overview and is never shared.';

const DEFINITIONS: Record<CategoryCode, Definition> = {
  groceries: sellable('Boodschappen', 'Groceries', 'supermarkten, bakkers en speciaalzaken voor eten', 'supermarkets, bakeries and food shops'),
  drugstore: sellable('Drogisterij en verzorging', 'Drugstore and personal care', 'drogisterijen, parfumerieën en kappers (geen apotheek)', 'drugstores, perfumeries and hairdressers (not pharmacies)'),
  fashion: sellable('Kleding en schoenen', 'Fashion', 'kleding, schoenen en accessoires', 'clothing, shoes and accessories'),
  dining: sellable('Uit eten en bezorging', 'Dining and takeaway', 'restaurants, cafés en maaltijdbezorging', 'restaurants, cafés and food delivery'),
  travel: sellable('Reizen', 'Travel', 'vliegtickets, hotels, vakantieparken en internationale treinen', 'flights, hotels, holiday parks and international trains'),
  mobility: sellable('Vervoer', 'Mobility', 'openbaar vervoer, brandstof, laden, parkeren en deelvervoer', 'public transport, fuel, charging, parking and shared vehicles'),
  energy: sellable('Energie en water', 'Energy and water', 'stroom, gas, warmte en drinkwater', 'electricity, gas, heating and drinking water'),
  home: sellable('Wonen en tuin', 'Home and garden', 'meubels, woonwinkels, bouwmarkten en tuincentra', 'furniture, home stores, DIY and garden centres'),
  electronics: sellable('Elektronica', 'Electronics', 'elektronica- en computerwinkels', 'electronics and computer shops'),
  leisure: sellable('Vrije tijd en cultuur', 'Leisure and culture', 'bioscoop, musea, pretparken, concerten, boeken en games', 'cinema, museums, theme parks, concerts, books and games'),
  telecom: sellable('Telefoon en internet', 'Phone and internet', 'mobiele abonnementen, internet en tv-aansluitingen', 'mobile plans, internet and TV connections'),
  subscriptions: sellable('Streaming en digitale abonnementen', 'Streaming and digital subscriptions', 'streamingdiensten, apps, cloudopslag en kranten', 'streaming services, apps, cloud storage and newspapers'),
  sport: sellable('Sport', 'Sport', 'sportscholen, sportclubs en sportwinkels', 'gyms, sports clubs and sports shops'),
  pets: sellable('Huisdieren', 'Pets', 'dierenwinkels, dierenartsen en dierenoppas', 'pet shops, vets and pet care'),
  // Sellable for toys, school costs and activities of children who already go to school. Day care and
  // everything for babies or a pregnancy are protected life events instead: the first day-care bill
  // arrives a few months after a birth, which is exactly the inference we refuse to sell.
  kids: sellable('Kinderen', 'Children', 'speelgoed, schoolkosten en activiteiten voor kinderen (geen babyspullen of kinderopvang)', 'toys, school costs and activities for children (not baby products or childcare)'),
  other: sellable('Overig', 'Other', 'betalingen die we niet nader kunnen indelen, zoals algemene webwinkels', 'payments we cannot place more precisely, such as general web shops'),

  health: neverShared('special', 'Gezondheid', 'Health', SPECIAL_NL, SPECIAL_EN),
  religion: neverShared('special', 'Religie en levensbeschouwing', 'Religion and belief', SPECIAL_NL, SPECIAL_EN),
  politics: neverShared('special', 'Politieke partijen', 'Political parties', SPECIAL_NL, SPECIAL_EN),
  trade_union: neverShared('special', 'Vakbond', 'Trade union', SPECIAL_NL, SPECIAL_EN),
  sexual_life: neverShared('special', 'Seksleven en dating', 'Sex life and dating', SPECIAL_NL, SPECIAL_EN),

  pregnancy_baby: neverShared(
    'protected_life_event',
    'Zwangerschap en baby',
    'Pregnancy and baby',
    'Uit deze uitgaven kan een zwangerschap of geboorte worden afgeleid; we tonen ze alleen aan jou en delen ze nooit.',
    'These payments can reveal a pregnancy or a birth; we only show them to you and never share them.',
  ),
  // A bank line rarely tells a baby group from after-school care at the same provider, so all day
  // care is protected rather than only the part for babies.
  childcare: neverShared(
    'protected_life_event',
    'Kinderopvang',
    'Childcare',
    'Betalingen voor kinderopvang verraden vaak een recente geboorte; we tonen ze alleen aan jou en delen ze nooit.',
    'Childcare payments often reveal a recent birth; we only show them to you and never share them.',
  ),

  income: neverShared('internal', 'Inkomen', 'Income', INTERNAL_NL, INTERNAL_EN),
  benefits: neverShared('internal', 'Uitkeringen en toeslagen', 'Benefits and allowances', INTERNAL_NL, INTERNAL_EN),
  own_transfer: neverShared('internal', 'Eigen rekeningen', 'Own accounts', INTERNAL_NL, INTERNAL_EN),
  savings: neverShared('internal', 'Sparen en beleggen', 'Savings and investments', INTERNAL_NL, INTERNAL_EN),
  cash: neverShared('internal', 'Contant geld', 'Cash', INTERNAL_NL, INTERNAL_EN),
  taxes: neverShared('internal', 'Belastingen, boetes en overheid', 'Taxes, fines and government', INTERNAL_NL, INTERNAL_EN),
  housing: neverShared('internal', 'Huur en hypotheek', 'Rent and mortgage', INTERNAL_NL, INTERNAL_EN),
  insurance: neverShared('internal', 'Verzekeringen', 'Insurance', INTERNAL_NL, INTERNAL_EN),
  debt: neverShared('internal', 'Leningen en schulden', 'Loans and debt', INTERNAL_NL, INTERNAL_EN),
  charity: neverShared('internal', 'Goede doelen', 'Charities', INTERNAL_NL, INTERNAL_EN),
  gambling: neverShared('internal', 'Kansspelen', 'Gambling', INTERNAL_NL, INTERNAL_EN),
};

export const CATEGORIES: readonly Category[] = CATEGORY_CODES.map((code) => ({ code, ...DEFINITIONS[code] }));

const BY_CODE = new Map<string, Category>(CATEGORIES.map((category) => [category.code, category]));

export function isCategoryCode(value: string): value is CategoryCode {
  return BY_CODE.has(value);
}

export function getCategory(code: CategoryCode): Category {
  // The map is built from DEFINITIONS, which the type system forces to cover every code.
  return BY_CODE.get(code) as Category;
}

const codesOfKind = <K extends CategoryKind>(...kinds: K[]): CategoryCode[] =>
  CATEGORIES.filter((category) => (kinds as CategoryKind[]).includes(category.kind)).map((category) => category.code);

export const SELLABLE_CATEGORIES = codesOfKind('sellable');
export const SPECIAL_CATEGORIES = codesOfKind('special');
export const PROTECTED_LIFE_EVENT_CATEGORIES = codesOfKind('protected_life_event');
export const INTERNAL_CATEGORIES = codesOfKind('internal');
/** Everything that may only ever be shown to the customer themselves. */
export const RESTRICTED_CATEGORIES = codesOfKind('special', 'protected_life_event');

const SELLABLE = new Set<string>(SELLABLE_CATEGORIES);
const RESTRICTED = new Set<string>(RESTRICTED_CATEGORIES);

/** Fails closed: an unknown or misspelt code is not sellable. */
export function isSellable(code: string): boolean {
  return SELLABLE.has(code);
}

/** Special categories and protected life events: shown to the customer, in their export, nowhere else. */
export function isRestricted(code: string): boolean {
  return RESTRICTED.has(code);
}

/** Segment criteria and consent-for-sale choices accept only these codes. */
export const sellableCategorySchema = categoryCodeSchema.refine(isSellable, {
  message: 'This category can never be shared or used in a segment.',
});
