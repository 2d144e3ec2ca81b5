import { auditRepository } from '@dd/accounts';
import type { EstimateService } from '@dd/audience';
import { dutchDate } from '@dd/billing';
import {
  PRODUCT_PURPOSE,
  type CreatePurchaseRequest,
  type PrivacyBudgetMeter,
  type PurchaseCheck,
  type PurchaseCheckInput,
  type PurchaseDetail,
  type PurchaseStatusCode,
  type PurchaseSummary,
} from '@dd/contract';
import type { Db } from '@dd/db';
import { dispatchNotified } from '@dd/notifications';
import type { Queues } from '@dd/queue';
import { createPrivacyAccountant, formatEpsilonMicro, type PrivacyAccountant, type PrivacySettings } from '@dd/privacy';
import { canonicalKey, canonicalise, isEmptySegment, isUnrestrictedSegment, validateSegment, type ProductPriceSettings, type SegmentLocale } from '@dd/segments';
import { marketplaceErrors } from './marketplace.errors';
import { NO_RESULTS, toPurchaseDetail, toPurchaseSummary, type PurchaseResults } from './purchase.dto';
import { purchaseRepository, type PurchaseRow } from './purchase.repository';
import { budgetMeterOf } from './privacy-budget.meter';
import { createPurchasePrediction } from './purchase.prediction';
import { notifyIfBalanceLow } from './purchase.notifications';
import { release, reservationKeys, reserve } from './purchase.reservation';
import { checkBreakdowns, checkOfferEndDate, checkOfferScreening, reservationFor } from './purchase.rules';

/** The organisation and the advertiser user acting for it, from the session (never from the input). */
export interface PurchaseOwner {
  organisationId: string;
  userId: string;
}

/** Reads what fulfilment produced for a request (report, offer statistics, invoice). */
export type PurchaseResultsReader = (db: Db, row: PurchaseRow) => Promise<PurchaseResults>;

export interface PurchaseServiceDeps {
  db: Db;
  estimates: EstimateService;
  prices: ProductPriceSettings;
  /** VAT on top of the net price, in basis points (billing settings). */
  vatRateBp: number;
  privacy: PrivacySettings;
  /** Defaults to the accountant over `db` and `privacy`. */
  accountant?: PrivacyAccountant;
  results?: PurchaseResultsReader;
  /** Queues the mail of a low-balance warning after the commit; without it mail.sweep does. */
  queues?: Queues;
  now?: () => Date;
}

const optional = (text: string | undefined) => (text?.trim() ? text.trim() : null);

