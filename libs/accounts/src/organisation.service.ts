import type { Organisation, PostalAddress, UpdateOrganisationInput } from '@dd/contract';
import type { Db } from '@dd/db';
import { DomainError } from '@dd/errors';
import { auditRepository } from './audit.repository';
import { organisationRepository } from './organisation.repository';
import { assertKnownIndustry, missingDetails, VERIFIED_DETAILS, type VerifiedDetail } from './organisation.rules';

type OrganisationRow = NonNullable<Awaited<ReturnType<typeof organisationRepository.find>>>;

export function organisationDto(row: OrganisationRow): Organisation {
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    kvkNumber: row.kvk_number,
    vatNumber: row.vat_number,
    contactName: row.contact_name,
    contactEmail: row.contact_email,
    industry: row.industry,
    address: addressOf(row),
    createdAt: row.created_at.toISOString(),
    decidedAt: row.decided_at ? row.decided_at.toISOString() : null,
    rejectionReason: row.rejection_reason,
    verificationEnded:
      row.verification_ended_at && row.verification_end_cause
        ? { cause: row.verification_end_cause, at: row.verification_ended_at.toISOString() }
        : null,
    missing: missingDetails(row),
  };
}

/** All four parts or none: the columns are written together. */
export function addressOf(row: Pick<OrganisationRow, 'address_street' | 'address_postcode' | 'address_city' | 'address_country'>): PostalAddress | null {
  const { address_street: street, address_postcode: postcode, address_city: city, address_country: country } = row;
  return street && postcode && city && country ? { street, postcode, city, country } : null;
}

const noOrganisation = () => new DomainError('NOT_FOUND', 'Your account does not belong to an organisation. Contact support.');

/** The verified details of a row and of an input, named alike, for comparing and for the audit log. */
function verifiedDetailsOf(row: OrganisationRow): Record<VerifiedDetail, string | null> {
  return { name: row.name, kvkNumber: row.kvk_number, vatNumber: row.vat_number, industry: row.industry };
}

/** The advertiser's own organisation: read it, complete or correct its details, resubmit after a rejection. */
export function createOrganisationService(deps: { db: Db; now?: () => Date }) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());

  async function find(organisationId: string | undefined): Promise<Organisation> {
    const row = organisationId ? await organisationRepository.find(db, organisationId) : undefined;
    if (!row) throw noOrganisation();
    return organisationDto(row);
  }

  return {
    mine: find,

    /**
     * Saves the details. Unverified: they replace what was there. Rejected: saving is the
     * resubmission, back to unverified for a new decision. Verified: the contact simply changes; a
     * change of name, KvK number, VAT number or industry sends the organisation back to review.
     */
    async update(
      actor: { userId: string; organisationId: string | undefined },
      input: Required<Omit<UpdateOrganisationInput, 'address'>> & { address?: PostalAddress | undefined },
    ): Promise<Organisation> {
      assertKnownIndustry(input.industry);
      const organisationId = actor.organisationId;
      if (!organisationId) throw noOrganisation();
      await db.transaction().execute(async (trx) => {
        const row = await organisationRepository.findForUpdate(trx, organisationId);
        if (!row) throw noOrganisation();
        const before = verifiedDetailsOf(row);
        const after: Record<VerifiedDetail, string> = { name: input.name, kvkNumber: input.kvkNumber, vatNumber: input.vatNumber, industry: input.industry };
        const changed = VERIFIED_DETAILS.filter((detail) => before[detail] !== after[detail]);
        await organisationRepository.updateDetails(trx, organisationId, {
          name: input.name,
          kvk_number: input.kvkNumber,
          vat_number: input.vatNumber,
          contact_name: input.contactName,
          contact_email: input.contactEmail,
          industry: input.industry,
        });
        if (input.address) await organisationRepository.updateAddress(trx, organisationId, input.address);
        if (row.status === 'rejected') {
          await organisationRepository.resubmit(trx, organisationId);
          // The admin's queue shows it again; the log keeps who resubmitted after which rejection.
          await auditRepository.append(trx, {
            actorUserId: actor.userId,
            actorRole: 'advertiser',
            action: 'organisation.resubmitted',
            subjectType: 'organisation',
            subjectId: organisationId,
            details: { ...after, previousReason: row.rejection_reason },
          });
        } else if (row.status === 'verified' && changed.length > 0) {
          await organisationRepository.reopen(trx, organisationId, now());
          // Both versions, so the log answers "what was verified, and what is it now".
          await auditRepository.append(trx, {
            actorUserId: actor.userId,
            actorRole: 'advertiser',
            action: 'organisation.details_changed',
            subjectType: 'organisation',
            subjectId: organisationId,
            details: { ...after, changed: changed.join(','), previous: before, reviewAgain: true },
          });
        }
      });
      return find(organisationId);
    },
  };
}

export type OrganisationService = ReturnType<typeof createOrganisationService>;
