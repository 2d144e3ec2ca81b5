import { CATEGORISATION_RULES, loadRules, createCategoriser, referenceDataFingerprint, type CategorisationRule } from '@dd/categories';
import type { Db } from '@dd/db';
import { enqueue, type Queues } from '@dd/queue';
import { recategorisationRepository } from './recategorisation.repository';
import { transactionRepository, type RecategorisationChange } from './transaction.repository';

/** 1,000 rows of 7 bound values stay far below PostgreSQL's parameter limit and keep each transaction short. */
export const RECATEGORISATION_BATCH = 1_000;

/** The BullMQ job id of a run: starting the worker twice queues it once. */
export const recategorisationJobId = (runId: number) => `recategorise-${runId}`;

/**
 * The features recompute a run queues for a customer. Its own id, not the import's `features-<customer>`:
 * that one may be running right now on the old categories, and an add with its id would be dropped.
 */
export const recategorisedFeaturesJobId = (runId: number, customerId: string) => `features-${customerId}-rules-${runId}`;

type Deps = { db: Db; queues: Queues };

/**
 * At the worker's start: when the reference data (the rules among it) differs from what the last run
 * brought the transactions to, open a run for it and queue its job; an unfinished run for the same
 * rules is queued again (its job may have been lost with Redis). Returns the run queued, if any.
 */
export async function queueRecategorisationIfRulesChanged(deps: Deps, fingerprint: string = referenceDataFingerprint()): Promise<number | null> {
  const { db, queues } = deps;
  const latest = await recategorisationRepository.latest(db);
  if (latest?.fingerprint === fingerprint && latest.finished_at !== null) return null;
  const runId =
    latest?.fingerprint === fingerprint
      ? Number(latest.id)
      : await db.transaction().execute(async (trx) => {
          await recategorisationRepository.closeOpenExcept(trx, fingerprint);
          return recategorisationRepository.open(trx, fingerprint);
        });
  await enqueue(queues, 'transactions.recategorise', { runId }, { jobId: recategorisationJobId(runId) });
  return runId;
}

export interface RecategorisationResult {
  status: 'finished' | 'already-finished' | 'superseded' | 'missing';
  /** Transactions whose category, rule or flags this call changed. */
  changed: number;
  /** Customers whose features recompute this call queued. */
  featuresQueued: number;
}

export interface RecategorisationOptions {
  batchSize?: number;
  /** The reference data this worker's code carries; a run for other rules is not this worker's to do. */
  fingerprint?: string;
  /** After each batch has been committed, before its customers are queued: progress, and the tests' crash point. */
  afterBatch?: (afterTransactionId: number) => Promise<void>;
}

/** Only what categorising reads: a note is documentation, and an operator's note edit changes no category. */
const ruleSetKey = (rules: readonly CategorisationRule[]) =>
  JSON.stringify(rules.map(({ id, priority, field, direction, pattern, category }) => [id, priority, field, direction, pattern, category]).sort());

/**
 * The `transactions.recategorise` job: categorises every rule-decided transaction again with the stored
 * rules, in keyset batches over the transaction id. Each batch's update, the customers whose categories
 * changed and the cursor commit together, so a crashed run resumes after the last committed batch and a
 * rerun of a batch changes nothing. Customers are queued for a features recompute after each commit and
 * marked queued, so a crash between the two queues them on the next run; only then is the run finished.
 * Customers' own corrections (`category_source = 'customer'`) are never read, let alone changed.
 */
export async function runRecategorisation(deps: Deps, runId: number, options: RecategorisationOptions = {}): Promise<RecategorisationResult> {
  const { db } = deps;
  const batchSize = options.batchSize ?? RECATEGORISATION_BATCH;
  const run = await recategorisationRepository.find(db, runId);
  if (!run) return { status: 'missing', changed: 0, featuresQueued: 0 };
  if (run.finished_at !== null) return { status: 'already-finished', changed: 0, featuresQueued: 0 };
  if (run.fingerprint !== (options.fingerprint ?? referenceDataFingerprint())) return { status: 'superseded', changed: 0, featuresQueued: 0 };

  const rules = await loadRules(db);
  // A worker can start before the deploy's migration has synced the new rules; categorising with the
  // old ones would record them as current. Failing retries the job until the sync has happened.
  if (ruleSetKey(rules) !== ruleSetKey(CATEGORISATION_RULES)) {
    throw new Error('The stored categorisation rules are not yet those of this release (reference data not synced); retrying later.');
  }
  const categoriser = createCategoriser(rules);

  let featuresQueued = await queueChangedCustomers(deps, runId);
  let changed = 0;
  let after = Number(run.after_transaction_id);
  for (;;) {
    const rows = await transactionRepository.ruleDecidedAfter(db, after, batchSize);
    const last = rows.at(-1);
    if (!last) break;
    const changes: (RecategorisationChange & { customerId: string; affectsFeatures: boolean })[] = [];
    for (const row of rows) {
      // An own transfer without a rule was decided by the statement's own IBANs, which are not stored: no rule can decide it again.
      if (row.rule_id === null && row.category === 'own_transfer') continue;
      const result = categoriser.categorise({
        counterpartyName: row.counterparty_name,
        counterpartyIban: row.counterparty_iban,
        description: row.description,
        bankCode: row.bank_code,
        amountCents: row.amount_cents,
      });
      const affectsFeatures =
        result.category !== row.category || result.special !== row.special || result.protectedLifeEvent !== row.protected_life_event;
      if (!affectsFeatures && result.ruleId === row.rule_id) continue;
      changes.push({
        id: Number(row.id),
        customerId: row.customer_id,
        affectsFeatures,
        was: { category: row.category, ruleId: row.rule_id },
        category: result.category,
        ruleId: result.ruleId,
        special: result.special,
        protectedLifeEvent: result.protectedLifeEvent,
      });
    }
    const lastId = Number(last.id);
    changed += await db.transaction().execute(async (trx) => {
      const updated = new Set(await transactionRepository.applyRecategorisation(trx, changes));
      const customers = new Set(changes.filter((c) => c.affectsFeatures && updated.has(c.id)).map((c) => c.customerId));
      await recategorisationRepository.addCustomers(trx, runId, [...customers]);
      await recategorisationRepository.advance(trx, runId, lastId, updated.size);
      return updated.size;
    });
    after = lastId;
    await options.afterBatch?.(after);
    featuresQueued += await queueChangedCustomers(deps, runId);
    if (rows.length < batchSize) break;
  }
  await recategorisationRepository.finish(db, runId);
  return { status: 'finished', changed, featuresQueued };
}

/** Queues a features recompute for every recorded customer not queued yet, then marks them queued. */
async function queueChangedCustomers(deps: Deps, runId: number): Promise<number> {
  let queued = 0;
  for (;;) {
    const pending = (await recategorisationRepository.unqueuedCustomers(deps.db, runId, 500)).map((row) => row.customer_id);
    if (pending.length === 0) return queued;
    for (const customerId of pending) {
      await enqueue(deps.queues, 'features.recompute', { customerId }, { jobId: recategorisedFeaturesJobId(runId, customerId) });
    }
    await recategorisationRepository.markQueued(deps.db, runId, pending);
    queued += pending.length;
  }
}
