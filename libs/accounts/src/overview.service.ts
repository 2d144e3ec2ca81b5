import type { Db } from '@dd/db';
import { DomainError } from '@dd/errors';
import { overviewRepository } from './overview.repository';

/** What the landing pages show: platform totals for admins, the own organisation for advertisers. */
export function createOverviewService(deps: { db: Db }) {
  return {
    async platform() {
      const [users, organisations] = await Promise.all([
        overviewRepository.countUsersByRole(deps.db),
        overviewRepository.countOrganisationsByStatus(deps.db),
      ]);
      return {
        customers: users.customer ?? 0,
        advertisers: users.advertiser ?? 0,
        admins: users.admin ?? 0,
        organisationsAwaitingVerification: organisations.unverified ?? 0,
        organisationsVerified: organisations.verified ?? 0,
      };
    },

    async organisation(organisationId: string | undefined) {
      const row = organisationId ? await overviewRepository.findOrganisation(deps.db, organisationId) : undefined;
      if (!row) throw new DomainError('NOT_FOUND', 'Your organisation could not be found. Contact support.');
      return {
        id: row.id,
        name: row.name,
        status: row.status,
        kvkNumber: row.kvk_number,
        vatNumber: row.vat_number,
        industry: row.industry,
        contactEmail: row.contact_email,
        createdAt: row.created_at.toISOString(),
      };
    },
  };
}

export type OverviewService = ReturnType<typeof createOverviewService>;
