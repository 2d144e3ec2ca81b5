import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ProfileDto } from '@dd/contract';
import { Alert, Card, PageHeader } from '@dd/ui';
import { formatDate } from '../../app/format';
import { usePageTitle } from '../../app/page-title';
import { useReferenceLabels } from '../../app/reference-data';
import type { ReferenceLabels } from '../../app/reference-labels';
import { PageLoadError, PageLoading } from '../../app/status-views';
import { useTRPC } from '../../app/trpc';
import { ProfileForm } from './profile-form';
import './profile.css';

const HOUSEHOLD_BANDS = ['single', 'two', 'three_four', 'five_plus'] as const;
const RECOMPUTE_WAIT_MS = 20_000;

export function ProfilePage() {
  const { t } = useTranslation();
  usePageTitle(t('titles.profile'));
  const trpc = useTRPC();
  // After a save the worker recomputes the features; look again until they change (at most ~20 s).
  const [recompute, setRecompute] = useState<{ previous: string | null; since: number } | null>(null);
  const profile = useQuery(
    trpc.profile.get.queryOptions(undefined, {
      refetchInterval: (query) => {
        if (!recompute) return false;
        const computedAt = query.state.data?.features?.computedAt ?? null;
        return computedAt === recompute.previous && query.state.dataUpdatedAt - recompute.since < RECOMPUTE_WAIT_MS ? 1_500 : false;
      },
    }),
  );
  const { query: reference, labels } = useReferenceLabels();

  if (profile.isPending || reference.isPending) return <PageLoading />;
  if (profile.isError) return <PageLoadError error={profile.error} onRetry={() => void profile.refetch()} retrying={profile.isFetching} />;
  if (reference.isError || !labels) return <PageLoadError error={reference.error} onRetry={() => void reference.refetch()} retrying={reference.isFetching} />;

  return (
    <div className="page dd-container">
      <PageHeader eyebrow={t('profile.eyebrow')} title={t('profile.title')} description={t('profile.description')} />
      {profile.data.isAdult === false ? (
        <Alert tone="warning" title={t('profile.isMinorTitle')} className="profile-minor">
          {t('profile.isMinor')}
        </Alert>
      ) : null}
      <div className="profile-layout">
        <ProfileForm
          profile={profile.data}
          labels={labels}
          onSaved={() => setRecompute({ previous: profile.data.features?.computedAt ?? null, since: Date.now() })}
        />
        <div className="profile-aside">
          <Card as="section" icon="shield" headingLevel={2} title={t('profile.keptTitle')} tone="muted">
            <ul className="check-list">
              <li>{t('profile.kept.birthYear')}</li>
              <li>{t('profile.kept.postcode')}</li>
              <li>{t('profile.kept.household')}</li>
              <li>{t('profile.kept.interests')}</li>
            </ul>
          </Card>
          <Card as="section" icon="info" headingLevel={2} title={t('profile.minorsTitle')}>
            <p>{t('profile.minorsBody')}</p>
          </Card>
          <FeaturesCard profile={profile.data} labels={labels} />
        </div>
      </div>
    </div>
  );
}

/** What segments could ever use about this person: the coarse, derived features. */
function FeaturesCard({ profile, labels }: { profile: ProfileDto; labels: ReferenceLabels }) {
  const { t, i18n } = useTranslation();
  const features = profile.features;
  const ageBand = (band: string | null) =>
    band === null ? t('common.unknown') : band === 'minor' ? t('profile.ageBands.minor') : t('profile.ageBands.years', { band: band.replace('-', '–') });
  const household = (band: string | null) =>
    band && (HOUSEHOLD_BANDS as readonly string[]).includes(band) ? t(`profile.householdBands.${band as (typeof HOUSEHOLD_BANDS)[number]}`) : t('common.unknown');

  return (
    <Card as="section" icon="users" headingLevel={2} title={t('profile.featuresTitle')}>
      <p>{t('profile.featuresIntro')}</p>
      {features ? (
        <>
          <dl className="fact-list profile-features">
            <div>
              <dt>{t('profile.features.ageBand')}</dt>
              <dd>{ageBand(features.ageBand)}</dd>
            </div>
            <div>
              <dt>{t('profile.features.province')}</dt>
              <dd>{features.province ? labels.province(features.province) : t('common.unknown')}</dd>
            </div>
            <div>
              <dt>{t('profile.features.household')}</dt>
              <dd>{household(features.householdBand)}</dd>
            </div>
            <div>
              <dt>{t('profile.features.interests')}</dt>
              <dd>{features.interests.length ? features.interests.map((code) => labels.interest(code)).join(', ') : t('profile.features.noInterests')}</dd>
            </div>
          </dl>
          <p className="page-section__note">{t('profile.features.computedAt', { date: formatDate(features.computedAt, i18n.language) })}</p>
        </>
      ) : (
        <p className="page-section__note">{t('profile.features.none')}</p>
      )}
    </Card>
  );
}
