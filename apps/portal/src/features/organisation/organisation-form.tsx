import { useEffect, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { normaliseKvkNumber, normaliseVatNumber, updateOrganisationInput, type IndustryDto, type Organisation } from '@dd/contract';
import { Alert, Button, TextField } from '@dd/ui';
import { fieldErrorText } from '../../app/field-error-text';
import { useTRPC } from '../../app/trpc';
import { serverFormErrors, validateFields, type FieldErrors } from '../auth/form-errors';
import { AddressFields, emptyAddress, validateAddress, type AddressField, type AddressValues } from './address-fields';
import { IndustrySelect } from './industry-select';

const FIELDS = ['name', 'kvkNumber', 'vatNumber', 'contactName', 'contactEmail', 'industry'] as const;
type Field = (typeof FIELDS)[number];
/** What a verification is about: changing one of them sends a verified organisation back to review. */
const REVIEWED_WHEN_CHANGED: readonly Field[] = ['name', 'kvkNumber', 'vatNumber', 'industry'];

/** The contract's limits, so a browser stops typing where the API would refuse. */
const FIELD_MAX_LENGTH: Record<Exclude<Field, 'industry'>, number> = { name: 200, kvkNumber: 40, vatNumber: 40, contactName: 100, contactEmail: 254 };

/** A value as the server will store it, so "1234 5678" is not taken for a change of "12345678". */
const normalised = (field: Field, value: string) =>
  field === 'kvkNumber' ? normaliseKvkNumber(value) : field === 'vatNumber' ? normaliseVatNumber(value) : value.trim();

const initialValues = (organisation: Organisation): Record<Field, string> => ({
  name: organisation.name,
  kvkNumber: organisation.kvkNumber ?? '',
  vatNumber: organisation.vatNumber ?? '',
  contactName: organisation.contactName ?? '',
  contactEmail: organisation.contactEmail ?? '',
  industry: organisation.industry ?? '',
});

/** Complete or correct the organisation's details; for a rejected organisation, saving is resubmitting. */
export function OrganisationForm({ organisation, industries }: { organisation: Organisation; industries: readonly IndustryDto[] }) {
  const { t } = useTranslation('organisation');
  const { t: tc, i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [values, setValues] = useState(() => initialValues(organisation));
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [address, setAddress] = useState<AddressValues>(() => emptyAddress(organisation.address));
  const [addressErrors, setAddressErrors] = useState<FieldErrors<AddressField>>({});
  const [notice, setNotice] = useState<{ tone: 'success' | 'warning' | 'danger'; text: string } | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const verified = organisation.status === 'verified';
  const rejected = organisation.status === 'rejected';

  useEffect(() => {
    if (focusRequest > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusRequest]);

  const save = useMutation(
    trpc.advertiser.updateOrganisation.mutationOptions({
      onSuccess: (updated) => {
        queryClient.setQueryData(trpc.advertiser.organisation.queryKey(), updated);
        // The header and home page show the status from the viewer: a resubmission or a new review changes it.
        void queryClient.invalidateQueries({ queryKey: trpc.auth.me.queryKey() });
        setValues(initialValues(updated));
        setAddress(emptyAddress(updated.address));
        const reviewAgain = verified && updated.status === 'unverified';
        setNotice({ tone: reviewAgain ? 'warning' : 'success', text: t(rejected ? 'form.resubmitted' : reviewAgain ? 'form.savedReviewAgain' : 'form.saved') });
      },
      onError: (error) => {
        const mapped = serverFormErrors(error, FIELDS);
        setErrors(mapped.fieldErrors);
        if (mapped.formMessageKey) setNotice({ tone: 'danger', text: `${t('form.failed')} ${tc(mapped.formMessageKey as 'errors.unknown')}` });
        setFocusRequest((n) => n + 1);
      },
    }),
  );

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setNotice(null);
    const result = validateFields(updateOrganisationInput, values, FIELDS);
    const postal = validateAddress(address);
    if (!result.ok || !postal.ok) {
      setErrors(result.ok ? {} : result.fieldErrors);
      setAddressErrors(postal.ok ? {} : postal.fieldErrors);
      setFocusRequest((n) => n + 1);
      return;
    }
    setErrors({});
    setAddressErrors({});
    save.mutate({ ...result.data, ...(postal.address ? { address: postal.address } : {}) });
  };

  const update = (field: Field) => (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => {
    setValues((current) => ({ ...current, [field]: event.target.value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
  };
  const errorFor = (field: Field) => {
    const key = errors[field];
    return key ? fieldErrorText(tc, i18n, key) : undefined;
  };
  const reviewed = (field: Field) => verified && REVIEWED_WHEN_CHANGED.includes(field);
  // Said before saving, not only after: the advertiser decides knowing that buying stops until the new review.
  const changedReviewed = verified ? REVIEWED_WHEN_CHANGED.filter((field) => normalised(field, values[field]) !== initialValues(organisation)[field]) : [];
  const hintFor = (field: Field, hint: string | undefined) => (reviewed(field) ? [hint, t('form.reviewAgainHint')].filter(Boolean).join(' ') : hint);
  const text = (field: Exclude<Field, 'industry'>, extra: { hint?: string; autoComplete?: string; type?: string; inputMode?: 'email' | 'numeric' | 'text' } = {}) => (
    <TextField
      label={t(`fields.${field}`)}
      hint={hintFor(field, extra.hint)}
      name={field}
      type={extra.type ?? 'text'}
      autoComplete={extra.autoComplete}
      inputMode={extra.inputMode}
      value={values[field]}
      onChange={update(field)}
      error={errorFor(field)}
      maxLength={FIELD_MAX_LENGTH[field]}
      aria-required="true"
    />
  );

  return (
    <section className="page-section organisation-form" aria-labelledby="organisation-form-title">
      <h2 id="organisation-form-title" className="page-section__title">
        {t('form.title')}
      </h2>
      {notice ? (
        <Alert tone={notice.tone} className="organisation-form__notice">
          {notice.text}
        </Alert>
      ) : null}
      <form ref={formRef} className="organisation-form__fields" noValidate onSubmit={submit}>
        {text('name', { autoComplete: 'organization' })}
        {text('kvkNumber', { hint: t('fields.kvkNumberHint'), inputMode: 'numeric' })}
        {text('vatNumber', { hint: t('fields.vatNumberHint') })}
        <IndustrySelect
          industries={industries}
          value={values.industry}
          onChange={update('industry')}
          error={errorFor('industry')}
          {...(reviewed('industry') ? { hint: hintFor('industry', t('fields.industryHint')) } : {})}
        />
        {text('contactName', { autoComplete: 'name' })}
        {text('contactEmail', { hint: t('fields.contactEmailHint'), autoComplete: 'email', type: 'email', inputMode: 'email' })}
        <AddressFields
          values={address}
          errors={addressErrors}
          onChange={(field, value) => {
            setAddress((current) => ({ ...current, [field]: value }));
            setAddressErrors((current) => ({ ...current, [field]: undefined }));
          }}
        />
        {changedReviewed.length > 0 ? (
          <Alert tone="warning" className="organisation-form__review-again">
            {t('form.reviewAgainWarning', { fields: changedReviewed.map((field) => t(`reviewed.${field as 'name'}`)).join(', ') })}
          </Alert>
        ) : null}
        <div className="organisation-form__actions">
          <Button type="submit" loading={save.isPending}>
            {t(rejected ? 'form.resubmit' : 'form.save')}
          </Button>
        </div>
      </form>
    </section>
  );
}
