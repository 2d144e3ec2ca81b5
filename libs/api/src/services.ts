import { randomBytes } from 'node:crypto';
import {
  createAccountsService,
  createAuditSearchService,
  createAuthService,
  createJobsAdminService,
  createOrganisationService,
  createOrganisationVerificationService,
  createOverviewService,
  createSessionService,
  createSignInService,
  createSignInThrottle,
  createEmailVerificationService,
  createPasswordChangeService,
  createPasswordResetService,
  createOwnSessionsService,
  createEmailChangeService,
  type SessionIdleTimeouts,
  createSecretBox,
  createTwoFactorService,
} from '@dd/accounts';
import { createMailOutbox } from '@dd/mail';
import { createNotificationService } from '@dd/notifications';
import { createBankStatementService, createBillingService, DEFAULT_BILLING_SETTINGS, type BillingSettings } from '@dd/billing';
import { createConsentService } from '@dd/consent';
import { createImportService, createTransactionsService } from '@dd/data-import';
import type { Db } from '@dd/db';
import { createGdprProgressService, createGdprService } from '@dd/gdpr';
import { createPayoutService, DEFAULT_PAYOUT_SETTINGS, type PayoutSettings } from '@dd/payouts';
import { createProfileService } from '@dd/profile';
import { createAudienceEngine, createEstimateService, type AudienceLogger } from '@dd/audience';
import { createPrivacyAccountant, DEFAULT_PRIVACY_SETTINGS, type PrivacySettings } from '@dd/privacy';
import { createRedisAttemptBackoff, createRedisRateLimiter, type Queues } from '@dd/queue';
import { createModerationService, createOffersInboxService, createPurchaseResultsService, createPurchaseService } from '@dd/marketplace';
import { createInsightReportService } from '@dd/reports';
import type { OperatorDetails } from '@dd/contract';
import { DEFAULT_OPERATOR_DETAILS } from './operator-details';
import { DEFAULT_PRODUCT_PRICES, createSavedSegmentsService, productPriceList, type ProductPriceSettings } from '@dd/segments';

export interface ServiceSettings {
  sessionTtlHours: number;
  /** Minutes a session may go unused, by kind of account; default: DEFAULT_SESSION_IDLE_MINUTES (7 days, admins 12 hours). */
  sessionIdleMinutes?: SessionIdleTimeouts;
  privacy?: PrivacySettings;
  /** Payout limits and the debtor account of payout files; default: DEFAULT_PAYOUT_SETTINGS. */
  payouts?: PayoutSettings;
  /** Platform account, seller details and VAT; default: the example values of DEFAULT_BILLING_SETTINGS. */
  billing?: BillingSettings;
  /** Price per member of each product; default: DEFAULT_PRODUCT_PRICES. */
  prices?: ProductPriceSettings;
  /** Who runs the platform, for the legal pages; default: the example details of an empty environment. */
  operator?: OperatorDetails;
  /** The clock of sign-in throttling; tests fix it so waits come out exact. Default: the real time. */
  now?: () => Date;
  /**
   * The AES-256 key admins' TOTP secrets are encrypted with (TOTP_ENCRYPTION_KEY, or the generated
   * development key). Default: one random key per process, for tests, whose databases do not outlive it.
   */
  twoFactorKey?: Buffer;
  /** Where the audience index is saved between restarts (AUDIENCE_SNAPSHOT_DIR); unset: a full build at every start. */
  audienceSnapshotDir?: string;
  /** Told how the audience index started (its snapshot or a full build, and why) and about failed saves. */
  audienceLogger?: AudienceLogger;
}

let processTwoFactorKey: Buffer | undefined;

