import { useMemo, useState, type ChangeEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { organisationDetailsFields, PASSWORD_MIN_LENGTH, signUpAdvertiserInput, signUpCustomerInput, type Viewer } from '@dd/contract';
import { Alert, Button, RadioCards, TextField } from '@dd/ui';
import { usePageTitle } from '../../app/page-title';
import { homePath } from '../../app/role-home';
import { useTRPC } from '../../app/trpc';
import { useSetViewer } from '../../app/use-viewer';
import { isLocale } from '../../i18n/locale-storage';
import { AddressFields, emptyAddress, validateAddress, type AddressField, type AddressValues } from '../organisation/address-fields';
import { IndustrySelect } from '../organisation/industry-select';
import { useIndustries } from '../organisation/use-industries';
import { AuthFrame } from './auth-frame';
import { FormAlert } from './form-alert';
import type { FieldErrors } from './form-errors';
import { useAuthForm } from './use-auth-form';

type SignUpRole = 'customer' | 'advertiser';
const CUSTOMER_FIELDS = ['displayName', 'email', 'password'] as const;
const ADVERTISER_FIELDS = ['organisationName', 'kvkNumber', 'vatNumber', 'industry', 'displayName', 'email', 'contactEmail', 'password'] as const;
type Field = (typeof ADVERTISER_FIELDS)[number];
const EMPTY: Record<Field, string> = { organisationName: '', kvkNumber: '', vatNumber: '', industry: '', displayName: '', email: '', contactEmail: '', password: '' };

/**
 * The API accepts an advertiser with only the organisation's name (the organisation page completes
 * the rest); the form asks for every detail up front, so verification can start at once.
 */
export const advertiserFormSchema = signUpAdvertiserInput.extend({
  kvkNumber: organisationDetailsFields.kvkNumber,
  vatNumber: organisationDetailsFields.vatNumber,
  contactEmail: organisationDetailsFields.contactEmail,
  industry: organisationDetailsFields.industry,
});

export function SignUpPage() {
  const { t, i18n } = useTranslation();
  const { t: to } = useTranslation('organisation');
  const { t: tl } = useTranslation('legal');
  usePageTitle(t('titles.signUp'));
  const trpc = useTRPC();
  const setViewer = useSetViewer();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const [role, setRole] = useState<SignUpRole>(searchParams.get('role') === 'advertiser' ? 'advertiser' : 'customer');
  const [entered, setValues] = useState<Record<Field, string>>(EMPTY);
  // The contact email follows the account's email until the person types another one.
  const [contactEmailEdited, setContactEmailEdited] = useState(false);
  const values = contactEmailEdited ? entered : { ...entered, contactEmail: entered.email };
  const isAdvertiser = role === 'advertiser';
  // The postal address for invoices: optional here (the organisation page completes it), checked once begun.
  const [address, setAddress] = useState<AddressValues>(() => emptyAddress());
  const [addressErrors, setAddressErrors] = useState<FieldErrors<AddressField>>({});
  const industries = useIndustries();
  const locale = isLocale(i18n.language) ? i18n.language : 'nl';
  const extra = useMemo(() => ({ locale }), [locale]);

  const onSuccess = (viewer: Viewer) => {
    setViewer(viewer);
    void navigate(homePath(viewer.role), { replace: true });
  };
  const onError = (error: unknown) => form.applyServerError(error);
  const signUpCustomer = useMutation(trpc.auth.signUpCustomer.mutationOptions({ onSuccess, onError }));
  const signUpAdvertiser = useMutation(trpc.auth.signUpAdvertiser.mutationOptions({ onSuccess, onError }));
  const pending = signUpCustomer.isPending || signUpAdvertiser.isPending;

  const form = useAuthForm<Field, typeof signUpCustomerInput | typeof advertiserFormSchema>({
    schema: isAdvertiser ? advertiserFormSchema : signUpCustomerInput,
    fields: isAdvertiser ? ADVERTISER_FIELDS : CUSTOMER_FIELDS,
    values,
    extra,
    onValid: (data) => {
      // The person signing up is the organisation's contact; the organisation page can name another.
      if ('organisationName' in data) {
        const postal = validateAddress(address);
        if (!postal.ok) {
          setAddressErrors(postal.fieldErrors);
          return;
        }
        signUpAdvertiser.mutate({ ...data, contactName: data.displayName, ...(postal.address ? { address: postal.address } : {}) });
      } else signUpCustomer.mutate(data);
    },
  });

  const update = (field: Field) => (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => {
    if (field === 'contactEmail') setContactEmailEdited(true);
    const nextEntered = { ...values, [field]: event.target.value };
    setValues(nextEntered);
    form.revalidate(field, contactEmailEdited || field === 'contactEmail' ? nextEntered : { ...nextEntered, contactEmail: nextEntered.email });
  };

  const chooseRole = (next: SignUpRole) => {
    setRole(next);
    form.reset();
  };

  return (
    <AuthFrame
      wide
      title={t('auth.signUp.title')}
      description={t('auth.signUp.description')}
      footer={
        <>
          {t('auth.signUp.haveAccount')} <Link to="/sign-in">{t('auth.signUp.signInLink')}</Link>
        </>
      }
    >
      <form className="auth-form" noValidate onSubmit={form.handleSubmit}>
        <RadioCards<SignUpRole>
          legend={t('auth.signUp.roleLegend')}
          name="role"
          value={role}
          onChange={chooseRole}
          options={[
            { value: 'customer', label: t('auth.signUp.roleCustomer'), description: t('auth.signUp.roleCustomerDescription'), icon: 'wallet' },
            { value: 'advertiser', label: t('auth.signUp.roleAdvertiser'), description: t('auth.signUp.roleAdvertiserDescription'), icon: 'building' },
          ]}
        />
        {isAdvertiser ? <Alert tone="info">{t('auth.signUp.advertiserNote')}</Alert> : null}
        <FormAlert message={form.formMessage}>
          {form.formMessageKey === 'errors.SIGN_UP_REFUSED' ? <Link to="/sign-in">{t('auth.signUp.signInLink')}</Link> : null}
        </FormAlert>
        {isAdvertiser ? (
          <TextField
            label={t('auth.fields.organisationName')}
            hint={t('auth.fields.organisationNameHint')}
            name="organisationName"
            autoComplete="organization"
            value={values.organisationName}
            onChange={update('organisationName')}
            error={form.errorFor('organisationName')}
            aria-required="true"
          />
        ) : null}
        {isAdvertiser ? (
          <>
            <TextField
              label={to('fields.kvkNumber')}
              hint={to('fields.kvkNumberHint')}
              name="kvkNumber"
              inputMode="numeric"
              value={values.kvkNumber}
              onChange={update('kvkNumber')}
              error={form.errorFor('kvkNumber')}
              aria-required="true"
            />
            <TextField
              label={to('fields.vatNumber')}
              hint={to('fields.vatNumberHint')}
              name="vatNumber"
              value={values.vatNumber}
              onChange={update('vatNumber')}
              error={form.errorFor('vatNumber')}
              aria-required="true"
            />
            <IndustrySelect industries={industries.data ?? []} value={values.industry} onChange={update('industry')} error={form.errorFor('industry')} />
            <AddressFields
              values={address}
              errors={addressErrors}
              onChange={(field, value) => {
                setAddress((current) => ({ ...current, [field]: value }));
                setAddressErrors((current) => ({ ...current, [field]: undefined }));
              }}
            />
          </>
        ) : null}
        <TextField
          label={isAdvertiser ? t('auth.fields.contactName') : t('auth.fields.displayName')}
          hint={isAdvertiser ? undefined : t('auth.fields.displayNameHint')}
          name="displayName"
          autoComplete="name"
          value={values.displayName}
          onChange={update('displayName')}
          error={form.errorFor('displayName')}
        />
        <TextField
          label={t('auth.fields.email')}
          type="email"
          name="email"
          autoComplete="email"
          inputMode="email"
          value={values.email}
          onChange={update('email')}
          error={form.errorFor('email')}
        />
        {isAdvertiser ? (
          <TextField
            label={to('fields.contactEmail')}
            hint={to('fields.contactEmailHint')}
            type="email"
            name="contactEmail"
            inputMode="email"
            value={values.contactEmail}
            onChange={update('contactEmail')}
            error={form.errorFor('contactEmail')}
            aria-required="true"
          />
        ) : null}
        <TextField
          label={t('auth.fields.password')}
          hint={t('auth.fields.passwordHint', { min: PASSWORD_MIN_LENGTH })}
          type="password"
          name="password"
          autoComplete="new-password"
          value={values.password}
          onChange={update('password')}
          error={form.errorFor('password')}
        />
        <p className="auth-form__legal">
          {tl('signUpNotice')} <Link to="/legal/terms">{tl('nav.terms')}</Link>. {tl('signUpPrivacyBefore')} <Link to="/legal/privacy">{tl('nav.privacy')}</Link>{' '}
          {tl('signUpPrivacyAfter')}
        </p>
        <Button type="submit" size="lg" fullWidth loading={pending}>
          {isAdvertiser ? t('auth.signUp.submitAdvertiser') : t('auth.signUp.submitCustomer')}
        </Button>
      </form>
    </AuthFrame>
  );
}
