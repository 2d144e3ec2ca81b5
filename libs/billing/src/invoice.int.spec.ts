import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Db } from '@dd/db';
import { createTestDatabase, type TestDatabase } from '@dd/db/testing';
import { DomainError } from '@dd/errors';
import { accountBalance, auditLedger, createSale, distributeSale, distributionJobId, recordDeposit } from '@dd/ledger';
import { memberIds } from '@dd/ledger/testing';
import { createTestQueues } from '@dd/queue/testing';
import { createBillingService } from './billing.service';
import { DEFAULT_BILLING_SETTINGS, type BillingSettings } from './billing.settings';
import { invoiceSale, recordPurchase } from './invoice.service';
import { insertAdvertiser } from './testing';

const settings: BillingSettings = {
  ...DEFAULT_BILLING_SETTINGS,
  seller: { name: 'DataDividend B.V.', addressLines: ['Keizersgracht 100', '1015 AA Amsterdam'], kvkNumber: '87654321', vatNumber: 'NL987654321B01' },
};

let tdb: TestDatabase;
let db: Db;
let redis: ReturnType<typeof createTestQueues>;

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.db;
  redis = createTestQueues();
});
afterAll(async () => {
  await redis.close();
  await tdb.drop();
});

async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

async function fundedAdvertiser(depositCents: number, name = 'Fietsenwinkel De Spaak') {
  const organisationId = await insertAdvertiser(db, { name, kvkNumber: '12345678', vatNumber: 'NL001234560B01' });
  if (depositCents > 0) await recordDeposit(db, { organisationId, amountCents: depositCents, idempotencyKey: `deposit:${randomUUID()}` });
  return organisationId;
}

async function sale(organisationId: string, amountCents: number, members = 3) {
  const { saleId } = await createSale(db, { idempotencyKey: `order-${randomUUID()}`, organisationId, amountCents, memberIds: memberIds(members) });
  return saleId;
}

const year = () => Number(new Date().toISOString().slice(0, 4));

