import { describe, expect, it } from 'vitest';
import { InvalidPostcodeError } from './categories.errors';
import { POSTCODE_AREAS } from './postcode-areas.data';
import { regionForPostcode } from './postcode-lookup';
import { PROVINCE_CODES } from './provinces';

describe('postcode to region', () => {
  it.each([
    ['1012 AB', 'NL-NH', 'Amsterdam'],
    ['1382 KL', 'NL-NH', 'Amsterdam'], // Weesp, part of Amsterdam since 2022
    ['2011 VB', 'NL-NH', 'Haarlem'],
    ['2132 JK', 'NL-NH', 'Haarlemmermeer'],
    ['1621 AA', 'NL-NH', null],
    ['2511 CV', 'NL-ZH', "'s-Gravenhage"],
    ['3011 AA', 'NL-ZH', 'Rotterdam'],
    ['2311 EZ', 'NL-ZH', 'Leiden'],
    ['2801 AA', 'NL-ZH', null],
    ['3511 AX', 'NL-UT', 'Utrecht'],
    ['3811 AA', 'NL-UT', 'Amersfoort'],
    ['4141 AA', 'NL-UT', null], // Leerdam, Utrecht since Vijfheerenlanden (2019)
    ['4331 AA', 'NL-ZE', null],
    ['4381 AA', 'NL-ZE', null],
    ['4811 AA', 'NL-NB', 'Breda'],
    ['5611 AA', 'NL-NB', 'Eindhoven'],
    ['5038 AA', 'NL-NB', 'Tilburg'],
    ['5211 AA', 'NL-NB', "'s-Hertogenbosch"],
    ['6211 AA', 'NL-LI', 'Maastricht'],
    ['5911 AA', 'NL-LI', 'Venlo'],
    ['6411 AA', 'NL-LI', null],
    ['6511 AA', 'NL-GE', 'Nijmegen'],
    ['6811 AA', 'NL-GE', 'Arnhem'],
    ['7311 AA', 'NL-GE', 'Apeldoorn'],
    ['6711 AA', 'NL-GE', 'Ede'],
    ['7511 AA', 'NL-OV', 'Enschede'],
    ['8011 AA', 'NL-OV', 'Zwolle'],
    ['7411 AA', 'NL-OV', 'Deventer'],
    ['1315 AA', 'NL-FL', 'Almere'],
    ['8232 AA', 'NL-FL', null],
    ['9711 AA', 'NL-GR', 'Groningen'],
    ['9751 AA', 'NL-GR', 'Groningen'], // Haren, part of Groningen since 2019
    ['9401 AA', 'NL-DR', null],
    ['7811 AA', 'NL-DR', 'Emmen'],
    ['8911 AA', 'NL-FR', 'Leeuwarden'],
    ['9051 AA', 'NL-FR', 'Leeuwarden'], // Stiens, part of Leeuwarden since 2018
    ['8601 AA', 'NL-FR', null],
  ])('%s is in %s, %s', (postcode, province, municipality) => {
    expect(regionForPostcode(postcode)).toEqual({ province, municipality });
  });

  it('accepts the usual ways of writing a postcode', () => {
    for (const written of ['1012AB', '1012 ab', ' 1012 AB ', '1012']) expect(regionForPostcode(written).municipality).toBe('Amsterdam');
  });

  it.each(['', '0123 AB', '123 AB', '12345', '1012 A', '1012 ABC', 'AB 1012', '1012 SA', '1012 SS', '1012-AB', 'abcd'])('rejects %j', (input) => {
    expect(() => regionForPostcode(input)).toThrow(InvalidPostcodeError);
  });

  it('says so when a well-formed postcode is in no known area', () => {
    expect(() => regionForPostcode('1370 AA')).toThrow(/do not recognise/);
  });

  it('has sorted, non-overlapping ranges covering all twelve provinces', () => {
    let previous = 999;
    for (const [first, last] of POSTCODE_AREAS) {
      expect(first).toBeGreaterThan(previous);
      expect(last).toBeGreaterThanOrEqual(first);
      previous = last;
    }
    expect(new Set(POSTCODE_AREAS.map(([, , province]) => province))).toEqual(new Set(PROVINCE_CODES));
  });
});
