import { createHash } from 'node:crypto';
import { DomainError } from '@dd/errors';
import type { Context } from './context';
import { t } from './trpc';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface Limit {
  limit: number;
  windowMs: number;
}

export interface RateLimitRule {
  /** Part of the Redis key and the reason's `action` parameter; never rename one in use. */
  name: string;
  /** What is being limited, in English, for the message ("uploads"). */
  what: string;
  perAccount?: Limit;
  perAddress?: Limit;
  /**
   * Per e-mail address the call sends to (the input's `email`), so nobody can fill one inbox; counted
   * the same whether the address has an account or not. Needs the middleware after `.input()`.
   */
  perRecipient?: Limit;
}

/**
 * Limits on what is costly or reveals something, counted in Redis so every API process shares them
 * (listed in docs/ARCHITECTURE.md, "Limits"). Sign-in has its own throttling in libs/accounts.
 */
export const RATE_LIMITS = {
  // Each sign-up says whether its address was free, so this also bounds guessing which addresses have accounts.
  signUp: { name: 'sign-up', what: 'sign-ups from your network', perAddress: { limit: 20, windowMs: HOUR } },
  upload: { name: 'upload', what: 'uploads', perAccount: { limit: 20, windowMs: HOUR }, perAddress: { limit: 60, windowMs: HOUR } },
  bankStatementUpload: {
    name: 'bank-statement-upload',
    what: 'statement uploads',
    perAccount: { limit: 30, windowMs: HOUR },
    perAddress: { limit: 60, windowMs: HOUR },
  },
  // An export builds a ZIP of everything the customer has; one at a time is enough, a few a day is generous.
  dataExport: { name: 'data-export', what: 'export requests', perAccount: { limit: 5, windowMs: DAY }, perAddress: { limit: 20, windowMs: DAY } },
  // Mail-sending requests: each sends a message to an inbox, so they are bounded per recipient too.
  verificationResend: { name: 'verification-resend', what: 'verification emails', perAccount: { limit: 3, windowMs: HOUR }, perAddress: { limit: 20, windowMs: HOUR } },
  passwordResetRequest: {
    name: 'password-reset-request',
    what: 'password reset requests',
    perAddress: { limit: 20, windowMs: HOUR },
    perRecipient: { limit: 3, windowMs: HOUR },
  },
  // Also bounds guessing the current password of a signed-in session.
  passwordChange: { name: 'password-change', what: 'password changes', perAccount: { limit: 10, windowMs: HOUR }, perAddress: { limit: 30, windowMs: HOUR } },
  passwordReset: { name: 'password-reset', what: 'password resets', perAddress: { limit: 30, windowMs: HOUR } },
  // Mails the new address and the old one; also bounds guessing the current password.
  emailChangeRequest: {
    name: 'email-change-request',
    what: 'email address changes',
    perAccount: { limit: 5, windowMs: HOUR },
    perAddress: { limit: 20, windowMs: HOUR },
    perRecipient: { limit: 3, windowMs: HOUR },
  },
} as const satisfies Record<string, RateLimitRule>;

type Scope = 'account' | 'address' | 'recipient';

function checksOf(rule: RateLimitRule, ctx: Context, input: unknown): [key: string, limit: Limit, scope: Scope][] {
  const checks: [string, Limit, Scope][] = [];
  if (rule.perAccount && ctx.viewer) checks.push([`${rule.name}:account:${ctx.viewer.id}`, rule.perAccount, 'account']);
  if (rule.perAddress) checks.push([`${rule.name}:address:${ctx.request.ip}`, rule.perAddress, 'address']);
  const email = (input as { email?: unknown } | undefined)?.email;
  if (rule.perRecipient && typeof email === 'string') {
    // Hashed, so Redis holds no e-mail addresses.
    checks.push([`${rule.name}:recipient:${createHash('sha256').update(email).digest('base64url')}`, rule.perRecipient, 'recipient']);
  }
  return checks;
}

/**
 * A middleware that counts the call per account and per client address before the procedure (and
 * its input, such as an uploaded file) runs; over a limit it answers 429 with `Retry-After`.
 */
export function rateLimited(rule: RateLimitRule) {
  return t.middleware(async ({ ctx, input, next }) => {
    for (const [key, limit, scope] of checksOf(rule, ctx, input)) {
      const result = await ctx.services.rateLimiter.hit(key, limit.limit, limit.windowMs);
      if (result.allowed) continue;
      const retryAfterSeconds = Math.max(1, Math.ceil(result.retryAfterMs / 1000));
      if (result.count === limit.limit + 1) ctx.log.warn({ rule: rule.name, scope, ip: ctx.request.ip, userId: ctx.viewer?.id }, 'rate limit reached');
      throw new DomainError(
        'TOO_MANY_ATTEMPTS',
        `Too many ${rule.what} in a short time. Try again in ${retryAfterSeconds} seconds.`,
        { retryAfterSeconds },
        { code: 'rateLimited', params: { retryAfterSeconds, action: rule.name } },
      );
    }
    return next();
  });
}
