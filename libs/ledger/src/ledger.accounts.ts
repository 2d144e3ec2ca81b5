import type { LedgerAccountKind } from '@dd/db';

/** Accounts that belong to someone: the owner is an organisation or a customer id. */
export const OWNED_ACCOUNT_KINDS = ['advertiser_balance', 'member_earnings', 'advertiser_reserved'] as const satisfies readonly LedgerAccountKind[];

/** The platform's singleton accounts, created by the migration. */
export const PLATFORM_ACCOUNT_KINDS = [
  'platform_fee',
  'platform_bank',
  'payouts_in_transit',
  'unclaimed_earnings',
  'sales_clearing',
  // VAT charged on invoices (libs/billing), owed to the tax authority.
  'vat_payable',
] as const satisfies readonly LedgerAccountKind[];

export type OwnedAccountKind = (typeof OWNED_ACCOUNT_KINDS)[number];
export type PlatformAccountKind = (typeof PLATFORM_ACCOUNT_KINDS)[number];

/**
 * Sign convention: a posting's amount is positive for a debit and negative for a credit. The bank
 * is an asset (its balance is the sum); every other account is money the platform holds for or
 * owes someone, or its revenue, so its balance is shown as minus the sum (ledger_balances does the same).
 */
export function normalBalance(kind: LedgerAccountKind, netCents: number): number {
  return kind === 'platform_bank' ? netCents : 0 - netCents;
}
