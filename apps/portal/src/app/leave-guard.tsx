import { useEffect } from 'react';
import { useBlocker } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '@dd/ui';

/**
 * Unsaved work is not lost by accident: asks before leaving the page, in the app or the browser.
 * `carriesWork` lets through a navigation that takes the work along (the builder's "Buy").
 */
export function LeaveGuard({ dirty, carriesWork }: { dirty: boolean; carriesWork?: (next: { pathname: string; state: unknown }) => boolean }) {
  const { t } = useTranslation();
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname && !carriesWork?.(nextLocation),
  );

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  return (
    <ConfirmDialog
      open={blocker.state === 'blocked'}
      title={t('leaveGuard.title')}
      confirmLabel={t('leaveGuard.leave')}
      cancelLabel={t('leaveGuard.stay')}
      onConfirm={() => blocker.proceed?.()}
      onCancel={() => blocker.reset?.()}
    >
      <p>{t('leaveGuard.body')}</p>
    </ConfirmDialog>
  );
}
