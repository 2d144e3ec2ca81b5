import { useTranslation } from 'react-i18next';
import type { Organisation } from '@dd/contract';
import { Alert, Badge } from '@dd/ui';
import { formatDate } from '../../app/format';
import { STATUS_TONE } from '../home/organisation-status-badge';

const ALERT_TONE = { unverified: 'warning', verified: 'success', rejected: 'danger' } as const;

/** Rejected after a withdrawn verification reads differently from a first rejection. */
const withdrawn = (organisation: Pick<Organisation, 'status' | 'verificationEnded'>) =>
  organisation.status === 'rejected' && organisation.verificationEnded?.cause === 'withdrawn';

export function OrganisationStatusTag({ organisation }: { organisation: Pick<Organisation, 'status' | 'verificationEnded'> }) {
  const { t } = useTranslation('organisation');
  return (
    <Badge tone={STATUS_TONE[organisation.status]} dot>
      {withdrawn(organisation) ? t('status.withdrawn.badge') : t(`status.${organisation.status}.badge`)}
    </Badge>
  );
}

/** What the status means for the advertiser right now, and what to do next. */
export function OrganisationStatusPanel({ organisation }: { organisation: Organisation }) {
  const { t, i18n } = useTranslation('organisation');
  const { status, verificationEnded } = organisation;
  const missing = organisation.missing.map((detail) => t(`missing.${detail}`)).join(', ');
  const endedOn = verificationEnded ? formatDate(verificationEnded.at, i18n.language) : '';
  // Verified before, changed since: the advertiser sees that the review is theirs again, and why.
  const reviewAgain = status === 'unverified' && verificationEnded?.cause === 'detailsChanged';
  const title = reviewAgain ? t('status.reviewAgain.title') : withdrawn(organisation) ? t('status.withdrawn.title') : t(`status.${status}.title`);
  return (
    <Alert tone={ALERT_TONE[status]} title={title} className="organisation-status">
      {status === 'unverified' ? (
        <>
          <p>{reviewAgain ? t('status.reviewAgain.body', { date: endedOn }) : t('status.unverified.body')}</p>
          <p>{missing ? t('status.unverified.incomplete', { missing }) : t('status.unverified.complete')}</p>
        </>
      ) : null}
      {status === 'rejected' ? (
        <>
          <p>{withdrawn(organisation) ? t('status.withdrawn.body', { date: endedOn }) : t('status.rejected.body')}</p>
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
