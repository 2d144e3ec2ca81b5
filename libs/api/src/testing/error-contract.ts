import { ERROR_CODES, isDomainError } from '@dd/errors';
import { INTERNAL_MESSAGE, PARSE_MESSAGE, VALIDATION_MESSAGE } from '../error-mapping';
import { MARKER } from './hostile-inputs';
import type { Outcome } from './role-callers';

/**
 * What every refusal owes its caller (the hardening issue): never a 500; a message written for a
 * person; a reason code the portal can translate (`data.domainCode`, and field errors or a
 * `reason` where there are any); and nothing of what was sent echoed back. Returns what is wrong
 * with one outcome, empty when it keeps the promise.
 */
/** How an echo is reported, so a test can allow the ones it knows about by this prefix. */
export const ECHOES = 'echoes the input';

/**
 * Refusals that quote what was sent, by procedure and the hostile case's field, each tolerated for
 * a reason: an unknown code from a list is named in the English message ("Unknown interest: …"),
 * bounded and free of control and bidi characters by the contract, while the portal shows its own
 * translation (the field error's i18n key). Any other echo fails.
 */
const KNOWN_ECHOES: Readonly<Record<string, RegExp>> = {
  'transactions.recategorise': /^category: /,
  'profile.update': /^interests\[\d+\]: /,
  'consent.update': /^changes\[\d+\]\.category: /,
  'advertiser.updateOrganisation': /^industry: /,
  'auth.signUpAdvertiser': /^industry: /,
};

export function isKnownEcho(path: string, label: string): boolean {
  return KNOWN_ECHOES[path]?.test(label) ?? false;
}

export function brokenPromises(outcome: Outcome): string[] {
  if (outcome.ok) return [];
  const { error, shape } = outcome;
  const problems: string[] = [];
  const cause = error.cause;
  const causeText = cause instanceof Error ? `${cause.name}${'code' in cause ? ` ${String(cause.code)}` : ''}: ${cause.message.slice(0, 160)}` : String(cause);
  if (error.code === 'INTERNAL_SERVER_ERROR' || shape.data.httpStatus >= 500) problems.push(`HTTP ${shape.data.httpStatus} (${causeText})`);
  if (typeof shape.message !== 'string' || shape.message.trim() === '' || shape.message === INTERNAL_MESSAGE) problems.push(`no message for a person: ${JSON.stringify(shape.message)}`);
  const domainCode = shape.data.domainCode;
  if (!domainCode || !(domainCode in ERROR_CODES) || domainCode === 'UNAVAILABLE') problems.push(`no reason code: ${String(domainCode)}`);
  // A refusal the code meant: a DomainError, zod's field errors, or the fixed answer to unreadable JSON.
  // Anything else carries whatever the failing library said, which is neither translated nor safe to show.
  const deliberate = isDomainError(cause) || (shape.message === VALIDATION_MESSAGE && shape.data.fieldErrors !== undefined) || shape.message === PARSE_MESSAGE;
  if (!deliberate) problems.push(`not a deliberate refusal: ${error.code} "${shape.message.slice(0, 160)}" (${causeText})`);
  if (JSON.stringify(shape).includes(MARKER)) problems.push(`${ECHOES}: ${JSON.stringify(shape.message.slice(0, 120))}`);
  return problems;
}