/** An advertiser's purchase requests: create (with its reservation), list, read and cancel. */
export function createPurchaseService(deps: PurchaseServiceDeps) {
  const { db, estimates, prices, vatRateBp } = deps;
  const now = deps.now ?? (() => new Date());
  const accountant = deps.accountant ?? createPrivacyAccountant({ db, settings: deps.privacy, now });
  const predict = createPurchasePrediction({ estimates, accountant, settings: deps.privacy, now });

  async function buyer(organisationId: string) {
    const organisation = await purchaseRepository.organisation(db, organisationId);
    if (!organisation) throw marketplaceErrors.organisationNotFound();
    return organisation;
  }

  const asker = (organisation: NonNullable<Awaited<ReturnType<typeof purchaseRepository.organisation>>>) => ({
    id: organisation.id,
    industry: organisation.industry,
    status: organisation.status,
    kvkNumber: organisation.kvk_number,
  });

  /** The canonical tree (what is stored and counted) of a segment that can be bought at all. */
  function canonicalSegment(segment: unknown) {
    const { tree, categories } = validateSegment(segment);
    const canonical = canonicalise(tree);
    if (isEmptySegment(canonical)) throw marketplaceErrors.segmentNobody();
    if (isUnrestrictedSegment(canonical)) throw marketplaceErrors.segmentEveryone();
    return { tree: canonical, categories };
  }

  return {
    /**
     * Whether the purchase the form holds can succeed, before it is sent: its cost against the
     * organisation's purchase budget, and its audience as fulfilment would count it (released, noisy).
     */
    async check(owner: PurchaseOwner, input: PurchaseCheckInput): Promise<PurchaseCheck> {
      const organisation = await buyer(owner.organisationId);
      if (organisation.status !== 'verified') throw marketplaceErrors.organisationNotVerified(organisation.status);
      const { tree } = canonicalSegment(input.segment);
      const breakdowns = input.product === 'insight_report' ? checkBreakdowns(input.breakdowns ?? []) : [];
      const endsOn = input.product === 'offer_campaign' ? (input.endsOn ?? null) : null;
      const prediction = await predict(asker(organisation), { product: input.product, segment: tree, breakdowns, endsOn }, input.locale ?? 'en');
      return { cost: formatEpsilonMicro(prediction.costMicro), audience: prediction.audience, problems: prediction.problems };
    },

    /** The organisation's privacy budget this month: its own spending per pool, what is left, and when it resets. */
    async budget(owner: PurchaseOwner): Promise<PrivacyBudgetMeter> {
      const organisation = await buyer(owner.organisationId);
      const budget = await accountant.entityBudget({ organisationId: organisation.id, kvkNumber: organisation.kvk_number });
      return budgetMeterOf(budget, deps.privacy);
    },

    async create(owner: PurchaseOwner, input: CreatePurchaseRequest): Promise<PurchaseSummary> {
      const organisation = await buyer(owner.organisationId);
      if (organisation.status !== 'verified') throw marketplaceErrors.organisationNotVerified(organisation.status);

      const { tree, categories } = canonicalSegment(input.segment);
      const purpose = PRODUCT_PURPOSE[input.product];
      const breakdowns = input.product === 'insight_report' ? checkBreakdowns(input.breakdowns) : [];
      const offer = input.product === 'offer_campaign' ? input.offer : null;
      if (offer) {
        checkOfferEndDate(offer.endsOn, dutchDate(now()));
        checkOfferScreening({ title: offer.title, body: offer.body, url: optional(offer.url), code: optional(offer.code) });
      }
      const price = input.product === 'insight_report' ? prices.insightReportCents : prices.offerCampaignCents;
      if (price <= 0) throw marketplaceErrors.productNotForSale(input.product);

      // Refused before review, and before anything is reserved, when fulfilment could not succeed. The
      // audience is the prediction's release (noisy): the reservation must not reveal an exact count.
      const prediction = await predict(asker(organisation), { product: input.product, segment: tree, breakdowns, endsOn: offer?.endsOn ?? null }, input.locale);
      const problem = prediction.problems[0];
      if (problem) throw marketplaceErrors.purchaseNotPossible(problem);
      const estimate = prediction.audience;
      if (estimate.kind === 'fewer-than') throw marketplaceErrors.audienceBelowMinimum(estimate.k);
      const reservation = reservationFor({ estimate: estimate.value, pricePerMemberCents: price, vatRateBp });

      // A link to a saved segment is only a convenience (the tree is stored itself): kept when it is the organisation's own.
      const savedSegmentId =
        input.savedSegmentId !== undefined && (await purchaseRepository.ownsSavedSegment(db, organisation.id, input.savedSegmentId)) ? input.savedSegmentId : null;
      // Consent must cover what a report's tables read as well as the criteria; members see all of them on their timeline.
      const consentCategories = [...new Set([...categories, ...breakdowns.map((b) => b.category)])].sort();

      const created = await db.transaction().execute(async (trx) => {
        const row = await purchaseRepository.insert(trx, {
          organisation_id: organisation.id,
          created_by: owner.userId,
          product: input.product,
          purpose,
          title: input.title,
          purpose_statement: input.purposeStatement,
          segment: JSON.stringify(tree),
          canonical_key: canonicalKey(tree),
          saved_segment_id: savedSegmentId,
          categories: consentCategories,
          breakdowns: breakdowns.map((b) => b.code),
          offer_title: offer?.title ?? null,
          offer_body: offer?.body ?? null,
          offer_url: optional(offer?.url),
          offer_code: optional(offer?.code),
          offer_ends_on: offer?.endsOn ?? null,
          estimated_members: estimate.value,
          max_members: reservation.maxMembers,
          price_per_member_cents: price,
          reserved_cents: reservation.totalCents,
        });
        await reserve(trx, row);
        const lowBalance = await notifyIfBalanceLow(trx, { organisationId: organisation.id, movedCents: row.reserved_cents, key: reservationKeys.reserve(row.id) });
        await auditRepository.append(trx, {
          actorUserId: owner.userId,
          actorRole: 'advertiser',
          action: 'purchase.requested',
          subjectType: 'purchase_request',
          subjectId: row.id,
          details: { organisationId: organisation.id, product: row.product, maxMembers: row.max_members, reservedCents: row.reserved_cents },
        });
        return { summary: toPurchaseSummary(row), lowBalance };
      });
      if (deps.queues) await dispatchNotified(deps.queues, created.lowBalance);
      return created.summary;
    },

    async list(owner: PurchaseOwner, status?: PurchaseStatusCode): Promise<PurchaseSummary[]> {
      return (await purchaseRepository.list(db, owner.organisationId, status)).map(toPurchaseSummary);
    },

    async get(owner: PurchaseOwner, id: string, locale: SegmentLocale): Promise<PurchaseDetail> {
      const row = await purchaseRepository.find(db, owner.organisationId, id);
      if (!row) throw marketplaceErrors.notFound();
      return toPurchaseDetail(row, locale, deps.results ? await deps.results(db, row) : NO_RESULTS);
    },

    /** Withdraws a request nobody has decided on yet and gives its reservation back, in one transaction. */
    async cancel(owner: PurchaseOwner, id: string): Promise<PurchaseSummary> {
      return db.transaction().execute(async (trx) => {
        const row = await purchaseRepository.findForUpdate(trx, id, owner.organisationId);
        if (!row) throw marketplaceErrors.notFound();
        if (row.status !== 'pending_review') throw marketplaceErrors.notCancellable(row.status);
        const cancelled = await purchaseRepository.setStatus(trx, id, { status: 'cancelled' });
        await release(trx, row);
        await auditRepository.append(trx, {
          actorUserId: owner.userId,
          actorRole: 'advertiser',
          action: 'purchase.cancelled',
          subjectType: 'purchase_request',
          subjectId: id,
          details: { organisationId: owner.organisationId, releasedCents: row.reserved_cents },
        });
        return toPurchaseSummary(cancelled);
      });
    },
  };
}

export type PurchaseService = ReturnType<typeof createPurchaseService>;
