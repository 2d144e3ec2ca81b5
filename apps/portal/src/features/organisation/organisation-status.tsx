import { useTranslation } from 'react-i18next';
import type { Organisation } from '@dd/contract';
import { Alert, Badge } from '@dd/ui';
import { formatDate } from '../../app/format';
import { STATUS_TONE } from '../home/organisation-status-badge';

const ALERT_TONE = { unverified: 'warning', verified: 'success', rejected: 'danger' } as const;

export function OrganisationStatusTag({ status }: { status: Organisation['status'] }) {
  const { t } = useTranslation('organisation');
  return (
    <Badge tone={STATUS_TONE[status]} dot>
      {t(`status.${status}.badge`)}
    </Badge>
  );
}

/** What the status means for the advertiser right now, and what to do next. */
export function OrganisationStatusPanel({ organisation }: { organisation: Organisation }) {
  const { t, i18n } = useTranslation('organisation');
  const { status } = organisation;
  const missing = organisation.missing.map((detail) => t(`missing.${detail}`)).join(', ');
  return (
    <Alert tone={ALERT_TONE[status]} title={t(`status.${status}.title`)} className="organisation-status">
      {status === 'unverified' ? (
        <>
          <p>{t('status.unverified.body')}</p>
          <p>{missing ? t('status.unverified.incomplete', { missing }) : t('status.unverified.complete')}</p>
        </>
      ) : null}
      {status === 'rejected' ? (
        <>
          <p>{t('status.rejected.body')}</p>
          <blockquote className="organisation-status__reason">{organisation.rejectionReason}</blockquote>
          <p>{t('status.rejected.action')}</p>
        </>
      ) : null}
      {status === 'verified' ? (
        <>
          <p>{t('status.verified.body')}</p>
          {organisation.decidedAt ? <p>{t('status.verified.decidedAt', { date: formatDate(organisation.decidedAt, i18n.language) })}</p> : null}
        </>
      ) : null}
    </Alert>
  );
}
