import 'i18next';
import type { adminPayoutsNl } from '../features/admin-payouts/admin-payouts.nl';
import type { bankStatementsNl } from '../features/bank-statements/bank-statements.nl';
import type { billingNl } from '../features/billing/billing.nl';
import type { earningsNl } from '../features/earnings/earnings.nl';
import type { Translations } from './nl';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: {
      translation: Translations;
      earnings: typeof earningsNl;
      adminPayouts: typeof adminPayoutsNl;
      billing: typeof billingNl;
      bankStatements: typeof bankStatementsNl;
    };
  }
}
