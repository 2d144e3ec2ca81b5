import {
  HOUSEHOLD_BANDS,
  HOUSEHOLD_BAND_LABELS,
  PROVINCE_CODES,
  SEGMENTABLE_AGE_BANDS,
  SPEND_BAND_THRESHOLDS_CENTS,
  type LocalisedText,
} from '@dd/categories';
import { SEGMENT_LIMITS, type SegmentOptions } from '@dd/contract';
import { knownMunicipalities } from './segment.categories';

/** "25-34" → "25–34 jaar" / "25–34", "65+" → "65 jaar of ouder" / "65 or over", as the description reads them. */
function ageBandLabel(band: string): LocalisedText {
  const [from, to] = band.replace('+', '').split('-');
  if (to === undefined) return { nl: `${from} jaar of ouder`, en: `${from} or over` };
  return { nl: `${from}–${to} jaar`, en: `${from}–${to}` };
}

let options: SegmentOptions | undefined;

/**
 * The values the segment builder offers, from the same lists the validator checks against: adult
 * age bands only, every municipality a customer's features can hold (by province, alphabetically),
 * and the euro meaning of each spend band a criterion may name.
 */
export function segmentOptions(): SegmentOptions {
  if (!options) {
    const municipalities = [...knownMunicipalities()];
    options = {
      ageBands: SEGMENTABLE_AGE_BANDS.map((code) => ({ code, label: ageBandLabel(code) })),
      householdBands: HOUSEHOLD_BANDS.map((code) => ({ code, label: HOUSEHOLD_BAND_LABELS[code] })),
      municipalities: PROVINCE_CODES.map((province) => ({
        province,
        municipalities: municipalities
          .filter(([, of]) => of === province)
          .map(([name]) => name)
          .sort((a, b) => a.replace(/^'s-/, '').localeCompare(b.replace(/^'s-/, ''), 'nl')),
      })).filter((group) => group.municipalities.length > 0),
      spendBands: Array.from({ length: SEGMENT_LIMITS.maxSpendBand - SEGMENT_LIMITS.minSpendBand + 1 }, (_, index) => {
        const band = SEGMENT_LIMITS.minSpendBand + index;
        return { band, fromCents: SPEND_BAND_THRESHOLDS_CENTS[band - 2] ?? null, toCents: SPEND_BAND_THRESHOLDS_CENTS[band - 1] ?? null };
      }),
    };
  }
  return options;
}
