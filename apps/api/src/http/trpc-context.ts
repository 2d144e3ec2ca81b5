import type { CreateFastifyContextOptions } from '@trpc/server/adapters/fastify';
import { SESSION_COOKIE, type AppServices, type Context } from '@dd/api';
import type { ApiEnv, Logger } from '@dd/config';

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Builds the tRPC context from a Fastify request: the viewer from the session cookie, and request facts for CSRF. */
export function createContextFactory(deps: { services: AppServices; env: ApiEnv }) {
  const { services, env } = deps;
  return async ({ req, res }: CreateFastifyContextOptions): Promise<Context> => {
    const token = req.cookies[SESSION_COOKIE];
    return {
      services,
      viewer: await services.sessions.resolve(token),
      publicOrigin: env.PUBLIC_ORIGIN,
      log: req.log as unknown as Logger,
      request: {
        method: req.method,
        origin: header(req.headers.origin),
        trpcSource: header(req.headers['x-trpc-source']),
        requestId: String(req.id),
      },
      cookie: {
        read: () => token,
        set(value, expiresAt) {
          res.setCookie(SESSION_COOKIE, value, {
            httpOnly: true,
            sameSite: 'lax',
            secure: env.COOKIE_SECURE,
            path: '/',
            expires: expiresAt,
          });
        },
        clear() {
          res.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: env.COOKIE_SECURE });
        },
      },
    };
  };
}
