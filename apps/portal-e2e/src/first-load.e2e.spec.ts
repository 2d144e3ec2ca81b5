import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newVisitor } from './browser';
import './provided-context';

const baseUrl = inject('baseUrl');

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('the first load', () => {
  it('fetches the sign-in page compressed, without the other roles’ chunks', async () => {
    const context = await newVisitor(browser);
    const page = await context.newPage();
    const responses: Promise<{ url: string; bytes: number; encoding: string | undefined; cache: string | undefined }>[] = [];
    page.on('response', (response) => {
      if (!response.url().endsWith('.js')) return;
      const headers = response.headers();
      responses.push(response.body().then((body) => ({ url: response.url(), bytes: body.byteLength, encoding: headers['content-encoding'], cache: headers['cache-control'] })));
    });
    await page.goto(`${baseUrl}/sign-in`);
    await page.getByLabel('E-mailadres').waitFor();

    const scripts = await Promise.all(responses);
    const names = scripts.map((script) => new URL(script.url).pathname);
    expect(names.some((name) => name.includes('public-area'))).toBe(true);
    expect(names.filter((name) => /(customer|advertiser|admin)-area/.test(name))).toEqual([]);
    for (const script of scripts) {
      expect(script.cache, script.url).toBe('public, max-age=31536000, immutable');
      // The build keeps no compressed copy of a file under 1 KB.
      if (script.bytes >= 1024) expect(script.encoding, script.url).toMatch(/^(br|gzip)$/);
    }
    await context.close();
  });

  for (const [language, title, reload] of [
    ['nl', 'Deze pagina kon niet worden geladen', 'Pagina herladen'],
    ['en', 'This page could not be loaded', 'Reload page'],
  ] as const) {
    it(`says a page’s missing chunk (a release replaced it) in ${language}, with a reload that recovers`, async () => {
      const context = await newVisitor(browser);
      await context.addInitScript((locale) => window.localStorage.setItem('dd.locale', locale), language);
      const page = await context.newPage();
      let failing = true;
      await page.route(/\/assets\/public-area-[^/]+\.js$/, (route) => (failing ? route.fulfill({ status: 404, body: 'Not found' }) : route.continue()));

      await page.goto(`${baseUrl}/sign-in`);
      // Generous: on a loaded machine the first paint of a fresh profile can take a while.
      await page.getByRole('heading', { level: 1, name: title }).waitFor({ timeout: 60_000 });

      failing = false;
      await page.getByRole('button', { name: reload }).click();
      await page.getByLabel(language === 'nl' ? 'E-mailadres' : 'Email address').waitFor();
      await context.close();
    });
  }
});
