import type { z } from 'zod';

/** Where a cross-field rule reports: one issue, on the variable the operator should change. */
export type IssueSink = Pick<z.RefinementCtx, 'addIssue'>;

/**
 * Cross-field rules run even when a field is bad, so every problem is listed in one go. They must
 * therefore read the fields defensively: a field that failed holds its raw text, not its type.
 */
export const EVEN_WITH_BAD_FIELDS = { when: (payload: { value: unknown }) => typeof payload.value === 'object' && payload.value !== null };

/**
 * Variables with an example default that must never reach a bank, an invoice or an advertiser in
 * production: unset there, they refuse start-up.
 */
export function requireInProduction(env: { NODE_ENV?: unknown } & Record<string, unknown>, ctx: IssueSink, names: readonly string[], why: string): void {
  if (env.NODE_ENV !== 'production') return;
  for (const name of names) {
    if (env[name] === undefined) ctx.addIssue({ code: 'custom', path: [name], message: `required in production (${why})` });
  }
}

