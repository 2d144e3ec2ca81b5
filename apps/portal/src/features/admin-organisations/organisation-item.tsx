import { useTranslation } from 'react-i18next';
import type { AdminOrganisation } from '@dd/contract';
import { Badge, Button } from '@dd/ui';
import { formatDate, formatDateTime } from '../../app/format';
import { STATUS_TONE } from '../home/organisation-status-badge';
import type { OrganisationDecision } from './decision-dialog';

interface OrganisationItemProps {
  organisation: AdminOrganisation;
  industryLabel: (code: string) => string;
  onDecide: (decision: OrganisationDecision) => void;
}

/** One organisation with every detail the decision is about, the decision buttons while it waits, and "withdraw" once verified. */
export function OrganisationItem({ organisation: o, industryLabel, onDecide }: OrganisationItemProps) {
  const { t, i18n } = useTranslation('adminOrganisations');
  const notGiven = <span className="admin-organisations__missing">{t('details.notGiven')}</span>;
  const missing = o.missing.map((detail) => t(`missing.${detail}`)).join(', ');
  const headingId = `organisation-${o.id}`;
  return (
    <li className="admin-organisations__item" aria-labelledby={headingId}>
      <div className="admin-organisations__head">
        <h3 id={headingId} className="admin-organisations__name">
          {o.name}
        </h3>
        <Badge tone={STATUS_TONE[o.status]} dot>
          {t(`statuses.${o.status}`)}
        </Badge>
      </div>
      <dl className="admin-organisations__details">
        <div>
          <dt>{t('details.kvkNumber')}</dt>
          <dd>{o.kvkNumber ?? notGiven}</dd>
        </div>
        <div>
          <dt>{t('details.vatNumber')}</dt>
          <dd>{o.vatNumber ?? notGiven}</dd>
        </div>
        <div>
          <dt>{t('details.industry')}</dt>
          <dd>{o.industry ? industryLabel(o.industry) : notGiven}</dd>
        </div>
        <div>
          <dt>{t('details.contact')}</dt>
          <dd>
            {o.contactName ?? notGiven}
            <span className="admin-organisations__sub">{o.contactEmail ?? ''}</span>
          </dd>
        </div>
        <div>
          <dt>{t('details.registered')}</dt>
          <dd>
            {formatDateTime(o.createdAt, i18n.language)}
            <span className="admin-organisations__sub">{t('details.accounts', { count: o.accounts })}</span>
          </dd>
        </div>
        {o.decidedAt ? (
          <div>
            <dt>{t('details.decided')}</dt>
            <dd>{formatDateTime(o.decidedAt, i18n.language)}</dd>
          </div>
        ) : null}
      </dl>
      {o.verificationEnded ? (
        <p className="admin-organisations__ended">
          {t(`details.ended.${o.verificationEnded.cause}`, { date: formatDate(o.verificationEnded.at, i18n.language) })}
        </p>
      ) : null}
      {o.rejectionReason ? <p className="admin-organisations__reason">{t('details.reason', { reason: o.rejectionReason })}</p> : null}
      {o.status === 'unverified' && missing ? <p className="admin-organisations__incomplete">{t('details.missing', { missing })}</p> : null}
      {o.status === 'unverified' ? (
        <div className="admin-organisations__actions">
          <Button size="sm" disabled={o.missing.length > 0} onClick={() => onDecide('verify')}>
            {t('actions.verify')}
            <span className="dd-visually-hidden"> {t('actions.for', { name: o.name })}</span>
          </Button>
          <Button size="sm" variant="secondary" onClick={() => onDecide('reject')}>
            {t('actions.reject')}
            <span className="dd-visually-hidden"> {t('actions.for', { name: o.name })}</span>
          </Button>
        </div>
      ) : null}
      {o.status === 'verified' ? (
        <div className="admin-organisations__actions">
          <Button size="sm" variant="secondary" onClick={() => onDecide('withdraw')}>
            {t('actions.withdraw')}
            <span className="dd-visually-hidden"> {t('actions.for', { name: o.name })}</span>
          </Button>
        </div>
      ) : null}
    </li>
  );
}
