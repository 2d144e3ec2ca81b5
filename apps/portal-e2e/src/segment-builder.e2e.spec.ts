import { randomBytes, randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDb, type Db } from '@dd/db';
import { launchBrowser, newVisitor, saveScreenshot } from './browser';
import { fillOrganisationDetails } from './organisation-details';
import './provided-context';

const baseUrl = inject('baseUrl');
const databaseUrl = inject('databaseUrl');

// Consent for the profile facts and groceries, for both purposes: everything these segments read.
const CATEGORIES = ['profile_age', 'profile_region', 'profile_household', 'profile_interests', 'groceries'];
const MEMBERS = 300;

let browser: Browser;
let page: Page;
let db: Db;

/**
 * A few hundred consenting adults, written straight to the tables the audience index reads (their
 * triggers feed the running API's index): 240 in Utrecht, two thirds of everyone into travel,
 * grocery spending spread over bands 1–5. A browser cannot create them in reasonable time.
 */
async function seedMembers(): Promise<void> {
  const run = randomBytes(3).toString('hex');
  const users = await db
    .insertInto('users')
    .values(Array.from({ length: MEMBERS }, (_, i) => ({ email: `lid-${run}-${i}@voorbeeld.nl`, password_hash: 'not-a-password-hash', role: 'customer' as const, display_name: `Lid ${i}` })))
    .returning('id')
    .execute();
  const ids = users.map((user) => user.id);
  await db.insertInto('customer_profiles').values(ids.map((id) => ({ user_id: id, birth_year: 1985 }))).execute();
  await db
    .insertInto('customer_features')
    .values(
      ids.map((id, i) => ({
        customer_id: id,
        is_adult: true,
        age_band: ['25-34', '35-44', '45-54'][i % 3] ?? '25-34',
        province: i % 5 === 0 ? 'NL-NH' : 'NL-UT',
        municipality: i % 5 === 0 ? 'Amsterdam' : 'Utrecht',
        household_band: 'two',
        interests: i % 3 === 0 ? ['sport'] : ['travel'],
        spend_bands: JSON.stringify({ groceries: (i % 5) + 1 }) as unknown as Record<string, number>,
      })),
    )
    .execute();
  await db
    .insertInto('consent_decisions')
    .values(
      ids.flatMap((id) =>
        CATEGORIES.flatMap((category) =>
          (['insights', 'offers'] as const).map((purpose) => ({
            customer_id: id,
            change_id: randomUUID(),
            category,
            purpose,
            granted: true,
            policy_version: 'e2e',
            policy_text_hash: 'e2e',
            source: 'e2e',
          })),
        ),
      ),
    )
    .execute();
}

beforeAll(async () => {
  db = createDb(databaseUrl);
  await seedMembers();
  browser = await launchBrowser();
  page = await (await newVisitor(browser)).newPage();
});

afterAll(async () => {
  await browser?.close();
  await db?.destroy();
});

const advertiserEmail = `lotte.${randomBytes(4).toString('hex')}@reisbureau.test`;
const path = () => new URL(page.url()).pathname;
const row = (number: number) => page.getByRole('group', { name: `Criterium ${number}`, exact: true });
const panel = () => page.getByRole('region', { name: 'Je segment' });
const description = () => panel().locator('.estimate-panel__description');
const audience = () => panel().locator('.estimate-panel__count');

/** The panel shows an answer for the current criteria (the "updating" hint is gone). */
async function settled(): Promise<void> {
  await panel().locator('.estimate-panel__updating').waitFor({ state: 'detached' });
  await panel().locator('.estimate-panel__result:not(.estimate-panel__result--stale)').waitFor();
}

