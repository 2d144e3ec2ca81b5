import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newVisitor, saveScreenshot } from './browser';
import './provided-context';

const baseUrl = inject('baseUrl');
const email = `eva.${randomBytes(4).toString('hex')}@voorbeeld.nl`;
const password = 'Tulpenveld-Lente-7';

let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  context = await newVisitor(browser);
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
});

const path = () => new URL(page.url()).pathname;

async function fillCustomerForm(values: { name: string; email: string; password: string }) {
  await page.getByRole('radio', { name: 'Ik ben klant' }).check();
  await page.getByLabel('Je naam').fill(values.name);
  await page.getByLabel('E-mailadres').fill(values.email);
  await page.getByLabel('Wachtwoord').fill(values.password);
  await page.getByRole('button', { name: 'Account aanmaken' }).click();
}

/** The text of the element that describes an input (its inline error). */
async function describedText(label: string): Promise<string> {
  const ids = (await page.getByLabel(label).getAttribute('aria-describedby')) ?? '';
  const texts = await Promise.all(ids.split(' ').filter(Boolean).map((id) => page.locator(`[id="${id}"]`).innerText()));
  return texts.join(' ');
}

describe('a customer signs up through the portal', () => {
  it('starts on the public page and opens the sign-up form', async () => {
    await page.goto(baseUrl);
    await page.getByRole('heading', { level: 1, name: 'Jouw betaalgegevens zijn van jou. De opbrengst ook.' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl');

    await page.getByRole('link', { name: 'Gratis aanmelden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Maak je account aan' }).waitFor();
    expect(path()).toBe('/sign-up');
    expect(await page.title()).toBe('Aanmelden · DataDividend');
  });

  it('shows a too-short password inline, before anything is sent', async () => {
    await fillCustomerForm({ name: 'Eva Jansen', email, password: 'kort1' });
    const field = page.getByLabel('Wachtwoord');
    await page.getByText('Je wachtwoord moet minimaal 12 tekens lang zijn.').waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await describedText('Wachtwoord')).toContain('Je wachtwoord moet minimaal 12 tekens lang zijn.');
    // Focus moves to the first field with a problem.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('password');
    expect(path()).toBe('/sign-up');
  });

  it("shows the server's verdict on a guessable password under the field", async () => {
    await page.getByLabel('Wachtwoord').fill('Wachtwoord123');
    await page.getByRole('button', { name: 'Account aanmaken' }).click();
    await page.getByText('Dit wachtwoord is te makkelijk te raden.', { exact: false }).waitFor();
    expect(await page.getByLabel('Wachtwoord').getAttribute('aria-invalid')).toBe('true');
    expect(path()).toBe('/sign-up');
  });

  it('creates the account and lands on the customer home page', async () => {
    await page.getByLabel('Wachtwoord').fill(password);
    await page.getByRole('button', { name: 'Account aanmaken' }).click();

    await page.getByRole('heading', { level: 1, name: 'Welkom, Eva Jansen' }).waitFor();
    expect(path()).toBe('/customer');
    expect(await page.title()).toBe('Jouw overzicht · DataDividend');

    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    const overview = nav.getByRole('link', { name: 'Overzicht' });
    expect(await overview.getAttribute('aria-current')).toBe('page');
    const account = page.getByRole('group', { name: 'Je account' });
    expect(await account.getByText('Eva Jansen').isVisible()).toBe(true);
    expect(await account.getByText('Klant').isVisible()).toBe(true);
    expect(await page.getByRole('heading', { level: 2, name: 'Zo werkt het' }).isVisible()).toBe(true);
    expect(await page.getByRole('heading', { level: 3, name: 'Breng je gegevens mee' }).isVisible()).toBe(true);
    expect(await page.getByRole('heading', { level: 2, name: 'Jouw rechten onder de AVG' }).isVisible()).toBe(true);

    await saveScreenshot(page, 'customer-home');
  });

  it('switches to English and keeps that choice on the account', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Welcome, Eva Jansen' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Overview' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
    expect(await page.title()).toBe('Your overview · DataDividend');

    // The choice survives a reload: it was saved on the account (and in this browser).
    await page.waitForLoadState('networkidle');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Welcome, Eva Jansen' }).waitFor();
    await saveScreenshot(page, 'customer-home-en');
  });

  it('signs out back to the public page', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your payment data is yours. So are the earnings.' }).waitFor();
    expect(path()).toBe('/');
    expect(await page.getByRole('link', { name: 'Sign in' }).first().isVisible()).toBe(true);

    // Signed out for real: the customer page now sends the visitor to sign in.
    await page.goto(`${baseUrl}/customer`);
    await page.getByRole('heading', { level: 1, name: 'Welcome back' }).waitFor();
    expect(path()).toBe('/sign-in');
  });

  it('refuses a second account with the same email address, without saying the address has one', async () => {
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await page.goto(`${baseUrl}/sign-up`);
    await page.getByRole('heading', { level: 1, name: 'Maak je account aan' }).waitFor();
    await fillCustomerForm({ name: 'Eva Jansen', email: email.toUpperCase(), password });

    const alert = page.getByRole('alert').filter({ hasText: 'We konden met deze gegevens geen account aanmaken.' });
    await alert.waitFor();
    expect(await alert.getByRole('link', { name: 'Log in' }).isVisible()).toBe(true);
    expect(path()).toBe('/sign-up');
  });

  it('says how long to wait once an address has had too many sign-in attempts', async () => {
    // Ten failures of this run's one-hour budget of twenty per client address (every browser test shares 127.0.0.1).
    const stranger = `niemand.${randomBytes(4).toString('hex')}@voorbeeld.nl`;
    await page.goto(`${baseUrl}/sign-in`);
    await page.getByRole('heading', { level: 1, name: 'Welkom terug' }).waitFor();
    await page.getByLabel('E-mailadres').fill(stranger);
    await page.getByLabel('Wachtwoord').fill('Niet-het-wachtwoord-1');
    const submit = async () => {
      const answered = page.waitForResponse((response) => response.url().includes('/trpc/auth.signIn'));
      await page.getByRole('button', { name: 'Inloggen' }).click();
      return answered;
    };
    for (let attempt = 1; attempt <= 10; attempt++) expect((await submit()).status()).toBe(401);
    const refused = await submit();
    expect(refused.status()).toBe(429);
    // The wait is 30 s from the tenth attempt; a slow machine may have spent a second of it already.
    expect(['29', '30']).toContain(refused.headers()['retry-after']);
    await page.getByRole('alert').filter({ hasText: /Te veel inlogpogingen met dit e-mailadres\. Probeer het over (29|30) seconden opnieuw\./ }).waitFor();
    expect(path()).toBe('/sign-in');
  });

  it('signs in again and gets the language saved on the account', async () => {
    await page.getByRole('link', { name: 'Inloggen' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Welkom terug' }).waitFor();
    await page.getByLabel('E-mailadres').fill(email);
    await page.getByLabel('Wachtwoord').fill(password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Welcome, Eva Jansen' }).waitFor();
    expect(path()).toBe('/customer');
  });
});
