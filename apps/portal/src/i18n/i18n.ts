import { accountEn } from '../features/account/account.en';
import { accountNl } from '../features/account/account.nl';
import { adminAuditEn } from '../features/admin-audit/admin-audit.en';
import { adminAuditNl } from '../features/admin-audit/admin-audit.nl';
import { adminOperationsEn } from '../features/admin-operations/admin-operations.en';
import { adminOperationsNl } from '../features/admin-operations/admin-operations.nl';
import { adminOrganisationsEn } from '../features/admin-organisations/admin-organisations.en';
import { adminOrganisationsNl } from '../features/admin-organisations/admin-organisations.nl';
import { adminPayoutsEn } from '../features/admin-payouts/admin-payouts.en';
import { adminPayoutsNl } from '../features/admin-payouts/admin-payouts.nl';
import { bankStatementsEn } from '../features/bank-statements/bank-statements.en';
import { bankStatementsNl } from '../features/bank-statements/bank-statements.nl';
import { billingEn } from '../features/billing/billing.en';
import { billingNl } from '../features/billing/billing.nl';
import { earningsEn } from '../features/earnings/earnings.en';
import { earningsNl } from '../features/earnings/earnings.nl';
import { legalEn } from '../features/legal/legal.en';
import { legalNl } from '../features/legal/legal.nl';
import { moderationEn } from '../features/moderation/moderation.en';
import { moderationNl } from '../features/moderation/moderation.nl';
import { notificationsEn } from '../features/notifications/notifications.en';
import { notificationsNl } from '../features/notifications/notifications.nl';
import { offersEn } from '../features/offers/offers.en';
import { offersNl } from '../features/offers/offers.nl';
import { organisationEn } from '../features/organisation/organisation.en';
import { organisationNl } from '../features/organisation/organisation.nl';
import { purchasesEn } from '../features/purchases/purchases.en';
import { purchasesNl } from '../features/purchases/purchases.nl';
import { twoFactorEn } from '../features/two-factor/two-factor.en';
import { twoFactorNl } from '../features/two-factor/two-factor.nl';
import { en } from './en';
import { nl } from './nl';

/**
 * Every namespace in both languages, for the tests; the portal itself loads them per page (see
 * create-i18n.ts and feature-namespaces.ts).
 * `translation` holds the shared texts and most pages. Larger features get a namespace of their own
 * (`useTranslation('earnings')`): TypeScript checks every t() call against all keys of its namespace,
 * and one namespace of well over 900 keys exceeds its instantiation limits.
 */
export const resources = {
  nl: { translation: nl, account: accountNl, earnings: earningsNl, adminPayouts: adminPayoutsNl, billing: billingNl, bankStatements: bankStatementsNl, purchases: purchasesNl, moderation: moderationNl, offers: offersNl, organisation: organisationNl, adminOrganisations: adminOrganisationsNl, adminAudit: adminAuditNl, adminOperations: adminOperationsNl, legal: legalNl, twoFactor: twoFactorNl, notifications: notificationsNl },
  en: { translation: en, account: accountEn, earnings: earningsEn, adminPayouts: adminPayoutsEn, billing: billingEn, bankStatements: bankStatementsEn, purchases: purchasesEn, moderation: moderationEn, offers: offersEn, organisation: organisationEn, adminOrganisations: adminOrganisationsEn, adminAudit: adminAuditEn, adminOperations: adminOperationsEn, legal: legalEn, twoFactor: twoFactorEn, notifications: notificationsEn },
} as const;

export const NAMESPACES = ['translation', 'account', 'earnings', 'adminPayouts', 'billing', 'bankStatements', 'purchases', 'moderation', 'offers', 'organisation', 'adminOrganisations', 'adminAudit', 'adminOperations', 'legal', 'twoFactor', 'notifications'] as const;
