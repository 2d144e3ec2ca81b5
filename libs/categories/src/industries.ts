import { z } from 'zod';
import type { LocalisedText } from './category.catalogue';

/**
 * Advertiser industries. A customer can exclude any of them ("never for gambling"); an advertiser
 * declares one when registering. Codes are a persistent contract, like category codes.
 *
 * `sensitive` marks industries whose offers can do harm to someone who is vulnerable to them
 * (addiction, debt, weapons, adult content). The consent centre shows them first and suggests
 * excluding them; it never excludes anything on the customer's behalf.
 */
export const INDUSTRY_CODES = [
  'gambling', 'betting', 'lottery', 'alcohol', 'tobacco_vaping', 'cannabis', 'credit_loans',
  'buy_now_pay_later', 'crypto', 'trading_investments', 'weapons', 'adult', 'dating', 'political_advertising',
  'retail', 'groceries', 'fashion', 'electronics', 'home_garden', 'travel', 'hospitality', 'energy',
  'telecom', 'finance_banking', 'insurance', 'food_beverages', 'automotive', 'mobility', 'media_entertainment',
  'gaming', 'sports_fitness', 'beauty_personal_care', 'health_wellness', 'pets', 'kids_family',
  'education', 'real_estate', 'charities', 'public_sector',
] as const;
export type IndustryCode = (typeof INDUSTRY_CODES)[number];

export const industryCodeSchema = z.enum(INDUSTRY_CODES);

export interface Industry {
  code: IndustryCode;
  label: LocalisedText;
  sensitive: boolean;
}

const DEFINITIONS: Record<IndustryCode, Omit<Industry, 'code'>> = {
  gambling: { sensitive: true, label: { nl: 'Gokken en casino', en: 'Gambling and casinos' } },
  betting: { sensitive: true, label: { nl: 'Sportweddenschappen', en: 'Sports betting' } },
  lottery: { sensitive: true, label: { nl: 'Loterijen', en: 'Lotteries' } },
  alcohol: { sensitive: true, label: { nl: 'Alcohol', en: 'Alcohol' } },
  tobacco_vaping: { sensitive: true, label: { nl: 'Tabak en vapes', en: 'Tobacco and vaping' } },
  cannabis: { sensitive: true, label: { nl: 'Cannabis en coffeeshops', en: 'Cannabis' } },
  credit_loans: { sensitive: true, label: { nl: 'Leningen en krediet', en: 'Credit and loans' } },
  buy_now_pay_later: { sensitive: true, label: { nl: 'Achteraf betalen', en: 'Buy now, pay later' } },
  crypto: { sensitive: true, label: { nl: 'Cryptovaluta', en: 'Crypto' } },
  trading_investments: { sensitive: true, label: { nl: 'Beleggen en traden', en: 'Trading and speculative investing' } },
  weapons: { sensitive: true, label: { nl: 'Wapens', en: 'Weapons' } },
  adult: { sensitive: true, label: { nl: 'Erotiek en volwassenen', en: 'Adult content' } },
  dating: { sensitive: true, label: { nl: 'Dating', en: 'Dating' } },
  political_advertising: { sensitive: true, label: { nl: 'Politieke reclame', en: 'Political advertising' } },
  retail: { sensitive: false, label: { nl: 'Detailhandel', en: 'Retail' } },
  groceries: { sensitive: false, label: { nl: 'Supermarkten', en: 'Supermarkets' } },
  fashion: { sensitive: false, label: { nl: 'Mode', en: 'Fashion' } },
  electronics: { sensitive: false, label: { nl: 'Elektronica', en: 'Electronics' } },
  home_garden: { sensitive: false, label: { nl: 'Wonen en tuin', en: 'Home and garden' } },
  travel: { sensitive: false, label: { nl: 'Reizen', en: 'Travel' } },
  hospitality: { sensitive: false, label: { nl: 'Horeca', en: 'Hospitality' } },
  energy: { sensitive: false, label: { nl: 'Energie', en: 'Energy' } },
  telecom: { sensitive: false, label: { nl: 'Telecom', en: 'Telecom' } },
  finance_banking: { sensitive: false, label: { nl: 'Bankieren', en: 'Banking' } },
  insurance: { sensitive: false, label: { nl: 'Verzekeringen', en: 'Insurance' } },
  food_beverages: { sensitive: false, label: { nl: 'Eten en drinken', en: 'Food and beverages' } },
  automotive: { sensitive: false, label: { nl: 'Auto', en: 'Automotive' } },
  mobility: { sensitive: false, label: { nl: 'Vervoer', en: 'Mobility' } },
  media_entertainment: { sensitive: false, label: { nl: 'Media en entertainment', en: 'Media and entertainment' } },
  gaming: { sensitive: false, label: { nl: 'Games', en: 'Video games' } },
  sports_fitness: { sensitive: false, label: { nl: 'Sport en fitness', en: 'Sports and fitness' } },
  beauty_personal_care: { sensitive: false, label: { nl: 'Beauty en verzorging', en: 'Beauty and personal care' } },
  health_wellness: { sensitive: false, label: { nl: 'Welzijn (geen zorg)', en: 'Wellness (not healthcare)' } },
  pets: { sensitive: false, label: { nl: 'Huisdieren', en: 'Pets' } },
  kids_family: { sensitive: false, label: { nl: 'Kinderen en gezin', en: 'Kids and family' } },
  education: { sensitive: false, label: { nl: 'Onderwijs', en: 'Education' } },
  real_estate: { sensitive: false, label: { nl: 'Vastgoed', en: 'Real estate' } },
  charities: { sensitive: false, label: { nl: 'Goede doelen', en: 'Charities' } },
  public_sector: { sensitive: false, label: { nl: 'Overheid', en: 'Public sector' } },
};

export const INDUSTRIES: readonly Industry[] = INDUSTRY_CODES.map((code) => ({ code, ...DEFINITIONS[code] }));

export const SENSITIVE_INDUSTRIES: readonly IndustryCode[] = INDUSTRIES.filter((industry) => industry.sensitive).map((industry) => industry.code);

export function isSensitiveIndustry(code: IndustryCode): boolean {
  return DEFINITIONS[code].sensitive;
}
