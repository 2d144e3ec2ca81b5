import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, saveScreenshot } from './browser';
import './provided-context';

const baseUrl = inject('baseUrl');
const email = `fenna.${randomBytes(4).toString('hex')}@voorbeeld.nl`;
const password = 'Zomerdijk-Lantaarn-42';

let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  // A phone: 390 × 844 CSS pixels.
  context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 390, height: 844 }, hasTouch: true });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
});

/** Nothing sticks out sideways: the page never scrolls horizontally. */
async function expectNoSideways(name: string) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth, `${name}: ${scrollWidth} > ${innerWidth}`).toBeLessThanOrEqual(innerWidth);
}

async function visit(path: string, heading: string | RegExp, name: string) {
  await page.goto(`${baseUrl}${path}`);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await page.waitForLoadState('networkidle');
  await expectNoSideways(name);
  // Every page has the legal links in its footer.
  const legal = page.getByRole('navigation', { name: 'Juridische informatie' });
  expect(await legal.getByRole('link', { name: 'Privacyverklaring' }).getAttribute('href')).toBe('/legal/privacy');
  await saveScreenshot(page, `phone-${name}`);
}

describe('the portal on a phone (390 px)', () => {
  it('public pages fit the screen and link the legal pages', async () => {
    await visit('/', /./, 'landing');
    await visit('/sign-in', /./, 'sign-in');
    await visit('/sign-up', /./, 'sign-up');
    // The sign-up form links the terms and the privacy statement.
    const form = page.locator('form');
    expect(await form.getByRole('link', { name: 'Gebruiksvoorwaarden' }).getAttribute('href')).toBe('/legal/terms');
    expect(await form.getByRole('link', { name: 'Privacyverklaring' }).getAttribute('href')).toBe('/legal/privacy');
    await visit('/legal/terms', 'Gebruiksvoorwaarden', 'legal-terms');
    await visit('/legal/privacy', 'Privacyverklaring', 'legal-privacy');
    await visit('/legal/data', 'Hoe we je gegevens gebruiken', 'legal-data');
  });

  it('primary buttons show where the keyboard is', async () => {
    await page.goto(`${baseUrl}/sign-in`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const submit = page.locator('form button[type="submit"]');
    await page.getByLabel('E-mailadres').focus();
    for (let i = 0; i < 10 && !(await submit.evaluate((el) => el === document.activeElement)); i += 1) await page.keyboard.press('Tab');
    expect(await submit.evaluate((el) => el === document.activeElement)).toBe(true);
    const outline = await submit.evaluate((el) => {
      const style = getComputedStyle(el);
      return { style: style.outlineStyle, width: style.outlineWidth, visible: el.matches(':focus-visible') };
    });
    expect(outline).toEqual({ style: 'solid', width: '3px', visible: true });
  });

  it('a signed-in customer gets a menu button instead of rows of links', async () => {
    await page.goto(`${baseUrl}/sign-up`);
    await page.getByLabel('Je naam').fill('Fenna Visser');
    await page.getByLabel('E-mailadres').fill(email);
    await page.getByLabel('Wachtwoord').fill(password);
    await page.getByRole('button', { name: 'Account aanmaken' }).click();
    await page.getByRole('heading', { level: 1, name: 'Welkom, Fenna Visser' }).waitFor();

    const menu = page.getByRole('button', { name: 'Menu' });
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await nav.isVisible()).toBe(false);
    // The header stays compact: brand and menu button, then language and account.
    expect((await page.locator('header').boundingBox())!.height).toBeLessThan(150);
    await expectNoSideways('customer-home');
    await saveScreenshot(page, 'phone-customer-home');

    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    expect(await page.locator(`#${await menu.getAttribute('aria-controls')}`).isVisible()).toBe(true);
    expect(await nav.getByRole('link', { name: 'Toestemming', exact: true }).isVisible()).toBe(true);
    await expectNoSideways('customer-menu-open');
    await page.screenshot({ path: (await saveScreenshot(page, 'phone-customer-menu-open')).replace('.png', '-viewport.png') });

    // Escape closes it and puts focus back on the button.
    await nav.getByRole('link', { name: 'Overzicht', exact: true }).focus();
    await page.keyboard.press('Escape');
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await menu.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await nav.isVisible()).toBe(false);

    // Following a link closes it too.
    await menu.click();
    await nav.getByRole('link', { name: 'Toestemming', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Toestemming' }).waitFor();
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
  });
});
