import { useState, type ChangeEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Link, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { signInInput, type TwoFactorChallenge, type Viewer } from '@dd/contract';
import { Button, TextField } from '@dd/ui';
import { usePageTitle } from '../../app/page-title';
import { afterSignInPath } from '../../app/role-home';
import { useTRPC } from '../../app/trpc';
import { useSetViewer } from '../../app/use-viewer';
import { SessionEndNotice } from '../account/session-end-notice';
import { TwoFactorStep } from '../two-factor/two-factor-step';
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

  // An admin's correct password brings the second step instead of a session.
  const [challenge, setChallenge] = useState<TwoFactorChallenge | null>(null);
  const [expired, setExpired] = useState(false);

  const signedIn = (viewer: Viewer) => {
    setViewer(viewer);
    void navigate(afterSignInPath(viewer.role, from), { replace: true });
  };

  const signIn = useMutation(
    trpc.auth.signIn.mutationOptions({
      onSuccess: (answer) => {
        if ('secondStep' in answer) {
          setExpired(false);
          setChallenge(answer);
        } else signedIn(answer);
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

  if (challenge) {
    const backToPassword = () => {
      setChallenge(null);
      setExpired(true);
      setValues({ ...values, password: '' });
    };
    const cancel = () => {
      setChallenge(null);
      setValues({ ...values, password: '' });
    };
    return <TwoFactorStep challenge={challenge} email={values.email} onSignedIn={signedIn} onExpired={backToPassword} onCancel={cancel} />;
  }

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
        <SessionEndNotice />
        <FormAlert message={form.formMessage ?? (expired ? t('expired', { ns: 'twoFactor' }) : null)} />
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
