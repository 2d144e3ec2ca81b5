import type { PrivacyBudgetPool, PrivacyReleaseKind } from '@dd/db';

/** Who pays for a release: an organisation, and the legal entity (KvK number) it belongs to. */
export interface LegalEntity {
  organisationId: string;
  kvkNumber: string | null;
}

/**
 * The budget belongs to the legal entity, not the account: every organisation registered under one
 * KvK number shares it, so a second account of the same company starts with what the first left.
 * An organisation without a KvK number (it cannot be verified without one) has a budget of its own.
 */
export function budgetOwnerOf(entity: LegalEntity): string {
  return entity.kvkNumber ? `kvk:${entity.kvkNumber}` : `org:${entity.organisationId}`;
}

/** Estimates draw from their own monthly budget, so building segments never eats into what a purchase needs. */
export function poolOf(kind: PrivacyReleaseKind): PrivacyBudgetPool {
  return kind === 'estimate' ? 'estimates' : 'purchases';
}
