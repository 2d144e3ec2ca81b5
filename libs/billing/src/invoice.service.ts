import { randomInt } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Db } from '@dd/db';
import { DomainError } from '@dd/errors';
import {
  accountBalance,
  chargeSale,
  createSale,
  DEFAULT_LEDGER_SETTINGS,
  enqueueDistribution,
  ensureOwnedAccount,
  platformAccounts,
  postTransaction,
  type CreateSaleInput,
  type LedgerSettings,
  type TransactionInput,
} from '@dd/ledger';
import type { Queues } from '@dd/queue';
import type { BillingSettings } from './billing.settings';
import { dutchDate, invoiceAmounts, invoiceNumber } from './invoice.arithmetic';
import { invoiceRepository } from './invoice.repository';

/** What an invoice says about the seller and the buyer, copied when it is issued so it never changes afterwards. */
export interface InvoiceSeller {
  name: string;
  addressLines: string[];
  kvkNumber: string;
  vatNumber: string;
  iban: string;
  accountName: string;
}

/**
 * The buyer as its organisation details stand at issue time: name, postal address (when the organisation gave
 * one), KvK and VAT number, and its contact person. An organisation without an address is identified by the rest.
 */
export interface InvoiceBuyer {
  name: string;
  /** Street and number, postcode and city, country when not NL; absent on invoices issued before it was copied, empty without an address. */
  addressLines?: string[];
  kvkNumber: string | null;
  vatNumber: string | null;
  /** Absent on invoices issued before it was copied. */
  contactName?: string | null;
  contactEmail: string | null;
}

/** The address as a Dutch invoice prints it: street, "postcode  city", and the country only when it is not the Netherlands. */
export function buyerAddressLines(row: { address_street: string | null; address_postcode: string | null; address_city: string | null; address_country: string | null }): string[] {
  if (!row.address_street || !row.address_postcode || !row.address_city) return [];
  const lines = [row.address_street, `${row.address_postcode}  ${row.address_city}`];
  if (row.address_country && row.address_country !== 'NL') lines.push(row.address_country);
  return lines;
}

export interface IssuedInvoice {
  invoiceId: string;
  number: string;
  /** False when the sale had its invoice already: nothing happened this time. */
  created: boolean;
}

/** The ledger key of an invoice's VAT charge. */
export const vatKey = (saleId: string) => `invoice:${saleId}:vat`;

/** The product line's default text when the caller has nothing more specific; its quantity is the billed audience. */
export const DEFAULT_INVOICE_DESCRIPTION = 'DataDividend audience data (billed audience)';

const MAX_ATTEMPTS = 5;
/** Deadlock detected, or a serialization failure: the transaction was rolled back and may run again. */
const isRetryable = (error: unknown) => ['40P01', '40001'].includes((error as { code?: string } | null)?.code ?? '');

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === '23505';
}

/**
 * Issues the invoice of a sale, once, and charges it: in ONE database transaction the sale's net amount
 * (the ledger's own `sale:<id>:charge`, which the distribution job then finds done), the VAT on top
 * (`invoice:<saleId>:vat`, advertiser balance → vat_payable) and the invoice with the year's next
 * number. The balance must cover net + VAT, or nothing happens. Call it before queuing the sale's
 * distribution; calling it again for the same sale returns the same invoice.
 *
 * `release` is posted first in the same transaction: money set aside for the purchase (a reservation)
 * goes back to the balance and is charged at once, so nobody can spend it in between and a crash
 * leaves either both or neither.
 */
