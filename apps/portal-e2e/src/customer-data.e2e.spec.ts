import { randomBytes } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newVisitor, saveScreenshot } from './browser';
import './provided-context';

const baseUrl = inject('baseUrl');
const email = `noor.${randomBytes(4).toString('hex')}@voorbeeld.nl`;
const password = 'Grachtenpand-Herfst-8';
const fixture = (path: string) => fileURLToPath(new URL(`../../../libs/data-import/fixtures/${path}`, import.meta.url));
const statement = fixture('ing/ing-current-comma.csv');

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
const nav = () => page.getByRole('navigation', { name: 'Hoofdmenu' });

async function openFromMenu(name: string, heading: string) {
  const link = nav().getByRole('link', { name, exact: true });
  await link.click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  expect(await link.getAttribute('aria-current')).toBe('page');
}

/** Counts uploads progress bars the page shows, however briefly (a small file is read in well under a second). */
async function watchProgressBars() {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { progressSeen: string[] }).progressSeen = seen;
    new MutationObserver(() => {
      for (const bar of document.querySelectorAll('[role="progressbar"]')) seen.push(bar.getAttribute('aria-valuenow') ?? '');
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
}

describe('a customer brings their data and exercises their rights', () => {
  it('signs up and sees the customer pages in the menu', async () => {
    await page.goto(`${baseUrl}/sign-up`);
    await page.getByLabel('Je naam').fill('Noor Bakker');
    await page.getByLabel('E-mailadres').fill(email);
    await page.getByLabel('Wachtwoord').fill(password);
    await page.getByRole('button', { name: 'Account aanmaken' }).click();
    await page.getByRole('heading', { level: 1, name: 'Welkom, Noor Bakker' }).waitFor();
    for (const name of ['Overzicht', 'Mijn gegevens', 'Profiel', 'Toestemming', 'Waar mijn gegevens heen gingen', 'Privacy & export']) {
      expect(await nav().getByRole('link', { name, exact: true }).isVisible(), name).toBe(true);
    }
    // The home page's steps now lead to their pages.
    expect(await page.getByRole('link', { name: 'Naar mijn gegevens' }).getAttribute('href')).toBe('/customer/data');
  });

  it('cannot consent before the birth year is known', async () => {
    await openFromMenu('Toestemming', 'Toestemming');
    await page.getByText('Vul eerst je geboortejaar in').waitFor();
    expect(await page.getByRole('switch', { name: 'Boodschappen: Anonieme statistieken' }).isDisabled()).toBe(true);
  });

  it('sets birth year and postcode on the profile page; only the region is kept', async () => {
    await openFromMenu('Profiel', 'Je profiel');
    expect(await page.title()).toBe('Je profiel · DataDividend');

    await page.getByLabel('Geboortejaar').fill('19x0');
    await page.getByRole('button', { name: 'Profiel opslaan' }).click();
    await page.getByText('Vul een geboortejaar in tussen 1900 en nu').waitFor();
    expect(await page.getByLabel('Geboortejaar').getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('birthYear');

    // A postcode the API does not know comes back as a field error and is shown under its field.
    await page.getByLabel('Geboortejaar').fill('1990');
    await page.getByLabel('Postcode').fill('1370 AA');
    await page.getByRole('button', { name: 'Profiel opslaan' }).click();
    await page.getByText('We kennen deze postcode niet. Controleer hem, of laat het veld leeg.').waitFor();
    expect(await page.getByLabel('Postcode').getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('Postcode').fill('3511 AB');
    await page.getByLabel('Aantal mensen in je huishouden').fill('2');
    await page.getByRole('checkbox').first().check();
    await page.getByRole('button', { name: 'Profiel opslaan' }).click();
    await page.getByText('Je profiel is opgeslagen.').waitFor();
    await page.getByText(/Nu bewaard: .*Utrecht\./).waitFor();
    // The postcode itself is not kept: the field is empty again.
    expect(await page.getByLabel('Postcode').inputValue()).toBe('');
    // The worker derives the coarse features; the page looks again until they are there.
    await page.getByText('35–44 jaar').waitFor({ timeout: 20_000 });
    await saveScreenshot(page, 'customer-profile');
  });

  it('uploads an ING statement, follows its progress and sees it imported with counts', async () => {
    await openFromMenu('Mijn gegevens', 'Mijn gegevens');
    await page.getByText('Je hebt nog geen afschrift geüpload.').waitFor();
    // The limit and the formats are stated before anything is sent.
    await page.getByText(/Ondersteunde formaten: ING CSV, Rabobank CSV, ABN AMRO TAB, CAMT\.053 XML\. Maximaal 20 MB/).waitFor();

    await page.getByRole('button', { name: 'Uploaden' }).click();
    await page.getByText('Kies eerst een bestand.').waitFor();

    // A file that is no bank statement: the API only stores it, the worker reads it, and the list says at
    // once that it was not imported, naming the formats that work.
    await page.getByLabel('Bankafschrift').setInputFiles(fixture('other/household-budget.csv'));
    await page.getByRole('button', { name: 'Uploaden' }).click();
    const refused = page.getByRole('listitem').filter({ hasText: 'household-budget.csv' });
    await refused.getByText('Niet geïmporteerd').waitFor({ timeout: 30_000 });
    expect(await refused.innerText()).toContain('ING CSV, Rabobank CSV, ABN AMRO TAB, CAMT.053 XML');
    // The banner saying it is being read goes once its import has ended.
    await page.getByText('We hebben household-budget.csv ontvangen en lezen het nu in.').waitFor({ state: 'detached' });

    // A statement with broken rows imports nothing and says which lines are wrong.
    await page.getByLabel('Bankafschrift').setInputFiles(fixture('malformed/ing-bad-rows.csv'));
    await page.getByRole('button', { name: 'Uploaden' }).click();
    const failed = page.getByRole('listitem').filter({ hasText: 'ing-bad-rows.csv' });
    await failed.getByText('Niet geïmporteerd').waitFor({ timeout: 30_000 });
    await failed.getByText(/^Het bestand heeft \d+ problemen\.$/).waitFor();
    await failed.getByText('Wat er niet klopt').waitFor();
    expect(await failed.getByText(/^Regel \d+/).count()).toBeGreaterThan(0);
    // Each problem in the reader's language, from its code: not the API's English sentence.
    await failed.getByText('‘20240231’ is geen datum (verwacht: YYYYMMDD).').waitFor();
    expect(await failed.getByText('is not a date').count()).toBe(0);

    await watchProgressBars();
    await page.getByLabel('Bankafschrift').setInputFiles(statement);
    await page.getByRole('button', { name: 'Uploaden' }).click();
    const item = page.getByRole('listitem').filter({ hasText: 'ing-current-comma.csv' });
    await item.getByText('Geïmporteerd').waitFor({ timeout: 30_000 });
    await page.getByText('We hebben ing-current-comma.csv ontvangen en lezen het nu in.').waitFor({ state: 'detached' });
    const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
    expect(seen.length).toBeGreaterThan(0);
    const counts = item.getByText(/^\d+ nieuwe transacties?, \d+ stonden? er al$/);
    await counts.waitFor();
    const imported = Number(/^(\d+)/.exec(await counts.innerText())?.[1]);
    expect(imported).toBeGreaterThan(10);

    // The same statement again adds nothing twice.
    await page.getByLabel('Bankafschrift').setInputFiles(statement);
    await page.getByRole('button', { name: 'Uploaden' }).click();
    await page.getByText(`0 nieuwe transacties, ${imported} stonden er al`, { exact: true }).waitFor({ timeout: 30_000 });
    // Screen readers hear when an import finishes.
    expect(await page.getByRole('status').filter({ hasText: 'ing-current-comma.csv is geïmporteerd' }).count()).toBe(1);
  });

  it('shows spending as charts with the same numbers in a table', async () => {
    const byCategory = page.getByRole('figure', { name: 'Uitgaven per categorie' });
    await byCategory.waitFor();
    expect(await byCategory.getByRole('rowheader', { name: 'Boodschappen' }).count()).toBe(1);
    expect(await page.getByRole('figure', { name: 'Uitgaven per maand' }).isVisible()).toBe(true);
    await byCategory.getByRole('button', { name: 'Toon als tabel' }).click();
    expect(await byCategory.getByRole('table').isVisible()).toBe(true);
    await byCategory.getByRole('button', { name: 'Toon als grafiek' }).click();
  });

  it('corrects the category of a transaction and sees special categories marked as never shared', async () => {
    const table = page.getByRole('table', { name: 'Je transacties' });
    await table.waitFor();
    expect(await table.getByText('Nooit gedeeld').count()).toBeGreaterThan(0);

    const row = table.getByRole('row').filter({ hasText: 'bol.com b.v.' });
    await row.getByRole('button', { name: /Categorie wijzigen van bol\.com b\.v\./ }).click();
    const select = row.getByLabel('Nieuwe categorie voor bol.com b.v.');
    expect(await select.evaluate((el) => el === document.activeElement)).toBe(true);
    await select.selectOption('leisure');
    await row.getByRole('button', { name: 'Opslaan' }).click();
    await row.getByText('Door jou aangepast').waitFor();
    expect(await row.getByText('Vrije tijd en cultuur').isVisible()).toBe(true);
    await saveScreenshot(page, 'customer-data');
  });

  it('grants one consent cell for three months and saves it', async () => {
    await openFromMenu('Toestemming', 'Toestemming');
    const cell = page.getByRole('switch', { name: 'Boodschappen: Anonieme statistieken' });
    expect(await cell.isChecked()).toBe(false);
    await page.getByText('Wat een adverteerder nooit krijgt', { exact: false }).first().waitFor();

    // Facts about you come first, as their own group, each saying what sharing it means.
    const aboutYou = page.getByRole('group', { name: 'Over jou' });
    const spending = page.getByRole('group', { name: 'Je uitgaven' });
    expect(await aboutYou.getByRole('switch', { name: 'Leeftijdsgroep: Anonieme statistieken' }).isChecked()).toBe(false);
    await aboutYou.getByText('Als je dit deelt, tellen je provincie en gemeente mee in anonieme totalen', { exact: false }).waitFor();
    expect(await spending.getByRole('switch', { name: 'Boodschappen: Anonieme statistieken' }).count()).toBe(1);
    const [aboutYouBox, spendingBox] = await Promise.all([aboutYou.boundingBox(), spending.boundingBox()]);
    expect(aboutYouBox!.y).toBeLessThan(spendingBox!.y);

    await cell.check();
    await page.getByLabel('Hoe lang: Boodschappen, Anonieme statistieken').selectOption('3');
    const until = await page.getByLabel('Laatste dag: Boodschappen, Anonieme statistieken').inputValue();
    expect(until).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await page.getByLabel('Gokken en casino').check();

    const saveBar = page.getByRole('region', { name: 'Niet-opgeslagen wijzigingen' });
    await saveBar.getByText('2 wijzigingen zijn nog niet opgeslagen').waitFor();

    // Leaving with unsaved choices asks first; staying keeps them.
    await nav().getByRole('link', { name: 'Profiel', exact: true }).click();
    const leave = page.getByRole('dialog', { name: 'Wijzigingen niet opgeslagen' });
    await leave.waitFor();
    await leave.getByRole('button', { name: 'Op deze pagina blijven' }).click();
    await leave.waitFor({ state: 'hidden' });
    expect(path()).toBe('/customer/consent');
    expect(await cell.isChecked()).toBe(true);

    await saveBar.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await page.getByText('Je keuzes zijn opgeslagen en gelden vanaf nu.').waitFor();

    // What the server now holds: the grant with its end date, and the history of the change.
    expect(await cell.isChecked()).toBe(true);
    expect(await page.getByLabel('Laatste dag: Boodschappen, Anonieme statistieken').inputValue()).toBe(until);
    const history = page.getByRole('region', { name: 'Geschiedenis' });
    await history.getByText(/Boodschappen · Anonieme statistieken: aan t\/m/).waitFor();
    await history.getByText('Gokken en casino: uitgesloten').waitFor();
    await saveScreenshot(page, 'customer-consent');
  });

  it('withdraws all consent after confirming, and sees that in the history', async () => {
    await page.getByRole('button', { name: 'Alle toestemming intrekken' }).click();
    const dialog = page.getByRole('dialog', { name: 'Alle toestemming intrekken?' });
    await dialog.waitFor();
    // The safe choice has focus first.
    expect(await dialog.getByRole('button', { name: 'Annuleren' }).evaluate((el) => el === document.activeElement)).toBe(true);
    await dialog.getByRole('button', { name: 'Ja, alles intrekken' }).click();
    await page.getByText('Al je toestemming is ingetrokken.').waitFor();
    expect(await page.getByRole('switch', { name: 'Boodschappen: Anonieme statistieken' }).isChecked()).toBe(false);
    await page.getByRole('region', { name: 'Geschiedenis' }).getByText('Alles ingetrokken').waitFor();

    // Granted again for the rest of the journey (the export should hold a grant).
    await page.getByRole('switch', { name: 'Boodschappen: Anonieme statistieken' }).check();
    await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await page.getByText('Je keuzes zijn opgeslagen en gelden vanaf nu.').waitFor();
  });

  it('shows an empty timeline that explains what will appear there', async () => {
    await openFromMenu('Waar mijn gegevens heen gingen', 'Waar je gegevens heen gingen');
    await page.getByRole('heading', { name: 'Je gegevens zijn nog nergens heen gegaan' }).waitFor();
    const budget = page.getByRole('region', { name: 'Je privacybudget deze maand' });
    await budget.getByText('Deze maand heeft geen enkel rapport je gegevens gebruikt.').waitFor();
    expect(await budget.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('0');
    await saveScreenshot(page, 'customer-timeline');
  });

  it('requests an export and downloads the ZIP', async () => {
    await openFromMenu('Privacy & export', 'Privacy en export');
    await page.getByText('Een export blijft 7 dagen beschikbaar; daarna wissen we hem.').waitFor();
    await page.getByRole('button', { name: 'Export aanvragen' }).click();
    const link = page.getByRole('link', { name: /ZIP downloaden/ });
    await link.waitFor({ timeout: 30_000 });
    await page.getByText(/Beschikbaar tot/).waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/\.zip$/);
    const file = await download.path();
    expect((await stat(file)).size).toBeGreaterThan(0);
    await saveScreenshot(page, 'customer-privacy');
  });

  it('reads the same pages in English on a phone', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Privacy and export' }).waitFor();
    await page.goto(`${baseUrl}/customer/data`);
    await page.getByRole('heading', { level: 1, name: 'My data' }).waitFor();
    await page.getByRole('figure', { name: 'Spending per category' }).waitFor();
    // Nothing sticks out sideways (the charts' screen-reader tables included).
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await saveScreenshot(page, 'customer-data-phone-en');
    await page.goto(`${baseUrl}/customer/consent`);
    await page.getByRole('heading', { level: 1, name: 'Consent' }).waitFor();
    expect(await page.getByRole('switch', { name: 'Groceries: Anonymous statistics' }).isChecked()).toBe(true);
    await page.getByRole('group', { name: 'About you' }).getByRole('switch', { name: 'Age band: Anonymous statistics' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await saveScreenshot(page, 'customer-consent-phone-en');

    await page.getByRole('button', { name: 'Nederlands' }).click();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${baseUrl}/customer/privacy`);
    await page.getByRole('heading', { level: 1, name: 'Privacy en export' }).waitFor();
  });

  it('erases the account after typing its email address, and cannot sign in again', async () => {
    const confirm = page.getByLabel('Typ je e-mailadres ter bevestiging');
    await confirm.fill('iemand.anders@voorbeeld.nl');
    await page.getByRole('button', { name: 'Mijn account definitief wissen' }).click();
    await page.getByText('Dit is niet het e-mailadres van je account.', { exact: false }).waitFor();
    expect(await confirm.getAttribute('aria-invalid')).toBe('true');

    await confirm.fill(email.toUpperCase());
    await page.getByRole('button', { name: 'Mijn account definitief wissen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Je account wordt gewist' }).waitFor();
    expect(path()).toBe('/account-erased');
    expect(await page.title()).toBe('Je account wordt gewist · DataDividend');
    expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).count()).toBe(0);

    // The session is gone: a customer page now asks to sign in, and the account no longer signs in.
    await page.goto(`${baseUrl}/customer/data`);
    await page.getByRole('heading', { level: 1, name: 'Welkom terug' }).waitFor();
    await page.getByLabel('E-mailadres').fill(email);
    await page.getByLabel('Wachtwoord').fill(password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('alert').filter({ hasText: 'Het e-mailadres of het wachtwoord klopt niet.' }).waitFor();
    expect(path()).toBe('/sign-in');
  });
});
