import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { OwnSessionView } from '@dd/contract';
import { Alert, Badge, Button, Card, ConfirmDialog } from '@dd/ui';
import { describeError } from '../../app/api-error';
import { formatDateTime } from '../../app/format';
import { SectionLoadError, SectionLoading } from '../../app/status-views';
import { useTRPC } from '../../app/trpc';
import './account-sections.css';

/**
 * The account page's list of sessions: each device with when it was last used and signed in, this
 * device marked, an "end" button for the others, and "sign out everywhere else" behind a confirmation.
 */
export function SessionsSection() {
  const { t, i18n } = useTranslation('account');
  const { t: tc } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const sessions = useQuery(trpc.account.sessions.queryOptions());
  const [notice, setNotice] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<'others' | 'all' | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.account.sessions.queryKey() });

  const end = useMutation(
    trpc.account.endSession.mutationOptions({
      onSuccess: () => setNotice(t('sessions.ended')),
      onError: (error) => setNotice(describeError(error).reason?.code === 'sessionGone' ? t('sessions.gone') : null),
      onSettled: () => void refresh(),
    }),
  );
  const endOthers = useMutation(
    trpc.account.endOtherSessions.mutationOptions({
      onSuccess: () => {
        setConfirming(null);
        setNotice(t('sessions.endOthersDone'));
      },
      onSettled: () => void refresh(),
    }),
  );
  // A full page load afterwards, as after signing out: nothing cached of this person stays on the device.
  const endAll = useMutation(trpc.account.signOutEverywhere.mutationOptions({ onSuccess: () => window.location.assign('/sign-in') }));

  const deviceName = (session: OwnSessionView) =>
    t('sessions.device', { browser: session.browser ?? t('sessions.unknownBrowser'), os: session.os ?? t('sessions.unknownOs') });
  const others = sessions.data?.filter((session) => !session.current) ?? [];

  return (
    <Card title={t('sessions.heading')} headingLevel={2} as="section">
      <p className="account-section__intro">{t('sessions.description')}</p>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {end.isError && describeError(end.error).reason?.code !== 'sessionGone' ? <Alert tone="danger">{tc(describeError(end.error).messageKey)}</Alert> : null}
      {sessions.isPending ? (
        <SectionLoading />
      ) : sessions.isError ? (
        <SectionLoadError title={t('sessions.loadError')} error={sessions.error} onRetry={() => void sessions.refetch()} retrying={sessions.isFetching} />
      ) : (
        <>
          <ul className="session-list">
            {sessions.data.map((session) => (
              <li key={session.id} className="session-list__item">
                <div className="session-list__text">
                  <p className="session-list__device">
                    <strong>{deviceName(session)}</strong>
                    {session.current ? <Badge tone="brand">{t('sessions.thisDevice')}</Badge> : null}
                  </p>
                  <p className="session-list__when">{t('sessions.lastUsed', { when: formatDateTime(session.lastUsedAt, i18n.language) })}</p>
                  <p className="session-list__when">{t('sessions.created', { when: formatDateTime(session.createdAt, i18n.language) })}</p>
                </div>
                {session.current ? null : (
                  <Button
                    variant="secondary"
                    size="sm"
                    aria-label={t('sessions.endLabel', { device: deviceName(session) })}
                    loading={end.isPending && end.variables.sessionId === session.id}
                    onClick={() => {
                      setNotice(null);
                      end.mutate({ sessionId: session.id });
                    }}
                  >
                    {t('sessions.end')}
                  </Button>
                )}
              </li>
            ))}
          </ul>
          {others.length === 0 ? <p className="account-section__note">{t('sessions.onlyThis')}</p> : null}
          <div className="session-list__actions">
            {others.length === 0 ? null : (
              <Button
                variant="secondary"
                onClick={() => {
                  setNotice(null);
                  endOthers.reset();
                  setConfirming('others');
                }}
              >
                {t('sessions.endOthers')}
              </Button>
            )}
            <Button
              variant="secondary"
              onClick={() => {
                setNotice(null);
                endAll.reset();
                setConfirming('all');
              }}
            >
              {t('sessions.endAll')}
            </Button>
          </div>
        </>
      )}
      <ConfirmDialog
        open={confirming === 'others'}
        title={t('sessions.endOthersTitle')}
        confirmLabel={t('sessions.endOthersConfirm')}
        cancelLabel={tc('common.cancel')}
        tone="danger"
        onConfirm={() => endOthers.mutate()}
        onCancel={() => setConfirming(null)}
        confirming={endOthers.isPending}
        error={endOthers.isError ? tc(describeError(endOthers.error).messageKey) : undefined}
      >
        <p>{t('sessions.endOthersBody')}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={confirming === 'all'}
        title={t('sessions.endAllTitle')}
        confirmLabel={t('sessions.endAllConfirm')}
        cancelLabel={tc('common.cancel')}
        tone="danger"
        onConfirm={() => endAll.mutate()}
        onCancel={() => setConfirming(null)}
        confirming={endAll.isPending}
        error={endAll.isError ? tc(describeError(endAll.error).messageKey) : undefined}
      >
        <p>{t('sessions.endAllBody')}</p>
      </ConfirmDialog>
    </Card>
  );
}
