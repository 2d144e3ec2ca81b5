import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newVisitor, saveScreenshot } from './browser';
import './provided-context';

const baseUrl = inject('baseUrl');
const suffix = randomBytes(4).toString('hex');
const email = `noor.${suffix}@voorbeeld.nl`;
const newEmail = `noor.nieuw.${suffix}@voorbeeld.nl`;
const password = 'Tulpenveld-Lente-7';
const newPassword = 'Duinpan-Zeewind-84';

let browser: Browser;
let laptop: BrowserContext;
let phone: BrowserContext;
let page: Page;
let other: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  laptop = await newVisitor(browser);
  phone = await newVisitor(browser);
  page = await laptop.newPage();
  other = await phone.newPage();
});

afterAll(async () => {
  await browser?.close();
});

/** A section of the account page, found by its heading. */
const section = (on: Page, heading: string): Locator => on.locator('section', { has: on.getByRole('heading', { level: 2, name: heading }) });

async function signIn(on: Page, address: string) {
  await on.goto(`${baseUrl}/sign-in`);
  await on.getByLabel('E-mailadres').fill(address);
  await on.getByLabel('Wachtwoord').fill(password);
  await on.getByRole('button', { name: 'Inloggen' }).click();
  await on.getByRole('heading', { level: 1, name: /^Welkom, / }).waitFor();
}

/** Follows the link of the newest mail to `address` whose link starts with `path`, in a tab of the laptop's browser. */
async function followMailedLink(address: string, path: string): Promise<Page> {
  const mailbox = await laptop.newPage();
  const link = mailbox.locator(`article[data-recipient="${address}"]`).first().locator(`a[href*="${path}?token="]`);
  const deadline = Date.now() + 30_000;
  // The worker sends in the background: look again until the message is there.
  for (;;) {
    await mailbox.goto(`${baseUrl}/dev/mailbox`);
    await mailbox.getByRole('heading', { level: 1 }).waitFor();
    await mailbox.locator('article, .dd-empty-state, [role="alert"]').first().waitFor();
    if ((await link.count()) > 0) break;
    if (Date.now() > deadline) throw new Error(`No mail with a ${path} link to ${address} in the development mailbox.`);
    await mailbox.waitForTimeout(500);
  }
  await link.click();
  return mailbox;
}

