import type { Db } from '@dd/db';
import { auditRepository } from '@dd/accounts';
import { DomainError } from '@dd/errors';
import { forgetMailTo } from '@dd/mail';
import { dispatchNotified, mailErasureDone, notificationsForExport, notify, type Notified } from '@dd/notifications';
import { settleEarningsOnErasure } from '@dd/payouts';
import { enqueue, type Queues } from '@dd/queue';
import { buildExportZip } from './export.builder';
import { exportReadme } from './export.readme';
import { EXPORT_FAILURE_REASONS, type ExportFailureReason } from './gdpr.limits';
import { gdprRepository } from './gdpr.repository';
import { erasureJobId } from './gdpr.sweep';

export const EXPORT_RETENTION_DAYS = 7;
const DAY_MS = 86_400_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type ExportRow = NonNullable<Awaited<ReturnType<typeof gdprRepository.findExport>>>;

function exportDto(row: ExportRow, now: Date) {
  const downloadable = row.status === 'ready' && !!row.expires_at && row.expires_at > now;
  return {
    id: row.id,
    status: row.status,
    requestedAt: row.requested_at.toISOString(),
    readyAt: row.ready_at ? row.ready_at.toISOString() : null,
    expiresAt: row.expires_at ? row.expires_at.toISOString() : null,
    byteSize: row.byte_size,
    downloadUrl: downloadable ? `/api/exports/${row.id}/download` : null,
    failureReason: row.status === 'failed' ? failureReasonOf(row.error) : null,
  };
}

/** Older failures stored no reason code; they read as a failed job, which asks for the same thing (a new export). */
function failureReasonOf(error: string | null): ExportFailureReason {
  return (EXPORT_FAILURE_REASONS as readonly (string | null)[]).includes(error) ? (error as ExportFailureReason) : 'exportFailed';
}

/** Transparency and GDPR rights: timeline (art. 15), export (art. 15/20), erasure (art. 17). */
export function createGdprService(deps: { db: Db; queues: Queues; now?: () => Date }) {
  const { db, queues } = deps;
  const now = deps.now ?? (() => new Date());

  return {
    async timeline(customerId: string) {
      const rows = await gdprRepository.receipts(db, customerId);
      return rows.map((r) => ({
        id: r.id,
        occurredAt: r.occurred_at.toISOString(),
        advertiserName: r.advertiser_name,
        product: r.product as 'insight_report' | 'offer_campaign',
        purpose: r.purpose as 'insights' | 'offers',
        purposeStatement: r.purpose_statement,
        categories: r.categories,
        audienceSize: r.audience_size,
        shareCents: r.share_cents,
      }));
    },

    /** One export at a time: asking again while one is being built returns that one. */
    async requestExport(customerId: string) {
      const active = await gdprRepository.activeExport(db, customerId);
      const exportId = active?.id ?? (await gdprRepository.insertExport(db, customerId));
      await enqueue(queues, 'gdpr.export', { exportId }, { jobId: `export-${exportId}` });
      return exportDto((await gdprRepository.findExport(db, exportId))!, now());
    },

    async exports(customerId: string) {
      const at = now();
      return (await gdprRepository.exports(db, customerId)).map((row) => exportDto(row, at));
    },

    /** The ZIP, for its owner only, while it is within its retention. */
    async download(customerId: string, exportId: string): Promise<{ bytes: Buffer; fileName: string }> {
      // The id comes from a URL: anything that is not a uuid would reach PostgreSQL as a type error.
      if (!UUID.test(exportId)) throw new DomainError('NOT_FOUND', 'This export does not exist.');
      const row = await gdprRepository.findExport(db, exportId);
      if (!row || row.customer_id !== customerId) throw new DomainError('NOT_FOUND', 'This export does not exist.');
      if (row.status !== 'ready' || !row.expires_at || row.expires_at <= now()) {
        throw new DomainError('NOT_FOUND', 'This export is not available (any more). Request a new one.');
      }
      const bytes = await gdprRepository.exportFile(db, exportId);
      if (!bytes) throw new DomainError('NOT_FOUND', 'This export is not available (any more). Request a new one.');
      return { bytes, fileName: `datadividend-export-${row.requested_at.toISOString().slice(0, 10)}.zip` };
    },

    /**
     * Erasure starts now: the account stops working at once (sessions revoked), and a job removes
     * every personal record. The email must be typed to confirm.
     */
    async requestErasure(customerId: string, confirmEmail: string) {
      const account = await gdprRepository.account(db, customerId);
      if (!account) throw new DomainError('NOT_FOUND', 'This account does not exist.');
      if (account.email !== confirmEmail) {
        throw new DomainError('VALIDATION_FAILED', 'The email address does not match this account. Type it exactly to confirm.', {
          field: 'confirmEmail',
          messageKey: 'validation.emailMismatch',
        });
      }
      const at = now();
      await db.transaction().execute(async (trx) => {
        await gdprRepository.markErasureRequested(trx, customerId, at);
        await gdprRepository.revokeSessions(trx, customerId, at);
        await auditRepository.append(trx, {
          actorUserId: customerId,
          actorRole: 'customer',
          action: 'customer.erasure_requested',
          subjectType: 'user',
          subjectId: customerId,
        });
      });
      await enqueue(queues, 'gdpr.erase', { customerId }, { jobId: erasureJobId(customerId) });
      return { ok: true as const };
    },
  };
}

export type GdprService = ReturnType<typeof createGdprService>;

/**
 * The export job: gathers every personal record into a ZIP kept for seven days. Idempotent. A failed export
 * (by the sweep or a final job failure) is final: the customer was told to ask again, so a late run stores nothing.
 */
