import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { NotificationPreference } from '@dd/contract';
import { Alert, Card, Switch } from '@dd/ui';
import { describeError } from '../../app/api-error';
import { SectionLoadError, SectionLoading } from '../../app/status-views';
import { useTRPC } from '../../app/trpc';
import './notifications.css';

/**
 * The account page's "Notifications" section: per kind of the user's role, whether it is also mailed.
 * A mail the law requires (about money or the account) shows as on and disabled, with the reason.
 */
export function NotificationSettingsSection() {
  const { t } = useTranslation('notifications');
  const { t: tc } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const preferences = useQuery(trpc.notifications.preferences.get.queryOptions());
  const [saved, setSaved] = useState('');
  const save = useMutation(
    trpc.notifications.preferences.set.mutationOptions({
      onSuccess: (next) => {
        queryClient.setQueryData(trpc.notifications.preferences.get.queryKey(), next);
        setSaved(t('settings.saved'));
      },
    }),
  );

  const kindName = (preference: NotificationPreference) => t(`kinds.${preference.kind}`);

  return (
    // The empty notifications page links here (/account#notification-settings).
    <div id="notification-settings">
      <Card title={t('settings.heading')} headingLevel={2} as="section">
        <p className="account-section__intro">{t('settings.description')}</p>
        {save.isError ? <Alert tone="danger">{tc(describeError(save.error).messageKey)}</Alert> : null}
        <p className="dd-visually-hidden" role="status">
          {saved}
        </p>
        {preferences.isPending ? (
          <SectionLoading />
        ) : preferences.isError ? (
          <SectionLoadError title={t('settings.loadError')} error={preferences.error} onRetry={() => void preferences.refetch()} retrying={preferences.isFetching} />
        ) : preferences.data.length === 0 ? (
          <p>{t('settings.none')}</p>
        ) : (
          <ul className="notification-settings">
            {preferences.data.map((preference) => {
              const reasonId = `notification-reason-${preference.kind.replace('.', '-')}`;
              return (
                <li key={preference.kind}>
                  <Switch
                    label={t('settings.mailLabel', { kind: kindName(preference) })}
                    stateText={{ on: t('settings.on'), off: t('settings.off') }}
                    checked={preference.mail}
                    disabled={preference.mandatory !== null || (save.isPending && save.variables.kind === preference.kind)}
                    aria-describedby={preference.mandatory ? reasonId : undefined}
                    onChange={(event) => {
                      setSaved('');
                      save.mutate({ kind: preference.kind, mail: event.currentTarget.checked });
                    }}
                  />
                  {preference.mandatory ? (
                    <p id={reasonId} className="notification-settings__reason">
                      {t(`settings.mandatory.${preference.mandatory}`)}
                    </p>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
      </Card>
    </div>
  );
}
