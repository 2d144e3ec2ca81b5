import { auditRepository } from '@dd/accounts';
import { dutchDate, recordPurchase, type BillingSettings } from '@dd/billing';
import type { Db } from '@dd/db';
import { DomainError, isDomainError } from '@dd/errors';
import { DEFAULT_LEDGER_SETTINGS, type LedgerSettings } from '@dd/ledger';
import { dispatchNotified } from '@dd/notifications';
import { createPrivacyAccountant, createReleasedAudienceGate, type DeliveryGate, type PrivacyAccountant, type PrivacySettings } from '@dd/privacy';
import type { Queues } from '@dd/queue';
import { breakdownFor, createInsightReportService, type InsightReportService } from '@dd/reports';
import { releaseTransaction } from './fulfilment.ledger';
import { billedQuantity, failureOfReportRefusal, type PurchaseFailure } from './fulfilment.policy';
import { fulfilmentRepository, type LockedRequest } from './fulfilment.repository';
import { freezeOfferDelivery } from './offer-delivery';
import { notifyDelivered } from './purchase.notifications';
import { release } from './purchase.reservation';
import { writeReceipts } from './receipts';

export type FulfilmentStep = 'started' | 'frozen' | 'charged' | 'delivered';

export interface FulfilmentDeps {
  db: Db;
  queues: Queues;
  privacy: PrivacySettings;
  billing: BillingSettings;
  ledger?: LedgerSettings;
  /** Defaults to a report service over `db` and `privacy` with the same accountant and gate. */
  reports?: InsightReportService;
  /** Defaults to the accountant over `db` and `privacy`. */
  accountant?: PrivacyAccountant;
  /**
   * Decides delivery and the billed audience. Defaults to the released-audience gate; the attack
   * tests' controls inject the exact gate of old (@dd/privacy/testing), never production code.
   */
  gate?: DeliveryGate;
  now?: () => Date;
  /** Called after each committed step: the worker reports progress from it, tests simulate a crash by throwing. */
  onStep?: (step: FulfilmentStep) => Promise<void> | void;
}

export type FulfilmentOutcome =
  | { status: 'delivered'; requestId: string; saleId: string; billedMembers: number; reportId: string | null }
  | { status: 'failed'; requestId: string; failure: PurchaseFailure }
  | { status: 'rejected' | 'cancelled'; requestId: string };

type Frozen = { status: 'frozen'; memberIds: string[]; reportId: string | null } | { status: 'refused'; failure: PurchaseFailure };

// The invoice line is stored once and read by a Dutch tax office as well as an English-reading buyer.
const PRODUCT_LABEL = { insight_report: 'Inzichtrapport / insight report', offer_campaign: 'Aanbiedingscampagne / offer campaign' } as const;

function storedOutcome(row: LockedRequest): FulfilmentOutcome | undefined {
  const requestId = row.id;
  if (row.status === 'delivered') return { status: 'delivered', requestId, saleId: row.sale_id!, billedMembers: row.billed_members!, reportId: row.report_id };
  if (row.status === 'failed') {
    return { status: 'failed', requestId, failure: { code: row.failure_code as PurchaseFailure['code'], params: row.failure_params ?? {} } };
  }
  if (row.status === 'rejected' || row.status === 'cancelled') return { status: row.status, requestId };
  return undefined;
}

/** The data categories the purchase used: the criteria's and, for a report, those its breakdowns read. */
function categoriesUsed(request: LockedRequest): string[] {
  const fromBreakdowns = request.product === 'insight_report' ? request.breakdowns.flatMap((code) => breakdownFor(code)?.category ?? []) : [];
  return [...new Set([...request.categories, ...fromBreakdowns])].sort();
}

/**
 * Fulfils an approved purchase request, end to end and idempotently (the `marketplace.fulfil` job).
 * Each step commits on its own and is keyed to the request, so a crash and retry at any point, or
 * two runs at once, end in the same single outcome:
 * 1. lock the request: a finished one returns its stored outcome; approved becomes fulfilling;
 * 2. freeze the member set at this moment (consent, industry, adults, privacy budgets, threshold,
 *    differencing): the report (jobKey `purchase:<id>`) or the offer deliveries;
 * 3. a refusal fails the request and releases the reservation, in one transaction;
 * 4. charge: release + sale + invoice (net + VAT) in one transaction, distribution queued;
 * 5. + 6. receipts for every member and the request delivered, in one transaction.
 */
