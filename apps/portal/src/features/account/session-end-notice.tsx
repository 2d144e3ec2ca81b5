import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert } from '@dd/ui';
import { useTRPC } from '../../app/trpc';

/**
 * On the sign-in page: why this browser's session stopped working, when the server knows (after a
 * period of inactivity, or ended from another device). Nothing for a plain visitor or a sign-out.
 */
export function SessionEndNotice() {
  const { t } = useTranslation('account');
  const trpc = useTRPC();
  const notice = useQuery(trpc.account.sessionEndNotice.queryOptions(undefined, { staleTime: Infinity, retry: false }));
  const reason = notice.data?.reason;
  if (!reason) return null;
  return <Alert tone="info">{reason === 'idle' ? t('signedOut.idle') : t('signedOut.ended')}</Alert>;
}
