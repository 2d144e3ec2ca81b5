import 'i18next';
import type { accountNl } from '../features/account/account.nl';
import type { adminAuditNl } from '../features/admin-audit/admin-audit.nl';
import type { adminOperationsNl } from '../features/admin-operations/admin-operations.nl';
import type { adminOrganisationsNl } from '../features/admin-organisations/admin-organisations.nl';
import type { adminPayoutsNl } from '../features/admin-payouts/admin-payouts.nl';
import type { bankStatementsNl } from '../features/bank-statements/bank-statements.nl';
import type { billingNl } from '../features/billing/billing.nl';
import type { earningsNl } from '../features/earnings/earnings.nl';
import type { LegalTranslations } from '../features/legal/legal.nl';
import type { moderationNl } from '../features/moderation/moderation.nl';
import type { notificationsNl } from '../features/notifications/notifications.nl';
import type { offersNl } from '../features/offers/offers.nl';
import type { purchasesNl } from '../features/purchases/purchases.nl';
import type { organisationNl } from '../features/organisation/organisation.nl';
import type { TwoFactorTranslations } from '../features/two-factor/two-factor.nl';
import type { Translations } from './nl';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: {
      translation: Translations;
      account: typeof accountNl;
      earnings: typeof earningsNl;
      adminPayouts: typeof adminPayoutsNl;
      billing: typeof billingNl;
      bankStatements: typeof bankStatementsNl;
      organisation: typeof organisationNl;
      adminOrganisations: typeof adminOrganisationsNl;
      adminAudit: typeof adminAuditNl;
      adminOperations: typeof adminOperationsNl;
      purchases: typeof purchasesNl;
      moderation: typeof moderationNl;
      offers: typeof offersNl;
      legal: LegalTranslations;
      twoFactor: TwoFactorTranslations;
      notifications: typeof notificationsNl;
    };
  }
}
