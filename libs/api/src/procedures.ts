import { DomainError, isDomainError } from '@dd/errors';
import type { Role } from '@dd/db';
import { toTRPCError } from './error-mapping';
import { t } from './trpc';

/**
 * The one middleware every procedure runs first (one, not two: each tRPC middleware copies the call's
 * options and context, a measurable cost on the fastest calls).
 *
 * CSRF: a state-changing call must carry the tRPC custom header (a cross-site form cannot set it)
 * and come from the portal's own origin. Queries are read-only and exempt.
 *
 * Then it turns DomainErrors thrown anywhere below into their mapped tRPC error, once; a refusal
 * that says when to come back (`details.retryAfterSeconds`) also says it in the HTTP `Retry-After` header.
 */
const guarded = t.middleware(async ({ ctx, type, next }) => {
  if (type === 'mutation' && (!ctx.request.trpcSource || ctx.request.origin !== ctx.publicOrigin)) {
    const refusal = new DomainError(
      'CSRF_REJECTED',
      'This request was blocked because it did not come from the DataDividend portal. Reload the page and try again.',
    );
    // Thrown before `next`, so mapped here rather than below.
    throw toTRPCError(refusal) ?? refusal;
  }
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    const retryAfter = isDomainError(cause) ? cause.details?.['retryAfterSeconds'] : undefined;
    if (typeof retryAfter === 'number') ctx.setResponseHeader('Retry-After', String(retryAfter));
    const mapped = toTRPCError(result.error.cause);
    if (mapped) throw mapped;
  }
  return result;
});

const base = t.procedure.use(guarded);

export const publicProcedure = base.meta({ access: 'public' });

/** Signed in, and for a role procedure in that role; a DomainError here is mapped by `guarded` above. */
function signedIn(role?: Role) {
  return base.use(({ ctx, next }) => {
    if (!ctx.viewer) throw new DomainError('NOT_SIGNED_IN', 'Your session has ended. Sign in again to continue.');
    if (role && ctx.viewer.role !== role) {
      throw new DomainError('WRONG_ROLE', `This part of DataDividend is only for ${role} accounts.`);
    }
    // Only what changes: tRPC merges it into the context.
    return next({ ctx: { viewer: ctx.viewer } });
  });
}

export const signedInProcedure = signedIn().meta({ access: 'signedIn' });
export const customerProcedure = signedIn('customer').meta({ access: 'customer' });
export const advertiserProcedure = signedIn('advertiser').meta({ access: 'advertiser' });
export const adminProcedure = signedIn('admin').meta({ access: 'admin' });