export async function fulfilPurchase(deps: FulfilmentDeps, requestId: string): Promise<FulfilmentOutcome> {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  const step = async (name: FulfilmentStep) => deps.onStep?.(name);

  const begun = await db.transaction().execute(async (trx) => {
    const row = await fulfilmentRepository.lockRequest(trx, requestId);
    if (!row) throw new DomainError('VALIDATION_FAILED', `Purchase request ${requestId} does not exist; there is nothing to fulfil.`, { field: 'requestId' });
    const stored = storedOutcome(row);
    if (stored) return { stored, request: undefined };
    // Approval commits before its job is queued, so this only happens to a job queued by hand: retry later.
    if (row.status === 'pending_review') throw new DomainError('CONFLICT', `Purchase request ${requestId} is not approved yet.`);
    if (row.status === 'approved') await fulfilmentRepository.setStatus(trx, requestId, 'fulfilling');
    return { stored: undefined, request: { ...row, status: 'fulfilling' as const } };
  });
  if (!begun.request) return begun.stored!;
  const request = begun.request;
  await step('started');

  // Approved while verified is not enough: a verification withdrawn (or details changed) since stops
  // the sale before anything about members is released, and the reservation goes back.
  if (request.organisation_status !== 'verified') return fail(db, request, { code: 'organisationNotVerified', params: {} });

  const accountant = deps.accountant ?? createPrivacyAccountant({ db, settings: deps.privacy, now });
  const gate = deps.gate ?? createReleasedAudienceGate({ accountant, settings: deps.privacy });
  const frozen = await freeze({ ...deps, accountant, gate }, request, now);
  if (frozen.status === 'refused') return fail(db, request, frozen.failure);
  await step('frozen');
  // A request the sweep ended while this run was away (past PURCHASE_TIME_LIMIT_MINUTES) is not charged.
  const current = await db.transaction().execute((trx) => fulfilmentRepository.lockRequest(trx, requestId));
  if (current && current.status !== 'fulfilling') return storedOutcome(current)!;

  const charged = await charge({ ...deps, gate }, request, frozen.memberIds);
  await step('charged');

  const deliveredAt = now();
  const notified = await db.transaction().execute(async (trx) => {
    const row = await fulfilmentRepository.lockRequest(trx, requestId);
    if (row?.status !== 'fulfilling') return null;
    await writeReceipts(trx, {
      saleId: charged.saleId,
      amountCents: charged.amountCents,
      memberShareBp: charged.memberShareBp,
      memberIds: charged.memberIds,
      reference: `purchase:${requestId}`,
      occurredAt: deliveredAt,
      advertiserName: request.organisation_name,
      product: request.product,
      purpose: request.purpose,
      purposeStatement: request.purpose_statement,
      categories: categoriesUsed(request),
    });
    await fulfilmentRepository.markDelivered(trx, requestId, { billedMembers: charged.billedMembers, saleId: charged.saleId, reportId: frozen.reportId, deliveredAt });
    await auditRepository.append(trx, {
      actorUserId: null,
      actorRole: 'system',
      action: 'purchase.delivered',
      subjectType: 'purchase_request',
      subjectId: requestId,
      details: { saleId: charged.saleId, invoiceId: charged.invoiceId, billedMembers: charged.billedMembers, reportId: frozen.reportId },
    });
    return notifyDelivered(trx, request, charged.memberIds);
  });
  if (notified) await dispatchNotified(deps.queues, notified);
  await step('delivered');
  // Read back rather than assembled: a concurrent run may have finished first, and its outcome is the one.
  const final = await db.transaction().execute((trx) => fulfilmentRepository.lockRequest(trx, requestId));
  return storedOutcome(final!)!;
}

