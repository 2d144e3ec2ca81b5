export {
  checkDigits,
  findPaymentReferences,
  formatPaymentReference,
  generatePaymentReference,
  isValidPaymentReference,
  normalisePaymentReference,
  PAYMENT_REFERENCE_PREFIX,
  paymentReferenceFromBody,
} from './payment-reference';
export type { ReferenceScan } from './payment-reference';
export { ensurePaymentReference } from './payment-reference.service';
export { billingSettingsFrom, billingSettingsFromEnv, DEFAULT_BILLING_SETTINGS } from './billing.settings';
export type { BillingSettings, SellerDetails } from './billing.settings';
export { classifyEntry, decideEntry, UNMATCHED_REASONS } from './statement-matching';
export type { ClassifiedEntry, EntryDecision, UnmatchedReason } from './statement-matching';
export { failStatementImport, runStatementImport, sweepStuckStatements } from './statement-import';
export type { StatementImportResult } from './statement-import';
export { bookTopUp, topUpKey } from './top-up';
export { createBankStatementService, statementImportJobId } from './bank-statement.service';
export type { AdvertiserOptionDto, BankStatementDto, BankStatementService, StatementErrorDto, UnmatchedCreditDto } from './bank-statement.service';
export { dutchDate, invoiceAmounts, invoiceNumber, unitPriceCents } from './invoice.arithmetic';
export type { InvoiceAmounts } from './invoice.arithmetic';
export { DEFAULT_INVOICE_DESCRIPTION, invoiceSale, recordPurchase, vatKey } from './invoice.service';
export type { InvoiceBuyer, InvoiceSeller, IssuedInvoice } from './invoice.service';
export { createBillingService } from './billing.service';
export type { BillingService, BillingSummaryDto, HistoryItemDto, HistoryKind, InvoiceDto, InvoiceListItemDto } from './billing.service';
export { camt053Document } from './camt053.writer';
export type { CamtEntry } from './camt053.writer';
