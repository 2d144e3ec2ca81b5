import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { sql } from '@dd/db';
import { controlsWithoutVisibleFocus, seriousAxeViolations, sidewaysOverflow } from './accessibility-checks';
import { launchBrowser, newVisitor, saveScreenshot } from './browser';
import { ADMIN_PAGES, ADVERTISER_PAGES, CUSTOMER_PAGES, openSettled, routerPages, SIGNED_OUT_PAGES, walkPages } from './page-walk';
import { readPayoutFile } from './pain001-file';
import { runTool, startSeededPlatform, type SeededPlatform } from './seeded-platform';
import { signInAsAdmin } from './admin-sign-in';

/**
 * The README's two journeys ("Try it as a customer", "The marketplace journey, with demo data"),
 * walked in the browser on a platform of its own that `npm run seed` filled, with the demo logins
 * the seed prints. Fewer customers than the README's 2,000 to keep the run short: enough for the
 * example segment to be bought, for most of the past sales and for two payout rounds.
 */
const CUSTOMERS = 1_200;
const DEMO = {
  customer: { email: 'customer@demo.datadividend.test', password: 'demo-customer-2026!', name: 'Sanne de Vries' },
  advertiser: { email: 'advertiser@demo.datadividend.test', password: 'demo-advertiser-2026!', name: 'Thomas Bakker', organisation: 'Demo Adverteerder B.V.' },
  admin: { email: 'admin@demo.datadividend.test', password: 'demo-admin-2026!', name: 'Demo Beheerder' },
} as const;
const resultsDir = fileURLToPath(new URL('../../../test-results/e2e/', import.meta.url));
const SANNE_IBAN = 'NL44RABO0123456789';
const SANNE_IBAN_SHOWN = 'NL44 RABO 0123 4567 89';
const SEGMENT = 'Reizigers';
const REPORT = 'Reisuitgaven per leeftijdsgroep';
const PURPOSE = 'Begrijpen hoeveel mensen van welke leeftijd aan reizen uitgeven, om ons zomerassortiment koffers te plannen.';

let platform: SeededPlatform;
let baseUrl = '';
let browser: Browser;
let customerContext: BrowserContext;
let customer: Page;
let advertiser: Page;
let adminPage: Page;
let purchaseUrl = '';
let requestedCents = 0;
let seededSales = 0;

beforeAll(async () => {
  platform = await startSeededPlatform(CUSTOMERS);
  baseUrl = platform.baseUrl;
  console.log(`readme journeys: seeded ${CUSTOMERS} customers in ${platform.seedSeconds.toFixed(1)} s\n${platform.seedOutput.trim().split('\n').slice(-6, -4).join('\n')}`);
  browser = await launchBrowser();
  customerContext = await newVisitor(browser);
  customer = await customerContext.newPage();
  const advertiserContext = await newVisitor(browser);
  await advertiserContext.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
  advertiser = await advertiserContext.newPage();
  adminPage = await (await newVisitor(browser)).newPage();
}, 420_000);

// A failed step leaves a picture of every role's screen behind, to see what was there instead.
afterEach(async ({ task }) => {
  if (task.result?.state !== 'fail') return;
  for (const [who, page] of Object.entries({ customer, advertiser, admin: adminPage })) {
    if (page && !page.isClosed()) await saveScreenshot(page, `readme-failed-${who}`).catch(() => undefined);
  }
});

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

const nav = (page: Page) => page.getByRole('navigation', { name: 'Hoofdmenu' });
const card = (page: Page, heading: string) => page.locator('section').filter({ has: page.getByRole('heading', { level: 2, name: heading, exact: true }) });

