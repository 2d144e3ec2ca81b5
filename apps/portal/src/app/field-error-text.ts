import type { TFunction } from 'i18next';

/** An i18n key (`validation.postcodeUnknown`) rather than a sentence. */
const KEY = /^[A-Za-z]\w*(\.\w+)+$/;

/**
 * The text under a field for a field error as the API returns it: an i18n key (a zod message from
 * @dd/contract or a DomainError's `messageKey`), translated; or, for a DomainError without a key,
 * the server's own English sentence, which says more than a generic "check this field". A key this
 * portal does not know (a newer API) gets the generic text.
 */
export function fieldErrorText(
  t: TFunction,
  i18n: { exists: (key: string) => boolean },
  value: string,
  options?: Record<string, unknown>,
): string {
  if (i18n.exists(value)) return t(value as 'validation.invalid', options);
  return KEY.test(value) ? t('validation.invalid') : value;
}
