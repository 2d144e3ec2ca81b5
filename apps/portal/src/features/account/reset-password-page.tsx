import { useState, type ChangeEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { resetPasswordInput } from '@dd/contract';
import { Alert, Button, LoadingBlock, TextField } from '@dd/ui';
import { usePageTitle } from '../../app/page-title';
import { useTRPC } from '../../app/trpc';
import { AuthFrame } from '../auth/auth-frame';
import { FormAlert } from '../auth/form-alert';
import { useAuthForm } from '../auth/use-auth-form';
import { isLinkRefused } from './token-reason';

const FIELDS = ['password'] as const;
// The token comes from the link, not from a field; the password follows the sign-up policy.
const passwordOnly = resetPasswordInput.pick({ password: true });

/** `/reset-password?token=…`, the link of the reset mail: a new password, then every session ends. */
export function ResetPasswordPage() {
  const { t } = useTranslation('account');
  usePageTitle(t('reset.title'));
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [values, setValues] = useState({ password: '' });
  const link = useQuery(trpc.auth.checkPasswordReset.queryOptions({ token }, { enabled: token.length > 0, retry: false }));

  const reset = useMutation(
    trpc.auth.resetPassword.mutationOptions({
      // This browser's session ended too.
      onSuccess: () => queryClient.setQueryData(trpc.auth.me.queryKey(), null),
      onError: (error) => form.applyServerError(error),
    }),
  );
  const form = useAuthForm({ schema: passwordOnly, fields: FIELDS, values, onValid: (data) => reset.mutate({ token, password: data.password }) });
  const update = (event: ChangeEvent<HTMLInputElement>) => {
    const next = { password: event.target.value };
    setValues(next);
    form.revalidate('password', next);
  };

  const invalid = !token || link.data?.valid === false || (reset.isError && isLinkRefused(reset.error));
  return (
    <AuthFrame title={t('reset.title')} description={t('reset.description')} footer={<Link to="/sign-in">{t('reset.signIn')}</Link>}>
      {reset.isSuccess ? (
        <Alert tone="success">
          {t('reset.done')} <Link to="/sign-in">{t('reset.signIn')}</Link>
        </Alert>
      ) : invalid ? (
        <Alert tone="danger">
          {t('reset.invalid')} <Link to="/forgot-password">{t('reset.requestNew')}</Link>
        </Alert>
      ) : link.isPending ? (
        <LoadingBlock label={t('reset.checking')} />
      ) : (
        <form className="auth-form" noValidate onSubmit={form.handleSubmit}>
          <FormAlert message={form.formMessage} />
          <TextField
            label={t('reset.password')}
            hint={t('reset.passwordHint')}
            type="password"
            name="password"
            autoComplete="new-password"
            value={values.password}
            onChange={update}
            error={form.errorFor('password')}
          />
          <Button type="submit" size="lg" fullWidth loading={reset.isPending}>
            {t('reset.submit')}
          </Button>
        </form>
      )}
    </AuthFrame>
  );
}
