import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { updateProfileInput, type ProfileDto, type UpdateProfileInput } from '@dd/contract';
import { Alert, Button, Card, Checkbox, FieldError, Icon, TextField } from '@dd/ui';
import { describeError } from '../../app/api-error';
import type { ReferenceLabels } from '../../app/reference-labels';
import { fieldErrorText } from '../../app/field-error-text';
import { useTRPC } from '../../app/trpc';
import { FormAlert } from '../auth/form-alert';
import { serverFormErrors, validateFields, type FieldErrors } from '../auth/form-errors';
import { MAX_INTERESTS, PROFILE_FIELDS, profileFormValues, toProfileInput, type ProfileField, type ProfileFormValues } from './profile-input';

interface ProfileFormProps {
  profile: ProfileDto;
  labels: ReferenceLabels;
  /** After a successful save: the derived features are being recomputed. */
  onSaved: () => void;
}

export function ProfileForm({ profile, labels, onSaved: afterSave }: ProfileFormProps) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<ProfileFormValues>(() => profileFormValues(profile));
  const [fieldErrors, setFieldErrors] = useState<FieldErrors<ProfileField>>({});
  const [formMessageKey, setFormMessageKey] = useState<string | null>(null);
  const [attempted, setAttempted] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (focusRequest === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-invalid="true"] input')?.focus();
  }, [focusRequest]);

  const onSaved = (saved: ProfileDto, message: string) => {
    queryClient.setQueryData(trpc.profile.get.queryKey(), saved);
    // Whether consent is possible depends on the birth year.
    void queryClient.invalidateQueries({ queryKey: trpc.consent.pathKey() });
    setValues((current) => ({ ...profileFormValues(saved), interests: current.interests }));
    setNotice(message);
    afterSave();
  };

  const update = useMutation(
    trpc.profile.update.mutationOptions({
      onSuccess: (saved) => onSaved(saved, t('profile.saved')),
      onError: (error) => {
        // The API's checks (an unknown postcode, say) come back as field errors, shown under their field.
        const mapped = serverFormErrors(error, PROFILE_FIELDS);
        setFieldErrors(mapped.fieldErrors);
        setFormMessageKey(mapped.formMessageKey ?? null);
        setFocusRequest((n) => n + 1);
      },
    }),
  );
  const removeRegion = useMutation(trpc.profile.update.mutationOptions({ onSuccess: (saved) => onSaved(saved, t('profile.regionRemoved')) }));

  const change = (next: ProfileFormValues, field: ProfileField) => {
    setValues(next);
    setNotice(null);
    if (!attempted) return;
    const result = validateFields(updateProfileInput, toProfileInput(next), PROFILE_FIELDS);
    setFieldErrors((current) => ({ ...current, [field]: result.ok ? undefined : result.fieldErrors[field] }));
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAttempted(true);
    setFormMessageKey(null);
    setNotice(null);
    const result = validateFields(updateProfileInput, toProfileInput(values), PROFILE_FIELDS);
    if (!result.ok) {
      setFieldErrors(result.fieldErrors);
      setFocusRequest((n) => n + 1);
      return;
    }
    setFieldErrors({});
    update.mutate(result.data as UpdateProfileInput);
  };

  const errorFor = (field: ProfileField) => {
    const key = fieldErrors[field];
    return key ? fieldErrorText(t, i18n, key) : undefined;
  };

  const toggleInterest = (code: string, checked: boolean) => {
    const interests = checked ? [...values.interests, code] : values.interests.filter((c) => c !== code);
    change({ ...values, interests }, 'interests');
  };

  const interestsError = errorFor('interests');
  const region = profile.province && profile.municipality ? { province: labels.province(profile.province), municipality: profile.municipality } : null;

  return (
    <Card as="section" icon="user" headingLevel={2} title={t('profile.formTitle')} className="profile-form-card">
      <form ref={formRef} className="profile-form" noValidate onSubmit={submit}>
        <FormAlert message={formMessageKey ? t(formMessageKey as 'errors.unknown') : null} />
        <TextField
          label={t('profile.birthYear')}
          hint={t('profile.birthYearHint')}
          name="birthYear"
          inputMode="numeric"
          autoComplete="bday-year"
          maxLength={4}
          className="profile-form__short"
          value={values.birthYear}
          onChange={(event) => change({ ...values, birthYear: event.target.value }, 'birthYear')}
          error={errorFor('birthYear')}
        />
        <div className="profile-form__postcode">
          <TextField
            label={t('profile.postcode')}
            hint={t('profile.postcodeHint')}
            name="postcode"
            autoComplete="postal-code"
            maxLength={7}
            className="profile-form__short"
            value={values.postcode}
            onChange={(event) => change({ ...values, postcode: event.target.value }, 'postcode')}
            error={errorFor('postcode')}
          />
          <div className="profile-form__region">
            <Icon name="info" size={16} />
            <span>{region ? t('profile.currentRegion', region) : t('profile.noRegion')}</span>
            {region ? (
              <Button variant="ghost" size="sm" onClick={() => removeRegion.mutate({ postcode: null })} loading={removeRegion.isPending}>
                {t('profile.removeRegion')}
              </Button>
            ) : null}
          </div>
          {removeRegion.isError ? <Alert tone="danger">{t(describeError(removeRegion.error).messageKey)}</Alert> : null}
        </div>
        <TextField
          label={t('profile.householdSize')}
          hint={t('profile.householdHint')}
          name="householdSize"
          inputMode="numeric"
          maxLength={2}
          className="profile-form__short"
          value={values.householdSize}
          onChange={(event) => change({ ...values, householdSize: event.target.value }, 'householdSize')}
          error={errorFor('householdSize')}
        />
        <fieldset
          className="profile-form__interests"
          aria-describedby={interestsError ? 'profile-interests-hint profile-interests-error' : 'profile-interests-hint'}
          data-invalid={interestsError ? 'true' : undefined}
        >
          <legend className="dd-field__label">{t('profile.interests')}</legend>
          <p className="dd-field__hint" id="profile-interests-hint">
            {t('profile.interestsHint', { max: MAX_INTERESTS })}
          </p>
          <div className="profile-form__interest-grid">
            {labels.interests.map((interest) => (
              <Checkbox
                key={interest.code}
                name="interests"
                value={interest.code}
                label={labels.interest(interest.code)}
                checked={values.interests.includes(interest.code)}
                onChange={(event) => toggleInterest(interest.code, event.target.checked)}
              />
            ))}
          </div>
          {interestsError ? <FieldError id="profile-interests-error" message={interestsError} /> : null}
        </fieldset>
        {notice ? <Alert tone="success">{notice}</Alert> : null}
        <div>
          <Button type="submit" loading={update.isPending}>
            {t('profile.submit')}
          </Button>
        </div>
      </form>
    </Card>
  );
}
