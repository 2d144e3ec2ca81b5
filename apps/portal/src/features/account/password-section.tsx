import { useState, type ChangeEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { changePasswordInput } from '@dd/contract';
import { Alert, Button, Card, TextField } from '@dd/ui';
import { useTRPC } from '../../app/trpc';
import { FormAlert } from '../auth/form-alert';
import { useAuthForm } from '../auth/use-auth-form';

const FIELDS = ['currentPassword', 'newPassword'] as const;
type Field = (typeof FIELDS)[number];
const EMPTY: Record<Field, string> = { currentPassword: '', newPassword: '' };

/** The password change on the account page: this browser stays signed in, the others are signed out. */
export function PasswordSection() {
  const { t } = useTranslation('account');
  const trpc = useTRPC();
  const [values, setValues] = useState(EMPTY);
  const change = useMutation(
    trpc.account.changePassword.mutationOptions({
      onSuccess: () => {
        setValues(EMPTY);
        form.reset();
      },
      onError: (error) => form.applyServerError(error),
    }),
  );
  const form = useAuthForm({ schema: changePasswordInput, fields: FIELDS, values, onValid: (data) => change.mutate(data) });
  const update = (field: Field) => (event: ChangeEvent<HTMLInputElement>) => {
    const next = { ...values, [field]: event.target.value };
    setValues(next);
    form.revalidate(field, next);
  };

  return (
    <Card title={t('change.heading')} headingLevel={2} as="section">
      <form className="auth-form" noValidate onSubmit={form.handleSubmit}>
        {change.isSuccess ? <Alert tone="success">{t('change.done')}</Alert> : null}
        <FormAlert message={form.formMessage} />
        <TextField
          label={t('change.current')}
          type="password"
          name="currentPassword"
          autoComplete="current-password"
          value={values.currentPassword}
          onChange={update('currentPassword')}
          error={form.errorFor('currentPassword')}
        />
        <TextField
          label={t('change.new')}
          hint={t('change.newHint')}
          type="password"
          name="newPassword"
          autoComplete="new-password"
          value={values.newPassword}
          onChange={update('newPassword')}
          error={form.errorFor('newPassword')}
        />
        <Button type="submit" loading={change.isPending}>
          {t('change.submit')}
        </Button>
      </form>
    </Card>
  );
}
