import { pino } from 'pino';
import type { Db } from '@dd/db';
import type { Queues } from '@dd/queue';
import type { Context } from '../context';
import { appRouter } from '../app.router';
import { createAppServices } from '../services';
import { createCallerFactory } from '../trpc';

export const TEST_ORIGIN = 'http://portal.test';

/**
 * A caller with a real context over a real database, holding its session cookie like a browser.
 * `headers` defaults to what the portal sends, so CSRF tests opt out explicitly.
 */
export function createTestClient(
  db: Db,
  queues: Queues,
  headers: { origin?: string; trpcSource?: string } = { origin: TEST_ORIGIN, trpcSource: 'portal' },
) {
  const services = createAppServices(db, queues, { sessionTtlHours: 1 });
  const jar: { token?: string | undefined } = {};
  const makeContext = async (): Promise<Context> => ({
    services,
    viewer: await services.sessions.resolve(jar.token),
    publicOrigin: TEST_ORIGIN,
    log: pino({ level: 'silent' }),
    request: { method: 'POST', origin: headers.origin, trpcSource: headers.trpcSource, requestId: 'test' },
    cookie: {
      read: () => jar.token,
      set: (token) => {
        jar.token = token;
      },
      clear: () => {
        jar.token = undefined;
      },
    },
  });
  const factory = createCallerFactory(appRouter);
  return {
    /** A fresh caller per call, so the viewer reflects the current cookie like a new request would. */
    call: async () => factory(await makeContext()),
    jar,
    services,
  };
}
