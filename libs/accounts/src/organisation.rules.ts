import { INDUSTRY_CODES } from '@dd/categories';
import { ORGANISATION_REQUIRED_DETAILS, type OrganisationDetail } from '@dd/contract';
import type { OrganisationStatus } from '@dd/db';
import { DomainError } from '@dd/errors';

const KNOWN_INDUSTRIES: ReadonlySet<string> = new Set(INDUSTRY_CODES);

/** The industry decides which customers' exclusions apply, so only codes of the catalogue are accepted. */
export function assertKnownIndustry(industry: string | undefined): void {
  if (industry === undefined || KNOWN_INDUSTRIES.has(industry)) return;
  throw new DomainError('VALIDATION_FAILED', `"${industry}" is not an industry we know. Choose one from the list.`, {
    field: 'industry',
    messageKey: 'organisation:validation.industryUnknown',
  });
}

interface DetailsRow {
  kvk_number: string | null;
  vat_number: string | null;
  contact_name: string | null;
  contact_email: string | null;
  industry: string | null;
}

const COLUMN: Record<OrganisationDetail, keyof DetailsRow> = {
  kvkNumber: 'kvk_number',
  vatNumber: 'vat_number',
  contactName: 'contact_name',
  contactEmail: 'contact_email',
  industry: 'industry',
};

/** Which registration details an admin still lacks to verify the organisation. */
export function missingDetails(row: DetailsRow): OrganisationDetail[] {
  return ORGANISATION_REQUIRED_DETAILS.filter((detail) => !row[COLUMN[detail]]);
}

const DETAIL_TEXT: Record<OrganisationDetail, string> = {
  kvkNumber: 'KvK number',
  vatNumber: 'VAT number',
  contactName: 'contact name',
  contactEmail: 'contact email',
  industry: 'industry',
};

export function incompleteError(missing: readonly OrganisationDetail[]): DomainError {
  const list = missing.map((detail) => DETAIL_TEXT[detail]).join(', ');
  return new DomainError(
    'CONFLICT',
    `This organisation cannot be verified yet: its ${list} ${missing.length === 1 ? 'is' : 'are'} missing. Ask the advertiser to complete the organisation page, or reject it with the reason.`,
    undefined,
    { code: 'incomplete', params: { missing: missing.join(',') } },
  );
}

export function notUnverifiedError(status: OrganisationStatus): DomainError {
  return new DomainError('CONFLICT', `This organisation was already ${status} by an admin; a decision is made once. Reload the list.`, undefined, {
    code: 'alreadyDecided',
    params: { status },
  });
}

export const organisationNotFound = () => new DomainError('NOT_FOUND', 'This organisation does not exist (any more). Reload the list.');

/**
 * Verified organisations keep the details the verification was about. The industry is included:
 * customers' industry exclusions are applied by it, so changing it would move an advertiser past them.
 */
export function lockedDetailError(field: 'name' | 'kvkNumber' | 'vatNumber' | 'industry'): DomainError {
  return new DomainError(
    'CONFLICT',
    'Your organisation is verified, so its name, KvK number, VAT number and industry can no longer be changed here. Contact support to change them.',
    { field, messageKey: 'organisation:errors.lockedWhenVerified' },
    { code: 'lockedWhenVerified', params: { field } },
  );
}

