import type { Organisation, UpdateOrganisationInput } from '@dd/contract';
import type { Db } from '@dd/db';
import { DomainError } from '@dd/errors';
import { auditRepository } from './audit.repository';
import { organisationRepository } from './organisation.repository';
import { assertKnownIndustry, lockedDetailError, missingDetails } from './organisation.rules';

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
    createdAt: row.created_at.toISOString(),
    decidedAt: row.decided_at ? row.decided_at.toISOString() : null,
    rejectionReason: row.rejection_reason,
    missing: missingDetails(row),
  };
}

const noOrganisation = () => new DomainError('NOT_FOUND', 'Your account does not belong to an organisation. Contact support.');

/** The advertiser's own organisation: read it, complete or correct its details, resubmit after a rejection. */
export function createOrganisationService(deps: { db: Db }) {
  const { db } = deps;

  async function mine(organisationId: string | undefined): Promise<Organisation> {
    const row = organisationId ? await organisationRepository.find(db, organisationId) : undefined;
    if (!row) throw noOrganisation();
    return organisationDto(row);
  }

  return {
    mine,

    /**
     * Saves the details. Unverified: they replace what was there. Rejected: saving is the
     * resubmission, back to unverified for a new decision. Verified: only the contact can change.
     */
    async update(actor: { userId: string; organisationId: string | undefined }, input: Required<UpdateOrganisationInput>): Promise<Organisation> {
      assertKnownIndustry(input.industry);
      const organisationId = actor.organisationId;
      if (!organisationId) throw noOrganisation();
      await db.transaction().execute(async (trx) => {
        const row = await organisationRepository.findForUpdate(trx, organisationId);
        if (!row) throw noOrganisation();
        if (row.status === 'verified') {
          if (input.name !== row.name) throw lockedDetailError('name');
          if (input.kvkNumber !== row.kvk_number) throw lockedDetailError('kvkNumber');
          if (input.vatNumber !== row.vat_number) throw lockedDetailError('vatNumber');
          if (input.industry !== row.industry) throw lockedDetailError('industry');
        }
        await organisationRepository.updateDetails(trx, organisationId, {
          name: input.name,
          kvk_number: input.kvkNumber,
          vat_number: input.vatNumber,
          contact_name: input.contactName,
          contact_email: input.contactEmail,
          industry: input.industry,
        });
        if (row.status === 'rejected') {
          await organisationRepository.resubmit(trx, organisationId);
          // The admin's queue shows it again; the log keeps who resubmitted after which rejection.
          await auditRepository.append(trx, {
            actorUserId: actor.userId,
            actorRole: 'advertiser',
            action: 'organisation.resubmitted',
            subjectType: 'organisation',
            subjectId: organisationId,
            details: { name: input.name, kvkNumber: input.kvkNumber, previousReason: row.rejection_reason },
          });
        }
      });
      return mine(organisationId);
    },
  };
}

export type OrganisationService = ReturnType<typeof createOrganisationService>;
