import type { Migration } from 'kysely';
import * as m20261123T110000 from './20261123T110000-accounts';
import * as m20261123T120000 from './20261123T120000-customer-data';
import * as m20261123T130000 from './20261123T130000-profile-consent';
import * as m20261123T140000 from './20261123T140000-audience';
import * as m20261123T150000 from './20261123T150000-ledger';
import * as m20261123T160000 from './20261123T160000-advertiser-payments';
import * as m20261123T170000 from './20261123T170000-payouts';
import * as m20261123T180000 from './20261123T180000-saved-segments';
import * as m20261123T190000 from './20261123T190000-marketplace';
import * as m20261123T203000 from './20261123T203000-payout-returns';
import * as m20261124T090000 from './20261124T090000-privacy-releases';
import * as m20261124T120000 from './20261124T120000-known-devices';
import * as m20261124T130000 from './20261124T130000-organisation-verification-end';
import * as m20261124T160000 from './20261124T160000-transaction-recategorisations';
import * as m20261125T090000 from './20261125T090000-receipt-purpose-statement';
import * as m20261126T090000 from './20261126T090000-transaction-reversal';
import * as m20261206T110000 from './20261206T110000-payout-batch-file-failure';
import * as m20261206T110100 from './20261206T110100-organisation-address';
import * as m20261206T130000 from './20261206T130000-mail-and-account-tokens';
import * as m20261206T140000 from './20261206T140000-session-devices-and-email-change';
import * as m20261206T150000 from './20261206T150000-notifications';
import * as m20261206T160000 from './20261206T160000-admin-two-factor';
import * as m20261206T170000 from './20261206T170000-upload-contents-lz4';

/**
 * Static index: bundlers and Docker images drop folders they cannot see being imported, so every
 * migration is listed here by hand, in order. Names are a persistent contract; never rename one.
 */
export const migrations: Record<string, Migration> = {
  '20261123T110000-accounts': m20261123T110000,
  '20261123T120000-customer-data': m20261123T120000,
  '20261123T130000-profile-consent': m20261123T130000,
  '20261123T140000-audience': m20261123T140000,
  '20261123T150000-ledger': m20261123T150000,
  '20261123T160000-advertiser-payments': m20261123T160000,
  '20261123T170000-payouts': m20261123T170000,
  '20261123T180000-saved-segments': m20261123T180000,
  '20261123T190000-marketplace': m20261123T190000,
  '20261123T203000-payout-returns': m20261123T203000,
  '20261124T090000-privacy-releases': m20261124T090000,
  '20261124T120000-known-devices': m20261124T120000,
  '20261124T130000-organisation-verification-end': m20261124T130000,
  '20261124T160000-transaction-recategorisations': m20261124T160000,
  '20261125T090000-receipt-purpose-statement': m20261125T090000,
  '20261126T090000-transaction-reversal': m20261126T090000,
  '20261206T110000-payout-batch-file-failure': m20261206T110000,
  '20261206T110100-organisation-address': m20261206T110100,
  '20261206T130000-mail-and-account-tokens': m20261206T130000,
  '20261206T140000-session-devices-and-email-change': m20261206T140000,
  '20261206T150000-notifications': m20261206T150000,
  '20261206T160000-admin-two-factor': m20261206T160000,
  '20261206T170000-upload-contents-lz4': m20261206T170000,
};
