import type { CreateFastifyContextOptions } from '@trpc/server/adapters/fastify';
import { DEVICE_COOKIE, DEVICE_COOKIE_PATH, SESSION_COOKIE, type AppServices, type Context } from '@dd/api';
import type { ApiEnv, Logger } from '@dd/config';
import { UPLOAD_NAME_HEADER } from '@dd/contract';

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** The URI-encoded file name of a streamed upload; a malformed one counts as none (the upload gets a default name). */
function uploadName(value: string | string[] | undefined): string | undefined {
  const raw = header(value);
  if (raw === undefined) return undefined;
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

/**
 * Builds the tRPC context from a Fastify request: the viewer from the session cookie, and request
 * facts for CSRF and rate limits. `req.ip` is the socket's peer while the server's trustProxy is off
 * (its default); behind a reverse proxy it would be the proxy's address for every client.
 */
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
        ip: req.ip,
        userAgent: header(req.headers['user-agent']),
        uploadName: uploadName(req.headers[UPLOAD_NAME_HEADER]),
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
      deviceCookie: {
        read: () => req.cookies[DEVICE_COOKIE],
        set(value, expiresAt) {
          // Strict: only the portal's own sign-in form ever needs to send it.
          res.setCookie(DEVICE_COOKIE, value, { httpOnly: true, sameSite: 'strict', secure: env.COOKIE_SECURE, path: DEVICE_COOKIE_PATH, expires: expiresAt });
        },
      },
      setResponseHeader(name, value) {
        void res.header(name, value);
      },
    };
  };
}
