import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDb, sql, type Db } from '@dd/db';
import { answerQueryWith } from './fixed-trpc-answer';
import { controlsWithoutVisibleFocus, describeViolations, seriousViolations, sidewaysOverflow } from './accessibility-checks';
import { launchBrowser, saveScreenshot } from './browser';
import { fillOrganisationDetails } from './organisation-details';
import { portalRoutes, type RouteAccess } from './portal-routes';
import { confirmEmailFromMailbox } from './mailbox';
import './provided-context';

const baseUrl = inject('baseUrl');
const admin = inject('admin');
const databaseUrl = inject('databaseUrl');
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const resultsDir = join(repoRoot, 'test-results', 'e2e');

// The seed's demo customer has months of data (bookings, consent, receipts, earnings, a payout).
const DEMO_CUSTOMER = { email: 'customer@demo.datadividend.test', password: 'demo-customer-2026!', displayName: 'Sanne de Vries' };
// The same population as marketplace.e2e.spec.ts: the seed is idempotent, so whichever runs first writes it.
const SEEDED_CUSTOMERS = 1_500;
const run = randomBytes(3).toString('hex');
const organisation = `Boekhandel Leeslamp ${run}`;
const advertiserEmail = `joris.${run}@leeslamp.test`;
const PASSWORD = 'Leesbril-Lantaarn-73';
/** A walk visits up to a dozen pages, each twice (laptop and phone). */
const WALK_TIMEOUT = 600_000;

let browser: Browser;
let db: Db;
const contexts: BrowserContext[] = [];
/** Every page the walks visited, per role, as router patterns: compared with the router at the end. */
const visited: Record<RouteAccess, Set<string>> = { signedOut: new Set(), everyone: new Set(), customer: new Set(), advertiser: new Set(), admin: new Set() };

