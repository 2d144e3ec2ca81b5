/** An admin's pages: one chunk, loaded when an admin first opens one of them. */
export { AdminAuditPage } from '../../features/admin-audit/admin-audit-page';
export { AdminOperationsPage } from '../../features/admin-operations/admin-operations-page';
export { AdminOrganisationsPage } from '../../features/admin-organisations/admin-organisations-page';
export { AdminPayoutsPage } from '../../features/admin-payouts/admin-payouts-page';
export { BankStatementsPage } from '../../features/bank-statements/bank-statements-page';
export { AdminHomePage } from '../../features/home/admin-home-page';
export { ModerationPage } from '../../features/moderation/moderation-page';
