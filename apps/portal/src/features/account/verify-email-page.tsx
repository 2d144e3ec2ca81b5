import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Alert, Button } from '@dd/ui';
import { describeError } from '../../app/api-error';
import { usePageTitle } from '../../app/page-title';
import { useTRPC } from '../../app/trpc';
import { AuthFrame } from '../auth/auth-frame';
import { isLinkRefused } from './token-reason';

/**
 * `/verify-email?token=…`, the link of the verification mail. Confirming takes a click rather than
 * happening on load, so a mail scanner that opens links does not confirm an address for its owner.
 */
export function VerifyEmailPage() {
  const { t } = useTranslation('account');
  const { t: tCommon } = useTranslation();
  usePageTitle(t('verify.title'));
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const verify = useMutation(
    trpc.auth.verifyEmail.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.account.emailStatus.queryKey() }),
    }),
  );

  return (
    <AuthFrame title={t('verify.title')} description={t('verify.description')} footer={<Link to="/">{t('verify.continue')}</Link>}>
      {!token ? (
        <Alert tone="danger">{t('verify.missing')}</Alert>
      ) : verify.isSuccess ? (
        <Alert tone="success">{t('verify.done')}</Alert>
      ) : (
        <div className="auth-form">
          {verify.isError ? (
            <Alert tone="danger">{isLinkRefused(verify.error) ? t('verify.invalid') : tCommon(describeError(verify.error).messageKey)}</Alert>
          ) : null}
          <Button size="lg" fullWidth loading={verify.isPending} onClick={() => verify.mutate({ token })}>
            {t('verify.submit')}
          </Button>
        </div>
      )}
    </AuthFrame>
  );
}
