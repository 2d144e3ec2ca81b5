import { describe, expect, it } from 'vitest';
import { updateProfileInput, type ProfileDto } from '@dd/contract';
import { validateFields } from '../auth/form-errors';
import { PROFILE_FIELDS, profileFormValues, toProfileInput } from './profile-input';

const profile: ProfileDto = {
  birthYear: 1990,
  province: 'UT',
  municipality: 'Utrecht',
  householdSize: 2,
  interests: ['cycling'],
  isAdult: true,
  features: null,
};

const check = (values: Parameters<typeof toProfileInput>[0]) => validateFields(updateProfileInput, toProfileInput(values), PROFILE_FIELDS);

describe('profile form', () => {
  it('starts from the stored profile, with an empty postcode', () => {
    expect(profileFormValues(profile)).toEqual({ birthYear: '1990', postcode: '', householdSize: '2', interests: ['cycling'] });
  });

  it('sends numbers, clears emptied fields and keeps the region when no postcode is typed', () => {
    expect(toProfileInput({ birthYear: ' 1990 ', postcode: '', householdSize: '', interests: [] })).toEqual({
      birthYear: 1990,
      householdSize: null,
      interests: [],
    });
    expect(toProfileInput({ birthYear: '', postcode: ' 3511 ab ', householdSize: '3', interests: ['cycling'] })).toEqual({
      birthYear: null,
      postcode: '3511 ab',
      householdSize: 3,
      interests: ['cycling'],
    });
  });

  it('reports each field with its own message', () => {
    expect(check({ birthYear: '19x0', postcode: '12345', householdSize: 'twee', interests: [] })).toEqual({
      ok: false,
      fieldErrors: { birthYear: 'validation.birthYearInvalid', postcode: 'validation.postcodeInvalid', householdSize: 'validation.householdInvalid' },
    });
    expect(check({ birthYear: '1850', postcode: '', householdSize: '21', interests: [] })).toEqual({
      ok: false,
      fieldErrors: { birthYear: 'validation.birthYearInvalid', householdSize: 'validation.householdInvalid' },
    });
    expect(check({ birthYear: '', postcode: '', householdSize: '', interests: Array.from({ length: 16 }, (_, i) => `i${i}`) })).toEqual({
      ok: false,
      fieldErrors: { interests: 'validation.tooManyInterests' },
    });
  });

  it('accepts a complete, valid profile', () => {
    expect(check({ birthYear: '1990', postcode: '3511AB', householdSize: '2', interests: ['cycling'] }).ok).toBe(true);
  });
});
