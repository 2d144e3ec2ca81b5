import { InvalidPostcodeError } from './categories.errors';
import { POSTCODE_AREAS } from './postcode-areas.data';
import type { ProvinceCode } from './provinces';

export interface PostcodeRegion {
  province: ProvinceCode;
  /** Only for the largest municipalities; null elsewhere (see postcode-areas.data.ts). */
  municipality: string | null;
}

// Four digits (no leading zero) and optionally two letters; SA, SD and SS are never issued.
const POSTCODE = /^([1-9][0-9]{3})\s?(?!SA|SD|SS)([A-Z]{2})?$/;

/**
 * Reduces a postcode to province and municipality. The full postcode is never returned or kept:
 * callers store only this result. Throws InvalidPostcodeError for anything that is not a Dutch
 * postcode, or one outside every known area.
 */
export function regionForPostcode(postcode: string): PostcodeRegion {
  const match = POSTCODE.exec(postcode.trim().toUpperCase());
  const digits = match?.[1];
  if (!digits) throw new InvalidPostcodeError('Enter a Dutch postcode, for example 1012 AB.');
  const area = Number(digits);
  let low = 0;
  let high = POSTCODE_AREAS.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const entry = POSTCODE_AREAS[middle];
    if (!entry) break;
    const [first, last, province, municipality] = entry;
    if (area < first) high = middle - 1;
    else if (area > last) low = middle + 1;
    else return { province, municipality };
  }
  throw new InvalidPostcodeError('We do not recognise this postcode. Check it, or leave the field empty.');
}
