import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-gpu',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
}

/** A fresh profile (no cookies, no stored language) the size of a laptop screen, in Dutch. */
export function newVisitor(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ locale: 'nl-NL', viewport: { width: 1280, height: 900 } });
}

const resultsDir = fileURLToPath(new URL('../../../test-results/e2e/', import.meta.url));

/** Saves a full-page screenshot as test-results/e2e/<name>.png and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  await mkdir(resultsDir, { recursive: true });
  const path = `${resultsDir}${name}.png`;
  // From the top: a sticky header would otherwise be drawn halfway down the full-page image.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path, fullPage: true });
  return path;
}
