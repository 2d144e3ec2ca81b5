import { useState, type ChangeEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { requestPasswordResetInput } from '@dd/contract';
import { Alert, Button, TextField } from '@dd/ui';
import { describeError } from '../../app/api-error';
import { usePageTitle } from '../../app/page-title';
import { useTRPC } from '../../app/trpc';
import { AuthFrame } from '../auth/auth-frame';
import { FormAlert } from '../auth/form-alert';
import { waitText } from '../auth/form-errors';
import { useAuthForm } from '../auth/use-auth-form';

const FIELDS = ['email'] as const;

/** `/forgot-password`: asks for a reset link. The answer is the same whether the address has an account or not. */
export function ForgotPasswordPage() {
  const { t } = useTranslation('account');
  const { t: tCommon } = useTranslation();
  usePageTitle(t('forgot.title'));
  const trpc = useTRPC();
  const [values, setValues] = useState({ email: '' });
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [throttledFor, setThrottledFor] = useState<number | null>(null);

  const request = useMutation(
    trpc.auth.requestPasswordReset.mutationOptions({
      onSuccess: (_data, input) => setSentTo(input.email),
      onError: (error) => {
        const described = describeError(error);
        const wait = described.reason?.params['retryAfterSeconds'];
        if (described.code === 'TOO_MANY_ATTEMPTS' && typeof wait === 'number') setThrottledFor(wait);
        else form.applyServerError(error);
      },
    }),
  );
  const form = useAuthForm({
    schema: requestPasswordResetInput,
    fields: FIELDS,
    values,
    onValid: (data) => {
      setThrottledFor(null);
      request.mutate(data);
    },
  });
  const update = (event: ChangeEvent<HTMLInputElement>) => {
    const next = { email: event.target.value };
    setValues(next);
    form.revalidate('email', next);
  };

  return (
    <AuthFrame title={t('forgot.title')} description={t('forgot.description')} footer={<Link to="/sign-in">{t('forgot.backToSignIn')}</Link>}>
      {sentTo ? (
        <Alert tone="success">{t('forgot.sent', { email: sentTo })}</Alert>
      ) : (
        <form className="auth-form" noValidate onSubmit={form.handleSubmit}>
          <FormAlert message={throttledFor !== null ? t('forgot.throttled', { wait: waitText(tCommon, throttledFor) }) : form.formMessage} />
          <TextField
            label={tCommon('auth.fields.email')}
            type="email"
            name="email"
            autoComplete="email"
            inputMode="email"
            value={values.email}
            onChange={update}
            error={form.errorFor('email')}
          />
          <Button type="submit" size="lg" fullWidth loading={request.isPending}>
            {t('forgot.submit')}
          </Button>
        </form>
      )}
    </AuthFrame>
  );
}
