import { useTranslation } from 'react-i18next';
import type { PurchaseStatusCode } from '@dd/contract';
import { Badge, type BadgeTone } from '@dd/ui';

const TONE: Record<PurchaseStatusCode, BadgeTone> = {
  pending_review: 'info',
  approved: 'brand',
  rejected: 'danger',
  cancelled: 'neutral',
  fulfilling: 'brand',
  delivered: 'success',
  failed: 'danger',
};

/** A request's status as a coloured badge; the colour repeats the text, it never replaces it. */
export function PurchaseStatusBadge({ status }: { status: PurchaseStatusCode }) {
  const { t } = useTranslation('purchases');
  return (
    <Badge tone={TONE[status]} dot>
      {t(`statuses.${status}`)}
    </Badge>
  );
}