/** Composition root of the domain services the procedures call. */
export function createAppServices(db: Db, queues: Queues, settings: ServiceSettings) {
  // Mail is written to the outbox in the transaction of the change it tells about; the worker sends it.
  const mail = createMailOutbox({ db, queues });
  const emailVerification = createEmailVerificationService({ db, mail });
  const accounts = createAccountsService({ db, verification: emailVerification });
  const sessions = createSessionService({ db, ttlHours: settings.sessionTtlHours, ...(settings.sessionIdleMinutes ? { idleMinutes: settings.sessionIdleMinutes } : {}) });
  const operator = settings.operator ?? DEFAULT_OPERATOR_DETAILS;
  // One Redis limiter for every limit (estimates, sign-in, the RATE_LIMITS of procedures), shared by all API processes.
  const rateLimiter = createRedisRateLimiter(queues.connection, queues.prefix);
  const signInThrottle = createSignInThrottle({ backoff: createRedisAttemptBackoff(queues.connection, queues.prefix), limiter: rateLimiter });
  const signIn = createSignInService({ db, throttle: signInThrottle, ...(settings.now ? { now: settings.now } : {}) });
  const twoFactor = createTwoFactorService({
    db,
    limiter: rateLimiter,
    box: createSecretBox(settings.twoFactorKey ?? (processTwoFactorKey ??= randomBytes(32))),
    ...(settings.now ? { now: settings.now } : {}),
  });
  const privacy = settings.privacy ?? DEFAULT_PRIVACY_SETTINGS;
  const billing = settings.billing ?? DEFAULT_BILLING_SETTINGS;
  // Built on first use (or at start-up by the API process) and kept fresh from the change feed.
  const audience = createAudienceEngine({
    db,
    ...(settings.audienceSnapshotDir ? { snapshot: { dir: settings.audienceSnapshotDir } } : {}),
    ...(settings.audienceLogger ? { logger: settings.audienceLogger } : {}),
  });
  // The privacy accountant: every value about members an advertiser receives is one of its releases.
  const accountant = createPrivacyAccountant({ db, settings: privacy });
  const estimates = createEstimateService({ db, engine: audience, limiter: rateLimiter, settings: privacy, accountant });
  const purchaseResults = createPurchaseResultsService({ db, settings: privacy, accountant });
  return {
    audience,
    accountant,
    accounts,
    sessions,
    rateLimiter,
    auth: createAuthService({ accounts, signIn, sessions, twoFactor }),
    twoFactor,
    emailVerification,
    passwordReset: createPasswordResetService({ db, mail, queues, sessions }),
    passwordChange: createPasswordChangeService({ db, mail, sessions }),
    ownSessions: createOwnSessionsService({ db, sessions }),
    emailChange: createEmailChangeService({ db, mail, sessions, supportEmail: operator.supportEmail }),
    overview: createOverviewService({ db }),
    imports: createImportService({ db, queues }),
    transactions: createTransactionsService({ db, queues }),
    profile: createProfileService({ db, queues }),
    consent: createConsentService({ db }),
    gdpr: createGdprService({ db, queues }),
    // Advertiser registration and the admin's operations (verification, audit log, jobs, GDPR requests).
    organisation: createOrganisationService({ db }),
    organisationVerification: createOrganisationVerificationService({ db, queues }),
    auditSearch: createAuditSearchService({ db }),
    jobsAdmin: createJobsAdminService({ db, queues }),
    gdprProgress: createGdprProgressService({ db }),
    estimates,
    reports: createInsightReportService({ db, settings: privacy, accountant }),
    payouts: createPayoutService({ db, queues, settings: settings.payouts ?? DEFAULT_PAYOUT_SETTINGS }),
    billing: createBillingService({ db, settings: billing }),
    bankStatements: createBankStatementService({ db, queues, settings: billing }),
    savedSegments: createSavedSegmentsService({ db }),
    // The marketplace: advertisers' purchase requests (reserving their cost) and the admin's moderation.
    purchases: createPurchaseService({ db, queues, estimates, prices: settings.prices ?? DEFAULT_PRODUCT_PRICES, vatRateBp: billing.vatRateBp, privacy, accountant, results: purchaseResults.reader }),
    moderation: createModerationService({ db, queues, settings: privacy, accountant }),
    // What fulfilment produced: the advertiser's results (noised) and the customers' offers inbox.
    purchaseResults,
    offersInbox: createOffersInboxService({ db }),
    // Every role's in-portal notifications and mail settings.
    notifications: createNotificationService({ db }),
    prices: productPriceList(settings.prices ?? DEFAULT_PRODUCT_PRICES),
    operator,
  };
}

export type AppServices = ReturnType<typeof createAppServices>;
