import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDb, sql, type Db } from '@dd/db';
import { launchBrowser, newVisitor, saveScreenshot } from './browser';
import './provided-context';
import { signInAsAdmin } from './admin-sign-in';

const baseUrl = inject('baseUrl');
const admin = inject('admin');
const IBAN = 'NL20INGB0001234567';
const email = `lotte.${randomBytes(4).toString('hex')}@voorbeeld.nl`;
const password = 'Dijkhuisje-Winter-31';
const resultsDir = fileURLToPath(new URL('../../../test-results/e2e/', import.meta.url));

let browser: Browser;
let db: Db;

beforeAll(async () => {
  browser = await launchBrowser();
  db = createDb(inject('databaseUrl'), { max: 2, applicationName: 'e2e-seed' });
});

afterAll(async () => {
  await browser?.close();
  await db?.destroy();
});

async function freshPage(): Promise<Page> {
  return (await newVisitor(browser)).newPage();
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Hoofdmenu' });

/**
 * Earnings as sales would have credited them, written straight to the ledger with past dates (the
 * browser cannot make time pass): one balanced transaction per credit, the platform's fee account
 * paying, so the chart has months to show and the holding period has something to hold.
 */
async function creditEarnings(customerId: string, credits: { cents: number; daysAgo: number }[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`insert into ledger_accounts (kind, owner_id) values ('member_earnings', ${customerId}) on conflict do nothing`.execute(trx);
    const { rows } = await sql<{ member: number; fee: number }>`
      select (select id from ledger_accounts where kind = 'member_earnings' and owner_id = ${customerId}) as member,
             (select id from ledger_accounts where kind = 'platform_fee') as fee`.execute(trx);
    const { member, fee } = rows[0]!;
    for (const { cents, daysAgo } of credits) {
      const { rows: created } = await sql<{ id: number }>`
        insert into ledger_transactions (idempotency_key, kind, content_hash, created_at)
        values (${`e2e:${randomUUID()}`}, 'test.member_credit', ${'0'.repeat(64)}, now() - make_interval(days => ${daysAgo}))
        returning id`.execute(trx);
      await sql`insert into ledger_postings (transaction_id, account_id, amount_cents) values (${created[0]!.id}, ${member}, ${-cents}), (${created[0]!.id}, ${fee}, ${cents})`.execute(trx);
    }
  });
}

async function customerId(address: string): Promise<string> {
  return (await db.selectFrom('users').select('id').where('email', '=', address).executeTakeFirstOrThrow()).id;
}

