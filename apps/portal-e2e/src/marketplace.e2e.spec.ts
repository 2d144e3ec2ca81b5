import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDb, sql, type Db } from '@dd/db';
import { launchBrowser, newVisitor, saveScreenshot } from './browser';
import { camt053Statement } from './camt053-statement';
import { fillOrganisationDetails } from './organisation-details';
import { confirmEmailFromMailbox } from './mailbox';
import './provided-context';
import { signInAsAdmin } from './admin-sign-in';

const baseUrl = inject('baseUrl');
const admin = inject('admin');
const databaseUrl = inject('databaseUrl');
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

const SEEDED_CUSTOMERS = 1_500;
const run = randomBytes(2).toString('hex');
const organisation = `Fietsenmakerij Jansen ${run}`;
const customerName = 'Eva Smit';
const customerEmail = `eva.${randomBytes(4).toString('hex')}@voorbeeld.nl`;
const OFFER_URL = 'https://www.fietsenmakerij-jansen.example/najaar';

// Two segments far apart: the campaign goes to the Randstad (where the new customer lives), the
// report covers four other provinces, so the two member sets differ by far more than k = 100.
const RANDSTAD = ['Utrecht', 'Noord-Holland', 'Zuid-Holland', 'Flevoland'];
const ELSEWHERE = ['Noord-Brabant', 'Gelderland', 'Limburg', 'Overijssel'];
const CAMPAIGN = 'Najaarsactie fietsonderhoud Randstad';
const REPORT = 'Fietsers buiten de Randstad';
const REJECTED = 'Winteractie e-bikes Randstad';
const REJECT_REASON = 'De aanbieding belooft een korting zonder te zeggen hoeveel; noem het bedrag of percentage en dien hem opnieuw in.';

let browser: Browser;
let customerContext: BrowserContext;
let customer: Page;
let advertiser: Page;
let adminPage: Page;
let db: Db;
let seedSeconds = 0;
let reference = '';
const purchaseUrl: Record<string, string> = {};

/** Runs the seed tool against the e2e database: 1,500 customers with consent decisions and derived features. */
function seedCustomers(): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'tools/seed/src/seed.cli.ts', '--customers', String(SEEDED_CUSTOMERS)], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (data: Buffer) => (output += data.toString()));
    child.stderr.on('data', (data: Buffer) => (output += data.toString()));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`The seed tool exited with ${code}:\n${output}`))));
  });
}

beforeAll(async () => {
  const started = Date.now();
  const output = await seedCustomers();
  seedSeconds = (Date.now() - started) / 1000;
  console.log(`seeded ${SEEDED_CUSTOMERS} customers in ${seedSeconds.toFixed(1)} s\n${output.trim().split('\n').slice(-4).join('\n')}`);
  db = createDb(databaseUrl, { max: 2, applicationName: 'e2e-marketplace' });
  browser = await launchBrowser();
  customerContext = await newVisitor(browser);
  // The offer's link leads off the platform: answer it here instead of on the internet.
  await customerContext.route('https://www.fietsenmakerij-jansen.example/**', (route) => route.fulfill({ contentType: 'text/html', body: '<h1>Najaarsactie</h1>' }));
  customer = await customerContext.newPage();
  advertiser = await (await newVisitor(browser)).newPage();
  adminPage = await (await newVisitor(browser)).newPage();
}, 600_000);

// A failed step leaves a picture of every role's screen behind, to see what was there instead.
afterEach(async ({ task }) => {
  if (task.result?.state !== 'fail') return;
  const pages = { customer, advertiser, admin: adminPage };
  for (const [who, page] of Object.entries(pages)) {
    if (page && !page.isClosed()) await saveScreenshot(page, `marketplace-failed-${who}`).catch(() => undefined);
  }
});

afterAll(async () => {
  await browser?.close();
  await db?.destroy();
});

const nav = (page: Page) => page.getByRole('navigation', { name: 'Hoofdmenu' });
const card = (page: Page, heading: string) => page.locator('section').filter({ has: page.getByRole('heading', { level: 2, name: heading, exact: true }) });

