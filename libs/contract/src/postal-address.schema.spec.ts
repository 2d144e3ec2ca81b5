import { describe, expect, it } from 'vitest';
import { postalAddressSchema } from './postal-address.schema';

const messagesOf = (input: unknown) => {
  const result = postalAddressSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('a postal address', () => {
  it('accepts a Dutch address, writes the postcode as PostNL does and takes NL as the default country', () => {
    expect(postalAddressSchema.parse({ street: ' Oudegracht 123 ', postcode: '3511ab', city: 'Utrecht' })).toEqual({
      street: 'Oudegracht 123',
      postcode: '3511 AB',
      city: 'Utrecht',
      country: 'NL',
    });
    expect(postalAddressSchema.parse({ street: 'Keizersgracht 100-2', postcode: '1015  aa', city: 'Amsterdam', country: 'nl' }).postcode).toBe('1015 AA');
  });

  it('refuses a postcode that is not Dutch when the country is NL, naming the field', () => {
    for (const postcode of ['0123 AB', '123 AB', '1234', '1234 A1', '1234 SS', 'B-1000']) {
      expect(messagesOf({ street: 'Oudegracht 1', postcode, city: 'Utrecht', country: 'NL' }), postcode).toEqual(['postcode: organisation:validation.postcodeInvalid']);
    }
  });

  it('keeps other countries’ postcodes as written, upper-cased', () => {
    expect(postalAddressSchema.parse({ street: 'Rue de la Loi 16', postcode: '1000', city: 'Brussel', country: 'BE' })).toMatchObject({ postcode: '1000', country: 'BE' });
    expect(postalAddressSchema.parse({ street: '10 Downing Street', postcode: 'sw1a 2aa', city: 'London', country: 'GB' }).postcode).toBe('SW1A 2AA');
  });

  it('asks for every part, a house number in the street and a two-letter country code', () => {
    expect(messagesOf({ street: '', postcode: '', city: '', country: 'NL' })).toEqual(
      expect.arrayContaining(['street: organisation:validation.streetRequired', 'postcode: organisation:validation.postcodeRequired', 'city: organisation:validation.cityRequired']),
    );
    expect(messagesOf({ street: 'Oudegracht', postcode: '3511 AB', city: 'Utrecht' })).toEqual(['street: organisation:validation.streetNumberMissing']);
    expect(messagesOf({ street: 'Oudegracht 1', postcode: '3511 AB', city: 'Utrecht', country: 'Nederland' })).toEqual(['country: organisation:validation.countryInvalid']);
  });
});