/** Runs the seed tool unless an earlier spec already did. */
async function ensureSeeded(): Promise<void> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from users where email = ${DEMO_CUSTOMER.email}`.execute(db);
  if (rows[0]!.n > 0) return;
  await new Promise<void>((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'tools/seed/src/seed.cli.ts', '--customers', String(SEEDED_CUSTOMERS)], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (data: Buffer) => (output += data.toString()));
    child.stderr.on('data', (data: Buffer) => (output += data.toString()));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`The seed tool exited with ${code}:\n${output}`))));
  });
}

beforeAll(async () => {
  db = createDb(databaseUrl, { max: 2, applicationName: 'e2e-accessibility' });
  browser = await launchBrowser();
  await mkdir(resultsDir, { recursive: true });
  await ensureSeeded();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await db?.destroy();
});

/** One signed-in person: a laptop-sized page for axe and the keyboard, a phone-sized page for layout, one session. */
interface Visitor {
  desktop: Page;
  phone: Page;
}

async function newVisitorPair(): Promise<Visitor> {
  const context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 1280, height: 900 } });
  contexts.push(context);
  const desktop = await context.newPage();
  const phone = await context.newPage();
  await phone.setViewportSize({ width: 390, height: 844 });
  return { desktop, phone };
}

let current: Visitor | undefined;
afterEach(async ({ task }) => {
  if (task.result?.state !== 'fail' || !current) return;
  await saveScreenshot(current.desktop, `a11y-failed-${task.name.replace(/\W+/g, '-').slice(0, 40)}`).catch(() => undefined);
});

/** The page has finished loading: its heading is there, no request is open and nothing says it is busy. */
async function settle(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForLoadState('networkidle');
  await page.locator('main [aria-busy="true"]').first().waitFor({ state: 'detached', timeout: 20_000 });
}

async function expectAccessible(page: Page, where: string, include?: string): Promise<void> {
  const violations = await seriousViolations(page, include);
  // Soft: a walk reports every page's findings at once, not only the first page's.
  expect.soft(violations, describeViolations(where, violations)).toEqual([]);
}

async function expectVisibleFocus(page: Page, where: string): Promise<void> {
  const problems = await controlsWithoutVisibleFocus(page);
  expect.soft(problems, `${where}: controls without a visible focus indicator:\n${problems.map((p) => `  ${p.control}: ${p.problem}`).join('\n')}`).toEqual([]);
}

async function expectFitsPhone(page: Page, where: string): Promise<void> {
  const { scrollWidth, clientWidth, widest } = await sidewaysOverflow(page);
  expect.soft(scrollWidth, `${where} scrolls sideways at 390 px (${scrollWidth} > ${clientWidth}); too wide: ${widest.join(', ')}`).toBeLessThanOrEqual(clientWidth);
}

/**
 * Visits one page as the visitor: axe and visible focus on the laptop-sized page, then the same
 * address on the phone, where nothing may scroll sideways. (Axe on the phone layout runs where it
 * differs: the menu, below; running it on every page again would double the walk for little.)
 */
async function check(visitor: Visitor, access: RouteAccess, pattern: string, url: string, name: string): Promise<void> {
  visited[access].add(pattern);
  const { desktop, phone } = visitor;
  await Promise.all([desktop.goto(`${baseUrl}${url}`), phone.goto(`${baseUrl}${url}`)]);
  // The page itself, not a sign-in form or home page a guard sent the visitor to instead.
  const expected = new URL(url, baseUrl).pathname;
  await settle(desktop);
  expect(new URL(desktop.url()).pathname, `${name}: redirected`).toBe(expected);
  await expectAccessible(desktop, name);
  await expectVisibleFocus(desktop, name);

  await settle(phone);
  expect(new URL(phone.url()).pathname, `${name} (390 px): redirected`).toBe(expected);
  await expectFitsPhone(phone, name);
  // The first screen only: a full-page image of a long list costs seconds and shows nothing the width check misses.
  await phone.screenshot({ path: join(resultsDir, `a11y-phone-${name}.png`), timeout: 60_000 });
}

async function signIn(page: Page, email: string, password: string, displayName: string): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByRole('heading', { level: 1, name: `Welkom, ${displayName}` }).waitFor();
}

const CUSTOMER_PAGES = ['/customer', '/customer/data', '/customer/profile', '/customer/consent', '/customer/timeline', '/customer/offers', '/customer/earnings', '/customer/privacy'];

async function walkCustomer(visitor: Visitor, label: string): Promise<void> {
  for (const path of CUSTOMER_PAGES) await check(visitor, 'customer', path, path, `${label}${path.replace(/\//g, '-')}`);
  // The footer's pages and the account settings, signed in.
  await check(visitor, 'everyone', '/legal/data', '/legal/data', `${label}-legal-data`);
  await check(visitor, 'everyone', '/account', '/account', `${label}-account`);
}

describe('accessibility: every page of every role passes axe (WCAG 2.1 AA, no serious or critical findings), shows keyboard focus and fits a 390 px phone', () => {
  it('the check itself fails on an image without a text alternative and a button without a name', async () => {
    const visitor = await newVisitorPair();
    current = visitor;
    await visitor.desktop.goto(`${baseUrl}/legal/terms`);
    await settle(visitor.desktop);
    await visitor.desktop.evaluate(() => {
      const main = document.querySelector('main')!;
      main.insertAdjacentHTML('beforeend', '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="20" height="20"><button type="button"></button>');
    });
    const violations = await seriousViolations(visitor.desktop);
    expect(violations.map((v) => v.id).sort()).toEqual(expect.arrayContaining(['button-name', 'image-alt']));
    expect(describeViolations('control', violations)).toContain('main > button');

    // And the focus check fails on a control whose outline is taken away.
    await visitor.desktop.addStyleTag({ content: 'main button:focus-visible { outline: none !important; }' });
    const problems = await controlsWithoutVisibleFocus(visitor.desktop);
    expect(problems.map((p) => p.problem)).toContain('shows no outline or ring when focused');

    // And the phone check fails on something wider than the screen.
    await visitor.phone.goto(`${baseUrl}/legal/terms`);
    await settle(visitor.phone);
    await visitor.phone.evaluate(() => document.querySelector('main')!.insertAdjacentHTML('beforeend', '<div style="width: 600px; height: 10px"></div>'));
    expect((await sidewaysOverflow(visitor.phone)).scrollWidth).toBeGreaterThan(390);
  });

  it('signed-out pages, the sign-up form with its errors, and the not-found page', { timeout: WALK_TIMEOUT }, async () => {
    const visitor = await newVisitorPair();
    current = visitor;
    await check(visitor, 'signedOut', '/', '/', 'public-landing');
    await check(visitor, 'signedOut', '/sign-in', '/sign-in', 'public-sign-in');
    await check(visitor, 'signedOut', '/sign-up', '/sign-up', 'public-sign-up');
    await check(visitor, 'signedOut', '/forgot-password', '/forgot-password', 'public-forgot-password');
    for (const doc of ['terms', 'privacy', 'data']) await check(visitor, 'everyone', `/legal/${doc}`, `/legal/${doc}`, `public-legal-${doc}`);
    await check(visitor, 'everyone', '/account-erased', '/account-erased', 'public-account-erased');
    await check(visitor, 'everyone', '/*', '/bestaat-niet', 'public-not-found');
    // Without a token from an email these say the link is missing or spent: the state a stale link shows.
    await check(visitor, 'everyone', '/verify-email', '/verify-email', 'public-verify-email');
    await check(visitor, 'everyone', '/reset-password', '/reset-password', 'public-reset-password');
    await check(visitor, 'everyone', '/dev/mailbox', '/dev/mailbox', 'public-dev-mailbox');

    // The advertiser's form, sent empty: every field says what is wrong.
    const { desktop } = visitor;
    await desktop.goto(`${baseUrl}/sign-up`);
    await desktop.getByRole('radio', { name: 'Ik ben adverteerder' }).check();
    await desktop.getByRole('button', { name: 'Organisatie aanmelden' }).click();
    await desktop.locator('[aria-invalid="true"]').first().waitFor();
    await expectAccessible(desktop, 'sign-up with errors');
    await expectVisibleFocus(desktop, 'sign-up with errors');
  });

  it('a new customer: every page in its empty state', { timeout: WALK_TIMEOUT }, async () => {
    const visitor = await newVisitorPair();
    current = visitor;
    const { desktop } = visitor;
    await desktop.goto(`${baseUrl}/sign-up`);
    await desktop.getByLabel('Je naam').fill('Noor Bakker');
    await desktop.getByLabel('E-mailadres').fill(`noor.${run}@voorbeeld.nl`);
    await desktop.getByLabel('Wachtwoord').fill(PASSWORD);
    await desktop.getByRole('button', { name: 'Account aanmaken' }).click();
    await desktop.getByRole('heading', { level: 1, name: 'Welkom, Noor Bakker' }).waitFor();
    await walkCustomer(visitor, 'customer-new');
  });

  it('the demo customer: every page with months of data, and the phone menu opened', { timeout: WALK_TIMEOUT }, async () => {
    const visitor = await newVisitorPair();
    current = visitor;
    await signIn(visitor.desktop, DEMO_CUSTOMER.email, DEMO_CUSTOMER.password, DEMO_CUSTOMER.displayName);
    await walkCustomer(visitor, 'customer-demo');

    const { phone } = visitor;
    await phone.goto(`${baseUrl}/customer`);
    await settle(phone);
    await phone.getByRole('button', { name: 'Menu' }).click();
    await phone.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Overzicht', exact: true }).waitFor();
    await expectAccessible(phone, 'customer menu opened (390 px)');
    await expectFitsPhone(phone, 'customer menu opened');
  });

  it('the admin: every page, and the verification dialog opened on a new advertiser', { timeout: WALK_TIMEOUT }, async () => {
    // An advertiser to verify (and to walk next), signed up in the browser like everyone else.
    const advertiser = await newVisitorPair();
    await advertiser.desktop.goto(`${baseUrl}/sign-up`);
    await advertiser.desktop.getByRole('radio', { name: 'Ik ben adverteerder' }).check();
    await advertiser.desktop.getByLabel('Naam van je organisatie').fill(organisation);
    await fillOrganisationDetails(advertiser.desktop, { industry: 'media_entertainment' });
    await advertiser.desktop.getByLabel('Naam contactpersoon').fill('Joris de Wit');
    await advertiser.desktop.getByLabel('E-mailadres').fill(advertiserEmail);
    await advertiser.desktop.getByLabel('Wachtwoord').fill(PASSWORD);
    await advertiser.desktop.getByRole('button', { name: 'Organisatie aanmelden' }).click();
    await advertiser.desktop.getByRole('heading', { level: 1, name: 'Welkom, Joris de Wit' }).waitFor();
    // An organisation is only reviewed once its advertiser has confirmed their address.
    await confirmEmailFromMailbox(advertiser.desktop, baseUrl, advertiserEmail);
    await advertiser.desktop.close();

    const visitor = await newVisitorPair();
    current = visitor;
    await signIn(visitor.desktop, admin.email, admin.password, admin.displayName);
    const pages = ['/admin', '/admin/moderation', '/admin/payouts', '/admin/bank-statements', '/admin/organisations', '/admin/audit', '/admin/operations'];
    for (const path of pages) await check(visitor, 'admin', path, path, `admin${path.replace(/\//g, '-')}`);

    const { desktop } = visitor;
    await desktop.goto(`${baseUrl}/admin/organisations`);
    await settle(desktop);
    const item = desktop.getByRole('listitem').filter({ has: desktop.getByRole('heading', { level: 3, name: organisation }) });
    await item.getByRole('button', { name: `Verifiëren organisatie ${organisation}` }).click();
    const dialog = desktop.getByRole('dialog', { name: 'Organisatie verifiëren' });
    await dialog.waitFor();
    await expectAccessible(desktop, 'verification dialog', 'dialog[open]');
    await expectVisibleFocus(desktop, 'verification dialog');
    await dialog.getByRole('button', { name: 'Verifiëren', exact: true }).click();
    await desktop.getByText(`${organisation} is geverifieerd.`).waitFor();
  });

  it('a verified advertiser: every page, with a segment, a decided request and an invoice', { timeout: WALK_TIMEOUT }, async () => {
    const visitor = await newVisitorPair();
    current = visitor;
    const { desktop } = visitor;
    await signIn(desktop, advertiserEmail, PASSWORD, 'Joris de Wit');
    await check(visitor, 'advertiser', '/advertiser', '/advertiser', 'advertiser-home');
    await check(visitor, 'advertiser', '/advertiser/segments', '/advertiser/segments', 'advertiser-segments-empty');
    await check(visitor, 'advertiser', '/advertiser/purchases', '/advertiser/purchases', 'advertiser-purchases-empty');

    // A segment, built and saved in the builder (estimates come from the seeded population).
    await desktop.goto(`${baseUrl}/advertiser/segments/new`);
    await settle(desktop);
    const row = desktop.getByRole('group', { name: 'Criterium 1', exact: true });
    await row.getByLabel('Kenmerk').selectOption({ label: 'Provincie' });
    for (const province of ['Utrecht', 'Noord-Holland', 'Zuid-Holland']) await row.getByLabel(province, { exact: true }).check();
    const panel = desktop.getByRole('region', { name: 'Je segment' });
    await panel.locator('.estimate-panel__count').filter({ hasText: /\d/ }).waitFor({ timeout: 20_000 });
    await expectAccessible(desktop, 'segment builder with criteria and an estimate');
    await expectVisibleFocus(desktop, 'segment builder with criteria and an estimate');
    await desktop.getByLabel('Naam van het segment').fill('Lezers in de Randstad');
    await desktop.getByRole('button', { name: 'Segment bewaren' }).click();
    await desktop.getByText('Segment ‘Lezers in de Randstad’ is bewaard.').waitFor();

    const { rows } = await sql<{ segment: string; org: string }>`
      select s.id as segment, s.organisation_id as org from saved_segments s join users u on u.organisation_id = s.organisation_id
      where u.email = ${advertiserEmail}`.execute(db);
    const { segment, org } = rows[0]!;
    const purchase = await decidedRequest(org);

    // A real invoice needs a delivered purchase; the page is checked on a fixed one, as billing.e2e.spec.ts does.
    const invoiceId = randomUUID();
    await answerQueryWith(desktop.context(), 'billing.invoice', fixedInvoice(invoiceId));

    const pages: [string, string, string][] = [
      ['/advertiser/segments', '/advertiser/segments', 'advertiser-segments'],
      ['/advertiser/segments/new', '/advertiser/segments/new', 'advertiser-segment-new'],
      ['/advertiser/segments/:id', `/advertiser/segments/${segment}`, 'advertiser-segment-edit'],
      ['/advertiser/purchases', '/advertiser/purchases', 'advertiser-purchases'],
      ['/advertiser/purchases/new', `/advertiser/purchases/new?segment=${segment}`, 'advertiser-purchase-new'],
      ['/advertiser/purchases/:id', `/advertiser/purchases/${purchase}`, 'advertiser-purchase-detail'],
      ['/advertiser/organisation', '/advertiser/organisation', 'advertiser-organisation'],
      ['/advertiser/billing', '/advertiser/billing', 'advertiser-billing'],
      ['/advertiser/billing/invoices/:invoiceId', `/advertiser/billing/invoices/${invoiceId}`, 'advertiser-invoice'],
    ];
    for (const [pattern, url, name] of pages) await check(visitor, 'advertiser', pattern, url, name);
    await desktop.context().unrouteAll();
  });

  it('the walks above visited every page in the portal’s router', () => {
    const missing = portalRoutes()
      .filter((route) => !visited[route.access].has(route.path))
      .map((route) => `${route.path} (${route.access})`);
    expect(missing, 'pages in apps/portal/src/app/router.tsx that no walk visits: add them to accessibility.e2e.spec.ts').toEqual([]);
  });
});

/**
 * A request the admin already turned down, written to the table: submitting one in the browser
 * would put it in the moderation queue and the audit log other browser tests count.
 */
async function decidedRequest(organisationId: string): Promise<string> {
  const segment = { field: 'province', in: ['NL-NH', 'NL-UT', 'NL-ZH'] };
  const { rows } = await sql<{ id: string }>`
    insert into purchase_requests (organisation_id, product, purpose, title, purpose_statement, segment, canonical_key, categories,
      offer_title, offer_body, offer_url, offer_ends_on, estimated_members, max_members, price_per_member_cents, reserved_cents,
      status, decision_reason, decided_at)
    values (${organisationId}, 'offer_campaign', 'offers', 'Voorleesweek in de Randstad', 'Lezers in de Randstad uitnodigen voor de voorleesweek.',
      ${JSON.stringify(segment)}, ${randomBytes(32).toString('hex')}, ${sql`array['profile_region']`},
      'Twee boeken voor de prijs van één', 'Tijdens de voorleesweek in al onze winkels.', 'https://leeslamp.example/voorleesweek', '2026-12-31',
      400, 400, 15, 7260, 'rejected', 'De aanbieding noemt geen einddatum in de tekst; voeg die toe en dien hem opnieuw in.', now())
    returning id`.execute(db);
  return rows[0]!.id;
}

function fixedInvoice(id: string) {
  return {
    id,
    number: '2026-000077',
    issuedOn: '2026-11-20',
    suppliedOn: '2026-11-20',
    seller: { name: 'DataDividend B.V.', addressLines: ['Keizersgracht 100', '1015 AA Amsterdam'], kvkNumber: '12345678', vatNumber: 'NL123456782B01', iban: 'NL91ABNA0417164300', accountName: 'DataDividend B.V.' },
    buyer: { name: organisation, kvkNumber: '12345678', vatNumber: 'NL001234560B01', contactName: 'Joris de Wit', contactEmail: advertiserEmail, addressLines: ['Stationsplein 1', '3511 ED  Utrecht'] },
    lines: [{ description: 'Aanbiedingscampagne: lezers in de Randstad', quantity: 400, unitPriceCents: 15, netCents: 6_000 }],
    netCents: 6_000,
    vatRateBp: 2_100,
    vatCents: 1_260,
    totalCents: 7_260,
  };
}
