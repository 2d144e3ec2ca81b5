import type { BrowserContext, Page } from 'playwright-core';

/**
 * Answers one tRPC query with fixed data while every other call still reaches the API. The portal
 * batches the queries a page starts together (`/trpc/reference.operator,billing.invoice?batch=1`), so
 * the batch goes to the server as sent and only the entry of `path` is replaced in its answer.
 */
export async function answerQueryWith(target: Page | BrowserContext, path: string, data: unknown): Promise<void> {
  await target.route(
    (url) => url.pathname.startsWith('/trpc/') && url.pathname.slice('/trpc/'.length).split(',').includes(path),
    async (route) => {
      const paths = new URL(route.request().url()).pathname.slice('/trpc/'.length).split(',');
      const response = await route.fetch();
      const body = (await response.json()) as unknown[];
      body[paths.indexOf(path)] = { result: { data } };
      await route.fulfill({ response, contentType: 'application/json', body: JSON.stringify(body) });
    },
  );
}
