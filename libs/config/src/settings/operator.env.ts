import { z } from 'zod';
import { requireInProduction, type IssueSink } from './env-rules';

/**
 * Where people reach the operator, printed on the legal pages and in the footer. The operator's name, address and
 * KvK number are the seller's (PLATFORM_NAME, PLATFORM_ADDRESS, PLATFORM_KVK): one legal entity, set once.
 */
export const operatorEnvShape = {
  /** Where members send privacy questions, requests and complaints (privacy statement, data overview). */
  PRIVACY_CONTACT_EMAIL: z.string().trim().toLowerCase().email().max(254).optional(),
  /** Where members and advertisers send other questions (terms, footer). */
  SUPPORT_EMAIL: z.string().trim().toLowerCase().email().max(254).optional(),
};

// Development only: `.example` is reserved (RFC 2606), so these can never reach a real mailbox by accident.
const EXAMPLE_CONTACTS = { PRIVACY_CONTACT_EMAIL: 'privacy@datadividend.example', SUPPORT_EMAIL: 'support@datadividend.example' };

type OperatorFields = { NODE_ENV?: unknown; PRIVACY_CONTACT_EMAIL?: string | undefined; SUPPORT_EMAIL?: string | undefined; PLATFORM_NAME?: string | undefined };

/** The legal pages promise people an address that is read: production must name real ones. */
export function checkOperator(env: OperatorFields, ctx: IssueSink): void {
  requireInProduction(env, ctx, ['PRIVACY_CONTACT_EMAIL', 'SUPPORT_EMAIL'], 'shown on the legal pages as the operator’s contact');
}

/**
 * Fills in the example contacts where unset. `OPERATOR_DETAILS_EXAMPLE` says the pages show example details
 * (development without its own operator), so the portal can say so instead of presenting them as real.
 */
export function resolveOperator(env: OperatorFields): { PRIVACY_CONTACT_EMAIL: string; SUPPORT_EMAIL: string; OPERATOR_DETAILS_EXAMPLE: boolean } {
  return {
    PRIVACY_CONTACT_EMAIL: env.PRIVACY_CONTACT_EMAIL ?? EXAMPLE_CONTACTS.PRIVACY_CONTACT_EMAIL,
    SUPPORT_EMAIL: env.SUPPORT_EMAIL ?? EXAMPLE_CONTACTS.SUPPORT_EMAIL,
    OPERATOR_DETAILS_EXAMPLE: env.PRIVACY_CONTACT_EMAIL === undefined || env.SUPPORT_EMAIL === undefined || env.PLATFORM_NAME === undefined,
  };
}