export async function runExport(db: Db, exportId: string, at: Date = new Date(), queues?: Queues): Promise<'ready' | 'already-ready' | 'failed' | 'missing'> {
  const row = await gdprRepository.findExport(db, exportId);
  if (!row) return 'missing';
  if (row.status === 'ready') return 'already-ready';
  if (!(await gdprRepository.markBuilding(db, exportId))) return 'failed';
  const customerId = row.customer_id;
  const [account, profile, features, transactions, uploads, consent, industries, receipts, offers, payouts, privacySpend, privacyCharges, sessions, devices, failures] =
    await Promise.all([
      gdprRepository.account(db, customerId),
      gdprRepository.profile(db, customerId),
      gdprRepository.features(db, customerId),
      gdprRepository.transactions(db, customerId),
      gdprRepository.uploads(db, customerId),
      gdprRepository.consentDecisions(db, customerId),
      gdprRepository.industryExclusions(db, customerId),
      gdprRepository.receipts(db, customerId),
      gdprRepository.offers(db, customerId),
      gdprRepository.payoutRequests(db, customerId),
      gdprRepository.privacySpend(db, customerId),
      gdprRepository.privacyCharges(db, customerId),
      gdprRepository.sessions(db, customerId),
      gdprRepository.knownDevices(db, customerId),
      gdprRepository.signInFailures(db, customerId),
    ]);
  const told = await notificationsForExport(db, customerId);
  if (!account) return 'missing';
  // File names match EXPORTED_TABLES (export.coverage.ts), which a test holds against the schema.
  const zip = buildExportZip(
    [
      { name: 'account', rows: { email: account.email, displayName: account.display_name, locale: account.locale, createdAt: account.created_at } },
      { name: 'profile', rows: profile ?? null },
      { name: 'features', rows: features ?? null },
      { name: 'transactions', rows: transactions },
      { name: 'uploads', rows: uploads },
      { name: 'consent-history', rows: consent },
      { name: 'industry-exclusions', rows: industries },
      { name: 'timeline', rows: receipts },
      { name: 'earnings', rows: receipts.map((r) => ({ occurred_at: r.occurred_at, advertiser: r.advertiser_name, product: r.product, share_cents: r.share_cents })) },
      { name: 'offers', rows: offers },
      { name: 'payout-requests', rows: payouts },
      { name: 'privacy-budget', rows: privacySpend },
      { name: 'privacy-charges', rows: privacyCharges },
      { name: 'sessions', rows: sessions },
      { name: 'known-devices', rows: devices },
      { name: 'sign-in-failures', rows: failures },
      { name: 'notifications', rows: told.notifications },
      { name: 'notification-settings', rows: told.preferences },
    ],
    exportReadme(account.locale),
    at,
  );
  const outcome = await db.transaction().execute(async (trx) => {
    const status = await gdprRepository.lockStatus(trx, exportId);
    if (status === 'ready') return { status: 'already-ready' as const };
    if (status !== 'building') return { status: 'failed' as const };
    await gdprRepository.saveExportFile(trx, exportId, zip);
    const expiresAt = new Date(at.getTime() + EXPORT_RETENTION_DAYS * DAY_MS);
    await gdprRepository.markExport(trx, exportId, { status: 'ready', ready_at: at, expires_at: expiresAt, byte_size: zip.length });
    const notified = await notify(trx, { userId: customerId, kind: 'gdpr.exportReady', key: `export:${exportId}:ready`, params: { expiresOn: expiresAt.toISOString().slice(0, 10) } });
    return { status: 'ready' as const, notified };
  });
  if (queues && outcome.status === 'ready') await dispatchNotified(queues, outcome.notified);
  return outcome.status;
}

/**
 * The erasure job: deletes the customer and, by cascade, every personal record (profile,
 * transactions, uploads, features, consent history, receipts, exports, sessions), in one
 * transaction, then writes a pseudonymous audit entry. Running it again finds nothing to delete.
 *
 * Money in the same transaction (docs/ARCHITECTURE.md, Erasure): open payout requests keep their
 * IBAN and are paid as usual; every other cent of the member's earnings moves to the platform's
 * unclaimed_earnings account (ledger key `erasure:<customerId>:unclaimed`), never silently dropped.
 */
export async function runErasure(db: Db, customerId: string, queues?: Queues): Promise<'erased' | 'already-erased'> {
  const outcome = await db.transaction().execute(async (trx) => {
    const erased = await gdprRepository.deleteCustomer(trx, customerId);
    if (erased === undefined) return { status: 'already-erased' as const };
    await forgetMailTo(trx, erased.email);
    // After the account's mail was forgotten: the confirmation is the one message that leaves with
    // the address, and libs/mail deletes its row (address included) once it was sent.
    const notified: Notified = await mailErasureDone(trx, { customerId, email: erased.email, locale: erased.locale, displayName: erased.display_name });
    const earnings = await settleEarningsOnErasure(trx, customerId);
    await auditRepository.append(trx, {
      actorUserId: null,
      actorRole: 'system',
      action: 'customer.erased',
      subjectType: 'user',
      subjectId: customerId,
      ...(earnings.movedCents > 0 || earnings.keptForPayoutCents > 0
        ? { details: { unclaimedCents: earnings.movedCents, keptForPayoutCents: earnings.keptForPayoutCents } }
        : {}),
    });
    return { status: 'erased' as const, notified };
  });
  if (queues && outcome.status === 'erased') await dispatchNotified(queues, outcome.notified);
  return outcome.status;
}

export async function purgeExpiredExports(db: Db, at: Date = new Date()): Promise<number> {
  const result = await gdprRepository.deleteExpiredExportFiles(db, at);
  return Number(result.numDeletedRows);
}