describe('a customer cashes out and the admin pays them', () => {
  let customer: Page;
  let adminPage: Page;

  it('a new customer sees no earnings yet, and that a first payout waits 30 days', async () => {
    customer = await freshPage();
    await customer.goto(`${baseUrl}/sign-up`);
    await customer.getByLabel('Je naam').fill('Lotte Visser');
    await customer.getByLabel('E-mailadres').fill(email);
    await customer.getByLabel('Wachtwoord').fill(password);
    await customer.getByRole('button', { name: 'Account aanmaken' }).click();
    await customer.getByRole('heading', { level: 1, name: 'Welkom, Lotte Visser' }).waitFor();

    await nav(customer).getByRole('link', { name: 'Verdiensten', exact: true }).click();
    await customer.getByRole('heading', { level: 1, name: 'Je verdiensten' }).waitFor();
    expect(await customer.title()).toBe('Je verdiensten · DataDividend');
    await customer.getByText('Nog geen verdiensten').waitFor();
    await customer.getByText(/^Je eerste uitbetaling kan vanaf \d+ \w+ \d{4}$/).waitFor();
    await customer.getByText('Je hebt nog geen uitbetaling aangevraagd.').waitFor();
  });

  it('with months of earnings, requests a payout: errors inline first, then in review because another account used the IBAN', async () => {
    const id = await customerId(email);
    await sql`update users set created_at = now() - interval '90 days' where id = ${id}`.execute(db);
    await creditEarnings(id, [
      { cents: 412, daysAgo: 150 },
      { cents: 1_290, daysAgo: 120 },
      { cents: 655, daysAgo: 95 },
      { cents: 2_310, daysAgo: 62 },
      { cents: 980, daysAgo: 31 },
      { cents: 350, daysAgo: 2 },
    ]);
    // Another account that already asked for a payout to the same IBAN.
    const { rows } = await sql<{ id: string }>`
      insert into users (email, password_hash, role, display_name, created_at)
      values (${`jan.${randomBytes(4).toString('hex')}@voorbeeld.nl`}, 'x', 'customer', 'Jan Visser', now() - interval '200 days') returning id`.execute(db);
    const other = rows[0]!.id;
    await creditEarnings(other, [{ cents: 3_000, daysAgo: 40 }]);
    const otherRequest = randomUUID();
    await sql`insert into payout_requests (id, customer_id, amount_cents, iban, account_holder, status, end_to_end_id, requested_at)
      values (${otherRequest}, ${other}, 2500, ${IBAN}, 'J. Visser', 'approved', ${`DDE${otherRequest.replace(/-/g, '').toUpperCase()}`}, now() - interval '1 day')`.execute(db);

    await customer.reload();
    const figures = customer.getByRole('region', { name: 'Je verdiensten in bedragen' });
    await figures.getByText('€ 56,47').waitFor();
    await figures.getByText('€ 3,50').waitFor();
    await customer.getByRole('figure', { name: 'Verdiensten per maand' }).waitFor();

    await customer.getByRole('radio', { name: 'Een deel' }).check();
    await customer.getByLabel('Bedrag in euro').fill('5');
    await customer.getByLabel('IBAN').fill('NL20 INGB 0001 2345 68');
    await customer.getByLabel('Naam van de rekeninghouder').fill('Lotte Visser');
    await customer.getByRole('button', { name: 'Uitbetaling aanvragen' }).click();
    await customer.getByText('Het minimum is € 10,00; nu is € 56,47 beschikbaar.').waitFor();
    await customer.getByText('Dit IBAN klopt niet. Controleer de landcode, de twee controlecijfers en het rekeningnummer.').waitFor();
    expect(await customer.getByLabel('IBAN').getAttribute('aria-invalid')).toBe('true');
    expect(await customer.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('amount');
    await saveScreenshot(customer, 'customer-earnings-errors');

    await customer.getByLabel('Bedrag in euro').fill('40');
    await customer.getByLabel('IBAN').fill('nl20 ingb 0001 2345 67');
    await customer.getByRole('button', { name: 'Uitbetaling aanvragen' }).click();
    await customer.getByText('Je aanvraag van € 40,00 wordt eerst bekeken door een beheerder', { exact: false }).waitFor();
    await customer.getByText('Je hebt al een aanvraag lopen').waitFor();
    const item = customer.getByRole('listitem').filter({ hasText: '€ 40,00' });
    await item.getByText('Wordt bekeken').waitFor();
    await item.getByText('Naar NL20 INGB 0001 2345 67 t.n.v. Lotte Visser', { exact: false }).waitFor();
    await figures.getByText('€ 16,47').waitFor();
    await saveScreenshot(customer, 'customer-earnings');
  });

  it('the admin reviews both requests, creates a batch, downloads its pain.001 and confirms it paid', async () => {
    adminPage = await freshPage();
    await signInAsAdmin(adminPage, baseUrl, admin);
    await adminPage.getByRole('heading', { level: 1, name: `Welkom, ${admin.displayName}` }).waitFor();
    await nav(adminPage).getByRole('link', { name: 'Uitbetalingen', exact: true }).click();
    await adminPage.getByRole('heading', { level: 1, name: 'Uitbetalingen' }).waitFor();

    const requests = adminPage.getByRole('table', { name: 'Uitbetalingsaanvragen' });
    // Each row also names the other account with the same IBAN: tell them apart by amount.
    const lotte = requests.getByRole('row').filter({ hasText: '€ 40,00' });
    const jan = requests.getByRole('row').filter({ hasText: '€ 25,00' });
    await lotte.getByText('Zelfde IBAN als: Jan Visser').waitFor();
    await lotte.getByText('Deze IBAN is ook gebruikt door 1 ander account').waitFor();
    await jan.getByText('Deze IBAN is ook gebruikt door 1 ander account').waitFor();
    await adminPage.getByText('Er zijn nu geen goedgekeurde aanvragen om te versturen.').waitFor();
    await saveScreenshot(adminPage, 'admin-payouts-review');

    // A decision needs a reason.
    await lotte.getByRole('button', { name: /^Goedkeuren/ }).click();
    const dialog = adminPage.getByRole('dialog', { name: 'Uitbetaling goedkeuren' });
    await dialog.getByRole('button', { name: 'Goedkeuren' }).click();
    await dialog.getByText('Geef een reden van minstens 3 tekens.').waitFor();
    await dialog.getByLabel('Reden').fill('Zelfde huishouden; gebeld en gecontroleerd.');
    await dialog.getByRole('button', { name: 'Goedkeuren' }).click();
    await adminPage.getByText('De aanvraag is goedgekeurd.').waitFor();

    await jan.getByRole('button', { name: /^Afwijzen/ }).click();
    const reject = adminPage.getByRole('dialog', { name: 'Uitbetaling afwijzen' });
    await reject.getByLabel('Reden').fill('Tweede account van dezelfde persoon.');
    await reject.getByRole('button', { name: 'Afwijzen' }).click();
    await adminPage.getByText('De aanvraag is afgewezen.').waitFor();

    await adminPage.getByText('1 goedgekeurde aanvraag van € 40,00 staat klaar.').waitFor();
    await adminPage.getByRole('button', { name: 'Batch maken' }).click();
    await adminPage.getByText('Batch gemaakt met 1 betaling. Het betaalbestand wordt klaargezet.').waitFor();
    const batches = adminPage.getByRole('table', { name: 'Betaalbatches' });
    const batch = batches.getByRole('row').filter({ hasText: '€ 40,00' });
    await batch.getByText('Klaar om te uploaden').waitFor({ timeout: 30_000 });
    await saveScreenshot(adminPage, 'admin-payouts');

    await mkdir(resultsDir, { recursive: true });
    const [download] = await Promise.all([adminPage.waitForEvent('download'), batch.getByRole('link', { name: /pain\.001 downloaden/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/^datadividend-payouts-\d{4}-\d{2}-\d{2}-DDM[0-9A-F]{32}\.xml$/);
    const file = `${resultsDir}payouts-pain001.xml`;
    await download.saveAs(file);
    const xml = await readFile(file, 'utf8');
    const doc = new XMLParser({ ignoreAttributes: false, parseTagValue: false }).parse(xml).Document.CstmrCdtTrfInitn;
    expect(doc.GrpHdr).toMatchObject({ NbOfTxs: '1', CtrlSum: '40.00' });
    expect(doc.PmtInf.CdtTrfTxInf).toMatchObject({ Amt: { InstdAmt: { '#text': '40.00', '@_Ccy': 'EUR' } }, Cdtr: { Nm: 'Lotte Visser' }, CdtrAcct: { Id: { IBAN } } });

    await batch.getByRole('button', { name: 'Bevestig betaald' }).click();
    const confirm = adminPage.getByRole('dialog', { name: 'Batch als betaald bevestigen' });
    await confirm.getByText('Bevestig alleen als de bank de betaling van € 40,00 heeft uitgevoerd.', { exact: false }).waitFor();
    await confirm.getByRole('button', { name: 'Bevestig betaald' }).click();
    await adminPage.getByText('De batch staat als betaald in de boeken.').waitFor();
    await batch.getByText('Betaald', { exact: true }).waitFor();
    await saveScreenshot(adminPage, 'admin-payouts-paid');
  });

  it('the customer sees the payout paid, and the rejected account its reason', async () => {
    await customer.reload();
    const item = customer.getByRole('listitem').filter({ hasText: '€ 40,00' });
    await item.getByText('Uitbetaald', { exact: true }).waitFor();
    await customer.getByRole('region', { name: 'Je verdiensten in bedragen' }).getByText('€ 40,00').waitFor();
    const rejected = await db.selectFrom('payout_requests').select(['status', 'decision_note']).where('iban', '=', IBAN).where('status', '=', 'rejected').execute();
    expect(rejected).toEqual([{ status: 'rejected', decision_note: 'Tweede account van dezelfde persoon.' }]);
  });

  it('reads the earnings page in English on a phone', async () => {
    await customer.setViewportSize({ width: 390, height: 844 });
    await customer.getByRole('button', { name: 'English' }).click();
    await customer.getByRole('heading', { level: 1, name: 'Your earnings' }).waitFor();
    await customer.getByRole('listitem').filter({ hasText: '€ 40,00' }).getByText('Paid out', { exact: true }).waitFor();
    await customer.getByRole('figure', { name: 'Earnings per month' }).waitFor();
    expect(await customer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await saveScreenshot(customer, 'customer-earnings-phone-en');
  });

  it('the bank returns the payout: the admin books it with the reason, the customer sees why and has the money again', async () => {
    await adminPage.getByLabel('Toon').selectOption('all');
    const requests = adminPage.getByRole('table', { name: 'Uitbetalingsaanvragen' });
    const lotte = requests.getByRole('row').filter({ hasText: '€ 40,00' });
    await lotte.getByRole('button', { name: /^Teruggestort door bank/ }).click();
    const dialog = adminPage.getByRole('dialog', { name: 'Teruggestort door de bank' });
    await dialog.getByRole('button', { name: 'Terugboeken' }).click();
    await dialog.getByText('Kies de reden die de bank opgeeft.').waitFor();
    await dialog.getByLabel('Reden van de bank').selectOption('AC04');
    await dialog.getByLabel('Toelichting (optioneel)').fill('Retour op afschrift van 26 november.');
    await dialog.getByRole('button', { name: 'Terugboeken' }).click();
    await adminPage.getByText('De uitbetaling is als teruggestort geboekt; het bedrag is weer beschikbaar voor het lid.').waitFor();
    await lotte.getByText('Teruggestort: rekening opgeheven (AC04) · Retour op afschrift van 26 november.').waitFor();
    await adminPage.getByText(/^\d+ van \d+ getoond$/).waitFor();
    await saveScreenshot(adminPage, 'admin-payouts-returned');

    await customer.reload();
    const item = customer.getByRole('listitem').filter({ hasText: '€ 40,00' });
    await item.getByText('Returned', { exact: true }).waitFor();
    await item.getByText('Returned by your bank: account closed.', { exact: false }).waitFor();
    await customer.getByRole('region', { name: 'Your earnings in figures' }).getByText('€ 56,47').waitFor();
    const [row] = await db.selectFrom('payout_requests').select(['status', 'return_reason']).where('iban', '=', IBAN).where('status', '=', 'returned').execute();
    expect(row).toEqual({ status: 'returned', return_reason: 'AC04' });
    await saveScreenshot(customer, 'customer-earnings-returned-phone-en');
  });

  it('a batch whose file job was never queued shows as stuck, and "Opnieuw aanmaken" writes its file', async () => {
    // What a batch looks like when Redis was down as the admin created it: everything but the job.
    const { rows } = await sql<{ id: string }>`
      insert into users (email, password_hash, role, display_name, created_at)
      values (${`sanne.${randomBytes(4).toString('hex')}@voorbeeld.nl`}, 'x', 'customer', 'Sanne de Wit', now() - interval '100 days') returning id`.execute(db);
    const member = rows[0]!.id;
    await creditEarnings(member, [{ cents: 1_234, daysAgo: 40 }]);
    const requestId = randomUUID();
    const batchId = randomUUID();
    const hex = (id: string) => id.replace(/-/g, '').toUpperCase();
    const adminId = await customerId(admin.email);
    await db.transaction().execute(async (trx) => {
      await sql`insert into payout_requests (id, customer_id, amount_cents, iban, account_holder, status, end_to_end_id, requested_at)
        values (${requestId}, ${member}, 1234, 'NL02ABNA0123456789', 'S. de Wit', 'approved', ${`DDE${hex(requestId)}`}, now() - interval '1 hour')`.execute(trx);
      await sql`insert into payout_batches (id, msg_id, pmt_inf_id, payout_count, total_cents, requested_execution_date, debtor_name, debtor_iban, debtor_bic, created_by, created_at)
        values (${batchId}, ${`DDM${hex(batchId)}`}, ${`DDP${hex(batchId)}`}, 1, 1234, current_date + 1, 'DataDividend B.V.', 'NL91ABNA0417164300', 'NOTPROVIDED', ${adminId}, now() - interval '10 minutes')`.execute(trx);
      await sql`insert into payout_batch_items (batch_id, position, request_id) values (${batchId}, 0, ${requestId})`.execute(trx);
      await sql`update payout_requests set status = 'in_transit' where id = ${requestId}`.execute(trx);
      const { rows: tx } = await sql<{ id: number }>`insert into ledger_transactions (idempotency_key, kind, content_hash)
        values (${`payout-batch:${batchId}:in-transit`}, 'payout.in_transit', ${'0'.repeat(64)}) returning id`.execute(trx);
      await sql`insert into ledger_postings (transaction_id, account_id, amount_cents) values
        (${tx[0]!.id}, (select id from ledger_accounts where kind = 'member_earnings' and owner_id = ${member}), 1234),
        (${tx[0]!.id}, (select id from ledger_accounts where kind = 'payouts_in_transit'), -1234)`.execute(trx);
    });

    await adminPage.reload();
    const batch = adminPage.getByRole('table', { name: 'Betaalbatches' }).getByRole('row').filter({ hasText: '€ 12,34' });
    await batch.getByText('Vastgelopen', { exact: true }).waitFor();
    await batch.getByText('Het betaalbestand wordt niet gemaakt: de taak ontbreekt of is mislukt.').waitFor();
    await saveScreenshot(adminPage, 'admin-payouts-stuck');
    await batch.getByRole('button', { name: 'Opnieuw aanmaken' }).click();
    await adminPage.getByText('Het betaalbestand wordt opnieuw aangemaakt.').waitFor();
    await batch.getByText('Klaar om te uploaden').waitFor({ timeout: 30_000 });
    const file = await db.selectFrom('payout_batch_files').select('content').where('batch_id', '=', batchId).executeTakeFirstOrThrow();
    expect(file.content).toContain('<Othr>');
    expect(file.content).toContain('<Id>NOTPROVIDED</Id>');
    await saveScreenshot(adminPage, 'admin-payouts-requeued');
  });
});

