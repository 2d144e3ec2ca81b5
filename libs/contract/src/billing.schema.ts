import { z } from 'zod';
import { uploadSummarySchema } from './imports.schema';
import { plainText } from './text.schema';

// Advertiser balance, top-ups and invoices; the admin's bank statements and payment review.

/** Stored form: "DD" + 12 digits (the portal shows it in groups of four). */
export const paymentReferenceSchema = z.string().regex(/^DD\d{12}$/);

export const billingHistoryKindSchema = z.enum(['topUp', 'purchase', 'vat', 'reservation', 'release', 'other']);
export type BillingHistoryKind = z.infer<typeof billingHistoryKindSchema>;

export const billingHistoryItemSchema = z.object({
  transactionId: z.number().int(),
  at: z.string(),
  kind: billingHistoryKindSchema,
  /** From the advertiser's side: positive money in, negative money spent. */
  amountCents: z.number().int(),
  balanceAfterCents: z.number().int(),
  invoiceId: z.string().uuid().nullable(),
  invoiceNumber: z.string().nullable(),
  /** Top-ups: who paid and the bank's booking date. */
  counterpartyName: z.string().nullable(),
  bookedOn: z.string().nullable(),
});
export type BillingHistoryItem = z.infer<typeof billingHistoryItemSchema>;

export const billingSummarySchema = z.object({
  balanceCents: z.number().int(),
  /** Set aside for purchase requests under review or being fulfilled. */
  reservedCents: z.number().int(),
  paymentReference: paymentReferenceSchema,
  topUp: z.object({ iban: z.string(), accountName: z.string(), bic: z.string().nullable() }),
  /** VAT charged on top of every purchase, in basis points (2,100 = 21%). */
  vatRateBp: z.number().int(),
  history: z.array(billingHistoryItemSchema),
});
export type BillingSummary = z.infer<typeof billingSummarySchema>;

export const invoiceListItemSchema = z.object({
  id: z.string().uuid(),
  number: z.string(),
  issuedOn: z.string(),
  description: z.string(),
  netCents: z.number().int(),
  vatCents: z.number().int(),
  totalCents: z.number().int(),
});
export type InvoiceListItem = z.infer<typeof invoiceListItemSchema>;

export const invoiceSchema = z.object({
  id: z.string().uuid(),
  number: z.string(),
  issuedOn: z.string(),
  /** The day the data product was delivered (the sale). */
  suppliedOn: z.string(),
  seller: z.object({
    name: z.string(),
    addressLines: z.array(z.string()),
    kvkNumber: z.string(),
    vatNumber: z.string(),
    iban: z.string(),
    accountName: z.string(),
  }),
  /** Name, postal address (empty when the organisation gave none, or on invoices from before), KvK, VAT number and contact identify the buyer. */
  buyer: z.object({
    name: z.string(),
    addressLines: z.array(z.string()),
    kvkNumber: z.string().nullable(),
    vatNumber: z.string().nullable(),
    contactName: z.string().nullable(),
    contactEmail: z.string().nullable(),
  }),
  lines: z.array(
    z.object({
      description: z.string(),
      /**
       * The billed audience: the privacy-protected (noised, capped) count released for the purchase,
       * not the exact number of members, who share the member part of the whole amount.
       */
      quantity: z.number().int(),
      /** Net price per member, in cents; may have fractions of a cent. */
      unitPriceCents: z.number(),
      netCents: z.number().int(),
    }),
  ),
  netCents: z.number().int(),
  vatRateBp: z.number().int(),
  vatCents: z.number().int(),
  totalCents: z.number().int(),
});
export type Invoice = z.infer<typeof invoiceSchema>;

export const invoiceIdInput = z.object({ invoiceId: z.string().uuid('validation.invalidId') });

export const bankStatementStatusSchema = z.enum(['stored', 'processing', 'imported', 'failed']);
export type BankStatementStatus = z.infer<typeof bankStatementStatusSchema>;

export const bankStatementSchema = z.object({
  id: z.string().uuid(),
  fileName: z.string(),
  byteSize: z.number().int(),
  status: bankStatementStatusSchema,
  accountIban: z.string().nullable(),
  firstBookedOn: z.string().nullable(),
  lastBookedOn: z.string().nullable(),
  entriesTotal: z.number().int().nullable(),
  entriesNew: z.number().int().nullable(),
  entriesDuplicate: z.number().int().nullable(),
  counts: z.object({ booked: z.number().int(), unmatched: z.number().int(), dismissed: z.number().int(), open: z.number().int() }),
  /** Why the statement was refused: the same shape (codes, parameters, lines) as a customer upload's error. */
  error: uploadSummarySchema.shape.error,
  uploadedBy: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type BankStatement = z.infer<typeof bankStatementSchema>;

/** Stored with every credit waiting for review: never renamed or reused. */
export const unmatchedReasonSchema = z.enum(['noReference', 'invalidReference', 'unknownReference', 'ambiguous', 'currency', 'zeroAmount']);
export type UnmatchedReasonCode = z.infer<typeof unmatchedReasonSchema>;

export const unmatchedCreditSchema = z.object({
  id: z.number().int(),
  bookedOn: z.string(),
  amountCents: z.number().int(),
  currency: z.string(),
  counterpartyName: z.string(),
  counterpartyIban: z.string().nullable(),
  remittance: z.string(),
  /** Well-formed references found in the remittance (several for an ambiguous payment). */
  references: z.array(z.string()),
  reason: unmatchedReasonSchema,
  statementId: z.string().uuid(),
  fileName: z.string(),
});
export type UnmatchedCredit = z.infer<typeof unmatchedCreditSchema>;

export const advertiserOptionSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  kvkNumber: z.string().nullable(),
  status: z.enum(['unverified', 'verified', 'rejected']),
  paymentReference: z.string().nullable(),
});
export type AdvertiserOption = z.infer<typeof advertiserOptionSchema>;

export const BANK_NOTE_MAX = 500;

export const assignCreditInput = z.object({
  entryId: z.number().int().positive('validation.invalidId'),
  organisationId: z.string().uuid('bankStatements:review.advertiserRequired'),
  note: plainText({ max: BANK_NOTE_MAX, messages: { tooLong: 'bankStatements:review.noteTooLong' } }).optional(),
});
export type AssignCreditInput = z.input<typeof assignCreditInput>;

export const dismissCreditInput = z.object({
  entryId: z.number().int().positive('validation.invalidId'),
  note: plainText({ min: 3, max: BANK_NOTE_MAX, messages: { required: 'bankStatements:review.noteRequired', tooLong: 'bankStatements:review.noteTooLong' } }),
});
export type DismissCreditInput = z.input<typeof dismissCreditInput>;
