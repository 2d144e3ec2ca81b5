import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { controlsWithoutVisibleFocus, seriousAxeViolations, sidewaysOverflow } from './accessibility-checks';
import { saveScreenshot } from './browser';

/**
 * One page of the portal as a role reaches it: the router's path pattern, and where to open it (a
 * path, or the link a list page leads to for the pages of one thing: a segment, a purchase, an invoice).
 */
export interface WalkedPage {
  pattern: string;
  open: string | { from: string; link: string };
}

export const SIGNED_OUT_PAGES: WalkedPage[] = [
  { pattern: '/', open: '/' },
  { pattern: '/sign-in', open: '/sign-in' },
  { pattern: '/sign-up', open: '/sign-up' },
  { pattern: '/forgot-password', open: '/forgot-password' },
  { pattern: '/legal/terms', open: '/legal/terms' },
  { pattern: '/legal/privacy', open: '/legal/privacy' },
  { pattern: '/legal/data', open: '/legal/data' },
  // Opened without a token, as from a mangled link: the page says what to do.
  { pattern: '/verify-email', open: '/verify-email' },
  { pattern: '/reset-password', open: '/reset-password' },
  { pattern: '/confirm-email-change', open: '/confirm-email-change' },
  { pattern: '/account-erased', open: '/account-erased' },
  { pattern: '/dev/mailbox', open: '/dev/mailbox' },
  { pattern: '/*', open: '/no-such-page' },
];

export const CUSTOMER_PAGES: WalkedPage[] = [
  { pattern: '/customer', open: '/customer' },
  { pattern: '/customer/data', open: '/customer/data' },
  { pattern: '/customer/profile', open: '/customer/profile' },
  { pattern: '/customer/consent', open: '/customer/consent' },
  { pattern: '/customer/timeline', open: '/customer/timeline' },
  { pattern: '/customer/offers', open: '/customer/offers' },
  { pattern: '/customer/earnings', open: '/customer/earnings' },
  { pattern: '/customer/privacy', open: '/customer/privacy' },
  { pattern: '/account', open: '/account' },
  { pattern: '/notifications', open: '/notifications' },
];

export const ADVERTISER_PAGES: WalkedPage[] = [
  { pattern: '/advertiser', open: '/advertiser' },
  { pattern: '/advertiser/segments', open: '/advertiser/segments' },
  { pattern: '/advertiser/segments/new', open: '/advertiser/segments/new' },
  { pattern: '/advertiser/segments/:id', open: { from: '/advertiser/segments', link: 'a[href^="/advertiser/segments/"]:not([href$="/new"])' } },
  { pattern: '/advertiser/purchases', open: '/advertiser/purchases' },
  { pattern: '/advertiser/purchases/new', open: '/advertiser/purchases/new' },
  { pattern: '/advertiser/purchases/:id', open: { from: '/advertiser/purchases', link: 'a[href^="/advertiser/purchases/"]:not([href$="/new"])' } },
  { pattern: '/advertiser/organisation', open: '/advertiser/organisation' },
  { pattern: '/advertiser/billing', open: '/advertiser/billing' },
  { pattern: '/advertiser/billing/invoices/:invoiceId', open: { from: '/advertiser/billing', link: 'a[href^="/advertiser/billing/invoices/"]' } },
  { pattern: '/account', open: '/account' },
  { pattern: '/notifications', open: '/notifications' },
];

export const ADMIN_PAGES: WalkedPage[] = [
  { pattern: '/admin', open: '/admin' },
  { pattern: '/admin/moderation', open: '/admin/moderation' },
  { pattern: '/admin/payouts', open: '/admin/payouts' },
  { pattern: '/admin/bank-statements', open: '/admin/bank-statements' },
  { pattern: '/admin/organisations', open: '/admin/organisations' },
  { pattern: '/admin/audit', open: '/admin/audit' },
  { pattern: '/admin/operations', open: '/admin/operations' },
  { pattern: '/account', open: '/account' },
  { pattern: '/notifications', open: '/notifications' },
];

/**
 * The pages the router defines, read from its source: every `lazy: page(…)` is one page, and every
 * `path: '…'` a segment of one. The walk's patterns must account for all of them, so a page added
 * to the router without being added here fails the coverage test.
 */
export function routerPages(): { pages: number; segments: string[] } {
  const source = readFileSync(new URL('../../portal/src/app/router.tsx', import.meta.url), 'utf8');
  return {
    pages: source.match(/lazy: page\(/g)?.length ?? 0,
    segments: [...source.matchAll(/path: '([^']+)'/g)].map((match) => match[1]!),
  };
}

export interface PageFindings {
  page: string;
  axe: string[];
  focus: string[];
  sideways: number;
}

/** Opens a page and waits until it has settled: its heading is there and nothing is loading any more. */
export async function openSettled(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForLoadState('networkidle');
  await page.locator('.dd-loading-block').first().waitFor({ state: 'detached', timeout: 15_000 }).catch(() => undefined);
}

async function resolveUrl(page: Page, baseUrl: string, open: WalkedPage['open']): Promise<string> {
  if (typeof open === 'string') return `${baseUrl}${open}`;
  await openSettled(page, `${baseUrl}${open.from}`);
  const href = await page.locator(open.link).first().getAttribute('href', { timeout: 15_000 });
  if (!href) throw new Error(`No link ${open.link} on ${open.from} to open.`);
  return `${baseUrl}${href}`;
}

/**
 * Checks one page three ways: axe (WCAG 2.1 A and AA) and the keyboard focus on every control at
 * laptop width, then the same page on a phone (390 px) for anything that scrolls sideways, with a
 * full-page screenshot of the phone view under test-results/e2e/.
 */
export async function checkPage(page: Page, baseUrl: string, walked: WalkedPage, screenshotName: string): Promise<PageFindings> {
  await page.setViewportSize({ width: 1280, height: 900 });
  await openSettled(page, await resolveUrl(page, baseUrl, walked.open));
  // A guard that sent the role elsewhere (signed out, another role's page) would walk the wrong page.
  const path = new URL(page.url()).pathname;
  const expected = new RegExp(`^${walked.pattern.replace(/:[a-zA-Z]+/g, '[^/]+').replace('/*', '/.+')}/?$`);
  if (!expected.test(path)) throw new Error(`Opening ${walked.pattern} ended on ${path}.`);
  const axe = await seriousAxeViolations(page);
  const focus = await controlsWithoutVisibleFocus(page);
  await page.setViewportSize({ width: 390, height: 844 });
  const sideways = await sidewaysOverflow(page);
  await saveScreenshot(page, screenshotName);
  return { page: walked.pattern, axe, focus, sideways };
}

/** Walks every page of a role with one signed-in page; returns the findings of the pages that have any. */
export async function walkPages(page: Page, baseUrl: string, role: string, pages: readonly WalkedPage[]): Promise<PageFindings[]> {
  const findings: PageFindings[] = [];
  for (const walked of pages) {
    const name = `a11y-${role}${walked.pattern.replace(/[/:*]+/g, '-').replace(/-$/, '') || '-home'}`;
    findings.push(await checkPage(page, baseUrl, walked, name));
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  return findings.filter((found) => found.axe.length > 0 || found.focus.length > 0 || found.sideways > 0);
}
