import { auditRepository } from '@dd/accounts';
import { offerUrlForDisplay, type ApprovalBlock, type DecidePurchaseRequest, type ModerationItem, type PurchaseDecision } from '@dd/contract';
import type { Db, PurchaseStatus } from '@dd/db';
import { dispatchNotified, notifyOrganisation } from '@dd/notifications';
import { createPrivacyAccountant, formatEpsilonMicro, type PrivacyAccountant, type PrivacySettings } from '@dd/privacy';
import type { Queues } from '@dd/queue';
import { breakdownFor } from '@dd/reports';
import { describeSegment, SegmentRejectedError, validateSegment, type SegmentLocale } from '@dd/segments';
import { marketplaceErrors } from './marketplace.errors';
import { moderationChecks } from './moderation.checks';
import { approvalBlockOf, screenOffer } from './offer-screening';
import { offerOf, segmentOf } from './purchase.dto';
import { enqueueFulfilment } from './purchase.jobs';
import { budgetProblem, purchaseCostMicro } from './purchase.prediction';
import { purchaseRepository, type PurchaseRow } from './purchase.repository';
import { release, reservationKeys } from './purchase.reservation';

/** The queue shows this many requests at a time, oldest first; deciding them brings the next ones up. */
export const MODERATION_QUEUE_LIMIT = 100;

type Organisation = NonNullable<Awaited<ReturnType<typeof purchaseRepository.organisation>>>;

export interface ModerationServiceDeps {
  db: Db;
  queues: Queues;
  settings: PrivacySettings;
  /** Defaults to the accountant over `db` and `settings`. */
  accountant?: PrivacyAccountant;
  now?: () => Date;
}

