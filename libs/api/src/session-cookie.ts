/** The session cookie's name; HttpOnly and SameSite=Lax are set where it is written (apps/api). */
export const SESSION_COOKIE = 'dd_session';

/**
 * The known-device cookie (OWASP "device cookies"): a random token, stored hashed, set at a
 * successful sign-in and kept for KNOWN_DEVICE_TTL_DAYS. Only the sign-in procedure reads it, so
 * its path is the tRPC endpoint; it outlives sign-out on purpose.
 */
export const DEVICE_COOKIE = 'dd_device';
export const DEVICE_COOKIE_PATH = '/trpc';
