import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { postalAddressSchema, type PostalAddress, type PostalAddressOutput } from '@dd/contract';
import { TextField } from '@dd/ui';
import { fieldErrorText } from '../../app/field-error-text';
import type { FieldErrors } from '../auth/form-errors';

export const ADDRESS_FIELDS = ['street', 'postcode', 'city', 'country'] as const;
export type AddressField = (typeof ADDRESS_FIELDS)[number];
export type AddressValues = Record<AddressField, string>;

export const emptyAddress = (address?: PostalAddressOutput | null): AddressValues => ({
  street: address?.street ?? '',
  postcode: address?.postcode ?? '',
  city: address?.city ?? '',
  country: address?.country ?? 'NL',
});

/**
 * The address as the API takes it, checked with the contract's rules. Left out while street, postcode and city
 * are all empty: the address is optional, but once begun every part is asked for.
 */
export function validateAddress(values: AddressValues): { ok: true; address: PostalAddress | undefined } | { ok: false; fieldErrors: FieldErrors<AddressField> } {
  if (values.street.trim() === '' && values.postcode.trim() === '' && values.city.trim() === '') return { ok: true, address: undefined };
  const result = postalAddressSchema.safeParse(values);
  if (result.success) return { ok: true, address: result.data };
  const fieldErrors: FieldErrors<AddressField> = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0] as AddressField;
    if (ADDRESS_FIELDS.includes(field) && !fieldErrors[field]) fieldErrors[field] = issue.message;
  }
  return { ok: false, fieldErrors };
}

const MAX_LENGTH: Record<AddressField, number> = { street: 200, postcode: 12, city: 100, country: 2 };
const AUTOCOMPLETE: Record<AddressField, string> = { street: 'street-address', postcode: 'postal-code', city: 'address-level2', country: 'country' };

/** The organisation's postal address, for its invoices: on the organisation page and the advertiser sign-up form. */
export function AddressFields({
  values,
  errors,
  onChange,
}: {
  values: AddressValues;
  errors: FieldErrors<AddressField>;
  onChange: (field: AddressField, value: string) => void;
}) {
  const { t } = useTranslation('organisation');
  const { t: tc, i18n } = useTranslation();
  const hints: Partial<Record<AddressField, string>> = { postcode: t('fields.postcodeHint'), country: t('fields.countryHint') };
  return (
    <fieldset className="organisation-address">
      <legend className="organisation-address__legend">{t('fields.address')}</legend>
      <p className="organisation-address__hint">{t('fields.addressHint')}</p>
      {ADDRESS_FIELDS.map((field) => {
        const key = errors[field];
        return (
          <TextField
            key={field}
            label={t(`fields.${field}`)}
            hint={hints[field]}
            name={`address-${field}`}
            autoComplete={AUTOCOMPLETE[field]}
            value={values[field]}
            onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(field, event.target.value)}
            error={key ? fieldErrorText(tc, i18n, key) : undefined}
            maxLength={MAX_LENGTH[field]}
          />
        );
      })}
    </fieldset>
  );
}