/** Admins moderate purchase requests: the queue with its automatic checks, and the decision. */
export function createModerationService(deps: ModerationServiceDeps) {
  const { db, queues, settings } = deps;
  const now = deps.now ?? (() => new Date());
  const accountant = deps.accountant ?? createPrivacyAccountant({ db, settings, now });

  /**
   * The request's epsilon against the organisation's purchase pool now, by the functions the
   * prediction and fulfilment use. Only the organisation's own spending is read: nothing about members.
   */
  async function privacyBudget(row: PurchaseRow, organisation: Organisation) {
    const breakdowns = row.breakdowns.flatMap((code) => breakdownFor(code) ?? []);
    const costMicro = purchaseCostMicro({ product: row.product, breakdowns, endsOn: row.offer_ends_on }, now(), settings);
    const budget = await accountant.entityBudget({ organisationId: organisation.id, kvkNumber: organisation.kvk_number });
    const problem = budgetProblem(budget, costMicro);
    const leftMicro = Math.max(0, budget.purchases.budgetMicro - budget.purchases.spentMicro);
    const params = { needed: formatEpsilonMicro(costMicro), left: formatEpsilonMicro(leftMicro), resetsOn: budget.resetsAt.toISOString().slice(0, 10) };
    return { fits: problem === null, ...params };
  }

  /**
   * The stored segment checked again against today's catalogue. It is not counted again: what the
   * moderator sees of the audience is the estimate released to the advertiser when the request was
   * made, so nothing a moderator decides on (and the advertiser then learns) comes from an exact count.
   */
  function segmentProblem(row: PurchaseRow): { kind: string; subject: string } | null {
    try {
      validateSegment(segmentOf(row));
    } catch (error) {
      if (!(error instanceof SegmentRejectedError)) throw error;
      const first = error.problems[0];
      return { kind: first?.kind ?? 'invalid', subject: first?.subject ?? first?.path ?? '' };
    }
    const unknown = row.breakdowns.find((code) => !breakdownFor(code));
    if (unknown !== undefined) return { kind: 'breakdown', subject: unknown };
    return null;
  }

  function describe(row: PurchaseRow, locale: SegmentLocale): string {
    try {
      return describeSegment(segmentOf(row), locale);
    } catch {
      // A segment the catalogue no longer knows still has to be shown to the moderator somehow.
      return JSON.stringify(row.segment);
    }
  }

  async function item(row: PurchaseRow, organisation: Organisation, history: Partial<Record<PurchaseStatus, number>>, locale: SegmentLocale): Promise<ModerationItem> {
    const offer = offerOf(row);
    const screening = offer ? screenOffer(offer) : null;
    const problem = segmentProblem(row);
    const budget = await privacyBudget(row, organisation);
    const checks = moderationChecks({
      organisationStatus: organisation.status,
      segmentProblem: problem,
      minimumAudience: settings.minimumAudience,
      releasedEstimate: problem ? null : row.estimated_members,
      product: row.product,
      purpose: row.purpose,
      purposeStatement: row.purpose_statement,
      screening,
      reservedInLedgerCents: await purchaseRepository.postedCents(db, reservationKeys.reserve(row.id)),
      reservedCents: row.reserved_cents,
      privacyBudget: budget,
    });
    return {
      id: row.id,
      createdAt: row.created_at.toISOString(),
      title: row.title,
      product: row.product,
      purpose: row.purpose,
      status: row.status,
      purposeStatement: row.purpose_statement,
      description: describe(row, locale),
      categories: row.categories,
      breakdowns: row.breakdowns,
      // The link as it really is: an international domain as punycode, hidden characters written out.
      offer: offer && offer.url ? { ...offer, url: offerUrlForDisplay(offer.url) } : offer,
      estimate: { kind: 'about', value: row.estimated_members },
      reservedCents: row.reserved_cents,
      organisation: { id: organisation.id, name: organisation.name, status: organisation.status, industry: organisation.industry },
      history: {
        requests: Object.values(history).reduce((sum: number, n) => sum + (n ?? 0), 0),
        delivered: history.delivered ?? 0,
        rejected: history.rejected ?? 0,
        cancelled: history.cancelled ?? 0,
        failed: history.failed ?? 0,
      },
      checks,
      approvalBlocked: approvalBlockOf(screening) ?? budgetBlock(budget),
    };
  }

  return {
    /** Requests waiting for review, oldest first, each with its automatic checks. */
    async queue(locale: SegmentLocale): Promise<ModerationItem[]> {
      const rows = await purchaseRepository.pendingReview(db, MODERATION_QUEUE_LIMIT);
      const organisationIds = [...new Set(rows.map((row) => row.organisation_id))];
      const [organisations, history] = await Promise.all([purchaseRepository.organisations(db, organisationIds), purchaseRepository.history(db, organisationIds)]);
      const byId = new Map(organisations.map((organisation) => [organisation.id, organisation]));
      const items: ModerationItem[] = [];
      // One at a time: each item counts on the shared audience index, which serialises anyway.
      for (const row of rows) items.push(await item(row, byId.get(row.organisation_id)!, history.get(row.organisation_id) ?? {}, locale));
      return items;
    },

    /**
     * Approves or rejects a waiting request under a row lock, so of two admins deciding at once
     * exactly one succeeds. A rejection gives the reservation back in the same transaction; an
     * approval queues the fulfilment job once the decision has committed (the job must never see
     * an undecided request).
     */
    async decide(adminId: string, input: DecidePurchaseRequest): Promise<PurchaseDecision> {
      const decided = await db.transaction().execute(async (trx) => {
        const row = await purchaseRepository.findForUpdate(trx, input.id);
        if (!row) throw marketplaceErrors.notFound();
        if (row.status !== 'pending_review') throw marketplaceErrors.notPendingReview(row.status);
        const decidedAt = now();
        if (input.decision === 'approve') {
          // Screened again from the locked row, not taken from the queue the admin saw: the same
          // rule decides, and a refusal leaves the request pending with its reservation.
          const offer = offerOf(row);
          const blocked = approvalBlockOf(offer ? screenOffer(offer) : null);
          if (blocked) throw marketplaceErrors.offerNotApprovable(blocked);
          // Verified when it asked is not enough: a changed or withdrawn verification stops the sale here too.
          const organisation = await purchaseRepository.organisation(trx, row.organisation_id);
          if (organisation?.status !== 'verified') throw marketplaceErrors.advertiserNotVerified(organisation?.status ?? 'unknown');
          // Fulfilment would fail on the purchase budget: refused here, so the request is rejected with a reason instead.
          const budgetBlocked = budgetBlock(await privacyBudget(row, organisation));
          if (budgetBlocked) throw marketplaceErrors.privacyBudgetNotApprovable(budgetBlocked);
          await purchaseRepository.setStatus(trx, row.id, { status: 'approved', decidedBy: adminId, decidedAt });
        } else {
          await purchaseRepository.setStatus(trx, row.id, { status: 'rejected', reason: input.reason, decidedBy: adminId, decidedAt });
          await release(trx, row);
        }
        await auditRepository.append(trx, {
          actorUserId: adminId,
          actorRole: 'admin',
          action: input.decision === 'approve' ? 'purchase.approved' : 'purchase.rejected',
          subjectType: 'purchase_request',
          subjectId: row.id,
          details: {
            organisationId: row.organisation_id,
            product: row.product,
            reservedCents: row.reserved_cents,
            ...(input.decision === 'reject' ? { reason: input.reason } : {}),
          },
        });
        const notified = await notifyOrganisation(
          trx,
          input.decision === 'approve'
            ? { organisationId: row.organisation_id, kind: 'purchases.approved', key: `purchase:${row.id}:approved`, params: { purchaseId: row.id, title: row.title } }
            : { organisationId: row.organisation_id, kind: 'purchases.rejected', key: `purchase:${row.id}:rejected`, params: { purchaseId: row.id, title: row.title, reason: input.reason } },
        );
        return { status: input.decision === 'approve' ? ('approved' as const) : ('rejected' as const), notified };
      });
      await dispatchNotified(queues, decided.notified);
      const status = decided.status;
      if (status === 'approved') await enqueueFulfilment(queues, input.id);
      return { id: input.id, status };
    },
  };
}

function budgetBlock(budget: { fits: boolean; needed: string; left: string; resetsOn: string }): ApprovalBlock | null {
  return budget.fits ? null : { code: 'privacyBudgetInsufficient', params: { needed: budget.needed, left: budget.left, resetsOn: budget.resetsOn } };
}

export type ModerationService = ReturnType<typeof createModerationService>;
