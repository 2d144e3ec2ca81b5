import { z } from 'zod';

const flag = z
  .enum(['true', 'false', '1', '0'], { message: 'must be true or false' })
  .default('false')
  .transform((value) => value === 'true' || value === '1');

/** The first admin, created at start-up by the API or by `npm run admin:create`. */
export const adminEnvShape = {
  ADMIN_EMAIL: z.string().email().optional(),
  ADMIN_PASSWORD: z.string().min(12).optional(),
};

/** The HTTP side of the API process. */
export const apiEnvShape = {
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  /** The origin the portal is served from; state-changing requests must come from it. */
  PUBLIC_ORIGIN: z.string().url().default('http://localhost:3000'),
  /** Set when the portal is served over HTTPS so the session cookie gets the Secure flag. */
  COOKIE_SECURE: flag,
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(24 * 14),
  /** A customer's or advertiser's session ends after this long unused (7 days); an admin's after ADMIN_SESSION_IDLE_TIMEOUT_MINUTES. */
  SESSION_IDLE_TIMEOUT_MINUTES: z.coerce.number().int().min(10).max(60 * 24 * 90).default(60 * 24 * 7),
  ADMIN_SESSION_IDLE_TIMEOUT_MINUTES: z.coerce.number().int().min(10).max(60 * 24 * 90).default(60 * 12),
  /** Where the built portal lives; the API serves it at `/`. */
  PORTAL_DIST: z.string().default('apps/portal/dist'),
  ...adminEnvShape,
};
