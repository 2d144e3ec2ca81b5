import { z } from 'zod';
import { defineJob, defineRegistry, type RegistryJobName, type RegistryPayload, type RegistryPayloadInput, type RegistryQueueName } from './job.definition';

/**
 * Every queue and job the platform knows. Queue and job names are a persistent contract: jobs
 * already waiting in Redis (and job schedulers) refer to them by name, so never rename or reuse
 * one; add a new name and retire the old one after its queue has drained. Payload changes must
 * stay readable by the worker for jobs enqueued before the deploy: add optional fields only.
 *
 * A new feature adds one `defineJob` entry here and one handler in apps/worker/src/handlers; the
 * worker refuses to start while any job lacks a handler.
 */
export const JOBS = defineRegistry([
  defineJob({
    queue: 'maintenance',
    name: 'sessions.purge',
    // Deletes sessions that have expired or were revoked.
    payload: z.object({}),
    // Runs hourly; a missed run is made up by the next one, so retrying hard is pointless.
    options: { attempts: 3 },
  }),
  defineJob({
    queue: 'imports',
    name: 'statement.import',
    // Parses a stored upload and imports its transactions in one transaction (all or nothing).
    payload: z.object({ uploadId: z.string().uuid() }),
  }),
  defineJob({
    queue: 'maintenance',
    name: 'transactions.recategorise',
    // Categorises every rule-decided transaction again after the rules changed, in batches that resume
    // after a crash, and queues a features recompute for each customer whose categories changed
    // (libs/data-import, runRecategorisation). Queued at the worker's start as `recategorise-<runId>`.
    payload: z.object({ runId: z.number().int().positive() }),
    // Removed when done, so a worker start that finds its run unfinished (a lost job) can queue it again;
    // a run already finished makes a second job do nothing.
    options: { attempts: 10, removeOnComplete: true },
  }),
  defineJob({
    queue: 'features',
    name: 'features.recompute',
    // Derives a customer's coarse, sellable features after any change to their data.
    payload: z.object({ customerId: z.string().uuid() }),
    // Enqueued as `features-<customerId>`: a burst of changes collapses into one waiting job,
    // and a finished one is removed at once so the next change can queue a fresh run.
    options: { removeOnComplete: true },
  }),
  defineJob({
    queue: 'gdpr',
    name: 'gdpr.export',
    // Builds the ZIP of everything stored about a customer (art. 15 and 20).
    payload: z.object({ exportId: z.string().uuid() }),
  }),
  defineJob({
    queue: 'gdpr',
    name: 'gdpr.erase',
    // Removes every personal record of a customer who asked for erasure (art. 17).
    payload: z.object({ customerId: z.string().uuid() }),
    options: { attempts: 10 },
  }),
  defineJob({
    queue: 'maintenance',
    name: 'exports.purge',
    // Deletes export ZIPs past their retention.
    payload: z.object({}),
    options: { attempts: 3 },
  }),
  defineJob({
    queue: 'maintenance',
    name: 'audience.prune',
    // Deletes change-feed rows older than a day; an audience index that fell further behind rebuilds.
    payload: z.object({}),
    options: { attempts: 3 },
  }),
  defineJob({
    queue: 'ledger',
    name: 'ledger.distribute',
    // Pays one sale out to its members in batches; resumable at any point (libs/ledger, distributeSale).
    payload: z.object({ saleId: z.string().uuid() }),
    // Enqueued as `distribute-<saleId>`; every step is idempotent in the database, so retrying is safe.
    options: { attempts: 10 },
  }),
  defineJob({
    queue: 'payouts',
    name: 'payouts.batch',
    // Writes the SEPA credit-transfer file (pain.001.001.03) of a payout batch (libs/payouts, writeBatchFile).
    payload: z.object({ batchId: z.string().uuid() }),
    // Enqueued as `payout-batch-<batchId>`; the batch's payouts are fixed and the file is a pure
    // function of them, so a retry writes the same bytes and a finished batch is left alone.
    options: { attempts: 10 },
  }),
  defineJob({
    queue: 'payouts',
    name: 'payouts.reconcile',
    // Marks payouts paid (debits) or returned (credits) on imported platform bank statements by EndToEndId, and sweeps money credited to erased members to unclaimed earnings.
    payload: z.object({}),
    // Scheduled; a missed run is made up by the next one.
    options: { attempts: 3 },
  }),
  defineJob({
    queue: 'billing',
    name: 'billing.statement-import',
    // Imports an uploaded CAMT.053 statement of the platform's account and books matched top-ups (libs/billing, runStatementImport).
    payload: z.object({ statementId: z.string().uuid() }),
    // Enqueued as `bank-statement-<statementId>`; one transaction per run and idempotency keys per bank entry, so retrying is safe.
    options: { attempts: 5 },
  }),
  defineJob({
    queue: 'marketplace',
    name: 'marketplace.fulfil',
    // Fulfils an approved purchase request: the insight report or the offers in members' inboxes, then the charge.
    payload: z.object({ requestId: z.string().uuid() }),
    // Enqueued as `fulfil-<requestId>` when an admin approves; every step is keyed to the request, so retrying is safe.
    options: { attempts: 10 },
  }),
  defineJob({
    queue: 'maintenance',
    name: 'imports.sweep',
    // Fails customer uploads still in progress long after they were stored (a worker that died mid-parse,
    // a lost job) and deletes their files, so no upload shows "being read" forever (libs/data-import, sweepStuckUploads).
    payload: z.object({}),
    // Scheduled; a missed run is made up by the next one.
    options: { attempts: 3 },
  }),
  defineJob({
    queue: 'maintenance',
    name: 'billing.statement-sweep',
    // The same for the platform's bank statements (libs/billing, sweepStuckStatements).
    payload: z.object({}),
    options: { attempts: 3 },
  }),
  defineJob({
    queue: 'maintenance',
    name: 'gdpr.sweep',
    // Fails exports still being prepared after their time limit (the customer asks for a new one) and queues again
    // the job of erasures still pending after theirs (libs/gdpr, sweepStuckExports, sweepPendingErasures).
    payload: z.object({}),
    options: { attempts: 3 },
  }),
  defineJob({
    queue: 'maintenance',
    name: 'payouts.batch-sweep',
    // Marks payout batches whose pain.001 file was not written within its time limit as failed, for the admin to
    // generate again (libs/payouts, sweepStuckBatchFiles).
    payload: z.object({}),
    options: { attempts: 3 },
  }),
  defineJob({
    queue: 'maintenance',
    name: 'marketplace.sweep',
    // Fails approved purchases still not delivered long after approval (a lost job, a job failed for good)
    // and gives their reservation back, so no purchase shows "in progress" forever (libs/marketplace, sweepStuckPurchases).
    payload: z.object({}),
    options: { attempts: 3 },
  }),
  defineJob({
    queue: 'marketplace',
    name: 'marketplace.requeue',
    // Queues fulfilment again for requests approved a while ago that never got a job (Redis was down at approval).
    payload: z.object({}),
    // Scheduled; a missed run is made up by the next one.
    options: { attempts: 3 },
  }),
  defineJob({
    queue: 'mail',
    name: 'mail.send',
    // Sends one message of the mail outbox (libs/mail, sendOutboxMessage); a message already sent is left alone.
    payload: z.object({ outboxId: z.string().uuid() }),
    // Enqueued as `mail-<outboxId>` after the transaction that wrote the message; a mail server that is
    // down for a while is waited out with the default exponential backoff.
    options: { attempts: 8 },
  }),
  defineJob({
    queue: 'mail',
    name: 'accounts.password-reset',
    // Mails a password-reset link if the address has an account (libs/accounts, mailPasswordResetLink). The API
    // queues one for every request, known address or not, so its answer and timing tell nothing.
    payload: z.object({ email: z.string().email().max(254) }),
    // The address is personal data: the job is not kept once done.
    options: { attempts: 3, removeOnComplete: true, removeOnFail: true },
  }),
  defineJob({
    queue: 'maintenance',
    name: 'mail.sweep',
    // Queues the send job of outbox messages still pending a while after they were written (Redis was down then).
    payload: z.object({}),
    // Scheduled; a missed run is made up by the next one.
    options: { attempts: 3 },
  }),
  defineJob({
    queue: 'notifications',
    name: 'notifications.weekly-digest',
    // Tells each member about last ISO week's sales that included them, once per member and week
    // (libs/marketplace, runWeeklySalesDigest): the notification key makes a rerun tell nobody twice.
    payload: z.object({}),
    // Scheduled weekly; a run that failed for good is made up by running it again the same week.
    options: { attempts: 5 },
  }),
]);

export type Jobs = typeof JOBS;
export type JobName = RegistryJobName<Jobs>;
export type QueueName = RegistryQueueName<Jobs>;
export type JobPayload<N extends JobName> = RegistryPayload<Jobs, N>;
export type JobPayloadInput<N extends JobName> = RegistryPayloadInput<Jobs, N>;