describe('invoicing a sale', () => {
  it('charges net + VAT in one go and issues a numbered invoice with seller and buyer copied', async () => {
    const organisationId = await fundedAdvertiser(200_000);
    await db.updateTable('organisations').set({ contact_name: 'Joris de Graaf', contact_email: 'joris@despaak.example' }).where('id', '=', organisationId).execute();
    const saleId = await sale(organisationId, 100_000, 1_250);
    const invoice = await invoiceSale(db, { saleId, description: 'Inzichtrapport: fietsers in Utrecht' }, settings, new Date('2026-11-20T10:00:00Z'));
    expect(invoice).toEqual({ invoiceId: expect.any(String), number: '2026-000001', created: true });
    // 1,000.00 net + 210.00 VAT.
    expect(await accountBalance(db, 'advertiser_balance', organisationId)).toBe(200_000 - 121_000);
    expect(await accountBalance(db, 'vat_payable')).toBe(21_000);
    expect(await accountBalance(db, 'sales_clearing')).toBe(100_000);

    const shown = await createBillingService({ db, settings }).invoice(organisationId, invoice.invoiceId);
    expect(shown).toEqual({
      id: invoice.invoiceId,
      number: '2026-000001',
      issuedOn: '2026-11-20',
      suppliedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      seller: { ...settings.seller, iban: settings.platformIban, accountName: settings.platformAccountName },
      // This organisation gave no postal address: name, KvK, VAT number and its contact identify the buyer.
      buyer: { name: 'Fietsenwinkel De Spaak', addressLines: [], kvkNumber: '12345678', vatNumber: 'NL001234560B01', contactName: 'Joris de Graaf', contactEmail: 'joris@despaak.example' },
      lines: [{ description: 'Inzichtrapport: fietsers in Utrecht', quantity: 1_250, unitPriceCents: 80, netCents: 100_000 }],
      netCents: 100_000,
      vatRateBp: 2_100,
      vatCents: 21_000,
      totalCents: 121_000,
    });

    // The distribution then finds the sale charged and pays the members from it.
    const result = await distributeSale(db, saleId);
    expect(result.memberPoolCents + result.platformFeeCents).toBe(100_000);
    expect(await accountBalance(db, 'advertiser_balance', organisationId)).toBe(79_000);
    // Copied at issue time: a later change of the organisation's contact leaves the invoice as it was.
    await db.updateTable('organisations').set({ contact_name: 'Iemand Anders' }).where('id', '=', organisationId).execute();
    expect((await createBillingService({ db, settings }).invoice(organisationId, invoice.invoiceId)).buyer.contactName).toBe('Joris de Graaf');
    expect(await auditLedger(db)).toMatchObject({ sumCents: 0, unbalancedTransactions: 0, balanceMismatches: 0, unsettledSales: 0 });
  });

  it('prints the buyer’s postal address, as it stood when the invoice was issued', async () => {
    const organisationId = await fundedAdvertiser(50_000, 'Reisbureau Zonnig B.V.');
    await db
      .updateTable('organisations')
      .set({ address_street: 'Oudegracht 123', address_postcode: '3511 AB', address_city: 'Utrecht', address_country: 'NL' })
      .where('id', '=', organisationId)
      .execute();
    const dutch = await invoiceSale(db, { saleId: await sale(organisationId, 1_000) }, settings);
    const billing = createBillingService({ db, settings });
    expect((await billing.invoice(organisationId, dutch.invoiceId)).buyer).toMatchObject({ name: 'Reisbureau Zonnig B.V.', addressLines: ['Oudegracht 123', '3511 AB  Utrecht'] });

    // Moving abroad changes the next invoice, never the one already issued; a foreign address names its country.
    await db
      .updateTable('organisations')
      .set({ address_street: 'Rue de la Loi 16', address_postcode: '1000', address_city: 'Brussel', address_country: 'BE' })
      .where('id', '=', organisationId)
      .execute();
    const belgian = await invoiceSale(db, { saleId: await sale(organisationId, 1_000) }, settings);
    expect((await billing.invoice(organisationId, belgian.invoiceId)).buyer.addressLines).toEqual(['Rue de la Loi 16', '1000  Brussel', 'BE']);
    expect((await billing.invoice(organisationId, dutch.invoiceId)).buyer.addressLines).toEqual(['Oudegracht 123', '3511 AB  Utrecht']);
  });

  it('returns the same invoice when asked again, and charges nothing twice', async () => {
    const organisationId = await fundedAdvertiser(10_000);
    const saleId = await sale(organisationId, 1_000);
    const first = await invoiceSale(db, { saleId }, settings);
    const balance = await accountBalance(db, 'advertiser_balance', organisationId);
    const [again, concurrent] = await Promise.all([invoiceSale(db, { saleId }, settings), invoiceSale(db, { saleId }, settings)]);
    expect(again).toEqual({ ...first, created: false });
    expect(concurrent).toEqual({ ...first, created: false });
    expect(await accountBalance(db, 'advertiser_balance', organisationId)).toBe(balance);
  });

  it('numbers invoices issued at the same time 1, 2, 3 … without gaps, also when one of them fails', async () => {
    const rich = await fundedAdvertiser(1_000_000, 'Supermarkt Noord B.V.');
    const poor = await fundedAdvertiser(1_000, 'Kleine Klant');
    const sales = await Promise.all(Array.from({ length: 8 }, (_, i) => sale(rich, 1_000 + i)));
    // Net 1,000 fits the poor balance, net + VAT does not: refused, and its number is handed back.
    const poorSale = await sale(poor, 1_000);
    const outcomes = await Promise.allSettled([...sales.map((saleId) => invoiceSale(db, { saleId }, settings)), invoiceSale(db, { saleId: poorSale }, settings)]);
    expect(outcomes.filter((o) => o.status === 'rejected')).toHaveLength(1);
    const refused = (outcomes.at(-1) as PromiseRejectedResult).reason as DomainError;
    expect(refused.reason).toMatchObject({ code: 'insufficientBalance' });
    expect(await accountBalance(db, 'advertiser_balance', poor)).toBe(1_000);

    const { rows } = await sql<{ sequence: number }>`select sequence from invoices where year = ${year()} order by sequence`.execute(db);
    expect(rows.map((r) => r.sequence)).toEqual(Array.from({ length: rows.length }, (_, i) => i + 1));
    const counter = await db.selectFrom('invoice_number_counters').select('last_sequence').where('year', '=', year()).executeTakeFirstOrThrow();
    expect(counter.last_sequence).toBe(rows.length);
  });

  it('lets the database refuse a number taken past the counter, a number drawn without an invoice, and any change', async () => {
    const organisationId = await fundedAdvertiser(50_000);
    const saleId = await sale(organisationId, 1_000);
    const attempt = (statement: ReturnType<typeof sql>) => statement.execute(db).then(() => 'ok', (e: Error) => e.message);
    expect(
      await attempt(sql`insert into invoices (sale_id, organisation_id, year, sequence, number, issued_on, supplied_on, description, quantity, net_cents, vat_rate_bp, vat_cents, total_cents, seller, buyer)
        values (${saleId}, ${organisationId}, 2031, 5, '2031-000005', '2031-01-02', '2031-01-02', 'x', 1, 1000, 0, 0, 1000, '{}', '{}')`),
    ).toMatch(/counter stands at nothing/);
    expect(await attempt(sql`insert into invoice_number_counters (year, last_sequence) values (2032, 1)`)).toMatch(/drawn without an invoice/);
    expect(await attempt(sql`update invoices set total_cents = 1 where true`)).toMatch(/cannot be changed/);
    expect(await attempt(sql`delete from invoices`)).toMatch(/cannot be changed/);
  });
});

