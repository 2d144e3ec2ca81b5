import type { PayoutStatus } from '@dd/contract';
import type { BadgeTone } from '@dd/ui';

export const PAYOUT_STATUS_TONE: Record<PayoutStatus, BadgeTone> = {
  in_review: 'warning',
  approved: 'info',
  in_transit: 'brand',
  paid: 'success',
  rejected: 'danger',
  returned: 'warning',
};
