export { OWNED_ACCOUNT_KINDS, PLATFORM_ACCOUNT_KINDS, normalBalance } from './ledger.accounts';
export type { OwnedAccountKind, PlatformAccountKind } from './ledger.accounts';
export { auditLedger } from './ledger-audit.repository';
export type { LedgerAudit } from './ledger-audit.repository';
export { assertValidTransaction, contentHash } from './ledger.posting';
export type { PostingInput, TransactionInput } from './ledger.posting';
export {
  accountBalance,
  ensureOwnedAccount,
  ensureOwnedAccounts,
  platformAccounts,
  post,
  postTransaction,
  recordDeposit,
} from './ledger.service';
export type { PostedTransaction } from './ledger.service';
export { DEFAULT_LEDGER_SETTINGS, ledgerSettingsFrom, ledgerSettingsFromEnv } from './ledger.settings';
export type { LedgerSettings } from './ledger.settings';
export { BASIS_POINTS, apportion, splitSale } from './revenue-share';
export type { MemberShare, SaleSplit, SaleSplitInput } from './revenue-share';
export { chargeSale, createSale, distributionJobId, enqueueDistribution } from './sales.service';
export type { CreateSaleInput } from './sales.service';
export { distributeSale, saleKeys } from './distribution.service';
export type { DistributionOptions, DistributionResult } from './distribution.service';
