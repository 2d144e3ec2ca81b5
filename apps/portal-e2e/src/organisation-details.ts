import type { Page } from 'playwright-core';

/** The registration details the advertiser sign-up form asks for (KvK, VAT, industry), filled as a person would. */
export async function fillOrganisationDetails(page: Page, details: { kvk?: string; vat?: string; industry?: string } = {}): Promise<void> {
  await page.getByLabel('KvK-nummer').fill(details.kvk ?? '12345678');
  await page.getByLabel('Btw-nummer').fill(details.vat ?? 'NL 1234.56782 B01');
  await page.getByLabel('Branche').selectOption(details.industry ?? 'retail');
}