describe('an advertiser builds a segment and saves it', () => {
  it('signs up and finds Segments in the menu, empty and explained', async () => {
    await page.goto(`${baseUrl}/`);
    await page.getByRole('link', { name: 'Meld je organisatie aan' }).click();
    await page.getByLabel('Naam contactpersoon').fill('Lotte Visser');
    await page.getByLabel('E-mailadres').fill(advertiserEmail);
    await page.getByLabel('Wachtwoord').fill('Zeilboot-Voorjaar-73');
    await page.getByLabel('Naam van je organisatie').fill('Reisbureau Visser');
    await fillOrganisationDetails(page);
    await page.getByRole('button', { name: 'Organisatie aanmelden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Welkom, Lotte Visser' }).waitFor();

    const link = page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Segmenten', exact: true });
    await link.click();
    await page.getByRole('heading', { level: 1, name: 'Segmenten' }).waitFor();
    expect(await link.getAttribute('aria-current')).toBe('page');
    await page.getByRole('heading', { level: 2, name: 'Je hebt nog geen segmenten' }).waitFor();
    await saveScreenshot(page, 'segments-empty');
    await page.getByRole('link', { name: 'Stel je eerste segment samen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nieuw segment' }).waitFor();
    expect(path()).toBe('/advertiser/segments/new');
  });

  it('sees no estimate while the organisation is not verified, and says why', async () => {
    expect(await panel().getByText('Kies een criterium om de beschrijving en de geschatte groep te zien.').isVisible()).toBe(true);
    await row(1).getByLabel('Kenmerk').selectOption({ label: 'Provincie' });
    await row(1).getByLabel('Noord-Holland', { exact: true }).check();
    await panel().getByText('Je organisatie is nog niet geverifieerd').waitFor();
    expect(await panel().getByText(/Intussen kun je segmenten samenstellen en bewaren/).isVisible()).toBe(true);
    await saveScreenshot(page, 'segment-builder-unverified');
    await row(1).getByLabel('Noord-Holland', { exact: true }).uncheck();
    // As an admin would verify it (the marketplace journey does it through the admin's page).
    const { organisation_id: organisationId } = await db.selectFrom('users').select('organisation_id').where('email', '=', advertiserEmail).executeTakeFirstOrThrow();
    await db.updateTable('organisations').set({ status: 'verified' }).where('id', '=', organisationId!).execute();
    // A change made outside the API process (here, straight in the database) reaches its short-lived
    // session and organisation cache within its stated bound (2 s, libs/accounts session.service.ts).
    await page.waitForTimeout(2_500);
  });

  it('sees the description and the estimate follow each criterion', async () => {
    // Keyboard: focus the checkbox and press space.
    await row(1).getByLabel('Utrecht', { exact: true }).focus();
    await page.keyboard.press('Space');
    await description().filter({ hasText: 'Mensen in Utrecht' }).waitFor();
    await settled();
    const utrecht = await audience().textContent();
    expect(utrecht).toMatch(/^Ongeveer \d[\d.]* mensen$/);
    expect(await panel().getByText(/ongeveer €\s[\d.]+,\d\d/).isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Criterium toevoegen' }).click();
    // Focus moves to the new criterion's first control.
    await expect.poll(() => row(2).getByLabel('Kenmerk').evaluate((element) => element === document.activeElement)).toBe(true);
    await row(2).getByLabel('Kenmerk').selectOption({ label: 'Interesses' });
    await row(2).getByLabel('Reizen').check();
    await description().filter({ hasText: 'Mensen in Utrecht die interesse hebben in reizen' }).waitFor();
    await settled();
    const travellers = await audience().textContent();
    expect(travellers).toMatch(/^Ongeveer \d[\d.]* mensen$/);
    expect(travellers).not.toBe(utrecht);

    // The biggest grocery spenders only: too few to show or to buy.
    await page.getByRole('button', { name: 'Criterium toevoegen' }).click();
    await row(3).getByLabel('Kenmerk').selectOption({ label: 'Uitgaven per maand' });
    await row(3).getByLabel('Categorie').selectOption({ label: 'Boodschappen' });
    // Amounts are formatted with a no-break space after the euro sign: match on `\s`.
    await row(3).getByLabel('Van').selectOption('5');
    expect(await row(3).getByLabel('Van').locator('option:checked').textContent()).toMatch(/^€\s500 of meer$/);
    expect(await row(3).getByText(/^Mensen die per maand meer dan €\s500 aan boodschappen uitgeven\.$/).isVisible()).toBe(true);
    await audience().filter({ hasText: 'Minder dan 100 mensen' }).waitFor();
    expect(await panel().getByText('Geen prijs: de groep is te klein.').isVisible()).toBe(true);

    // Excluding them instead leaves most travellers in Utrecht.
    await row(3).getByLabel('Sluit mensen uit die hieraan voldoen').check();
    await description().filter({ hasText: /maandelijks niet meer dan €\s500 aan boodschappen uitgeven/ }).waitFor();
    await audience().filter({ hasText: /^Ongeveer/ }).waitFor();
    await settled();
    expect(await row(3).getByText('Uitgesloten').isVisible()).toBe(true);
    expect(await panel().getByText(/ongeveer €\s[\d.]+,\d\d/).isVisible()).toBe(true);

    await saveScreenshot(page, 'segment-builder');
    await page.setViewportSize({ width: 390, height: 844 });
    const phoneShot = await saveScreenshot(page, 'segment-builder-phone');
    // Scrolled into the criteria, the latest estimate stays in view at the bottom of the screen.
    await row(2).scrollIntoViewIfNeeded();
    expect(await page.getByRole('link', { name: /^Ongeveer \d[\d.]* mensen Details$/ }).isVisible()).toBe(true);
    await page.screenshot({ path: phoneShot.replace('.png', '-scrolled.png') });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('saves it with a name and finds it in the list, described in plain language', async () => {
    await page.getByRole('button', { name: 'Segment bewaren' }).click();
    await page.getByText('Geef het segment een naam.').waitFor();
    await expect.poll(() => page.getByLabel('Naam van het segment').evaluate((element) => element === document.activeElement)).toBe(true);

    await page.getByLabel('Naam van het segment').fill('Reizigers in Utrecht');
    await page.getByRole('button', { name: 'Segment bewaren' }).click();
    await page.getByRole('heading', { level: 1, name: 'Segmenten' }).waitFor();
    expect(path()).toBe('/advertiser/segments');
    await page.getByText('Segment ‘Reizigers in Utrecht’ is bewaard.').waitFor();
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2, name: 'Reizigers in Utrecht' }) });
    await card.getByText(/^Mensen in Utrecht die interesse hebben in reizen en maandelijks niet meer dan €\s500 aan boodschappen uitgeven$/).waitFor();
    await saveScreenshot(page, 'segments-list');

    // Opening it again shows the same criteria in the builder.
    await card.getByRole('link', { name: 'Reizigers in Utrecht bewerken' }).click();
    await page.getByRole('heading', { level: 1, name: 'Reizigers in Utrecht' }).waitFor();
    await description().filter({ hasText: 'interesse hebben in reizen' }).waitFor();
    expect(await page.getByRole('group', { name: /^Criterium \d$/ }).count()).toBe(3);
    expect(await page.getByLabel('Naam van het segment').inputValue()).toBe('Reizigers in Utrecht');
  });

  it('adds a nested group with a municipality found by searching, then leaves without saving', async () => {
    await page.getByRole('button', { name: 'Groep toevoegen' }).click();
    const group = page.getByRole('group', { name: 'Groep 1', exact: true });
    await expect.poll(() => row(4).getByLabel('Kenmerk').evaluate((element) => element === document.activeElement)).toBe(true);
    await row(4).getByLabel('Kenmerk').selectOption({ label: 'Gemeente' });
    await row(4).getByLabel('Zoek een gemeente').fill('amster');
    expect(await row(4).getByRole('group', { name: 'Gemeenten' }).getByRole('checkbox').count()).toBe(1);
    await row(4).getByLabel('Amsterdam').check();
    expect(await row(4).getByRole('button', { name: 'Amsterdam weghalen' }).isVisible()).toBe(true);
    await group.getByRole('button', { name: 'Criterium aan groep 1 toevoegen' }).click();
    await row(5).getByLabel('Kenmerk').selectOption({ label: 'Leeftijd' });
    await row(5).getByLabel('25–34 jaar').check();
    // A group starts as "at least one": Amsterdam or 25–34, in brackets in the description.
    expect(await group.getByRole('radio', { name: 'minstens één criterium' }).isChecked()).toBe(true);
    await description().filter({ hasText: /\(25–34 jaar zijn of in de gemeente Amsterdam wonen\)/ }).waitFor();
    await settled();
    await saveScreenshot(page, 'segment-builder-group');

    // Unsaved changes are not lost by accident: leaving asks first; staying keeps them.
    await page.getByRole('button', { name: 'Annuleren' }).click();
    const leave = page.getByRole('dialog', { name: 'Wijzigingen niet opgeslagen' });
    await leave.getByRole('button', { name: 'Op deze pagina blijven' }).click();
    expect(await row(5).getByLabel('25–34 jaar').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Annuleren' }).click();
    await leave.getByRole('button', { name: 'Pagina verlaten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Segmenten' }).waitFor();
    expect(await page.getByText(/^Mensen in Utrecht die interesse hebben in reizen en maandelijks niet meer dan €\s500 aan boodschappen uitgeven$/).isVisible()).toBe(true);
  });
});
