import { z } from 'zod';
import { singleLine } from './text.schema';

/** Dutch postcodes: four digits not starting with 0, two letters (SA, SD and SS are not issued). */
export const DUTCH_POSTCODE_PATTERN = /^[1-9][0-9]{3}(?!SA|SD|SS)[A-Z]{2}$/;

/** "1012ab", "1012 AB" → "1012 AB", the way PostNL writes it; other countries' postcodes are kept as typed, upper-cased. */
export function normalisePostcode(postcode: string, country: string): string {
  const compact = postcode.replace(/\s+/g, '').toUpperCase();
  return country === 'NL' && DUTCH_POSTCODE_PATTERN.test(compact) ? `${compact.slice(0, 4)} ${compact.slice(4)}` : postcode.trim().replace(/\s+/g, ' ').toUpperCase();
}

/**
 * An organisation's postal address, printed as the buyer's address on its invoices. The country is an ISO 3166-1
 * alpha-2 code (NL by default); a Dutch postcode must have the Dutch shape. Messages are keys of the portal's
 * `organisation` namespace.
 */
export const postalAddressSchema = z
  .object({
    /** Street and house number, as one line ("Oudegracht 123 bis"). */
    street: singleLine({ min: 3, max: 200, messages: { required: 'organisation:validation.streetRequired', tooLong: 'organisation:validation.streetTooLong' } }).refine(
      (street) => /\p{L}/u.test(street) && /\d/.test(street),
      'organisation:validation.streetNumberMissing',
    ),
    postcode: singleLine({ min: 1, max: 12, messages: { required: 'organisation:validation.postcodeRequired', tooLong: 'organisation:validation.postcodeInvalid' } }),
    city: singleLine({ min: 2, max: 100, messages: { required: 'organisation:validation.cityRequired', tooLong: 'organisation:validation.cityTooLong' } }),
    country: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, 'organisation:validation.countryInvalid')
      .default('NL'),
  })
  .superRefine((address, ctx) => {
    if (address.country === 'NL' && !DUTCH_POSTCODE_PATTERN.test(address.postcode.replace(/\s+/g, '').toUpperCase())) {
      ctx.addIssue({ code: 'custom', path: ['postcode'], message: 'organisation:validation.postcodeInvalid' });
    }
  })
  .transform((address) => ({ ...address, postcode: normalisePostcode(address.postcode, address.country) }));
export type PostalAddressInput = z.input<typeof postalAddressSchema>;
export type PostalAddress = z.output<typeof postalAddressSchema>;

/** The address as stored and shown. */
export const postalAddressOutputSchema = z.object({ street: z.string(), postcode: z.string(), city: z.string(), country: z.string() });
export type PostalAddressOutput = z.infer<typeof postalAddressOutputSchema>;