async function openFromMenu(page: Page, name: string, heading: string) {
  await nav(page).getByRole('link', { name, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

async function signIn(page: Page, account: { email: string; password: string; name: string }) {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('E-mailadres').fill(account.email);
  await page.getByLabel('Wachtwoord').fill(account.password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByRole('heading', { level: 1, name: `Welkom, ${account.name}` }).waitFor();
}

/** '€ 2.500,00' → 250000. */
function cents(text: string): number {
  const match = /(-?)\s*€\s*([\d.]+),(\d\d)/.exec(text.replace(/\u00a0/g, ' '));
  if (!match) throw new Error(`No amount in “${text}”.`);
  return (match[1] ? -1 : 1) * (Number(match[2]!.replace(/\./g, '')) * 100 + Number(match[3]));
}

async function earningsFigure(label: string): Promise<number> {
  const figure = customer
    .getByRole('region', { name: 'Je verdiensten in bedragen' })
    .locator('.earnings-figure')
    .filter({ has: customer.getByText(label, { exact: true }) });
  return cents(await figure.locator('.earnings-figure__value').innerText());
}

/** Downloads the pain.001 file of a batch row and reads it as the bank would. */
async function downloadPayoutFile(row: ReturnType<Page['locator']>, name: string) {
  const [download] = await Promise.all([adminPage.waitForEvent('download'), row.getByRole('link', { name: /pain\.001 downloaden/ }).click()]);
  expect(download.suggestedFilename()).toMatch(/^datadividend-payouts-\d{4}-\d{2}-\d{2}-DDM[0-9A-F]{32}\.xml$/);
  const xml = await readFile((await download.path())!, 'utf8');
  await saveScreenshot(adminPage, name);
  return readPayoutFile(xml);
}

async function confirmPaid(row: ReturnType<Page['locator']>) {
  await row.getByRole('button', { name: 'Bevestig betaald' }).click();
  const dialog = adminPage.getByRole('dialog', { name: 'Batch als betaald bevestigen' });
  await dialog.getByRole('button', { name: 'Bevestig betaald' }).click();
  await adminPage.getByText('De batch staat als betaald in de boeken.').waitFor();
  // The message may still be showing from an earlier confirmation: the row leaving "ready" is what says this one is booked.
  await row.waitFor({ state: 'detached' });
}

describe('the README’s journeys on a fresh seed', () => {
  it('the seed wrote the market’s past: sales that included the demo customer and two payout rounds', async () => {
    const { rows } = await sql<{ sales: number; receipts: number; batches: string[] }>`
      select (select count(*)::int from sales where idempotency_key like 'seed-sale:%') as sales,
             (select count(*)::int from data_use_receipts r join users u on u.id = r.customer_id where u.email = ${DEMO.customer.email}) as receipts,
             (select array_agg(status order by created_at) from payout_batches) as batches`.execute(platform.database.db);
    const past = rows[0]!;
    seededSales = past.receipts;
    expect(past.sales).toBeGreaterThan(200);
    // The demo customer is in every past sale she was eligible for, which is all of them (README step 2).
    expect(past.receipts).toBe(past.sales);
    expect(past.batches).toEqual(['paid', 'ready']);
  });

  it('customer: the consent page holds the seeded choices', async () => {
    await signIn(customer, DEMO.customer);
    await openFromMenu(customer, 'Toestemming', 'Toestemming');
    for (const category of ['Leeftijdsgroep', 'Provincie en gemeente', 'Grootte van het huishouden', 'Interesses', 'Reizen', 'Uit eten en bezorging', 'Boodschappen']) {
      for (const purpose of ['Anonieme statistieken', 'Aanbiedingen in je inbox']) {
        expect(await customer.getByRole('switch', { name: `${category}: ${purpose}` }).isChecked(), `${category}: ${purpose}`).toBe(true);
      }
    }
    // Those 7 × 2 and nothing else; gambling and credit are excluded industries (README step 2).
    expect(await customer.getByRole('switch', { checked: true }).count()).toBe(14);
    for (const industry of ['Gokken en casino', 'Leningen en krediet']) expect(await customer.getByRole('checkbox', { name: industry }).isChecked(), industry).toBe(true);
    expect(await customer.getByRole('checkbox', { checked: true }).count()).toBe(2);
    await saveScreenshot(customer, 'readme-customer-consent');
  });

  it('customer: “where my data went” lists the past sales, each with the advertiser’s own purpose statement', async () => {
    await openFromMenu(customer, 'Waar mijn gegevens heen gingen', 'Waar je gegevens heen gingen');
    await customer.getByText(`${seededSales} verkopen`, { exact: true }).waitFor();
    const first = customer.getByRole('article').first();
    await first.getByText(/^Waarvoor .+ het gebruikt, in eigen woorden$/).waitFor();
    const statement = await first.locator('.receipt__statement dd').innerText();
    expect(statement.length).toBeGreaterThan(20);
    expect(cents(await first.locator('.receipt__share').innerText())).toBeGreaterThan(0);
    await first.screenshot({ path: `${resultsDir}readme-customer-receipt.png` });
    // Hundreds of receipts come 50 at a time, the total still over all of them.
    expect(await customer.getByRole('article').count()).toBe(50);
    await customer.getByText(`De nieuwste 50 van ${seededSales} verkopen.`).waitFor();
    await customer.getByRole('button', { name: 'Nog 50 verkopen tonen' }).click();
    await customer.getByText(`De nieuwste 100 van ${seededSales} verkopen.`).waitFor();
    expect(await customer.getByRole('article').count()).toBe(100);
  });

  it('customer: earnings show EUR 10 paid in the first round and more than the minimum available; she requests it all', async () => {
    await openFromMenu(customer, 'Verdiensten', 'Je verdiensten');
    expect(await earningsFigure('Uitbetaald')).toBe(1_000);
    const available = await earningsFigure('Beschikbaar');
    expect(available).toBeGreaterThanOrEqual(1_000);
    await customer.getByRole('figure', { name: 'Verdiensten per maand' }).waitFor();
    const paid = customer.getByRole('listitem').filter({ hasText: '€ 10,00' });
    await paid.getByText('Uitbetaald', { exact: true }).waitFor();

    expect(await customer.getByRole('radio', { name: /^Alles wat beschikbaar is/ }).isChecked()).toBe(true);
    await customer.getByLabel('IBAN').fill(SANNE_IBAN_SHOWN.toLowerCase());
    await customer.getByLabel('Naam van de rekeninghouder').fill('S. de Vries');
    await customer.getByRole('button', { name: 'Uitbetaling aanvragen' }).click();
    await customer.getByText(`Je uitbetaling van ${euroText(available)} naar ${SANNE_IBAN_SHOWN} is aangevraagd.`).waitFor();
    const item = customer.getByRole('listitem').filter({ hasText: SANNE_IBAN_SHOWN });
    await item.getByText('Aangevraagd', { exact: true }).waitFor();
    await item.getByText(euroText(available)).first().waitFor();
    expect(await earningsFigure('Onderweg')).toBe(available);
    expect(await earningsFigure('Beschikbaar')).toBe(0);
    requestedCents = available;
    await saveScreenshot(customer, 'readme-customer-payout-requested');
  });

  it('customer: the export ends ready and the ZIP downloads, with a Dutch README, her offers and her payout request', async () => {
    await openFromMenu(customer, 'Privacy & export', 'Privacy en export');
    await customer.getByRole('button', { name: 'Export aanvragen' }).click();
    const link = customer.getByRole('link', { name: /ZIP downloaden/ });
    await link.waitFor({ timeout: 60_000 });
    await customer.getByText('Klaar', { exact: true }).first().waitFor();
    const [download] = await Promise.all([customer.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/\.zip$/);
    const files = unzipSync(await readFile((await download.path())!));
    for (const name of ['README.txt', 'timeline.json', 'offers.json', 'payout-requests.json', 'earnings.json']) expect(Object.keys(files), name).toContain(name);
    // The README is in her language (Dutch), and the payout she just asked for is in the file.
    expect(strFromU8(files['README.txt']!)).toContain('alles wat we over je bewaren');
    expect(strFromU8(files['payout-requests.json']!)).toContain(SANNE_IBAN);
    await saveScreenshot(customer, 'readme-customer-export');
  });

  let reference = '';

  it('advertiser: copies the payment reference; demo:top-up writes the statement, the admin imports it and the balance appears', async () => {
    await signIn(advertiser, DEMO.advertiser);
    await openFromMenu(advertiser, 'Saldo & facturen', 'Saldo en facturen');
    await card(advertiser, 'Je saldo').getByText('€ 0,00').waitFor();
    const topUp = card(advertiser, 'Saldo opwaarderen');
    const shown = await topUp.getByText(/^DD \d{4} \d{4} \d{4}$/).innerText();
    await topUp.getByRole('button', { name: 'Betalingskenmerk kopiëren' }).click();
    reference = await advertiser.evaluate(() => navigator.clipboard.readText());
    expect(reference).toBe(shown.replace(/\s/g, ''));

    const statement = join(await mkdtemp(join(tmpdir(), 'dd-readme-')), 'top-up.xml');
    const printed = await runTool('tools/seed/src/top-up.cli.ts', ['--reference', reference, '--euros', '2500', '--out', statement], platform.env);
    expect(printed).toContain(`EUR 2500.00 to NL91ABNA0417164300 with reference ${reference}`);

    await signInAsAdmin(adminPage, baseUrl, DEMO.admin);
    await adminPage.getByRole('heading', { level: 1, name: `Welkom, ${DEMO.admin.name}` }).waitFor();
    await openFromMenu(adminPage, 'Bankafschriften', 'Bankafschriften');
    await adminPage.getByLabel('CAMT.053-afschrift').setInputFiles(statement);
    await adminPage.getByRole('button', { name: 'Importeren' }).click();
    await adminPage.getByRole('status').filter({ hasText: 'is verwerkt: 1 geboekt, 0 te beoordelen' }).waitFor({ timeout: 30_000 });

    await advertiser.reload();
    await card(advertiser, 'Je saldo').getByText('€ 2.500,00').waitFor();
    await advertiser.getByText(`Overboeking van ${DEMO.advertiser.organisation}`).waitFor();
    await saveScreenshot(advertiser, 'readme-advertiser-topped-up');
  });

  it('advertiser: builds “spends on travel”, sees the estimate and the price, and asks for an insight report with a purpose', async () => {
    await openFromMenu(advertiser, 'Segmenten', 'Segmenten');
    await advertiser.getByRole('link', { name: /Stel je eerste segment samen|Nieuw segment/ }).first().click();
    await advertiser.getByRole('heading', { level: 1, name: 'Nieuw segment' }).waitFor();
    await advertiser.getByRole('radio', { name: 'Inzichten', exact: true }).check();
    const row = advertiser.getByRole('group', { name: 'Criterium 1', exact: true });
    await row.getByLabel('Kenmerk').selectOption({ label: 'Uitgaven per maand' });
    await row.getByLabel('Categorie').selectOption({ label: 'Reizen' });
    const panel = advertiser.getByRole('region', { name: 'Je segment' });
    await row.getByText(/^Mensen die per maand iets aan reizen uitgeven\.$/i).waitFor();
    await panel.locator('.estimate-panel__updating').waitFor({ state: 'detached' });
    const audience = panel.locator('.estimate-panel__count').filter({ hasText: /^Ongeveer \d[\d.]* mensen$/ });
    await audience.waitFor({ timeout: 20_000 });
    const estimate = Number((await audience.innerText()).replace(/\D/g, ''));
    // About half the seeded customers share travel for statistics (README: about 1,000 of 2,000).
    expect(estimate).toBeGreaterThan(CUSTOMERS * 0.3);
    expect(estimate).toBeLessThan(CUSTOMERS * 0.7);
    await panel.getByText(/ongeveer €\s[\d.]+,\d\d/).first().waitFor();
    await saveScreenshot(advertiser, 'readme-segment-builder');
    await advertiser.getByLabel('Naam van het segment').fill(SEGMENT);
    await advertiser.getByRole('button', { name: 'Segment bewaren' }).click();
    await advertiser.getByText(`Segment ‘${SEGMENT}’ is bewaard.`).waitFor();

    await advertiser.getByRole('link', { name: `Rapport of campagne kopen voor ${SEGMENT}` }).click();
    await advertiser.getByRole('heading', { level: 1, name: 'Nieuwe aankoop' }).waitFor();
    expect(await advertiser.getByRole('radio', { name: 'Inzichtrapport' }).isChecked()).toBe(true);
    await advertiser.getByLabel('Titel van je aanvraag').fill(REPORT);
    await advertiser.getByLabel('Waarvoor ga je dit gebruiken?').fill(PURPOSE);
    await advertiser.getByRole('checkbox', { name: 'Leeftijdsgroep' }).check();
    await advertiser.getByRole('checkbox', { name: /^Uitgaven aan reizen$/i }).check();
    await advertiser.locator('.purchase-cost__audience').waitFor({ timeout: 20_000 });
    await saveScreenshot(advertiser, 'readme-purchase-form');
    await advertiser.getByRole('button', { name: 'Aanvraag versturen' }).click();
    await advertiser.getByRole('heading', { level: 1, name: REPORT }).waitFor();
    await advertiser.getByText('Je aanvraag is verstuurd.', { exact: false }).waitFor();
    purchaseUrl = advertiser.url();
    await openFromMenu(advertiser, 'Saldo & facturen', 'Saldo en facturen');
    // The maximum cost is reserved from the balance (README step 4).
    expect(cents(await card(advertiser, 'Je saldo').getByText(/€/).first().innerText())).toBeLessThan(250_000);
  });

  it('admin: approves the request in moderation; the worker fulfils it; the advertiser reads the report and the invoice', async () => {
    await openFromMenu(adminPage, 'Moderatie', 'Moderatie');
    const request = adminPage.getByRole('list', { name: 'Aanvragen die wachten' }).getByRole('article', { name: REPORT });
    await request.getByText('Automatische controles').waitFor();
    await request.getByText(PURPOSE).waitFor();
    await saveScreenshot(adminPage, 'readme-moderation');
    await request.getByRole('button', { name: `‘${REPORT}’ goedkeuren` }).click();
    await adminPage.getByText(`‘${REPORT}’ is goedgekeurd en wordt uitgevoerd.`).waitFor();

    const header = advertiser.locator('.dd-page-header').filter({ has: advertiser.getByRole('heading', { level: 1, name: REPORT }) });
    await expect
      .poll(
        async () => {
          await advertiser.goto(purchaseUrl);
          await advertiser.getByRole('heading', { level: 1, name: REPORT }).waitFor();
          return header.innerText();
        },
        { timeout: 120_000, interval: 2_000 },
      )
      .toMatch(/Geleverd|Mislukt|Afgewezen/);
    expect(await header.innerText(), await advertiser.locator('main').innerText()).toContain('Geleverd');
    const report = advertiser.locator('section.report-section');
    await report.getByText(/Privacykosten van dit rapport: ε = [\d.,]+/).waitFor();
    await report.getByRole('figure', { name: 'Leeftijdsgroep' }).waitFor();
    await saveScreenshot(advertiser, 'readme-report-delivered');

    await advertiser.getByRole('link', { name: 'Factuur bekijken' }).click();
    const invoice = advertiser.getByRole('article', { name: /^Factuur / });
    await invoice.waitFor();
    await invoice.getByText(DEMO.advertiser.organisation).first().waitFor();
    await invoice.getByText(REPORT, { exact: false }).first().waitFor();
    await saveScreenshot(advertiser, 'readme-invoice');
  }, 180_000);

  it('admin: downloads the seeded October batch’s pain.001 (a valid pain.001.001.03 file) and confirms it paid', async () => {
    await openFromMenu(adminPage, 'Uitbetalingen', 'Uitbetalingen');
    const batches = adminPage.getByRole('table', { name: 'Betaalbatches' });
    const ready = batches.getByRole('row').filter({ hasText: 'Klaar om te uploaden' });
    await ready.waitFor();
    expect(await ready.count()).toBe(1);
    const cells = await ready.getByRole('cell').allInnerTexts();
    // The creation date is the row's header; then come the number of payments and the total.
    const shownCount = Number(cells[0]!.replace(/\D/g, ''));
    const shownTotal = cents(cells[1]!);

    const file = await downloadPayoutFile(ready, 'readme-admin-payouts');
    expect(file.problems).toEqual([]);
    expect(file.namespace).toBe('urn:iso:std:iso:20022:tech:xsd:pain.001.001.03');
    expect(file.count).toBe(shownCount);
    expect(file.payments).toHaveLength(shownCount);
    expect(file.totalCents).toBe(shownTotal);
    expect(file.payments.reduce((sum, p) => sum + p.cents, 0)).toBe(shownTotal);

    await confirmPaid(ready);
    await batches.getByRole('row').filter({ hasText: 'Klaar om te uploaden' }).waitFor({ state: 'detached' });
  });

  it('admin: puts Sanne’s request in a new batch, whose pain.001 pays her IBAN the amount she asked, and confirms it', async () => {
    await adminPage.getByText(`1 goedgekeurde aanvraag van ${euroText(requestedCents)} staat klaar.`).waitFor();
    await adminPage.getByRole('button', { name: 'Batch maken' }).click();
    await adminPage.getByText('Batch gemaakt met 1 betaling. Het betaalbestand wordt klaargezet.').waitFor();
    const batch = adminPage.getByRole('table', { name: 'Betaalbatches' }).getByRole('row').filter({ hasText: 'Klaar om te uploaden' });
    await batch.waitFor({ timeout: 30_000 });

    const file = await downloadPayoutFile(batch, 'readme-admin-payouts-sanne');
    expect(file.problems).toEqual([]);
    expect(file.count).toBe(1);
    expect(file.totalCents).toBe(requestedCents);
    expect(file.payments).toEqual([{ iban: SANNE_IBAN, name: 'S. de Vries', cents: requestedCents }]);

    // Read fresh: the portal keeps what it fetched for 30 s, and her last visit may be more recent than that.
    await openFromMenu(customer, 'Verdiensten', 'Je verdiensten');
    await customer.reload();
    await customer.getByRole('listitem').filter({ hasText: SANNE_IBAN_SHOWN }).getByText('Onderweg naar je bank', { exact: true }).waitFor();

    await confirmPaid(batch);
    await customer.reload();
    await customer.getByRole('listitem').filter({ hasText: SANNE_IBAN_SHOWN }).getByText('Uitbetaald', { exact: true }).waitFor();
    expect(await earningsFigure('Uitbetaald')).toBe(1_000 + requestedCents);
    expect(await earningsFigure('Onderweg')).toBe(0);
    await saveScreenshot(customer, 'readme-customer-paid');
  });

  it('customer: the new sale is in her timeline, with the advertiser’s purpose, and its share under earnings', async () => {
    await openFromMenu(customer, 'Waar mijn gegevens heen gingen', 'Waar je gegevens heen gingen');
    await customer.getByText(`${seededSales + 1} verkopen`, { exact: true }).waitFor();
    const sale = customer.getByRole('article', { name: DEMO.advertiser.organisation });
    await sale.getByText('Inzichtrapport').waitFor();
    await sale.getByText(PURPOSE).waitFor();
    await sale.getByText('Reizen', { exact: true }).waitFor();
    await sale.screenshot({ path: `${resultsDir}readme-customer-new-sale.png` });
    const share = cents(await sale.locator('.receipt__share').innerText());
    expect(share).toBeGreaterThan(0);

    // New earnings wait out the holding period before they can be paid out.
    await openFromMenu(customer, 'Verdiensten', 'Je verdiensten');
    await customer.reload();
    expect(await earningsFigure('Nog in afwachting')).toBeGreaterThanOrEqual(share);
    expect(await earningsFigure('Beschikbaar')).toBe(0);
  });
});

// On the same seeded platform, after the journeys, so every page has something on it: the demo
// customer's sales and payouts, the advertiser's segments, purchases and invoices, the admin's queues.
// (A platform of its own would cost another seed and start-up.)
describe('every page of every role: WCAG 2.1 AA (axe), keyboard focus, a phone’s width', () => {
  it('the walk accounts for every page the router defines', () => {
    const router = routerPages();
    const walked = new Set([...SIGNED_OUT_PAGES, ...CUSTOMER_PAGES, ...ADVERTISER_PAGES, ...ADMIN_PAGES].map((walk) => walk.pattern));
    expect(walked.size).toBe(router.pages);
    const uncovered = router.segments.filter((segment) => ![...walked].some((pattern) => pattern === `/${segment}` || pattern.includes(`/${segment}/`) || pattern.endsWith(`/${segment}`)));
    expect(uncovered).toEqual([]);
  });

  it('each check finds what it looks for (controls on the sign-in page with three planted faults)', async () => {
    const visitor = await (await newVisitor(browser)).newPage();
    await openSettled(visitor, `${baseUrl}/sign-in`);
    expect(await seriousAxeViolations(visitor)).toEqual([]);
    expect(await controlsWithoutVisibleFocus(visitor)).toEqual([]);
    await visitor.setViewportSize({ width: 390, height: 844 });
    expect(await sidewaysOverflow(visitor)).toBe(0);

    await visitor.evaluate(() => {
      const main = document.querySelector('main')!;
      main.insertAdjacentHTML(
        'beforeend',
        '<style>#planted-button:focus { outline: none !important; box-shadow: none !important; }</style>' +
          '<button id="planted-button" type="button" style="outline:none;box-shadow:none;border:0;background:#fff">Planted</button>' +
          '<input id="planted-input" type="text">' +
          '<div style="width:2000px;height:4px"></div>',
      );
    });
    expect((await seriousAxeViolations(visitor)).map((line) => line.split(' ')[0])).toContain('label');
    expect(await controlsWithoutVisibleFocus(visitor)).toContain('button#planted-button “Planted”');
    expect(await sidewaysOverflow(visitor)).toBeGreaterThan(1_000);
    await visitor.context().close();
  });

  it('signed out: every public page', async () => {
    const visitor = await (await newVisitor(browser)).newPage();
    expect(await walkPages(visitor, baseUrl, 'visitor', SIGNED_OUT_PAGES)).toEqual([]);
    await visitor.context().close();
  });

  it('the demo customer: every page', async () => {
    expect(await walkPages(customer, baseUrl, 'customer', CUSTOMER_PAGES)).toEqual([]);
  });

  it('the demo advertiser: every page, with segments, purchases and invoices to open', async () => {
    expect(await walkPages(advertiser, baseUrl, 'advertiser', ADVERTISER_PAGES)).toEqual([]);
  });

  it('the demo admin: every page, with queues, batches and the audit log filled', async () => {
    expect(await walkPages(adminPage, baseUrl, 'admin', ADMIN_PAGES)).toEqual([]);
  });
});

function euroText(value: number): string {
  return new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' }).format(value / 100).replace(/\u00a0/g, ' ');
}
