import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Button, LoadingBlock } from '@dd/ui';
import { useTRPC } from '../../app/trpc';

/** The admin's first glance: how many people and organisations the platform serves, and what waits. */
export function PlatformStats() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const overview = useQuery(trpc.admin.overview.queryOptions());

  if (overview.isPending) return <LoadingBlock label={t('common.loading')} />;
  if (overview.isError) {
    return (
      <Alert
        tone="danger"
        title={t('home.admin.stats.loadError')}
        action={
          <Button variant="secondary" size="sm" onClick={() => void overview.refetch()} loading={overview.isFetching}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  const stats = [
    { id: 'customers', value: overview.data.customers },
    { id: 'advertisers', value: overview.data.advertisers },
    { id: 'awaiting', value: overview.data.organisationsAwaitingVerification },
    { id: 'verified', value: overview.data.organisationsVerified },
  ] as const;
  const format = new Intl.NumberFormat('nl-NL');
  return (
    <section aria-labelledby="platform-stats-title" className="platform-stats">
      <h2 id="platform-stats-title">{t('home.admin.stats.title')}</h2>
      <dl>
        {stats.map((stat) => (
          <div key={stat.id} className="platform-stats__item">
            <dt>{t(`home.admin.stats.${stat.id}`)}</dt>
            <dd>{format.format(stat.value)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
