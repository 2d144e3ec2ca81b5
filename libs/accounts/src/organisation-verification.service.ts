import type { AdminOrganisation, AdminOrganisationsPage, OrganisationStatusCode } from '@dd/contract';
import type { Db } from '@dd/db';
import { auditRepository } from './audit.repository';
import { organisationRepository } from './organisation.repository';
import { incompleteError, missingDetails, notUnverifiedError, organisationNotFound } from './organisation.rules';
import { organisationDto } from './organisation.service';

/** The admin's side: the list of organisations with their details, and one decision per organisation. */
export function createOrganisationVerificationService(deps: { db: Db; now?: () => Date }) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());

  async function decide(adminId: string, organisationId: string, decision: { status: 'verified' | 'rejected'; reason: string | null }) {
    return db.transaction().execute(async (trx) => {
      const row = await organisationRepository.findForUpdate(trx, organisationId);
      if (!row) throw organisationNotFound();
      if (row.status !== 'unverified') throw notUnverifiedError(row.status);
      if (decision.status === 'verified') {
        const missing = missingDetails(row);
        if (missing.length > 0) throw incompleteError(missing);
      }
      const at = now();
      await organisationRepository.decide(trx, organisationId, { status: decision.status, by: adminId, at, reason: decision.reason });
      // Name and numbers go into the entry so the log can be searched by them after a later change.
      await auditRepository.append(trx, {
        actorUserId: adminId,
        actorRole: 'admin',
        action: decision.status === 'verified' ? 'organisation.verified' : 'organisation.rejected',
        subjectType: 'organisation',
        subjectId: organisationId,
        details: {
          name: row.name,
          kvkNumber: row.kvk_number,
          vatNumber: row.vat_number,
          ...(decision.reason === null ? {} : { reason: decision.reason }),
        },
      });
      return organisationDto({ ...row, status: decision.status, decided_at: at, rejection_reason: decision.reason });
    });
  }

  return {
    async list(filter: { status?: OrganisationStatusCode | undefined; cursor?: string | undefined; limit: number }): Promise<AdminOrganisationsPage> {
      // One extra row tells whether another page follows.
      const rows = await organisationRepository.page(db, { status: filter.status, cursor: filter.cursor, limit: filter.limit + 1 });
      const items: AdminOrganisation[] = rows.slice(0, filter.limit).map((row) => ({ ...organisationDto(row), accounts: Number(row.accounts ?? 0) }));
      return { items, nextCursor: rows.length > filter.limit ? items[items.length - 1]!.id : null };
    },

    verify: (adminId: string, organisationId: string) => decide(adminId, organisationId, { status: 'verified', reason: null }),

    reject: (adminId: string, organisationId: string, reason: string) => decide(adminId, organisationId, { status: 'rejected', reason }),
  };
}

export type OrganisationVerificationService = ReturnType<typeof createOrganisationVerificationService>;
