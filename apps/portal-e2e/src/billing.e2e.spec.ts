import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { answerQueryWith } from './fixed-trpc-answer';
import { launchBrowser, newVisitor, saveScreenshot } from './browser';
import { camt053Statement, PLATFORM_IBAN } from './camt053-statement';
import { fillOrganisationDetails } from './organisation-details';
import './provided-context';
import { signInAsAdmin } from './admin-sign-in';

const baseUrl = inject('baseUrl');
const admin = inject('admin');
const UNKNOWN_REFERENCE = 'DD271828182898';
const organisation = `Bakkerij de Graaf ${randomBytes(2).toString('hex')}`;

let browser: Browser;
let advertiserContext: BrowserContext;
let advertiser: Page;
let adminPage: Page;
let reference = '';
let statementPath = '';

beforeAll(async () => {
  browser = await launchBrowser();
  advertiserContext = await newVisitor(browser);
  await advertiserContext.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
  advertiser = await advertiserContext.newPage();
  adminPage = await (await newVisitor(browser)).newPage();
});

afterAll(async () => {
  await browser?.close();
});

const nav = (page: Page) => page.getByRole('navigation', { name: 'Hoofdmenu' });
/** A card of the page by its heading. */
const card = (page: Page, heading: string) => page.locator('section').filter({ has: page.getByRole('heading', { level: 2, name: heading, exact: true }) });

