import { z } from 'zod';
import type { LocalisedText } from './category.catalogue';

/** The twelve provinces, keyed by their ISO 3166-2:NL codes. */
export const PROVINCE_CODES = ['NL-GR', 'NL-FR', 'NL-DR', 'NL-OV', 'NL-FL', 'NL-GE', 'NL-UT', 'NL-NH', 'NL-ZH', 'NL-ZE', 'NL-NB', 'NL-LI'] as const;
export type ProvinceCode = (typeof PROVINCE_CODES)[number];
export const provinceCodeSchema = z.enum(PROVINCE_CODES);

export const PROVINCES: Record<ProvinceCode, LocalisedText> = {
  'NL-GR': { nl: 'Groningen', en: 'Groningen' },
  'NL-FR': { nl: 'Fryslân', en: 'Friesland' },
  'NL-DR': { nl: 'Drenthe', en: 'Drenthe' },
  'NL-OV': { nl: 'Overijssel', en: 'Overijssel' },
  'NL-FL': { nl: 'Flevoland', en: 'Flevoland' },
  'NL-GE': { nl: 'Gelderland', en: 'Gelderland' },
  'NL-UT': { nl: 'Utrecht', en: 'Utrecht' },
  'NL-NH': { nl: 'Noord-Holland', en: 'North Holland' },
  'NL-ZH': { nl: 'Zuid-Holland', en: 'South Holland' },
  'NL-ZE': { nl: 'Zeeland', en: 'Zeeland' },
  'NL-NB': { nl: 'Noord-Brabant', en: 'North Brabant' },
  'NL-LI': { nl: 'Limburg', en: 'Limburg' },
};
