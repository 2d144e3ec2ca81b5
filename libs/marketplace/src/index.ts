// Public surface of the marketplace: purchase requests, moderation, fulfilment and the offers inbox.

// Purchase requests (advertiser) and their reservation.
export { marketplaceErrors, OfferNotApprovableError } from './marketplace.errors';
export type { ScreenedOfferField } from './marketplace.errors';
export { createPurchaseService } from './purchase.service';
export type { PurchaseOwner, PurchaseResultsReader, PurchaseService, PurchaseServiceDeps } from './purchase.service';
export { NO_RESULTS, offerOf, toPurchaseDetail, toPurchaseSummary } from './purchase.dto';
export type { PurchaseResults } from './purchase.dto';
export { purchaseRepository } from './purchase.repository';
export type { PurchaseRow } from './purchase.repository';
export { release, reservationKeys, reserve } from './purchase.reservation';
export { addDays, checkBreakdowns, checkOfferEndDate, checkOfferScreening, maxMembersFor, OFFER_MAX_DAYS, reservationFor } from './purchase.rules';
export type { Reservation } from './purchase.rules';
export { enqueueFulfilment, fulfilmentJobId, requeueApprovedPurchases } from './purchase.jobs';
export { failUnfinishedPurchase, PURCHASE_TIME_LIMIT_MINUTES, sweepStuckPurchases } from './purchase.sweep';
export { budgetProblem, createPurchasePrediction, purchaseCostMicro } from './purchase.prediction';
export type { PurchasePrediction, PurchaseShape } from './purchase.prediction';
export { budgetMeterOf } from './privacy-budget.meter';

// Moderation (admin).
export { createModerationService, MODERATION_QUEUE_LIMIT } from './moderation.service';
export type { ModerationService, ModerationServiceDeps } from './moderation.service';
export { moderationChecks, PURPOSE_MIN_WORDS, statementWords } from './moderation.checks';
export type { CheckFacts } from './moderation.checks';
export { approvalBlockOf, SCREENING_TERMS, SPECIAL_TOPICS, screenOffer, screenText } from './offer-screening';
export { normaliseForScreening, screeningForms } from './offer-screening.normalise';
export type { ScreenableOffer, ScreeningResult, ScreeningTopic } from './offer-screening';

// Fulfilment (worker), the offers inbox (customer) and purchase results (advertiser).
export { fulfilPurchase } from './fulfilment.service';
export type { FulfilmentDeps, FulfilmentOutcome, FulfilmentStep } from './fulfilment.service';
export { billedQuantity, failureOfDeliveryRefusal, failureOfReportRefusal } from './fulfilment.policy';
export { scheduleEpsilonMicro, statisticsSchedule } from './campaign-schedule';
export type { PurchaseFailure } from './fulfilment.policy';
export { createOffersInboxService } from './offers-inbox.service';
export type { OffersInboxService } from './offers-inbox.service';
export { createPurchaseResultsService } from './purchase-results.service';
export { scheduledOfferStats } from './campaign-stats';
export type { OfferStatsInput, OfferStatsPolicy } from './campaign-stats';
export type { PurchaseResultsService } from './purchase-results.service';
export { reportCsv, reportFileName } from './purchase-results.csv';
export { writeReceipts } from './receipts';
export type { ReceiptInput } from './receipts';

// The members' weekly digest of the sales that included them (worker, scheduled).
export { runWeeklySalesDigest } from './sales-digest';
export type { WeeklyDigestResult } from './sales-digest';
