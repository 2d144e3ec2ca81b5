import { useState, type ChangeEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Link, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { signInInput } from '@dd/contract';
import { Button, TextField } from '@dd/ui';
import { usePageTitle } from '../../app/page-title';
import { afterSignInPath } from '../../app/role-home';
import { useTRPC } from '../../app/trpc';
import { useSetViewer } from '../../app/use-viewer';
import { AuthFrame } from './auth-frame';
import { FormAlert } from './form-alert';
import { useAuthForm } from './use-auth-form';

const FIELDS = ['email', 'password'] as const;
type Field = (typeof FIELDS)[number];

export function SignInPage() {
  const { t } = useTranslation();
  usePageTitle(t('titles.signIn'));
  const trpc = useTRPC();
  const setViewer = useSetViewer();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: unknown } | null)?.from;
  const [values, setValues] = useState<Record<Field, string>>({ email: '', password: '' });

  const signIn = useMutation(
    trpc.auth.signIn.mutationOptions({
      onSuccess: (viewer) => {
        setViewer(viewer);
        void navigate(afterSignInPath(viewer.role, from), { replace: true });
      },
      onError: (error) => form.applyServerError(error),
    }),
  );

  const form = useAuthForm({ schema: signInInput, fields: FIELDS, values, onValid: (data) => signIn.mutate(data) });

  const update = (field: Field) => (event: ChangeEvent<HTMLInputElement>) => {
    const next = { ...values, [field]: event.target.value };
    setValues(next);
    form.revalidate(field, next);
  };

  return (
    <AuthFrame
      title={t('auth.signIn.title')}
      description={t('auth.signIn.description')}
      footer={
        <>
          {t('auth.signIn.noAccount')} <Link to="/sign-up">{t('auth.signIn.signUpLink')}</Link>
        </>
      }
    >
      <form className="auth-form" noValidate onSubmit={form.handleSubmit}>
        <FormAlert message={form.formMessage} />
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
        <TextField
          label={t('auth.fields.password')}
          type="password"
          name="password"
          autoComplete="current-password"
          value={values.password}
          onChange={update('password')}
          error={form.errorFor('password')}
        />
        <p className="auth-form__aside">
          <Link to="/forgot-password">{t('auth.signIn.forgotPassword')}</Link>
        </p>
        <Button type="submit" size="lg" fullWidth loading={signIn.isPending}>
          {t('auth.signIn.submit')}
        </Button>
      </form>
    </AuthFrame>
  );
}
