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
 * `/confirm-email-change?token=…`, the link mailed to a new address. Like the verification link it
 * takes a click, so a mail scanner that opens links changes nobody's address.
 */
export function ConfirmEmailChangePage() {
  const { t } = useTranslation('account');
  const { t: tCommon } = useTranslation();
  usePageTitle(t('confirmChange.title'));
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // The viewer's address changed (or their session ended): everything cached about them is stale.
  const confirm = useMutation(trpc.account.confirmEmailChange.mutationOptions({ onSuccess: () => void queryClient.invalidateQueries() }));

  const failure = (error: unknown) => {
    if (isLinkRefused(error)) return t('confirmChange.invalid');
    if (describeError(error).reason?.code === 'emailTaken') return t('confirmChange.taken');
    return tCommon(describeError(error).messageKey);
  };

  return (
    <AuthFrame title={t('confirmChange.title')} description={t('confirmChange.description')} footer={<Link to="/">{t('confirmChange.continue')}</Link>}>
      {!token ? (
        <Alert tone="danger">{t('confirmChange.missing')}</Alert>
      ) : confirm.isSuccess ? (
        <Alert tone="success">{t('confirmChange.done')}</Alert>
      ) : (
        <div className="auth-form">
          {confirm.isError ? <Alert tone="danger">{failure(confirm.error)}</Alert> : null}
          <Button size="lg" fullWidth loading={confirm.isPending} onClick={() => confirm.mutate({ token })}>
            {t('confirmChange.submit')}
          </Button>
        </div>
      )}
    </AuthFrame>
  );
}