async function openFromMenu(page: Page, name: string, heading: string) {
  await nav(page).getByRole('link', { name, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

/** '€ 2.500,00' → 250000. */
function cents(text: string): number {
  const match = /(-?)\s*€\s*([\d.]+),(\d\d)/.exec(text.replace(/\u00a0/g, ' '));
  if (!match) throw new Error(`No amount in “${text}”.`);
  return (match[1] ? -1 : 1) * (Number(match[2]!.replace(/\./g, '')) * 100 + Number(match[3]));
}

async function balanceOnBillingPage(): Promise<number> {
  await openFromMenu(advertiser, 'Saldo & facturen', 'Saldo en facturen');
  const balance = card(advertiser, 'Je saldo');
  await balance.getByText(/€/).first().waitFor();
  return cents(await balance.getByText(/€/).first().innerText());
}

/**
 * Builds a segment of provinces in the builder and saves it under `name`; returns the estimate shown,
 * or, for an organisation not verified yet, checks that the builder says why there is none.
 */
async function buildSegment(name: string, purpose: 'Inzichten' | 'Aanbiedingen', provinces: readonly string[], verified = true) {
  await openFromMenu(advertiser, 'Segmenten', 'Segmenten');
  await advertiser.getByRole('link', { name: /Stel je eerste segment samen|Nieuw segment/ }).first().click();
  await advertiser.getByRole('heading', { level: 1, name: 'Nieuw segment' }).waitFor();
  await advertiser.getByRole('radio', { name: purpose, exact: true }).check();
  const row = advertiser.getByRole('group', { name: 'Criterium 1', exact: true });
  await row.getByLabel('Kenmerk').selectOption({ label: 'Provincie' });
  for (const province of provinces) await row.getByLabel(province, { exact: true }).check();
  const panel = advertiser.getByRole('region', { name: 'Je segment' });
  let estimate = '';
  if (verified) {
    await panel.locator('.estimate-panel__updating').waitFor({ state: 'detached' });
    const audience = panel.locator('.estimate-panel__count');
    await audience.filter({ hasText: /^Ongeveer \d[\d.]* mensen$/ }).waitFor({ timeout: 20_000 });
    estimate = await audience.innerText();
  } else {
    // Estimates are for verified organisations only: the builder says so, and saving still works.
    await panel.getByText('Je organisatie is nog niet geverifieerd').waitFor({ timeout: 20_000 });
  }
  await advertiser.getByLabel('Naam van het segment').fill(name);
  await advertiser.getByRole('button', { name: 'Segment bewaren' }).click();
  await advertiser.getByText(`Segment ‘${name}’ is bewaard.`).waitFor();
  return estimate;
}

/** From the segments list, opens the purchase form for a saved segment. */
async function buyFrom(segment: string) {
  await openFromMenu(advertiser, 'Segmenten', 'Segmenten');
  await advertiser.getByRole('link', { name: `Rapport of campagne kopen voor ${segment}` }).click();
  await advertiser.getByRole('heading', { level: 1, name: 'Nieuwe aankoop' }).waitFor();
  await advertiser.getByText(`Bewaard segment ‘${segment}’`).waitFor();
  // The side panels (cost, privacy budget) load after the form; once they are there nothing moves under a click.
  await advertiser.locator('.purchase-cost__balance strong').waitFor();
  await advertiser.locator('.budget-meter__bar').first().waitFor();
}

async function formBalance(): Promise<number> {
  const strong = advertiser.locator('.purchase-cost__balance strong');
  await strong.waitFor();
  return cents(await strong.innerText());
}

async function fillOffer(offer: { title: string; body: string; url?: string; code?: string; endsOn: string }) {
  await advertiser.getByLabel('Kop', { exact: true }).fill(offer.title);
  await advertiser.getByLabel('Tekst', { exact: true }).fill(offer.body);
  if (offer.url) await advertiser.getByLabel('Link (https)').fill(offer.url);
  if (offer.code) await advertiser.getByLabel('Kortingscode').fill(offer.code);
  await advertiser.getByLabel('Geldig tot en met').fill(offer.endsOn);
}

/** Sends the form and waits for the new request's page; returns its address. */
async function submitPurchase(title: string): Promise<string> {
  // The estimate (and with it the reservation) must be there before sending.
  await advertiser.locator('.purchase-cost__audience').waitFor({ timeout: 20_000 });
  await advertiser.getByRole('button', { name: 'Aanvraag versturen' }).click();
  await advertiser.getByRole('heading', { level: 1, name: title }).waitFor();
  await advertiser.getByText('Je aanvraag is verstuurd.', { exact: false }).waitFor();
  await advertiser.locator('.dd-badge').filter({ hasText: 'Wacht op beoordeling' }).first().waitFor();
  return advertiser.url();
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** Reloads the purchase page until its status is `status` (the worker fulfils in the background). */
async function waitForStatus(url: string, title: string, status: string, timeoutMs = 150_000) {
  const deadline = Date.now() + timeoutMs;
  await advertiser.goto(url);
  for (;;) {
    await advertiser.getByRole('heading', { level: 1, name: title }).waitFor();
    const header = advertiser.locator('.dd-page-header').filter({ has: advertiser.getByRole('heading', { level: 1, name: title }) }).first();
    const current = await header.innerText();
    if (current.includes(status)) return;
    if (/Mislukt/.test(current)) throw new Error(`“${title}” failed:\n${await advertiser.locator('main').innerText()}`);
    if (Date.now() > deadline) throw new Error(`“${title}” is not “${status}” after ${timeoutMs / 1000} s: ${current}`);
    await advertiser.waitForTimeout(2_000);
    await advertiser.reload();
  }
}

describe('the marketplace, end to end: consent, verification, top-up, purchase, moderation, delivery, payout share', () => {
  it('the seed tool wrote consenting customers with derived features', async () => {
    const { rows } = await sql<{ customers: number; featured: number; granted: number }>`
      select (select count(*)::int from users where role = 'customer') as customers,
             (select count(*)::int from customer_features) as featured,
             (select count(distinct customer_id)::int from consent_decisions where granted) as granted`.execute(db);
    const counts = rows[0]!;
    console.log(`seed: ${JSON.stringify(counts)} in ${seedSeconds.toFixed(1)} s`);
    expect(counts.customers).toBeGreaterThanOrEqual(SEEDED_CUSTOMERS);
    expect(counts.featured).toBeGreaterThanOrEqual(SEEDED_CUSTOMERS * 0.9);
    expect(counts.granted).toBeGreaterThan(SEEDED_CUSTOMERS / 2);
  });

  it('a customer signs up, fills in the profile and grants every category for both purposes', async () => {
    await customer.goto(`${baseUrl}/sign-up`);
    await customer.getByLabel('Je naam').fill(customerName);
    await customer.getByLabel('E-mailadres').fill(customerEmail);
    await customer.getByLabel('Wachtwoord').fill('Grachtenpand-Herfst-58');
    await customer.getByRole('button', { name: 'Account aanmaken' }).click();
    await customer.getByRole('heading', { level: 1, name: `Welkom, ${customerName}` }).waitFor();
    // Until the address is confirmed the customer gets no offers and earns nothing: the banner says so.
    await customer.getByText('Tot dan verdien je nog niets en ontvang je geen aanbiedingen.', { exact: false }).waitFor();
    await confirmEmailFromMailbox(customer, baseUrl, customerEmail);

    await openFromMenu(customer, 'Profiel', 'Je profiel');
    await customer.getByLabel('Geboortejaar').fill('1988');
    await customer.getByLabel('Postcode').fill('3511 AB');
    await customer.getByLabel('Aantal mensen in je huishouden').fill('2');
    await customer.getByLabel('Reizen', { exact: true }).check();
    await customer.getByLabel('Sport', { exact: true }).check();
    await customer.getByRole('button', { name: 'Profiel opslaan' }).click();
    await customer.getByText('Je profiel is opgeslagen.').waitFor();
    await customer.getByText(/Nu bewaard: .*Utrecht\./).waitFor();
    // The worker derives the coarse features the segments use.
    await customer.getByText('35–44 jaar').waitFor({ timeout: 30_000 });
    await saveScreenshot(customer, 'marketplace-customer-profile');

    await openFromMenu(customer, 'Toestemming', 'Toestemming');
    const switches = customer.getByRole('switch');
    await switches.first().waitFor();
    const count = await switches.count();
    expect(count).toBeGreaterThanOrEqual(2 * 10);
    for (let i = 0; i < count; i++) {
      const cell = switches.nth(i);
      if (!(await cell.isChecked())) await cell.check();
    }
    expect(await customer.getByRole('switch', { name: 'Provincie en gemeente: Aanbiedingen in je inbox' }).isChecked()).toBe(true);
    await customer.getByRole('region', { name: 'Niet-opgeslagen wijzigingen' }).getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await customer.getByText('Je keuzes zijn opgeslagen en gelden vanaf nu.').waitFor();
    for (let i = 0; i < count; i++) expect(await switches.nth(i).isChecked()).toBe(true);
    await saveScreenshot(customer, 'marketplace-customer-consent');
  });

  it('an advertiser registers the organisation and sees that it waits for verification', async () => {
    await advertiser.goto(`${baseUrl}/sign-up`);
    await advertiser.getByRole('radio', { name: 'Ik ben adverteerder' }).check();
    await advertiser.getByLabel('Naam van je organisatie').fill(organisation);
    await fillOrganisationDetails(advertiser, { kvk: '69599084', vat: 'NL 8547.12343 B01', industry: 'retail' });
    await advertiser.getByLabel('Naam contactpersoon').fill('Daan Jansen');
    const advertiserEmail = `daan.${randomBytes(4).toString('hex')}@fietsenmakerij.test`;
    await advertiser.getByLabel('E-mailadres').fill(advertiserEmail);
    await advertiser.getByLabel('Wachtwoord').fill('Tandwielkast-Oktober-17');
    await advertiser.getByRole('button', { name: 'Organisatie aanmelden' }).click();
    await advertiser.getByRole('heading', { level: 1, name: 'Welkom, Daan Jansen' }).waitFor();
    // An organisation is only reviewed once its advertiser has confirmed their address.
    await confirmEmailFromMailbox(advertiser, baseUrl, advertiserEmail);
    await advertiser.getByText('Je organisatie wordt gecontroleerd').waitFor();
    await advertiser.getByText('kopen kan zodra je organisatie is geverifieerd', { exact: false }).first().waitFor();
    await saveScreenshot(advertiser, 'marketplace-advertiser-home-unverified');

    await openFromMenu(advertiser, 'Organisatie', 'Je organisatie');
    await advertiser.getByText('Wacht op verificatie').first().waitFor();
    await saveScreenshot(advertiser, 'marketplace-advertiser-organisation-unverified');
  });

  it('the advertiser builds the campaign segment, without an estimate, and cannot buy before verification', async () => {
    await buildSegment('Randstad', 'Aanbiedingen', RANDSTAD, false);
    await saveScreenshot(advertiser, 'marketplace-segments-list');
    await buyFrom('Randstad');
    await advertiser.getByText('Je organisatie kan nog niet kopen').first().waitFor();
    expect(await advertiser.getByRole('button', { name: 'Aanvraag versturen' }).count()).toBe(0);
    await saveScreenshot(advertiser, 'marketplace-purchase-form-unverified');
  });

  it('the admin verifies the organisation on “Adverteerders”', async () => {
    await signInAsAdmin(adminPage, baseUrl, admin);
    await adminPage.getByRole('heading', { level: 1, name: `Welkom, ${admin.displayName}` }).waitFor();

    await openFromMenu(adminPage, 'Adverteerders', 'Adverteerders');
    const item = adminPage.getByRole('listitem').filter({ has: adminPage.getByRole('heading', { level: 3, name: organisation }) });
    await item.getByText('69599084').waitFor();
    await item.getByText('Detailhandel').waitFor();
    await saveScreenshot(adminPage, 'marketplace-admin-organisations');
    await item.getByRole('button', { name: `Verifiëren organisatie ${organisation}` }).click();
    const dialog = adminPage.getByRole('dialog', { name: 'Organisatie verifiëren' });
    await dialog.getByText('KvK-nummer 69599084', { exact: false }).waitFor();
    await dialog.getByRole('button', { name: 'Verifiëren', exact: true }).click();
    await adminPage.getByText(`${organisation} is geverifieerd.`).waitFor();
    await dialog.waitFor({ state: 'hidden' });

    await advertiser.goto(`${baseUrl}/advertiser`);
    await advertiser.getByText('Je organisatie is geverifieerd').waitFor();
  });

  it('the advertiser tops up € 2.500 by bank transfer; the admin imports the statement', async () => {
    expect(await balanceOnBillingPage()).toBe(0);
    const topUp = card(advertiser, 'Saldo opwaarderen');
    reference = (await topUp.getByText(/^DD \d{4} \d{4} \d{4}$/).innerText()).replace(/\s/g, '');

    await openFromMenu(adminPage, 'Bankafschriften', 'Bankafschriften');
    const statement = join(await mkdtemp(join(tmpdir(), 'dd-camt-')), 'camt053-marketplace.xml');
    await writeFile(statement, camt053Statement([{ amount: '2500.00', indicator: 'CRDT', party: organisation, remittance: `Opwaardering ${reference}` }]));
    await adminPage.getByLabel('CAMT.053-afschrift').setInputFiles(statement);
    await adminPage.getByRole('button', { name: 'Importeren' }).click();
    await adminPage.getByRole('status').filter({ hasText: 'is verwerkt: 1 geboekt, 0 te beoordelen' }).waitFor({ timeout: 30_000 });

    await advertiser.reload();
    await card(advertiser, 'Je saldo').getByText('€ 2.500,00').waitFor();
    expect(await balanceOnBillingPage()).toBe(250_000);
    await saveScreenshot(advertiser, 'marketplace-billing-topped-up');
  });

  it('buys an offer campaign on the Randstad segment: the money is reserved', async () => {
    await buyFrom('Randstad');
    await advertiser.getByRole('radio', { name: 'Aanbiedingscampagne' }).check();
    expect(await formBalance()).toBe(250_000);
    await advertiser.getByLabel('Titel van je aanvraag').fill(CAMPAIGN);
    await advertiser.getByLabel('Waarvoor ga je dit gebruiken?').fill('Klanten in de Randstad uitnodigen voor een onderhoudsbeurt van hun fiets met korting in het najaar.');
    await fillOffer({
      title: 'Onderhoudsbeurt voor je fiets: € 15 korting',
      body: 'Laat je fiets dit najaar nakijken bij Fietsenmakerij Jansen en betaal € 15 minder voor een complete onderhoudsbeurt.',
      url: OFFER_URL,
      code: 'NAJAAR15',
      endsOn: inDays(30),
    });
    await advertiser.locator('.purchase-cost__audience').waitFor({ timeout: 20_000 });
    await saveScreenshot(advertiser, 'marketplace-purchase-form-campaign');
    purchaseUrl[CAMPAIGN] = await submitPurchase(CAMPAIGN);
    await saveScreenshot(advertiser, 'marketplace-purchase-campaign-pending');
    const after = await balanceOnBillingPage();
    expect(after).toBeLessThan(250_000);
  });

  it('buys an insight report on a segment that does not overlap: four other provinces', async () => {
    const estimate = await buildSegment('Buiten de Randstad', 'Inzichten', ELSEWHERE);
    console.log(`Buiten de Randstad (insights): ${estimate}`);
    const before = await balanceOnBillingPage();
    await buyFrom('Buiten de Randstad');
    expect(await advertiser.getByRole('radio', { name: 'Inzichtrapport' }).isChecked()).toBe(true);
    expect(await formBalance()).toBe(before);
    await advertiser.getByLabel('Titel van je aanvraag').fill(REPORT);
    await advertiser.getByLabel('Waarvoor ga je dit gebruiken?').fill('Begrijpen welke leeftijdsgroepen en huishoudens buiten de Randstad wonen, om een tweede vestiging te plannen.');
    await advertiser.getByRole('checkbox', { name: 'Leeftijdsgroep' }).check();
    await advertiser.getByRole('checkbox', { name: 'Huishouden' }).check();
    await saveScreenshot(advertiser, 'marketplace-purchase-form-report');
    purchaseUrl[REPORT] = await submitPurchase(REPORT);
    expect(await balanceOnBillingPage()).toBeLessThan(before);
  });

  it('requests a second campaign (the admin will reject it), and sees all three in the list', async () => {
    const before = await balanceOnBillingPage();
    await buyFrom('Randstad');
    await advertiser.getByRole('radio', { name: 'Aanbiedingscampagne' }).check();
    await advertiser.getByLabel('Titel van je aanvraag').fill(REJECTED);
    await advertiser.getByLabel('Waarvoor ga je dit gebruiken?').fill('Een winteractie voor elektrische fietsen onder klanten in de Randstad onder de aandacht brengen.');
    await fillOffer({ title: 'Winterkorting op e-bikes', body: 'Deze winter extra korting op alle e-bikes in onze winkel.', url: OFFER_URL, endsOn: inDays(60) });
    purchaseUrl[REJECTED] = await submitPurchase(REJECTED);
    expect(await balanceOnBillingPage()).toBeLessThan(before);

    await openFromMenu(advertiser, 'Aankopen', 'Aankopen');
    const list = advertiser.getByRole('list', { name: 'Je aankopen' });
    for (const title of [CAMPAIGN, REPORT, REJECTED]) await list.getByRole('listitem').filter({ hasText: title }).getByText('Wacht op beoordeling').waitFor();
    await saveScreenshot(advertiser, 'marketplace-purchases-list');
  });

  it('the admin’s moderation queue shows them oldest first with their checks; approves two, rejects one with a reason', async () => {
    await openFromMenu(adminPage, 'Moderatie', 'Moderatie');
    const queue = adminPage.getByRole('list', { name: 'Aanvragen die wachten' });
    await queue.getByRole('heading', { level: 2 }).first().waitFor();
    expect(await queue.getByRole('heading', { level: 2 }).allInnerTexts()).toEqual([CAMPAIGN, REPORT, REJECTED]);
    await adminPage.getByText('3 aanvragen wachten').waitFor();
    const cardOf = (title: string) => queue.getByRole('article', { name: title });
    for (const title of [CAMPAIGN, REPORT, REJECTED]) {
      await cardOf(title).getByText('Automatische controles').waitFor();
      expect(await cardOf(title).locator('[data-check="advertiserVerified"]').getAttribute('class')).toContain('passed');
    }
    await cardOf(CAMPAIGN).getByText('Onderhoudsbeurt voor je fiets: € 15 korting').waitFor();
    await saveScreenshot(adminPage, 'marketplace-moderation-queue');

    await cardOf(CAMPAIGN).getByRole('button', { name: `‘${CAMPAIGN}’ goedkeuren` }).click();
    await adminPage.getByText(`‘${CAMPAIGN}’ is goedgekeurd en wordt uitgevoerd.`).waitFor();
    await cardOf(REPORT).getByRole('button', { name: `‘${REPORT}’ goedkeuren` }).click();
    await adminPage.getByText(`‘${REPORT}’ is goedgekeurd en wordt uitgevoerd.`).waitFor();

    await cardOf(REJECTED).getByRole('button', { name: `‘${REJECTED}’ afwijzen` }).click();
    await cardOf(REJECTED).getByLabel('Reden van afwijzing').fill('Te kort');
    await cardOf(REJECTED).getByRole('button', { name: 'Afwijzen met deze reden' }).click();
    await cardOf(REJECTED).getByText('Geef een reden van minstens 10 tekens', { exact: false }).waitFor();
    await cardOf(REJECTED).getByLabel('Reden van afwijzing').fill(REJECT_REASON);
    await cardOf(REJECTED).getByRole('button', { name: 'Afwijzen met deze reden' }).click();
    await adminPage.getByText(`‘${REJECTED}’ is afgewezen.`, { exact: false }).waitFor();
    await adminPage.getByText('Niets te beoordelen').waitFor();
    await saveScreenshot(adminPage, 'marketplace-moderation-empty');
  });

  it('the worker delivers the campaign; the rejected request shows the admin’s reason and its money is back', async () => {
    await waitForStatus(purchaseUrl[REJECTED]!, REJECTED, 'Afgewezen', 30_000);
    await advertiser.getByText('Je aanvraag is afgewezen').waitFor();
    await advertiser.getByText(REJECT_REASON).waitFor();
    await saveScreenshot(advertiser, 'marketplace-purchase-rejected');

    await waitForStatus(purchaseUrl[CAMPAIGN]!, CAMPAIGN, 'Geleverd');
    await advertiser.getByRole('heading', { level: 2, name: 'Resultaten van je campagne' }).waitFor();
    await advertiser.getByText('Afgeschreven (excl. btw)').waitFor();
    await advertiser.getByRole('link', { name: 'Factuur bekijken' }).waitFor();
    await saveScreenshot(advertiser, 'marketplace-purchase-campaign-delivered');
  }, 240_000);

  it('the worker delivers the report: charts, the epsilon spent, and a CSV that downloads', async () => {
    await waitForStatus(purchaseUrl[REPORT]!, REPORT, 'Geleverd');
    const report = advertiser.getByRole('region', { name: 'Je inzichtrapport' }).or(advertiser.locator('section.report-section'));
    await report.getByRole('heading', { level: 2, name: 'Je inzichtrapport' }).waitFor();
    await report.getByText(/Privacykosten van dit rapport: ε = [\d.,]+/).waitFor();
    await report.getByRole('figure', { name: 'Leeftijdsgroep' }).waitFor();
    await report.getByRole('figure', { name: 'Huishouden' }).waitFor();
    expect(await report.getByRole('figure', { name: 'Leeftijdsgroep' }).getByRole('row').count()).toBeGreaterThan(1);
    await saveScreenshot(advertiser, 'marketplace-purchase-report-delivered');

    const [download] = await Promise.all([advertiser.waitForEvent('download'), report.getByRole('button', { name: 'Download als CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^inzichtrapport-fietsers-buiten-de-randstad\.csv$/);
    const csv = await readFile((await download.path())!, 'utf8');
    const [header, ...rows] = csv.replace(/^\uFEFF/, '').split(/\r?\n/).filter(Boolean);
    expect(header).toMatch(/^Uitsplitsing[;,]Groep[;,]Aantal \(met ruis\)[;,]Opmerking[;,]Epsilon$/);
    expect(rows.length).toBeGreaterThan(2);
    await report.getByText('inzichtrapport-fietsers-buiten-de-randstad.csv is gedownload.').waitFor();
  }, 240_000);

  it('the invoices are listed under “Saldo & facturen”, and the balance went down by what was charged', async () => {
    const balance = await balanceOnBillingPage();
    expect(balance).toBeLessThan(250_000);
    expect(balance).toBeGreaterThan(0);
    const invoices = advertiser.getByRole('table', { name: 'Je facturen, nieuwste eerst' });
    await invoices.waitFor();
    // One per delivery (campaign and report); the rejected request is not invoiced. Plus the header row.
    expect(await invoices.getByRole('row').count()).toBe(3);
    await saveScreenshot(advertiser, 'marketplace-billing-invoices');
    await invoices.getByRole('link').first().click();
    await advertiser.getByRole('article', { name: /^Factuur / }).waitFor();
    await saveScreenshot(advertiser, 'marketplace-invoice');

    // The invoice names the billed (noised) number of members, never the exact number delivered.
    const { rows } = await sql<{ title: string; quantity: number; billed: number; delivered: number }>`
      select p.title, i.quantity, p.billed_members as billed, s.member_count as delivered
      from purchase_requests p join invoices i on i.sale_id = p.sale_id join sales s on s.id = p.sale_id
      where p.title in (${CAMPAIGN}, ${REPORT}) order by p.title`.execute(db);
    console.log(`invoiced: ${JSON.stringify(rows)}`);
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row.quantity).toBe(row.billed);
  });

  it('the customer finds the offer in “Aanbiedingen”, opens it and follows the link (counted)', async () => {
    await customer.goto(`${baseUrl}/customer`);
    await openFromMenu(customer, 'Aanbiedingen', 'Aanbiedingen');
    const offer = customer.getByRole('list', { name: 'Je aanbiedingen' }).getByRole('article').filter({ hasText: 'Onderhoudsbeurt voor je fiets' });
    await offer.getByText(`Van ${organisation}`).waitFor();
    await offer.getByText('Nieuw', { exact: true }).waitFor();
    await offer.getByRole('button', { name: 'Aanbieding tonen' }).click();
    await offer.getByText('NAJAAR15').waitFor();
    const [tab] = await Promise.all([customerContext.waitForEvent('page'), offer.getByRole('link', { name: /Naar de aanbieding/ }).click()]);
    await tab.waitForLoadState();
    expect(tab.url()).toBe(OFFER_URL);
    await tab.close();
    await saveScreenshot(customer, 'marketplace-customer-offers');

    await expect
      .poll(async () => {
        const { rows } = await sql<{ opened: boolean; clicked: boolean }>`
          select d.opened_at is not null as opened, d.clicked_at is not null as clicked
          from offer_deliveries d join users u on u.id = d.customer_id where u.email = ${customerEmail}`.execute(db);
        return rows;
      })
      .toEqual([{ opened: true, clicked: true }]);
  });

  it('the customer sees where the data went (advertiser, product, purpose) and the earnings', async () => {
    await openFromMenu(customer, 'Waar mijn gegevens heen gingen', 'Waar je gegevens heen gingen');
    const receipt = customer.getByRole('article', { name: organisation });
    await receipt.waitFor();
    await receipt.getByText('Aanbiedingscampagne').waitFor();
    await receipt.getByText('Aanbiedingen in je inbox').waitFor();
    await receipt.getByText('Provincie en gemeente').waitFor();
    const share = cents(await receipt.locator('.receipt__share').innerText());
    expect(share).toBeGreaterThan(0);
    // Not in the report's provinces, so only one sale.
    expect(await customer.getByRole('article').filter({ has: customer.locator('.receipt__advertiser') }).count()).toBe(1);
    await saveScreenshot(customer, 'marketplace-customer-timeline');

    await openFromMenu(customer, 'Verdiensten', 'Je verdiensten');
    const figures = customer.getByRole('region', { name: 'Je verdiensten in bedragen' });
    // The distribution runs in the worker: look again until the share is credited.
    await expect
      .poll(
        async () => {
          await customer.reload();
          await figures.waitFor();
          return (await figures.innerText()).replace(/\u00a0/g, ' ');
        },
        { timeout: 60_000, interval: 2_000 },
      )
      .toMatch(/Totaal verdiend: € (?!0,00)/);
    const text = (await figures.innerText()).replace(/\u00a0/g, ' ');
    expect(text).toContain(`Totaal verdiend: € ${(share / 100).toFixed(2).replace('.', ',')}`);
    await saveScreenshot(customer, 'marketplace-customer-earnings');
  });

  it('the admin finds every decision in the audit log and the marketplace queue under “Beheer”', async () => {
    await openFromMenu(adminPage, 'Auditlog', 'Auditlog');
    await adminPage.getByLabel('Zoekterm').fill('purchase.');
    await adminPage.getByRole('button', { name: 'Zoeken', exact: true }).click();
    const table = adminPage.getByRole('table', { name: 'Auditlog, nieuwste eerst' });
    await table.getByText('purchase.rejected').first().waitFor();
    expect(await table.getByText('purchase.approved').count()).toBe(2);
    expect(await table.getByText('purchase.requested').count()).toBe(3);
    await saveScreenshot(adminPage, 'marketplace-admin-audit');

    await openFromMenu(adminPage, 'Beheer', 'Taken en verzoeken');
    await adminPage.getByRole('heading', { name: 'Achtergrondtaken' }).waitFor();
    await adminPage.getByText('marketplace', { exact: true }).first().waitFor();
    await saveScreenshot(adminPage, 'marketplace-admin-operations');
  });

  it('the ledger sums to zero, and so does every transaction', async () => {
    const total = await sql<{ sum: string | null }>`select sum(amount_cents)::text as sum from ledger_postings`.execute(db);
    expect(Number(total.rows[0]!.sum ?? 0)).toBe(0);
    const unbalanced = await sql<{ transaction_id: number }>`
      select transaction_id from ledger_postings group by transaction_id having sum(amount_cents) <> 0`.execute(db);
    expect(unbalanced.rows).toEqual([]);
    const { rows } = await sql<{ transactions: number }>`select count(distinct transaction_id)::int as transactions from ledger_postings`.execute(db);
    expect(rows[0]!.transactions).toBeGreaterThan(5);
  });
});
