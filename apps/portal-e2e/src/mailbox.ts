import type { Page } from 'playwright-core';

/**
 * Follows the verification link of the newest mail to `email`, as its owner would: the e2e platform
 * has no SMTP server, so the worker writes mail to files and the development mailbox (/dev/mailbox)
 * lists them. Opens the mailbox in a tab of its own and closes it again.
 */
export async function confirmEmailFromMailbox(page: Page, baseUrl: string, email: string): Promise<void> {
  const mailbox = await page.context().newPage();
  try {
    const link = mailbox.locator(`article[data-recipient="${email}"]`).first().locator('a[href*="/verify-email?token="]');
    const deadline = Date.now() + 30_000;
    // The worker sends in the background: look again until the message is there.
    for (;;) {
      await mailbox.goto(`${baseUrl}/dev/mailbox`);
      await mailbox.getByRole('heading', { level: 1 }).waitFor();
      await mailbox.locator('article, .dd-empty-state, [role="alert"]').first().waitFor();
      if ((await link.count()) > 0) break;
      if (Date.now() > deadline) throw new Error(`No verification mail to ${email} in the development mailbox.`);
      await mailbox.waitForTimeout(500);
    }
    await link.click();
    await mailbox.getByRole('button', { name: 'Bevestigen' }).click();
    await mailbox.getByText('Je e-mailadres is bevestigd', { exact: false }).waitFor();
  } finally {
    await mailbox.close();
  }
}