describe('sessions and the e-mail address on the account page', () => {
  it('lists both browsers a customer signed in on, this one marked', async () => {
    await page.goto(`${baseUrl}/sign-up`);
    await page.getByRole('radio', { name: 'Ik ben klant' }).check();
    await page.getByLabel('Je naam').fill('Noor Visser');
    await page.getByLabel('E-mailadres').fill(email);
    await page.getByLabel('Wachtwoord').fill(password);
    await page.getByRole('button', { name: 'Account aanmaken' }).click();
    await page.getByRole('heading', { level: 1, name: 'Welkom, Noor Visser' }).waitFor();
    await signIn(other, email);

    await page.goto(`${baseUrl}/account`);
    const sessions = section(page, 'Sessies');
    await sessions.locator('.session-list__item').nth(1).waitFor();
    expect(await sessions.locator('.session-list__item').count()).toBe(2);
    const own = sessions.locator('.session-list__item', { hasText: 'Dit apparaat' });
    expect(await own.count()).toBe(1);
    // Headless Chromium on Linux, named the way the person would recognise it.
    expect(await own.innerText()).toContain('Chrome op Linux');
    expect(await own.getByRole('button').count()).toBe(0);
    await saveScreenshot(page, 'account-sessions');
  });

  it('ends the other browser’s session, which is then signed out and told why', async () => {
    const sessions = section(page, 'Sessies');
    const theOther = sessions.locator('.session-list__item', { hasNotText: 'Dit apparaat' });
    await theOther.getByRole('button', { name: 'Sessie op Chrome op Linux beëindigen' }).click();
    await sessions.getByText('De sessie is beëindigd.').waitFor();
    await sessions.getByText('Je bent alleen op dit apparaat ingelogd.').waitFor();
    expect(await sessions.locator('.session-list__item').count()).toBe(1);

    await other.goto(`${baseUrl}/account`);
    await other.getByRole('heading', { level: 1, name: 'Welkom terug' }).waitFor();
    expect(new URL(other.url()).pathname).toBe('/sign-in');
    await other.getByText('Deze sessie is beëindigd vanaf een ander apparaat', { exact: false }).waitFor();
  });

  it('asks before signing out everywhere else', async () => {
    await signIn(other, email);
    await page.reload();
    const sessions = section(page, 'Sessies');
    await sessions.locator('.session-list__item').nth(1).waitFor();
    await sessions.getByRole('button', { name: 'Overal anders uitloggen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Overal anders uitloggen?' });
    await dialog.waitFor();
    // Focus starts on the safe choice.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Annuleren');
    await dialog.getByRole('button', { name: 'Overal anders uitloggen' }).click();
    await sessions.getByText('Je bent op al je andere apparaten uitgelogd.').waitFor();
    await other.goto(`${baseUrl}/account`);
    await other.getByRole('heading', { level: 1, name: 'Welkom terug' }).waitFor();
  });

  it('changes the e-mail address through the mailed link, after which the new address signs in', async () => {
    const address = section(page, 'E-mailadres');
    await address.getByText(`Je logt in met ${email}.`).waitFor();
    await address.getByLabel('Nieuw e-mailadres').fill(newEmail);
    await address.getByLabel('Huidig wachtwoord').fill(password);
    await address.getByRole('button', { name: 'Bevestigingslink sturen' }).click();
    await address.getByText('Kijk in de inbox van het nieuwe adres', { exact: false }).waitFor();
    await address.getByText(`We hebben een link gestuurd naar ${newEmail}.`, { exact: false }).waitFor();

    const confirmation = await followMailedLink(newEmail, '/confirm-email-change');
    await confirmation.getByRole('button', { name: 'Bevestigen' }).click();
    await confirmation.getByText('Je e-mailadres is gewijzigd.', { exact: false }).waitFor();
    await confirmation.close();

    // The laptop followed the link and stays signed in, now with the new address.
    await page.goto(`${baseUrl}/account`);
    await section(page, 'E-mailadres').getByText(`Je logt in met ${newEmail}.`).waitFor();

    await other.goto(`${baseUrl}/sign-in`);
    await other.getByLabel('E-mailadres').fill(email);
    await other.getByLabel('Wachtwoord').fill(password);
    await other.getByRole('button', { name: 'Inloggen' }).click();
    await other.getByRole('alert').waitFor();
    expect(new URL(other.url()).pathname).toBe('/sign-in');
    await signIn(other, newEmail);
    expect(new URL(other.url()).pathname).toBe('/customer');
  });

  it('forgets the password: the mailed link sets a new one, the old one stops working and the other browser is signed out', async () => {
    // The phone is still signed in from the step before; the laptop signs out and has forgotten the password.
    await page.getByRole('button', { name: 'Uitloggen', exact: true }).click();
    await page.waitForURL(`${baseUrl}/`);
    await page.goto(`${baseUrl}/sign-in`);
    await page.getByRole('link', { name: 'Wachtwoord vergeten?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Wachtwoord vergeten' }).waitFor();
    await page.getByLabel('E-mailadres').fill(newEmail);
    await page.getByRole('button', { name: 'Stuur de link' }).click();
    await page.getByText(`Als er een account bij ${newEmail} hoort`, { exact: false }).waitFor();

    const reset = await followMailedLink(newEmail, '/reset-password');
    await reset.getByRole('heading', { level: 1, name: 'Nieuw wachtwoord kiezen' }).waitFor();
    await reset.getByLabel('Nieuw wachtwoord').fill(newPassword);
    await reset.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await reset.getByText('Je nieuwe wachtwoord is opgeslagen en je bent overal uitgelogd.', { exact: false }).waitFor();
    await saveScreenshot(reset, 'account-password-reset-done');
    await reset.close();

    // The phone's session ended with the reset.
    await other.goto(`${baseUrl}/account`);
    await other.getByRole('heading', { level: 1, name: 'Welkom terug' }).waitFor();
    expect(new URL(other.url()).pathname).toBe('/sign-in');

    // The old password no longer signs in; the new one does.
    await page.goto(`${baseUrl}/sign-in`);
    await page.getByLabel('E-mailadres').fill(newEmail);
    await page.getByLabel('Wachtwoord').fill(password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('alert').waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await page.getByLabel('Wachtwoord').fill(newPassword);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('heading', { level: 1, name: /^Welkom, / }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/customer');
  });

  it('signs out everywhere, this browser too, after confirming', async () => {
    await page.goto(`${baseUrl}/account`);
    await section(page, 'Sessies').getByRole('button', { name: 'Overal uitloggen', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Overal uitloggen, ook hier?' });
    await dialog.getByRole('button', { name: 'Overal uitloggen' }).click();
    await page.waitForURL(`${baseUrl}/sign-in`);
    await page.goto(`${baseUrl}/account`);
    await page.getByRole('heading', { level: 1, name: 'Welkom terug' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
  });
});
