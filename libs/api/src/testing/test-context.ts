import { randomUUID } from 'node:crypto';
import type { TRPCError } from '@trpc/server';
// The function the HTTP adapters use to run a router's error formatter; there is no public export of it.
import { getErrorShape } from '@trpc/server/unstable-core-do-not-import';
import { pino } from 'pino';
import type { Db } from '@dd/db';
import type { Queues } from '@dd/queue';
import type { Context } from '../context';
import { appRouter } from '../app.router';
import { createAppServices, type AppServices } from '../services';
import { createCallerFactory } from '../trpc';

export const TEST_ORIGIN = 'http://portal.test';

/**
 * A caller with a real context over a real database, holding its session and device cookies like a
 * browser. `headers` defaults to what the portal sends, so CSRF tests opt out explicitly. Each client
 * comes from an address of its own unless `ip` says otherwise, as separate people would, so the
 * per-address rate limits only meet in the tests about them.
 */
export function createTestClient(
  db: Db,
  queues: Queues,
  headers: { origin?: string; trpcSource?: string } = { origin: TEST_ORIGIN, trpcSource: 'portal' },
  options: { services?: AppServices; ip?: string; userAgent?: string } = {},
) {
  // Several clients (an advertiser and a customer, say) can share one set of services, as requests to one API do.
  const services = options.services ?? createAppServices(db, queues, { sessionTtlHours: 1 });
  const ip = options.ip ?? `test-${randomUUID()}`;
  /** The cookies this "browser" holds, and the headers of the last response. */
  const jar: { token?: string | undefined; device?: string | undefined; headers: Record<string, string> } = { headers: {} };
  const makeContext = async (): Promise<Context> => ({
    services,
    viewer: await services.sessions.resolve(jar.token),
    publicOrigin: TEST_ORIGIN,
    log: pino({ level: 'silent' }),
    request: { method: 'POST', origin: headers.origin, trpcSource: headers.trpcSource, requestId: 'test', ip, userAgent: options.userAgent },
    cookie: {
      read: () => jar.token,
      set: (token) => {
        jar.token = token;
      },
      clear: () => {
        jar.token = undefined;
      },
    },
    deviceCookie: {
      read: () => jar.device,
      set: (token) => {
        jar.device = token;
      },
    },
    setResponseHeader: (name, value) => {
      jar.headers[name.toLowerCase()] = value;
    },
  });
  const factory = createCallerFactory(appRouter);
  return {
    /** A fresh caller per call, so the viewer reflects the current cookie like a new request would. */
    call: async () => {
      jar.headers = {};
      return factory(await makeContext());
    },
    jar,
    services,
    /** A failed call's error as the HTTP adapter would send it to the portal: through the error formatter. */
    errorShape: (error: TRPCError, path: string) =>
      getErrorShape({ config: appRouter._def._config, error, type: 'mutation', path, input: undefined, ctx: undefined }),
  };
}
