import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDb, type Db } from '@dd/db';
import { signInAsAdmin } from './admin-sign-in';
import { launchBrowser, newVisitor, saveScreenshot } from './browser';
import { confirmEmailFromMailbox } from './mailbox';
import { fillOrganisationDetails } from './organisation-details';
import './provided-context';

const baseUrl = inject('baseUrl');
const admin = inject('admin');
const databaseUrl = inject('databaseUrl');

const run = randomBytes(3).toString('hex');
const organisation = `Bakkerij Notificatie ${run}`;
const advertiserEmail = `lotte.${run}@bakkerij.test`;
const TITLE = `Broodkopers in Utrecht ${run}`;

let browser: Browser;
let advertiser: Page;
let adminPage: Page;
let db: Db;
let purchaseId = '';

beforeAll(async () => {
  db = createDb(databaseUrl, { max: 2, applicationName: 'e2e-notifications' });
  browser = await launchBrowser();
  advertiser = await (await newVisitor(browser)).newPage();
  adminPage = await (await newVisitor(browser)).newPage();
}, 120_000);

afterEach(async ({ task }) => {
  if (task.result?.state !== 'fail') return;
  for (const [who, page] of Object.entries({ advertiser, admin: adminPage })) {
    if (page && !page.isClosed()) await saveScreenshot(page, `notifications-failed-${who}`).catch(() => undefined);
  }
});

afterAll(async () => {
  await browser?.close();
  await db?.destroy();
});

const bell = (page: Page, name: string) => page.getByRole('banner').getByRole('link', { name, exact: true });

/**
 * A purchase request waiting for review, written where the browser cannot put one without an audience
 * of consenting members: the admin's decision is what this spec is about, not the request form.
 */
