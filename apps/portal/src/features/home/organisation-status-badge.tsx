import { useTranslation } from 'react-i18next';
import type { Viewer } from '@dd/contract';
import { Badge, type BadgeTone } from '@dd/ui';

export type OrganisationStatus = NonNullable<Viewer['organisation']>['status'];

export const STATUS_TONE: Record<OrganisationStatus, BadgeTone> = {
  unverified: 'warning',
  verified: 'success',
  rejected: 'danger',
};

export function OrganisationStatusBadge({ status }: { status: OrganisationStatus }) {
  const { t } = useTranslation();
  return (
    <Badge tone={STATUS_TONE[status]} dot>
      {t(`home.advertiser.status.${status}.badge`)}
    </Badge>
  );
}