export async function invoiceSale(
  db: Db,
  input: {
    saleId: string;
    description?: string | undefined;
    release?: TransactionInput | undefined;
    /**
     * The number of members billed (the marketplace's noised count). Defaults to the sale's member
     * count; a purchase must pass it, or the invoice would show the exact delivered count.
     */
    quantity?: number | undefined;
  },
  settings: BillingSettings,
  now: Date = new Date(),
): Promise<IssuedInvoice> {
  const existing = await invoiceRepository.bySale(db, input.saleId);
  if (existing) return { invoiceId: existing.id, number: existing.number, created: false };
  const sale = await invoiceRepository.sale(db, input.saleId);
  if (!sale) throw new DomainError('NOT_FOUND', `Sale ${input.saleId} does not exist, so it cannot be invoiced.`, { field: 'saleId' });
  const buyer = await invoiceRepository.buyer(db, sale.organisation_id);
  if (!buyer) throw new DomainError('NOT_FOUND', `The organisation of sale ${sale.id} does not exist.`);
  const amounts = invoiceAmounts(sale.amount_cents, settings.vatRateBp);
  const issuedOn = dutchDate(now);
  const year = Number(issuedOn.slice(0, 4));
  const seller: InvoiceSeller = { ...settings.seller, iban: settings.platformIban, accountName: settings.platformAccountName };
  const buyerCopy: InvoiceBuyer = {
    name: buyer.name,
    addressLines: buyerAddressLines(buyer),
    kvkNumber: buyer.kvk_number,
    vatNumber: buyer.vat_number,
    contactName: buyer.contact_name,
    contactEmail: buyer.contact_email,
  };

  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(async (trx): Promise<IssuedInvoice> => {
        if (input.release) await postTransaction(trx, input.release);
        await chargeSale(trx, sale);
        const sequence = await invoiceRepository.nextSequence(trx, year);
        const number = invoiceNumber(year, sequence);
        let vatTransactionId: number | null = null;
        if (amounts.vatCents > 0) {
          const advertiser = await ensureOwnedAccount(trx, 'advertiser_balance', sale.organisation_id);
          const { vat_payable: vat } = await platformAccounts(trx);
          // Not tagged with the sale id: the sale's own charge already posts to the advertiser's account.
          const posted = await postTransaction(trx, {
            idempotencyKey: vatKey(sale.id),
            kind: 'invoice.vat',
            reference: number,
            metadata: { saleId: sale.id, vatRateBp: amounts.vatRateBp },
            postings: [
              { accountId: advertiser, amountCents: amounts.vatCents },
              { accountId: vat, amountCents: -amounts.vatCents },
            ],
          });
          vatTransactionId = posted.transactionId;
        }
        const invoiceId = await invoiceRepository.insert(trx, {
          sale_id: sale.id,
          organisation_id: sale.organisation_id,
          year,
          sequence,
          number,
          issued_on: issuedOn,
          supplied_on: dutchDate(sale.created_at),
          description: input.description?.trim() || DEFAULT_INVOICE_DESCRIPTION,
          quantity: input.quantity ?? sale.member_count,
          net_cents: amounts.netCents,
          vat_rate_bp: amounts.vatRateBp,
          vat_cents: amounts.vatCents,
          total_cents: amounts.totalCents,
          seller: { ...seller },
          buyer: { ...buyerCopy },
          vat_transaction_id: vatTransactionId,
        });
        return { invoiceId, number, created: true };
      });
    } catch (error) {
      // Two purchases of one advertiser charged at the same moment can deadlock on its account and the
      // invoice counter; PostgreSQL rolls one back whole, so it simply runs again.
      if (isRetryable(error) && attempt < MAX_ATTEMPTS) {
        await sleep(randomInt(5, 50) * attempt);
        continue;
      }
      // Invoiced concurrently: the other call's number stands, ours was rolled back with everything else.
      if (!isUniqueViolation(error)) throw error;
      const again = await invoiceRepository.bySale(db, input.saleId);
      if (!again) throw error;
      return { invoiceId: again.id, number: again.number, created: false };
    }
  }
}

const euros = (cents: number) => `EUR ${(cents / 100).toFixed(2)}`;

/** Money the purchase had reserved, returned to the balance in the invoice's own transaction (see invoiceSale). */
export interface PurchaseRelease {
  /** What the posting adds to the advertiser balance, in cents. */
  amountCents: number;
  transaction: TransactionInput;
}

/**
 * A purchase as the marketplace records it: the sale with its frozen members, its invoice (which
 * charges net + VAT) and the queued distribution to the members. Refuses up front when the balance
 * cannot pay the total. Replaying the same idempotency key returns the same sale and invoice.
 */
export async function recordPurchase(
  deps: { db: Db; queues: Queues },
  input: CreateSaleInput & { description?: string; release?: PurchaseRelease; quantity?: number },
  settings: BillingSettings,
  ledgerSettings: LedgerSettings = DEFAULT_LEDGER_SETTINGS,
): Promise<{ saleId: string; invoice: IssuedInvoice }> {
  const { db, queues } = deps;
  // A replay of a purchase that was invoiced already goes through whatever the balance is now.
  const earlier = await invoiceRepository.saleByKey(db, input.idempotencyKey);
  if (!earlier?.invoice_id) {
    const { totalCents } = invoiceAmounts(input.amountCents, settings.vatRateBp);
    // Reserved money counts: it is released into the balance in the charging transaction.
    const balance = (await accountBalance(db, 'advertiser_balance', input.organisationId)) + (input.release?.amountCents ?? 0);
    if (balance < totalCents) {
      throw new DomainError(
        'CONFLICT',
        `The advertiser balance is ${euros(balance)}, not enough for this purchase of ${euros(totalCents)} including VAT. Top up by bank transfer with your payment reference, then try again.`,
        { organisationId: input.organisationId },
        { code: 'insufficientBalance', params: { balanceCents: balance, requiredCents: totalCents } },
      );
    }
  }
  const sale = { idempotencyKey: input.idempotencyKey, organisationId: input.organisationId, amountCents: input.amountCents, memberIds: input.memberIds };
  // Reserved money counts in createSale's early check too: the invoice's transaction releases it right before the charge.
  const { saleId } = await createSale(db, sale, ledgerSettings, { releasedCents: input.release?.amountCents ?? 0 });
  const invoice = await invoiceSale(db, { saleId, description: input.description, release: input.release?.transaction, quantity: input.quantity }, settings);
  await enqueueDistribution(queues, saleId);
  return { saleId, invoice };
}
