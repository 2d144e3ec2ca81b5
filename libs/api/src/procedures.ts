import { DomainError, isDomainError } from '@dd/errors';
import type { Role } from '@dd/db';
import { toTRPCError } from './error-mapping';
import { t } from './trpc';

/**
 * Turns DomainErrors thrown anywhere below into their mapped tRPC error, once; a refusal that says
 * when to come back (`details.retryAfterSeconds`) also says it in the HTTP `Retry-After` header.
 */
const mapDomainErrors = t.middleware(async ({ ctx, next }) => {
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

/**
 * CSRF: a state-changing call must carry the tRPC custom header (a cross-site form cannot set
 * it) and come from the portal's own origin. Queries are read-only and exempt.
 */
const requireSameOrigin = t.middleware(({ ctx, type, next }) => {
  if (type === 'mutation' && (!ctx.request.trpcSource || ctx.request.origin !== ctx.publicOrigin)) {
    throw new DomainError(
      'CSRF_REJECTED',
      'This request was blocked because it did not come from the DataDividend portal. Reload the page and try again.',
    );
  }
  return next();
});

const base = t.procedure.use(mapDomainErrors).use(requireSameOrigin);

export const publicProcedure = base.meta({ access: 'public' });

const signedIn = base.use(({ ctx, next }) => {
  if (!ctx.viewer) throw new DomainError('NOT_SIGNED_IN', 'Your session has ended. Sign in again to continue.');
  return next({ ctx: { ...ctx, viewer: ctx.viewer } });
});

export const signedInProcedure = signedIn.meta({ access: 'signedIn' });

function forRole(role: Role) {
  return signedIn.meta({ access: role }).use(({ ctx, next }) => {
    if (ctx.viewer.role !== role) {
      throw new DomainError('WRONG_ROLE', `This part of DataDividend is only for ${role} accounts.`);
    }
    return next();
  });
}

export const customerProcedure = forRole('customer');
export const advertiserProcedure = forRole('advertiser');
export const adminProcedure = forRole('admin');
