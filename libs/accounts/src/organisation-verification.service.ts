import type { AdminOrganisation, AdminOrganisationsPage, OrganisationStatusCode } from '@dd/contract';
import type { Db } from '@dd/db';
import { DomainError } from '@dd/errors';
import { dispatchNotified, notifyOrganisation, type Notified } from '@dd/notifications';
import type { Queues } from '@dd/queue';
import { accountMailRepository } from './account-mail.repository';
import { auditRepository } from './audit.repository';
import { organisationRepository } from './organisation.repository';
import {
  detailsChangedError,
  detailsVersion,
  incompleteError,
  invalidDetails,
  invalidDetailsError,
  missingDetails,
  notUnverifiedError,
  notVerifiedError,
  organisationNotFound,
} from './organisation.rules';
import { organisationDto } from './organisation.service';

type OrganisationRow = NonNullable<Awaited<ReturnType<typeof organisationRepository.find>>>;

/** What a decision is about, in its audit entry: the log can be searched by it after a later change. */
const decidedDetails = (row: OrganisationRow) => ({ name: row.name, kvkNumber: row.kvk_number, vatNumber: row.vat_number, industry: row.industry });

const adminDto = (row: OrganisationRow): Omit<AdminOrganisation, 'accounts'> => ({ ...organisationDto(row), detailsVersion: detailsVersion(row) });

/** The admin's side: the list of organisations with their details, one decision per organisation, and withdrawing a verification. */
export function createOrganisationVerificationService(deps: { db: Db; queues?: Queues; now?: () => Date }) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());

  /** The organisation's advertisers hear of every decision; keyed to the decision's moment, so a later decision is news again. */
  function tellAdvertisers(trx: Parameters<typeof notifyOrganisation>[0], row: OrganisationRow, decision: { status: 'verified' | 'rejected'; reason: string | null; at: Date }) {
    const key = `organisation:${row.id}:${decision.status}:${decision.at.toISOString()}`;
    return decision.status === 'verified'
      ? notifyOrganisation(trx, { organisationId: row.id, kind: 'organisation.verified', key, params: { organisationName: row.name } })
      : notifyOrganisation(trx, { organisationId: row.id, kind: 'organisation.rejected', key, params: { organisationName: row.name, reason: decision.reason ?? '' } });
  }

  /** Mail is queued once the decision has committed; without Redis now, mail.sweep queues it later. */
  async function dispatched<T>(result: { value: T; notified: Notified }): Promise<T> {
    if (deps.queues) await dispatchNotified(deps.queues, result.notified);
    return result.value;
  }

  async function decide(
    adminId: string,
    organisationId: string,
    decision: { status: 'verified'; seenVersion: string } | { status: 'rejected'; reason: string },
  ) {
    const decided = await db.transaction().execute(async (trx) => {
      const row = await organisationRepository.findForUpdate(trx, organisationId);
      if (!row) throw organisationNotFound();
      if (row.status !== 'unverified') throw notUnverifiedError(row.status);
      const reason = decision.status === 'rejected' ? decision.reason : null;
      if (decision.status === 'verified') {
        // The row is locked: what is compared here is what gets verified.
        if (detailsVersion(row) !== decision.seenVersion) throw detailsChangedError();
        const missing = missingDetails(row);
        if (missing.length > 0) throw incompleteError(missing);
        const invalid = invalidDetails(row);
        if (invalid.length > 0) throw invalidDetailsError(invalid);
        // An organisation is only as real as a reachable contact: no review before its address is proven.
        if (!(await accountMailRepository.organisationHasVerifiedAccount(trx, organisationId))) {
          throw new DomainError('CONFLICT', 'This advertiser has not confirmed their email address yet, so the organisation cannot be verified.', undefined, {
            code: 'emailNotVerified',
            params: {},
          });
        }
      }
      const at = now();
      await organisationRepository.decide(trx, organisationId, { status: decision.status, by: adminId, at, reason });
      await auditRepository.append(trx, {
        actorUserId: adminId,
        actorRole: 'admin',
        action: decision.status === 'verified' ? 'organisation.verified' : 'organisation.rejected',
        subjectType: 'organisation',
        subjectId: organisationId,
        details: { ...decidedDetails(row), ...(reason === null ? {} : { reason }) },
      });
      const notified = await tellAdvertisers(trx, row, { status: decision.status, reason, at });
      return { value: adminDto({ ...row, status: decision.status, decided_at: at, rejection_reason: reason, verification_ended_at: null, verification_end_cause: null }), notified };
    });
    return dispatched(decided);
  }

  return {
    async list(filter: { status?: OrganisationStatusCode | undefined; cursor?: string | undefined; limit: number }): Promise<AdminOrganisationsPage> {
      // One extra row tells whether another page follows.
      const rows = await organisationRepository.page(db, { status: filter.status, cursor: filter.cursor, limit: filter.limit + 1 });
      const items: AdminOrganisation[] = rows.slice(0, filter.limit).map((row) => ({ ...adminDto(row), accounts: Number(row.accounts ?? 0) }));
      return { items, nextCursor: rows.length > filter.limit ? items[items.length - 1]!.id : null };
    },

    /** Verifies the organisation if its details are still those of `seenVersion` (the list item's `detailsVersion`). */
    verify: (adminId: string, organisationId: string, seenVersion: string) => decide(adminId, organisationId, { status: 'verified', seenVersion }),

    reject: (adminId: string, organisationId: string, reason: string) => decide(adminId, organisationId, { status: 'rejected', reason }),

    /**
     * Ends a verification: the organisation is rejected with the reason (the advertiser reads it), so
     * it can neither buy nor ask for estimates until it resubmits and an admin verifies it again.
     */
    async withdraw(adminId: string, organisationId: string, reason: string) {
      const withdrawn = await db.transaction().execute(async (trx) => {
        const row = await organisationRepository.findForUpdate(trx, organisationId);
        if (!row) throw organisationNotFound();
        if (row.status !== 'verified') throw notVerifiedError(row.status);
        const at = now();
        await organisationRepository.withdraw(trx, organisationId, { by: adminId, at, reason });
        await auditRepository.append(trx, {
          actorUserId: adminId,
          actorRole: 'admin',
          action: 'organisation.verification_withdrawn',
          subjectType: 'organisation',
          subjectId: organisationId,
          details: { ...decidedDetails(row), reason, verifiedAt: row.decided_at ? row.decided_at.toISOString() : null },
        });
        const notified = await tellAdvertisers(trx, row, { status: 'rejected', reason, at });
        return {
          value: adminDto({
            ...row,
            status: 'rejected',
            decided_at: at,
            rejection_reason: reason,
            verification_ended_at: at,
            verification_end_cause: 'withdrawn',
          }),
          notified,
        };
      });
      return dispatched(withdrawn);
    },
  };
}

export type OrganisationVerificationService = ReturnType<typeof createOrganisationVerificationService>;
