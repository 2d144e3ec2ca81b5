import { randomBytes } from 'node:crypto';
import { hashToken } from './session.service';

/** 256 random bits for a link; only the SHA-256 is stored, so a database leak hands out no live link. */
export function newAccountToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashToken(token) };
}

/** Tokens are 43 base64url characters; anything else is refused before a query runs. */
export const looksLikeToken = (token: string) => /^[\w-]{43}$/.test(token);
