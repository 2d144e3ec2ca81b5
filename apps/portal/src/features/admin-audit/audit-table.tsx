import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '@dd/contract';
import { formatDateTime } from '../../app/format';
import { TableScroll } from '@dd/ui';

const ROLES = ['admin', 'advertiser', 'customer', 'system'] as const;
type KnownRole = (typeof ROLES)[number];
const isKnownRole = (role: string): role is KnownRole => (ROLES as readonly string[]).includes(role);

/** Details as "key: value" lines; nested values as JSON, since the log keeps what each action chose to record. */
export function detailLines(details: Record<string, unknown>): string[] {
  return Object.entries(details).map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`);
}

export function AuditTable({ entries }: { entries: readonly AuditEntry[] }) {
  const { t, i18n } = useTranslation('adminAudit');
  return (
    <TableScroll className="audit-table__wrap" label={t('table.caption')}>
      <table className="dd-table audit-table">
        <caption className="dd-visually-hidden">{t('table.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('table.at')}</th>
            <th scope="col">{t('table.action')}</th>
            <th scope="col">{t('table.subject')}</th>
            <th scope="col">{t('table.actor')}</th>
            <th scope="col">{t('table.details')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td className="audit-table__at">{formatDateTime(entry.at, i18n.language)}</td>
              <th scope="row" className="audit-table__action">
                {entry.action}
              </th>
              <td>
                {entry.subjectType}
                {entry.subjectId ? <span className="audit-table__id">{entry.subjectId}</span> : null}
              </td>
              <td>
                <ActorCell entry={entry} />
              </td>
              <td>
                <ul className="audit-table__details">
                  {detailLines(entry.details).map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** Who did it: the person's name and role; "erased account" once the account is gone; the role alone for the system. */
export function ActorCell({ entry }: { entry: Pick<AuditEntry, 'actorUserId' | 'actorRole' | 'actorName'> }) {
  const { t } = useTranslation('adminAudit');
  const role = isKnownRole(entry.actorRole) ? t(`roles.${entry.actorRole}`) : entry.actorRole;
  if (!entry.actorUserId) return <span className="audit-table__actor-name">{role}</span>;
  return (
    <>
      <span className="audit-table__actor-name">{entry.actorName ?? t('table.erasedActor')}</span>
      <span className="audit-table__id">{role}</span>
    </>
  );
}
