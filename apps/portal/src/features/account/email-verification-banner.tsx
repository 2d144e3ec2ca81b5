import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Viewer } from '@dd/contract';
import { Alert, Button } from '@dd/ui';
import { describeError } from '../../app/api-error';
import { useTRPC } from '../../app/trpc';
import { waitText } from '../auth/form-errors';

/**
 * Shown above every page of a customer or advertiser whose address is not confirmed yet (right after
 * sign-up: "check your inbox"), with what waits on it and a button to send the link again.
 */
export function EmailVerificationBanner({ viewer }: { viewer: Viewer }) {
  // Not suspending: the page under it must not wait for these texts.
  const { t, ready } = useTranslation('account', { useSuspense: false });
  const { t: tCommon } = useTranslation();
  const trpc = useTRPC();
  const applies = viewer.role === 'customer' || viewer.role === 'advertiser';
  const status = useQuery(trpc.account.emailStatus.queryOptions(undefined, { enabled: applies, staleTime: 60_000 }));
  const resend = useMutation(trpc.account.resendVerification.mutationOptions({ onSuccess: () => void status.refetch() }));
  if (!applies || !ready || status.data?.verified !== false) return null;

  const wait = resend.isError ? describeError(resend.error).reason?.params['retryAfterSeconds'] : undefined;
  return (
    <div className="dd-container">
      <Alert
        tone="warning"
        action={
          <Button variant="secondary" size="sm" loading={resend.isPending} onClick={() => resend.mutate()}>
            {t('banner.resend')}
          </Button>
        }
      >
        <p>
          {t('banner.text', { email: viewer.email })} {viewer.role === 'customer' ? t('banner.customerConsequence') : t('banner.advertiserConsequence')}
        </p>
        {resend.isSuccess ? <p>{resend.data.alreadyVerified ? t('banner.alreadyVerified') : t('banner.resent')}</p> : null}
        {resend.isError ? (
          <p>
            {t('banner.resendFailed')}{' '}
            {typeof wait === 'number' ? t('forgot.throttled', { wait: waitText(tCommon, wait) }) : tCommon(describeError(resend.error).messageKey)}
          </p>
        ) : null}
      </Alert>
    </div>
  );
}