describe('recording a purchase (what the marketplace calls)', () => {
  it('records the sale, invoices it and queues its distribution; a replay returns the same', async () => {
    const organisationId = await fundedAdvertiser(50_000);
    const input = { idempotencyKey: `order-${randomUUID()}`, organisationId, amountCents: 12_345, memberIds: memberIds(7), description: 'Aanbiedingscampagne' };
    const purchase = await recordPurchase({ db, queues: redis.queues }, input, settings);
    // 123.45 net + 25.92 VAT (25.9245 rounded half up to whole cents).
    expect(await accountBalance(db, 'advertiser_balance', organisationId)).toBe(50_000 - 14_937);
    const job = await redis.queues.get('ledger').getJob(distributionJobId(purchase.saleId));
    expect(job?.data).toEqual({ saleId: purchase.saleId });

    // The balance no longer covers it, yet the replay of the finished purchase answers the same.
    expect(await recordPurchase({ db, queues: redis.queues }, input, settings)).toEqual({ saleId: purchase.saleId, invoice: { ...purchase.invoice, created: false } });
    expect(await accountBalance(db, 'advertiser_balance', organisationId)).toBe(50_000 - 14_937);
  });

  it('bills the released audience: the line says so, and the members included share the whole amount', async () => {
    const organisationId = await fundedAdvertiser(50_000);
    const members = memberIds(397);
    // The marketplace bills the privacy-protected count (here 398), which can differ from the 397 members in the sale.
    const purchase = await recordPurchase(
      { db, queues: redis.queues },
      { idempotencyKey: `order-${randomUUID()}`, organisationId, amountCents: 398 * 50, memberIds: members, quantity: 398 },
      settings,
    );
    const shown = await createBillingService({ db, settings }).invoice(organisationId, purchase.invoice.invoiceId);
    expect(shown.lines).toEqual([{ description: 'DataDividend audience data (billed audience)', quantity: 398, unitPriceCents: 50, netCents: 19_900 }]);
    expect(JSON.stringify(shown)).not.toMatch(/members reached/i);
    // The distribution is keyed to the billed amount: all of it goes to the 397 members and the platform fee, nothing is kept back.
    const result = await distributeSale(db, purchase.saleId);
    expect(result.memberPoolCents + result.platformFeeCents).toBe(19_900);
    const sale = await db.selectFrom('sales').select(['member_count', 'amount_cents']).where('id', '=', purchase.saleId).executeTakeFirstOrThrow();
    expect(sale).toEqual({ member_count: 397, amount_cents: 19_900 });
  });

  it('refuses up front when the balance covers the net price but not the VAT, recording nothing', async () => {
    const organisationId = await fundedAdvertiser(10_000);
    const key = `order-${randomUUID()}`;
    const error = await rejection(recordPurchase({ db, queues: redis.queues }, { idempotencyKey: key, organisationId, amountCents: 10_000, memberIds: memberIds(2) }, settings));
    expect(error).toMatchObject({ code: 'CONFLICT', reason: { code: 'insufficientBalance', params: { balanceCents: 10_000, requiredCents: 12_100 } } });
    expect(error.message).toMatch(/EUR 100\.00, not enough for this purchase of EUR 121\.00 including VAT/);
    expect(await db.selectFrom('sales').select('id').where('idempotency_key', '=', key).executeTakeFirst()).toBeUndefined();
  });
});

describe('the advertiser’s balance page', () => {
  it('shows the balance, the reference and every movement with the balance after it, newest first', async () => {
    const organisationId = await fundedAdvertiser(0, 'Bakkerij de Graaf B.V.');
    await recordDeposit(db, { organisationId, amountCents: 30_000, idempotencyKey: `deposit:${randomUUID()}` });
    const { invoice } = await recordPurchase({ db, queues: redis.queues }, { idempotencyKey: `order-${randomUUID()}`, organisationId, amountCents: 10_000, memberIds: memberIds(4) }, settings);
    const billing = createBillingService({ db, settings });
    const summary = await billing.summary(organisationId);
    expect(summary.balanceCents).toBe(30_000 - 12_100);
    expect(summary.paymentReference).toMatch(/^DD\d{12}$/);
    expect(summary.topUp).toEqual({ iban: 'NL91ABNA0417164300', accountName: 'DataDividend B.V.', bic: 'ABNANL2A' });
    expect(summary.history.map((h) => [h.kind, h.amountCents, h.balanceAfterCents, h.invoiceNumber])).toEqual([
      ['vat', -2_100, 17_900, invoice.number],
      ['purchase', -10_000, 20_000, invoice.number],
      ['topUp', 30_000, 30_000, null],
    ]);
    expect((await billing.summary(organisationId)).paymentReference).toBe(summary.paymentReference);
    expect(await billing.invoices(organisationId)).toEqual([
      { id: invoice.invoiceId, number: invoice.number, issuedOn: expect.any(String), description: 'DataDividend audience data (billed audience)', netCents: 10_000, vatCents: 2_100, totalCents: 12_100 },
    ]);
  });

  it('does not show one organisation’s invoice to another', async () => {
    const mine = await fundedAdvertiser(20_000);
    const other = await fundedAdvertiser(0, 'Iemand Anders');
    const { invoice } = await recordPurchase({ db, queues: redis.queues }, { idempotencyKey: `order-${randomUUID()}`, organisationId: mine, amountCents: 1_000, memberIds: memberIds(1) }, settings);
    const billing = createBillingService({ db, settings });
    expect((await rejection(billing.invoice(other, invoice.invoiceId))).code).toBe('NOT_FOUND');
    expect((await rejection(billing.summary(undefined))).code).toBe('NOT_FOUND');
  });
});
