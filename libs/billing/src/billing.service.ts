import type { Db } from '@dd/db';
import { accountBalance } from '@dd/ledger';
import { invoiceNotFoundError, noOrganisationError } from './billing.errors';
import type { BillingSettings } from './billing.settings';
import { billingHistoryRepository, type HistoryRow } from './billing-history.repository';
import { unitPriceCents } from './invoice.arithmetic';
import { invoiceRepository } from './invoice.repository';
import type { InvoiceBuyer, InvoiceSeller } from './invoice.service';
import { ensurePaymentReference } from './payment-reference.service';

export type HistoryKind = 'topUp' | 'purchase' | 'vat' | 'reservation' | 'release' | 'other';

export interface HistoryItemDto {
  transactionId: number;
  at: string;
  kind: HistoryKind;
  amountCents: number;
  balanceAfterCents: number;
  invoiceId: string | null;
  invoiceNumber: string | null;
  counterpartyName: string | null;
  bookedOn: string | null;
}

export interface BillingSummaryDto {
  balanceCents: number;
  /** Set aside for purchase requests that are not settled yet; not spendable, not lost. */
  reservedCents: number;
  /** Stored form, `DD` + 12 digits; the portal groups it for reading. */
  paymentReference: string;
  topUp: { iban: string; accountName: string; bic: string | null };
  /** The VAT charged on top of every purchase, in basis points. */
  vatRateBp: number;
  history: HistoryItemDto[];
}

export interface InvoiceListItemDto {
  id: string;
  number: string;
  issuedOn: string;
  description: string;
  netCents: number;
  vatCents: number;
  totalCents: number;
}

export interface InvoiceDto {
  id: string;
  number: string;
  issuedOn: string;
  suppliedOn: string;
  seller: InvoiceSeller;
  buyer: Required<InvoiceBuyer>;
  lines: { description: string; quantity: number; unitPriceCents: number; netCents: number }[];
  netCents: number;
  vatRateBp: number;
  vatCents: number;
  totalCents: number;
}

const HISTORY_LIMIT = 200;

const KINDS: Record<string, HistoryKind> = {
  'advertiser.deposit': 'topUp',
  'sale.charge': 'purchase',
  'invoice.vat': 'vat',
  // Money set aside for a purchase request under review, and given back (cancelled, rejected, refused, or charged).
  'purchase.reserve': 'reservation',
  'purchase.release': 'release',
};

function toHistoryItem(row: HistoryRow): HistoryItemDto {
  return {
    transactionId: row.transaction_id,
    at: row.created_at.toISOString(),
    kind: KINDS[row.kind] ?? 'other',
    amountCents: row.amount_cents,
    balanceAfterCents: row.balance_after_cents,
    invoiceId: row.invoice_id,
    invoiceNumber: row.invoice_number,
    counterpartyName: row.counterparty_name,
    bookedOn: row.booked_on,
  };
}

/** The advertiser's side of money: how to top up, the balance and its history, and the invoices. */
export function createBillingService(deps: { db: Db; settings: BillingSettings }) {
  const { db, settings } = deps;

  function organisationOf(organisationId: string | undefined): string {
    if (!organisationId) throw noOrganisationError();
    return organisationId;
  }

  return {
    async summary(organisationId: string | undefined): Promise<BillingSummaryDto> {
      const id = organisationOf(organisationId);
      const paymentReference = await ensurePaymentReference(db, id);
      const account = await billingHistoryRepository.advertiserAccount(db, id);
      const history = account === undefined ? [] : await billingHistoryRepository.movements(db, account, HISTORY_LIMIT);
      return {
        balanceCents: await accountBalance(db, 'advertiser_balance', id),
        reservedCents: await accountBalance(db, 'advertiser_reserved', id),
        paymentReference,
        topUp: { iban: settings.platformIban, accountName: settings.platformAccountName, bic: settings.platformBic },
        vatRateBp: settings.vatRateBp,
        history: history.map(toHistoryItem),
      };
    },

    async invoices(organisationId: string | undefined): Promise<InvoiceListItemDto[]> {
      const rows = await invoiceRepository.listForOrganisation(db, organisationOf(organisationId), 500);
      return rows.map((row) => ({
        id: row.id,
        number: row.number,
        issuedOn: row.issued_on,
        description: row.description,
        netCents: row.net_cents,
        vatCents: row.vat_cents,
        totalCents: row.total_cents,
      }));
    },

    /** One of the organisation's own invoices; another organisation's reads as not found. */
    async invoice(organisationId: string | undefined, invoiceId: string): Promise<InvoiceDto> {
      const row = await invoiceRepository.forOrganisation(db, organisationOf(organisationId), invoiceId);
      if (!row) throw invoiceNotFoundError();
      const buyer = row.buyer as unknown as InvoiceBuyer;
      return {
        id: row.id,
        number: row.number,
        issuedOn: row.issued_on,
        suppliedOn: row.supplied_on,
        seller: row.seller as unknown as InvoiceSeller,
        buyer: {
          name: buyer.name,
          addressLines: buyer.addressLines ?? [],
          kvkNumber: buyer.kvkNumber,
          vatNumber: buyer.vatNumber,
          contactName: buyer.contactName ?? null,
          contactEmail: buyer.contactEmail,
        },
        lines: [{ description: row.description, quantity: row.quantity, unitPriceCents: unitPriceCents(row.net_cents, row.quantity), netCents: row.net_cents }],
        netCents: row.net_cents,
        vatRateBp: row.vat_rate_bp,
        vatCents: row.vat_cents,
        totalCents: row.total_cents,
      };
    },
  };
}

export type BillingService = ReturnType<typeof createBillingService>;
