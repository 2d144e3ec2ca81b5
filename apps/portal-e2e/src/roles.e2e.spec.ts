import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newVisitor, saveScreenshot } from './browser';
import { fillOrganisationDetails } from './organisation-details';
import './provided-context';
import { signInAsAdmin } from './admin-sign-in';

const baseUrl = inject('baseUrl');
const admin = inject('admin');

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function freshPage(): Promise<Page> {
  const context = await newVisitor(browser);
  return context.newPage();
}

const pathOf = (page: Page) => new URL(page.url()).pathname;

async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
}

describe('advertisers', () => {
  it('sign up with their organisation and see it awaiting verification', async () => {
    const page = await freshPage();
    await page.goto(`${baseUrl}/`);
    await page.getByRole('link', { name: 'Meld je organisatie aan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Maak je account aan' }).waitFor();
    expect(await page.getByRole('radio', { name: 'Ik ben adverteerder' }).isChecked()).toBe(true);

    // The organisation is required for advertisers only.
    await page.getByLabel('Naam contactpersoon').fill('Sanne de Vries');
    await page.getByLabel('E-mailadres').fill(`sanne.${randomBytes(4).toString('hex')}@fietsenwinkel.test`);
    await page.getByLabel('Wachtwoord').fill('Kettingblad-Zomer-42');
    await page.getByRole('button', { name: 'Organisatie aanmelden' }).click();
    await page.getByText('Vul de naam van je organisatie in (minimaal 2 tekens).').waitFor();
    expect(await page.getByLabel('Naam van je organisatie').getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('Naam van je organisatie').fill('Fietsenwinkel De Spaak');
    await fillOrganisationDetails(page);
    await page.getByRole('button', { name: 'Organisatie aanmelden' }).click();

    await page.getByRole('heading', { level: 1, name: 'Welkom, Sanne de Vries' }).waitFor();
    expect(pathOf(page)).toBe('/advertiser');
    expect(await page.getByText('Fietsenwinkel De Spaak').first().isVisible()).toBe(true);
    expect(await page.getByText('Wacht op verificatie').first().isVisible()).toBe(true);
    expect(await page.getByRole('heading', { level: 3, name: 'Stel een segment samen' }).isVisible()).toBe(true);
    await saveScreenshot(page, 'advertiser-home');

    // A customer page is not theirs: they are sent to their own home.
    await page.goto(`${baseUrl}/customer`);
    await page.getByRole('heading', { level: 1, name: 'Welkom, Sanne de Vries' }).waitFor();
    expect(pathOf(page)).toBe('/advertiser');
  });
});

describe('admins', () => {
  it('are sent to sign in first, then land on the page they asked for', async () => {
    const page = await freshPage();
    await page.goto(`${baseUrl}/admin`);
    await page.getByRole('heading', { level: 1, name: 'Welkom terug' }).waitFor();
    expect(pathOf(page)).toBe('/sign-in');

    await signIn(page, admin.email, 'not-the-password');
    await page.getByRole('alert').filter({ hasText: 'Het e-mailadres of het wachtwoord klopt niet.' }).waitFor();

    await signInAsAdmin(page, baseUrl, admin, { navigate: false });
    await page.getByRole('heading', { level: 1, name: `Welkom, ${admin.displayName}` }).waitFor();
    expect(pathOf(page)).toBe('/admin');
    expect(await page.getByRole('heading', { level: 3, name: 'Adverteerders verifiëren' }).isVisible()).toBe(true);
    expect(await page.getByRole('heading', { level: 3, name: 'Auditlog' }).isVisible()).toBe(true);
    // The advertiser who signed up above is waiting for this admin.
    const stats = page.getByRole('region', { name: 'Het platform in cijfers' });
    await stats.waitFor();
    const awaiting = stats.locator('div', { hasText: 'Organisaties die op verificatie wachten' }).locator('dd');
    expect(Number(await awaiting.textContent())).toBeGreaterThanOrEqual(1);
    await saveScreenshot(page, 'admin-home');
  });
});

describe('the portal', () => {
  it('shows a not-found page for unknown addresses', async () => {
    const page = await freshPage();
    const response = await page.goto(`${baseUrl}/bestaat-niet`);
    expect(response?.status()).toBe(200);
    await page.getByRole('heading', { level: 1, name: 'Deze pagina bestaat niet' }).waitFor();
    expect(await page.title()).toBe('Pagina niet gevonden · DataDividend');
    await page.getByRole('link', { name: 'Naar de startpagina' }).click();
    await page.getByRole('heading', { level: 1, name: 'Jouw betaalgegevens zijn van jou. De opbrengst ook.' }).waitFor();
  });
});