async function freeze(deps: FulfilmentDeps & { accountant: PrivacyAccountant; gate: DeliveryGate }, request: LockedRequest, now: () => Date): Promise<Frozen> {
  const k = deps.privacy.minimumAudience;
  try {
    if (request.product === 'offer_campaign') {
      const offer = await freezeOfferDelivery({ db: deps.db, settings: deps.privacy, now, gate: deps.gate, accountant: deps.accountant }, {
        id: request.id, organisationId: request.organisation_id, kvkNumber: request.organisation_kvk, industry: request.organisation_industry,
        title: request.title, segment: request.segment, categories: request.categories, endsOn: request.offer_ends_on ?? dutchDate(now()),
      });
      return offer.status === 'refused' ? offer : { status: 'frozen', memberIds: offer.customerIds, reportId: null };
    }
    const reports = deps.reports ?? createInsightReportService({ db: deps.db, settings: deps.privacy, now, accountant: deps.accountant, gate: deps.gate });
    const jobKey = `purchase:${request.id}`;
    const report = await reports.produce({
      jobKey,
      organisation: { id: request.organisation_id, industry: request.organisation_industry, kvkNumber: request.organisation_kvk },
      title: request.title,
      segment: request.segment,
      breakdowns: request.breakdowns,
    });
    if (report.status === 'refused') return { status: 'refused', failure: failureOfReportRefusal(report.code, k) };
    return { status: 'frozen', memberIds: (await deps.gate.delivered(deps.db, jobKey))?.members ?? [], reportId: report.reportId };
  } catch (error) {
    // A request that can never be fulfilled (its segment or breakdowns no longer valid) must not keep the money reserved.
    if (isDomainError(error) && error.code === 'VALIDATION_FAILED') return { status: 'refused', failure: { code: 'requestInvalid', params: {} } };
    throw error;
  }
}

async function fail(db: Db, request: LockedRequest, failure: PurchaseFailure): Promise<FulfilmentOutcome> {
  return db.transaction().execute(async (trx) => {
    const row = await fulfilmentRepository.lockRequest(trx, request.id);
    if (row && row.status !== 'fulfilling') return storedOutcome(row)!;
    await fulfilmentRepository.markFailed(trx, request.id, failure);
    const released = await release(trx, request);
    await auditRepository.append(trx, {
      actorUserId: null,
      actorRole: 'system',
      action: 'purchase.failed',
      subjectType: 'purchase_request',
      subjectId: request.id,
      details: { failure, releaseTransactionId: released?.transactionId ?? null },
    });
    return { status: 'failed' as const, requestId: request.id, failure };
  });
}

async function charge(deps: FulfilmentDeps & { gate: DeliveryGate }, request: LockedRequest, frozenMembers: string[]) {
  const { db } = deps;
  const key = `purchase:${request.id}`;
  const price = request.price_per_member_cents;
  // After a crash past the sale, the recorded sale is the truth: members who left since stay in it.
  const earlier = await fulfilmentRepository.saleByKey(db, key);
  const memberIds = earlier?.memberIds ?? frozenMembers;
  let billed: number;
  if (earlier) billed = earlier.amount_cents / price;
  else {
    const delivery = await deps.gate.delivered(db, key);
    if (!delivery) throw new Error(`Purchase ${request.id} has no released audience to bill; the freeze step must run first.`);
    billed = billedQuantity(delivery.audience, request.max_members);
  }
  const amountCents = billed * price;
  const reservation = await releaseTransaction(db, request);
  const purchase = await recordPurchase(
    { db, queues: deps.queues },
    {
      idempotencyKey: key,
      organisationId: request.organisation_id,
      amountCents,
      memberIds,
      // The released audience (capped), never the exact number delivered: the invoice is the advertiser's to read.
      quantity: billed,
      // Not "members reached": the count is noised for privacy, so it may differ from the members paid.
      description: `${PRODUCT_LABEL[request.product]} "${request.title}" (gefactureerd publiek, privacybeschermd aantal / billed audience, privacy-protected count)`,
      ...(reservation ? { release: reservation } : {}),
    },
    deps.billing,
    deps.ledger ?? DEFAULT_LEDGER_SETTINGS,
  );
  const sale = earlier ?? (await fulfilmentRepository.saleByKey(db, key))!;
  return { saleId: purchase.saleId, invoiceId: purchase.invoice.invoiceId, billedMembers: billed, amountCents, memberShareBp: sale.member_share_bp, memberIds: sale.memberIds };
}