async function seedPendingPurchase(organisationId: string, createdBy: string): Promise<string> {
  const { id } = await db
    .insertInto('purchase_requests')
    .values({
      organisation_id: organisationId,
      created_by: createdBy,
      product: 'insight_report',
      purpose: 'insights',
      title: TITLE,
      purpose_statement: 'Weten welke leeftijden in Utrecht ons brood kopen, voor de nieuwe winkel.',
      segment: JSON.stringify({ field: 'province', in: ['NL-UT'] }),
      canonical_key: createHash('sha256').update(`e2e-notifications-${randomUUID()}`).digest('hex'),
      categories: ['profile_region'],
      breakdowns: ['ageBand'],
      estimated_members: 400,
      max_members: 440,
      price_per_member_cents: 2,
      reserved_cents: 1065,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

describe('notifications', () => {
  it('an advertiser signs up, confirms the address and switches the portal to English; no notifications yet', async () => {
    await advertiser.goto(`${baseUrl}/sign-up`);
    await advertiser.getByRole('radio', { name: 'Ik ben adverteerder' }).check();
    await advertiser.getByLabel('Naam van je organisatie').fill(organisation);
    await fillOrganisationDetails(advertiser, { kvk: '69599084', vat: 'NL 8547.12343 B01', industry: 'retail' });
    await advertiser.getByLabel('Naam contactpersoon').fill('Lotte de Bakker');
    await advertiser.getByLabel('E-mailadres').fill(advertiserEmail);
    await advertiser.getByLabel('Wachtwoord').fill('Roggebrood-Krentenbol-31');
    await advertiser.getByRole('button', { name: 'Organisatie aanmelden' }).click();
    await advertiser.getByRole('heading', { level: 1, name: 'Welkom, Lotte de Bakker' }).waitFor();
    await confirmEmailFromMailbox(advertiser, baseUrl, advertiserEmail);
    await bell(advertiser, 'Meldingen').waitFor();

    // The account's language decides the language of its mail too.
    await advertiser.getByRole('group', { name: 'Taal' }).getByRole('button', { name: 'English' }).click();
    await bell(advertiser, 'Notifications').waitFor();
    await expect.poll(async () => (await db.selectFrom('users').select('locale').where('email', '=', advertiserEmail).executeTakeFirstOrThrow()).locale).toBe('en');

    await bell(advertiser, 'Notifications').click();
    await advertiser.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    await advertiser.getByRole('heading', { level: 2, name: 'No notifications yet' }).waitFor();
  });

  it('the admin approves the advertiser’s purchase request', async () => {
    const user = await db.selectFrom('users').select(['id', 'organisation_id']).where('email', '=', advertiserEmail).executeTakeFirstOrThrow();
    await db.updateTable('organisations').set({ status: 'verified', decided_at: new Date() }).where('id', '=', user.organisation_id!).execute();
    purchaseId = await seedPendingPurchase(user.organisation_id!, user.id);

    await signInAsAdmin(adminPage, baseUrl, admin);
    await adminPage.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Moderatie', exact: true }).click();
    await adminPage.getByRole('heading', { level: 1, name: 'Moderatie' }).waitFor();
    const card = adminPage.getByRole('list', { name: 'Aanvragen die wachten' }).getByRole('article', { name: TITLE });
    await card.getByRole('button', { name: `‘${TITLE}’ goedkeuren` }).click();
    await adminPage.getByText(`‘${TITLE}’ is goedgekeurd en wordt uitgevoerd.`).waitFor();
  });

  it('the advertiser’s bell counts it, the list says it in English with a link to the purchase, and marking read clears the count', async () => {
    // The bell asks for the count every minute and when the window gets focus; opening a page asks at once.
    await advertiser.goto(`${baseUrl}/advertiser`);
    await bell(advertiser, 'Notifications, 1 unread').waitFor();
    await saveScreenshot(advertiser, 'notifications-bell-unread');

    await bell(advertiser, 'Notifications, 1 unread').click();
    await advertiser.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    const list = advertiser.getByRole('list', { name: 'Your notifications' });
    const item = list.getByRole('listitem').filter({ has: advertiser.getByRole('heading', { level: 2, name: 'Purchase approved' }) });
    await item.getByText(`Your request "${TITLE}" was approved and is being fulfilled.`).waitFor();
    await item.getByText('Unread').waitFor();
    expect(await item.getByRole('link', { name: 'View: Purchase approved' }).getAttribute('href')).toBe(`/advertiser/purchases/${purchaseId}`);
    await saveScreenshot(advertiser, 'notifications-list');

    await advertiser.getByRole('button', { name: 'Mark all read' }).click();
    await bell(advertiser, 'Notifications').waitFor();
    await expect.poll(() => item.getByText('Unread').count()).toBe(0);
  });

  it('the account page lists the mail settings of an advertiser; the ones about the account cannot be switched off', async () => {
    await advertiser.getByRole('link', { name: 'Account settings' }).click();
    const section = advertiser.locator('section').filter({ has: advertiser.getByRole('heading', { level: 2, name: 'Notifications', exact: true }) });
    const verified = section.getByRole('switch', { name: 'Organisation verified: also by email' });
    await verified.waitFor();
    expect(await verified.isChecked()).toBe(true);
    expect(await verified.isDisabled()).toBe(true);
    await section.getByText('Always by email: the law requires us to tell you about your account.').first().waitFor();

    const approved = section.getByRole('switch', { name: 'Purchase approved: also by email' });
    expect(await approved.isChecked()).toBe(true);
    await section.getByText('Purchase approved: also by email', { exact: true }).click();
    await expect.poll(() => approved.isChecked()).toBe(false);
    await section.getByText('Saved.').waitFor({ state: 'attached' });
    const stored = await db.selectFrom('notification_preferences').innerJoin('users', 'users.id', 'notification_preferences.user_id').select(['kind', 'mail']).where('users.email', '=', advertiserEmail).execute();
    expect(stored).toEqual([{ kind: 'purchases.approved', mail: false }]);
    await saveScreenshot(advertiser, 'notifications-settings');
  });

  it('the same news is in the development mailbox, in English, linking to the purchase', async () => {
    const mailbox = await advertiser.context().newPage();
    try {
      const message = mailbox.locator(`article[data-recipient="${advertiserEmail}"]`).filter({ has: mailbox.getByRole('heading', { level: 2, name: 'Purchase approved' }) });
      const deadline = Date.now() + 30_000;
      // The worker sends in the background: look again until the message is there.
      for (;;) {
        await mailbox.goto(`${baseUrl}/dev/mailbox`);
        await mailbox.getByRole('heading', { level: 1 }).waitFor();
        await mailbox.locator('article, .dd-empty-state, [role="alert"]').first().waitFor();
        if ((await message.count()) > 0) break;
        if (Date.now() > deadline) throw new Error(`No "Purchase approved" mail to ${advertiserEmail} in the development mailbox.`);
        await mailbox.waitForTimeout(500);
      }
      await message.getByText('Hello Lotte de Bakker,').waitFor();
      await message.getByText(`Your request "${TITLE}" was approved and is being fulfilled.`).waitFor();
      expect(await message.getByRole('link', { name: new RegExp(`/advertiser/purchases/${purchaseId}$`) }).count()).toBe(1);
      await saveScreenshot(mailbox, 'notifications-mailbox');
    } finally {
      await mailbox.close();
    }
  }, 60_000);
});
