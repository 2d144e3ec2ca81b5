import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { currentCode, rememberAuthenticator, wrongCode } from './admin-sign-in';
import { launchBrowser, newVisitor, saveScreenshot } from './browser';
import './provided-context';
import { runTool } from './seeded-platform';

const baseUrl = inject('baseUrl');
const databaseUrl = inject('databaseUrl');

// An admin of its own, made by `npm run admin:create`: the shared admin may have set up two-factor already.
const admin = { email: `beheer-2fa-${randomBytes(4).toString('hex')}@datadividend.test`, password: `Beheer-${randomBytes(6).toString('hex')}-7` };

let browser: Browser;
let page: Page;
let recoveryCodes: string[] = [];

beforeAll(async () => {
  const printed = await runTool('apps/api/src/cli/admin-create.cli.ts', ['--email', admin.email, '--password', admin.password], { ...process.env, DATABASE_URL: databaseUrl });
  expect(printed).toMatch(/Set up two-factor sign-in at http:\/\/\S+\/sign-in: the first sign-in with this password shows the QR code/);
  browser = await launchBrowser();
  page = await (await newVisitor(browser)).newPage();
});

afterAll(async () => {
  await browser?.close();
});

async function passwordStep(): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('E-mailadres').fill(admin.email);
  await page.getByLabel('Wachtwoord').fill(admin.password);
  await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
}

async function signOut(): Promise<void> {
  await page.getByRole('group', { name: 'Je account' }).getByRole('button', { name: 'Uitloggen' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/admin'));
}

describe('an admin’s two-factor sign-in', () => {
  it('the first sign-in shows the QR code and the key; the code confirms; recovery codes are shown once; then the admin pages open', async () => {
    await passwordStep();
    await page.getByRole('heading', { level: 1, name: 'Tweestapsverificatie instellen' }).waitFor();
    const qr = page.getByRole('img', { name: `QR-code om DataDividend (${admin.email}) toe te voegen aan je authenticator-app` });
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    const key = (await page.getByRole('group', { name: 'Sleutel voor handmatige invoer' }).innerText()).replace(/\s/g, '');
    expect(key).toMatch(/^[A-Z2-7]{32}$/);
    const field = page.getByLabel('Code van 6 cijfers');
    expect(await field.getAttribute('autocomplete')).toBe('one-time-code');
    expect(await field.getAttribute('inputmode')).toBe('numeric');
    // Nothing is signed in yet: the admin pages send the browser back to sign in.
    expect(await page.evaluate(async () => (await fetch('/trpc/auth.me')).json())).toMatchObject({ result: { data: null } });

    await field.fill('12345');
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    await page.getByText('Een code bestaat uit 6 cijfers; een herstelcode uit 12 letters en cijfers.').waitFor();
    await saveScreenshot(page, 'admin-two-factor-set-up');

    // Typed into the app (the tests' authenticator), which now shows the code to confirm with.
    rememberAuthenticator(baseUrl, admin.email, key);
    await field.fill(await currentCode(baseUrl, admin.email));
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    const list = page.getByRole('list', { name: 'Herstelcodes' });
    await list.waitFor();
    recoveryCodes = await list.getByRole('listitem').allInnerTexts();
    expect(recoveryCodes).toHaveLength(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    await saveScreenshot(page, 'admin-two-factor-recovery-codes');
    await page.getByRole('button', { name: 'Ik heb ze bewaard' }).click();
    await page.getByRole('heading', { level: 1, name: 'Welkom, Administrator' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin');
  });

  it('signing out and in again asks for the current code', async () => {
    await signOut();
    await passwordStep();
    await page.getByRole('heading', { level: 1, name: 'Inlogcode invullen' }).waitFor();
    await page.getByLabel('Code van 6 cijfers').fill(wrongCode(baseUrl, admin.email));
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await page.getByText('Deze code klopt niet. Vul de code in die de app nu laat zien, of een herstelcode.').waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await saveScreenshot(page, 'admin-two-factor-code');
    await page.getByLabel('Code van 6 cijfers').fill(await currentCode(baseUrl, admin.email));
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/admin');
  });

  it('a recovery code signs in once', async () => {
    await signOut();
    await passwordStep();
    await page.getByRole('button', { name: 'Ik heb mijn telefoon niet: herstelcode gebruiken' }).click();
    await page.getByLabel('Herstelcode').fill(recoveryCodes[0]!);
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/admin');

    await signOut();
    await passwordStep();
    await page.getByRole('button', { name: 'Ik heb mijn telefoon niet: herstelcode gebruiken' }).click();
    await page.getByLabel('Herstelcode').fill(recoveryCodes[0]!);
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await page.getByText('Deze code klopt niet. Vul de code in die de app nu laat zien, of een herstelcode.').waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
  });
});