async function openFromMenu(page: Page, name: string, heading: string) {
  await nav(page).getByRole('link', { name, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

/** The platform's statement for this run's advertiser: one matched credit, two to review, one debit. */
function platformStatement(advertiserReference: string): string {
  return camt053Statement([
    { amount: '250.00', indicator: 'CRDT', party: organisation, remittance: `Opwaardering saldo ${advertiserReference}` },
    { amount: '75.00', indicator: 'CRDT', party: 'Reclamebureau Van Dam', remittance: 'Tegoed voor de campagne van de bakkerij' },
    { amount: '30.00', indicator: 'CRDT', party: 'Marketing Collectief Oost', remittance: `${advertiserReference} en ${UNKNOWN_REFERENCE}` },
    { amount: '12.50', indicator: 'DBIT', party: 'ABN AMRO Bank N.V.', remittance: 'Kosten betalingsverkeer' },
  ]);
}

describe('an advertiser tops up by bank transfer and an admin imports the platform statement', () => {
  it('the advertiser sees how to top up: the platform account and their own reference, ready to copy', async () => {
    await advertiser.goto(`${baseUrl}/sign-up`);
    await advertiser.getByRole('radio', { name: 'Ik ben adverteerder' }).check();
    await advertiser.getByLabel('Naam contactpersoon').fill('Sanne de Vries');
    await advertiser.getByLabel('Naam van je organisatie').fill(organisation);
    await advertiser.getByLabel('E-mailadres').fill(`sanne.${randomBytes(4).toString('hex')}@bakkerij.test`);
    await advertiser.getByLabel('Wachtwoord').fill('Kettingblad-Zomer-42');
    await fillOrganisationDetails(advertiser);
    await advertiser.getByRole('button', { name: 'Organisatie aanmelden' }).click();
    await advertiser.getByRole('heading', { level: 1, name: 'Welkom, Sanne de Vries' }).waitFor();

    await openFromMenu(advertiser, 'Saldo & facturen', 'Saldo en facturen');
    expect(await advertiser.title()).toBe('Saldo en facturen · DataDividend');
    const balance = card(advertiser, 'Je saldo');
    await balance.getByText('€ 0,00').waitFor();
    const topUp = card(advertiser, 'Saldo opwaarderen');
    await topUp.getByText('NL91 ABNA 0417 1643 00').waitFor();
    await topUp.getByText('DataDividend B.V.').waitFor();
    const shown = await topUp.getByText(/^DD \d{4} \d{4} \d{4}$/).innerText();
    reference = shown.replace(/\s/g, '');
    expect(reference).toMatch(/^DD\d{12}$/);

    await topUp.getByRole('button', { name: 'Betalingskenmerk kopiëren' }).click();
    await topUp.getByRole('status').filter({ hasText: 'Betalingskenmerk gekopieerd' }).waitFor();
    expect(await advertiser.evaluate(() => navigator.clipboard.readText())).toBe(reference);

    await advertiser.getByText('Nog geen bij- of afschrijvingen.', { exact: false }).waitFor();
    await advertiser.getByText('Nog geen facturen.', { exact: false }).waitFor();
    await saveScreenshot(advertiser, 'advertiser-billing-empty');
  });

  it('the admin sees in the list, moments later, when a file is not a CAMT.053 statement', async () => {
    await signInAsAdmin(adminPage, baseUrl, admin);
    await adminPage.getByRole('heading', { level: 1, name: `Welkom, ${admin.displayName}` }).waitFor();

    await openFromMenu(adminPage, 'Bankafschriften', 'Bankafschriften');
    // The e2e specs share one platform, so another spec may have imported a statement already:
    // the page is checked for its instructions, not for being empty.
    await adminPage.getByText(/Download bij de bank het afschrift van NL91 ABNA 0417 1643 00/).waitFor();

    await adminPage.getByRole('button', { name: 'Importeren' }).click();
    await adminPage.getByText('Kies eerst een bestand.').waitFor();

    const ing = fileURLToPath(new URL('../../../libs/data-import/fixtures/ing/ing-current-comma.csv', import.meta.url));
    await adminPage.getByLabel('CAMT.053-afschrift').setInputFiles(ing);
    await adminPage.getByRole('button', { name: 'Importeren' }).click();
    // The API only stores it; the worker finds it is no CAMT.053 and the list says so (the upload form's check is size only).
    const refused = adminPage.getByRole('listitem').filter({ hasText: 'ing-current-comma.csv' });
    await refused.getByText('Niet geïmporteerd', { exact: true }).waitFor({ timeout: 30_000 });
    await refused.getByText('Dit is een ING CSV-export, geen CAMT.053-afschrift.', { exact: false }).waitFor();
    await adminPage.getByText('ing-current-comma.csv is ontvangen en wordt verwerkt.').waitFor({ state: 'detached' });
  });

  it('the admin imports the statement: the matched credit is booked, the uncertain ones wait for review', async () => {
    statementPath = join(await mkdtemp(join(tmpdir(), 'dd-camt-')), 'camt053-platform-2026-11-19.xml');
    await writeFile(statementPath, platformStatement(reference));
    await adminPage.getByLabel('CAMT.053-afschrift').setInputFiles(statementPath);
    await adminPage.getByRole('button', { name: 'Importeren' }).click();

    const item = adminPage.getByRole('listitem').filter({ hasText: 'camt053-platform-2026-11-19.xml' });
    await item.getByText('Geïmporteerd', { exact: true }).waitFor({ timeout: 30_000 });
    const count = (label: string) => item.locator('.statement-item__count').filter({ hasText: label }).locator('dd');
    expect(await count('Geboekt').innerText()).toBe('1');
    expect(await count('Te beoordelen').innerText()).toBe('2');
    expect(await count('Afschrijvingen en retouren').innerText()).toBe('1');
    expect(await adminPage.getByRole('status').filter({ hasText: 'is verwerkt: 1 geboekt, 2 te beoordelen' }).count()).toBe(1);

    const review = adminPage.getByRole('region', { name: 'Te beoordelen bijschrijvingen' });
    const noReference = review.getByRole('listitem').filter({ hasText: 'Reclamebureau Van Dam' });
    await noReference.getByText('Geen kenmerk').waitFor();
    await noReference.getByText('€ 75,00').waitFor();
    const ambiguous = review.getByRole('listitem').filter({ hasText: 'Marketing Collectief Oost' });
    await ambiguous.getByText('Meerdere kenmerken').waitFor();
    // The references found, with whose they are when known.
    await ambiguous.getByText(`(${organisation})`).waitFor();
    await saveScreenshot(adminPage, 'admin-bank-statements');
  });

  it('the admin books the credit without reference to the advertiser and dismisses the ambiguous one with a note', async () => {
    const review = adminPage.getByRole('region', { name: 'Te beoordelen bijschrijvingen' });
    const noReference = review.getByRole('listitem').filter({ hasText: 'Reclamebureau Van Dam' });
    await noReference.getByRole('button', { name: 'Boeken op saldo' }).click();
    const advertiserSelect = noReference.getByLabel('Adverteerder');
    expect(await advertiserSelect.evaluate((el) => el === document.activeElement)).toBe(true);
    await noReference.getByRole('button', { name: 'Boeken', exact: true }).click();
    await noReference.getByText('Kies de adverteerder van deze betaling.').waitFor();
    await advertiserSelect.selectOption({ label: `${organisation} · ${reference.slice(0, 2)} ${reference.slice(2, 6)} ${reference.slice(6, 10)} ${reference.slice(10)}` });
    await noReference.getByLabel('Notitie (niet verplicht)').fill('Van Dam betaalt namens de bakkerij (gebeld)');
    await noReference.getByRole('button', { name: 'Boeken', exact: true }).click();
    await review.getByText(`€ 75,00 is geboekt op het saldo van ${organisation}.`).waitFor();

    const ambiguous = review.getByRole('listitem').filter({ hasText: 'Marketing Collectief Oost' });
    await ambiguous.getByRole('button', { name: 'Afwijzen', exact: true }).click();
    await ambiguous.getByRole('button', { name: 'Afwijzen', exact: true }).click();
    await ambiguous.getByText('Schrijf in een paar woorden waarom je deze betaling afwijst.').waitFor();
    expect(await ambiguous.getByLabel('Notitie').getAttribute('aria-invalid')).toBe('true');
    await ambiguous.getByLabel('Notitie').fill('Teruggestort: twee kenmerken, betaler gevraagd opnieuw te betalen');
    await ambiguous.getByRole('button', { name: 'Afwijzen', exact: true }).click();
    await review.getByText('De betaling van € 30,00 is afgewezen.').waitFor();
    await review.getByText('Niets te beoordelen', { exact: false }).waitFor();

    const item = adminPage.getByRole('listitem').filter({ hasText: 'camt053-platform-2026-11-19.xml' });
    await item.locator('.statement-item__count').filter({ hasText: 'Geboekt' }).getByText('2').waitFor();
    await saveScreenshot(adminPage, 'admin-bank-statements-resolved');
  });

  it('importing the same statement again books nothing twice', async () => {
    await adminPage.getByLabel('CAMT.053-afschrift').setInputFiles(statementPath);
    await adminPage.getByRole('button', { name: 'Importeren' }).click();
    await adminPage.getByRole('status').filter({ hasText: 'is verwerkt: 0 geboekt, 0 te beoordelen' }).waitFor({ timeout: 30_000 });
    const items = adminPage.getByRole('listitem').filter({ hasText: 'camt053-platform-2026-11-19.xml' });
    expect(await items.count()).toBe(2);
    const newest = items.first();
    expect(await newest.locator('.statement-item__count').filter({ hasText: 'Al eerder geïmporteerd' }).locator('dd').innerText()).toBe('4');
    expect(await newest.locator('.statement-item__count').filter({ hasText: 'Geboekt' }).locator('dd').innerText()).toBe('0');
  });

  it('the advertiser sees the new balance and where it came from', async () => {
    await advertiser.reload();
    await advertiser.getByRole('heading', { level: 1, name: 'Saldo en facturen' }).waitFor();
    await card(advertiser, 'Je saldo').getByText('€ 325,00').waitFor();
    const history = advertiser.getByRole('table', { name: 'Bij- en afschrijvingen op je saldo, nieuwste eerst' });
    const rows = history.getByRole('row');
    expect(await rows.count()).toBe(3);
    await rows.nth(1).getByText('Overboeking van Reclamebureau Van Dam').waitFor();
    await rows.nth(2).getByText(`Overboeking van ${organisation}`).waitFor();
    expect(await rows.nth(2).getByText('+ € 250,00').count()).toBe(1);
    expect((await rows.nth(1).getByRole('cell').last().innerText()).replace(/\s/g, ' ')).toBe('€ 325,00');
    await saveScreenshot(advertiser, 'advertiser-billing');
  });

  it('the advertiser reads the page in English on a phone', async () => {
    await advertiser.setViewportSize({ width: 390, height: 844 });
    await advertiser.getByRole('button', { name: 'English' }).click();
    await advertiser.getByRole('heading', { level: 1, name: 'Balance and invoices' }).waitFor();
    await card(advertiser, 'Top up your balance').getByText('Payment reference', { exact: true }).waitFor();
    expect(await advertiser.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await saveScreenshot(advertiser, 'advertiser-billing-phone-en');
    // Back to Dutch, and wait until the choice is saved: the next page load reads it from the account.
    await Promise.all([
      advertiser.waitForResponse((response) => response.url().includes('account.setLocale') && response.ok()),
      advertiser.getByRole('button', { name: 'Nederlands' }).click(),
    ]);
    await advertiser.getByRole('heading', { level: 1, name: 'Saldo en facturen' }).waitFor();
    await advertiser.setViewportSize({ width: 1280, height: 900 });
  });

  it('an invoice that does not exist (or is another organisation’s) says so', async () => {
    await advertiser.goto(`${baseUrl}/advertiser/billing/invoices/${randomUUID()}`);
    await advertiser.getByRole('heading', { level: 1, name: 'Deze factuur bestaat niet' }).waitFor();
    await advertiser.getByRole('link', { name: 'Terug naar saldo en facturen' }).click();
    await advertiser.getByRole('heading', { level: 1, name: 'Saldo en facturen' }).waitFor();
  });

  it('an invoice prints as an invoice (a fixed invoice, so every figure on the paper is known)', async () => {
    // The print layout is checked on an invoice whose numbers the test chooses; invoices of real
    // purchases are opened in marketplace.e2e.spec.ts and checked in libs/api/src/billing.int.spec.ts.
    const invoiceId = randomUUID();
    const invoice = {
      id: invoiceId,
      number: '2026-000042',
      issuedOn: '2026-11-20',
      suppliedOn: '2026-11-20',
      seller: { name: 'DataDividend B.V.', addressLines: ['Keizersgracht 100', '1015 AA Amsterdam'], kvkNumber: '12345678', vatNumber: 'NL123456782B01', iban: PLATFORM_IBAN, accountName: 'DataDividend B.V.' },
      buyer: { name: organisation, kvkNumber: '87654321', vatNumber: 'NL001234560B01', contactEmail: 'sanne@bakkerij.test', addressLines: ['Dorpsstraat 12', '3512 AB  Utrecht'] },
      lines: [{ description: 'Inzichtrapport: fietsers in Utrecht', quantity: 1_250, unitPriceCents: 8, netCents: 10_000 }],
      netCents: 10_000,
      vatRateBp: 2_100,
      vatCents: 2_100,
      totalCents: 12_100,
    };
    await answerQueryWith(advertiser, 'billing.invoice', invoice);
    await advertiser.goto(`${baseUrl}/advertiser/billing/invoices/${invoiceId}`);
    const paper = advertiser.getByRole('article', { name: 'Factuur 2026-000042' });
    await paper.waitFor();
    expect(await advertiser.title()).toBe('Factuur 2026-000042 · DataDividend');
    await paper.getByText('Subtotaal excl. btw').waitFor();
    await paper.getByText('Dorpsstraat 12').waitFor();
    await paper.getByText('Btw 21%').waitFor();
    await paper.getByText('€ 121,00').waitFor();
    await paper.getByText('€ 0,08').waitFor();
    await saveScreenshot(advertiser, 'advertiser-invoice');
    await advertiser.emulateMedia({ media: 'print' });
    expect(await advertiser.getByRole('navigation', { name: 'Hoofdmenu' }).isVisible()).toBe(false);
    expect(await advertiser.getByRole('button', { name: 'Afdrukken of bewaren als pdf' }).isVisible()).toBe(false);
    await saveScreenshot(advertiser, 'advertiser-invoice-print');
    await advertiser.emulateMedia({ media: 'screen' });
    await advertiser.unrouteAll();
  });
});
