import { createHash } from 'node:crypto';
import { INDUSTRY_CODES } from '@dd/categories';
import { isValidDutchVatNumber, ORGANISATION_REQUIRED_DETAILS, type OrganisationDetail } from '@dd/contract';
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

interface VersionedRow extends DetailsRow {
  name: string;
}

/**
 * A fingerprint of every detail the admin's list shows: the admin's page sends it back with
 * "verify", so what is verified is exactly what the admin saw. A hash of the values rather than a
 * counter: details changed and changed back are the same details.
 */
export function detailsVersion(row: VersionedRow): string {
  const values = [row.name, row.kvk_number, row.vat_number, row.contact_name, row.contact_email, row.industry];
  return createHash('sha256').update(JSON.stringify(values)).digest('hex');
}

export function detailsChangedError(): DomainError {
  return new DomainError(
    'CONFLICT',
    'The advertiser changed the organisation’s details after you opened them, so nothing was verified. Check the details as they are now and decide again.',
    undefined,
    { code: 'detailsChanged', params: {} },
  );
}

/** Details that are present but cannot be right: a VAT number that fails its check (stored before the check existed). */
export function invalidDetails(row: Pick<DetailsRow, 'vat_number'>): OrganisationDetail[] {
  return row.vat_number && !isValidDutchVatNumber(row.vat_number) ? ['vatNumber'] : [];
}

export function invalidDetailsError(invalid: readonly OrganisationDetail[]): DomainError {
  const list = invalid.map((detail) => DETAIL_TEXT[detail]).join(', ');
  return new DomainError(
    'CONFLICT',
    `This organisation cannot be verified: its ${list} cannot exist (the check digits do not match). Ask the advertiser to correct it, or reject it with the reason.`,
    undefined,
    { code: 'invalidDetails', params: { invalid: invalid.join(',') } },
  );
}

export function notVerifiedError(status: OrganisationStatus): DomainError {
  return new DomainError('CONFLICT', `This organisation is ${status}, not verified, so there is no verification to withdraw. Reload the list.`, undefined, {
    code: 'notVerified',
    params: { status },
  });
}

/**
 * The details a verification is about. A change to any of them sends a verified organisation back to
 * review: the KvK number decides whose company it is (and whose privacy budget it spends), the VAT
 * number goes on invoices, and customers' industry exclusions are applied by the industry.
 */
export const VERIFIED_DETAILS = ['name', 'kvkNumber', 'vatNumber', 'industry'] as const;
export type VerifiedDetail = (typeof VERIFIED_DETAILS)[number];

