import { referenceDataFingerprint } from '@dd/categories';
import type { Insertable, TransactionsTable } from '@dd/db';
import { describe, expect, it } from 'vitest';
import {
  queueRecategorisationIfRulesChanged, recategorisationJobId, recategorisedFeaturesJobId, runRecategorisation,
} from './recategorisation.service';
import { useImportTestEnv } from './testing/import-test-env';

const t = useImportTestEnv();
const deps = () => t.deps();
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

type Stored = Pick<Insertable<TransactionsTable>, 'counterparty_name' | 'description' | 'amount_cents' | 'category' | 'rule_id'> &
  Partial<Pick<Insertable<TransactionsTable>, 'category_source' | 'counterparty_iban' | 'special' | 'protected_life_event'>>;

/** Writes a row as an import under earlier rules left it (the rows are what the old rules stored). */
async function stored(customerId: string, row: Stored): Promise<number> {
  const { id } = await t.db
    .insertInto('transactions')
    .values({ customer_id: customerId, booked_on: daysAgo(10), dedupe_key: `k-${Math.random()}`, bank_code: null, ...row })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(id);
}

const categoryOf = (id: number) =>
  t.db.selectFrom('transactions').select(['category', 'category_source', 'rule_id', 'special', 'protected_life_event']).where('id', '=', id).executeTakeFirstOrThrow();

const dayCare = { counterparty_name: 'Partou B.V.', description: 'Kinderopvang januari', amount_cents: -120_000, category: 'kids', rule_id: 'kids.childcare' };
const nutrilon = { counterparty_name: 'Albert Heijn 1234', description: 'Nutrilon 2 Standaard 800g', amount_cents: -1_899, category: 'groceries', rule_id: 'groceries.albert-heijn' };

async function expectCurrentRules(dayCareId: number, nutrilonId: number): Promise<void> {
  expect(await categoryOf(dayCareId)).toEqual({ category: 'childcare', category_source: 'rule', rule_id: 'childcare.day-care', special: true, protected_life_event: true });
  expect(await categoryOf(nutrilonId)).toEqual({ category: 'pregnancy_baby', category_source: 'rule', rule_id: 'pregnancy.baby-brands', special: true, protected_life_event: true });
}

const featuresJob = (runId: number, customerId: string) => t.queues.get('features').getJob(recategorisedFeaturesJobId(runId, customerId));
const featuresJobCount = async () => (await t.queues.get('features').getJobs(['waiting', 'delayed', 'active', 'completed'])).length;

describe('categorising stored transactions again after the rules changed', () => {
  let runId: number;
  let eva: string;
  let noor: string;
  let ids: Record<'dayCare' | 'nutrilon' | 'corrected' | 'ownTransfer' | 'current', number>;

  it('turns day care stored as kids and Nutrilon stored as groceries into never-sold categories; corrections and own transfers stay', async () => {
    eva = await t.createCustomer();
    noor = await t.createCustomer();
    const bram = await t.createCustomer();
    ids = {
      dayCare: await stored(eva, dayCare),
      nutrilon: await stored(noor, nutrilon),
      // The customer said day care is "kids" for them: their word stands.
      corrected: await stored(bram, { ...dayCare, rule_id: null, category_source: 'customer' }),
      // Decided by the statement's own IBANs at import; the rules alone would call it savings.
      ownTransfer: await stored(bram, { counterparty_name: 'J. de Vries', description: 'Spaarrekening', counterparty_iban: 'NL91ABNA0417164300', amount_cents: -10_000, category: 'own_transfer', rule_id: null }),
      current: await stored(bram, { counterparty_name: 'Albert Heijn 1234', description: 'Boodschappen', amount_cents: -4_500, category: 'groceries', rule_id: 'groceries.albert-heijn' }),
    };

    // Control: before the job the old categories are still there and still sellable.
    await expect(expectCurrentRules(ids.dayCare, ids.nutrilon)).rejects.toThrow();
    expect(await categoryOf(ids.dayCare)).toMatchObject({ category: 'kids', special: false });

    const queued = await queueRecategorisationIfRulesChanged(deps());
    expect(queued).not.toBeNull();
    runId = queued!;
    expect(await t.queues.get('maintenance').getJob(recategorisationJobId(runId))).toMatchObject({ name: 'transactions.recategorise', data: { runId } });

    const result = await runRecategorisation(deps(), runId, { batchSize: 2 });
    expect(result).toEqual({ status: 'finished', changed: 2, featuresQueued: 2 });
    await expectCurrentRules(ids.dayCare, ids.nutrilon);
    expect(await categoryOf(ids.corrected)).toEqual({ category: 'kids', category_source: 'customer', rule_id: null, special: false, protected_life_event: false });
    expect(await categoryOf(ids.ownTransfer)).toMatchObject({ category: 'own_transfer', rule_id: null });
    expect(await categoryOf(ids.current)).toMatchObject({ category: 'groceries', rule_id: 'groceries.albert-heijn' });

    expect(await featuresJob(runId, eva)).toMatchObject({ name: 'features.recompute', data: { customerId: eva } });
    expect(await featuresJob(runId, noor)).toMatchObject({ name: 'features.recompute', data: { customerId: noor } });
    expect(await featuresJob(runId, bram)).toBeUndefined();
    expect(await t.db.selectFrom('transaction_recategorisations').select(['fingerprint', 'changed']).where('id', '=', runId).executeTakeFirst()).toEqual({
      fingerprint: referenceDataFingerprint(),
      changed: 2,
    });
  });

  it('is idempotent: the job again, a worker start, and even a whole second pass change and queue nothing', async () => {
    const jobsBefore = await featuresJobCount();
    expect(await runRecategorisation(deps(), runId)).toEqual({ status: 'already-finished', changed: 0, featuresQueued: 0 });
    expect(await queueRecategorisationIfRulesChanged(deps())).toBeNull();

    const secondPass = await queueRecategorisationIfRulesChanged(deps(), 'second-pass');
    expect(await runRecategorisation(deps(), secondPass!, { fingerprint: 'second-pass', batchSize: 2 })).toEqual({ status: 'finished', changed: 0, featuresQueued: 0 });
    await expectCurrentRules(ids.dayCare, ids.nutrilon);
    expect(await featuresJobCount()).toBe(jobsBefore);
  });

  it('resumes after a crash from the last committed batch and still queues the customer it had changed', async () => {
    const sem = await t.createCustomer();
    const lot = await t.createCustomer();
    const semDayCare = await stored(sem, dayCare);
    const lotNutrilon = await stored(lot, nutrilon);
    const fingerprint = 'after-a-crash';
    const run = (await queueRecategorisationIfRulesChanged(deps(), fingerprint))!;

    // The worker dies right after the batch holding Sem's row committed, before it queued anything.
    const crash = runRecategorisation(deps(), run, {
      fingerprint,
      batchSize: 1,
      afterBatch: async (after) => {
        if (after >= semDayCare) throw new Error('worker killed');
      },
    });
    await expect(crash).rejects.toThrow('worker killed');
    expect(await categoryOf(semDayCare)).toMatchObject({ category: 'childcare' });
    expect(await categoryOf(lotNutrilon)).toMatchObject({ category: 'groceries' });
    expect(await featuresJob(run, sem)).toBeUndefined();
    const progress = await t.db.selectFrom('transaction_recategorisations').select(['after_transaction_id', 'finished_at']).where('id', '=', run).executeTakeFirstOrThrow();
    expect(progress).toEqual({ after_transaction_id: semDayCare, finished_at: null });

    // The retry starts after Sem's row, queues Sem first, then finishes Lot's.
    const resumed = await runRecategorisation(deps(), run, { fingerprint, batchSize: 1 });
    expect(resumed).toEqual({ status: 'finished', changed: 1, featuresQueued: 2 });
    await expectCurrentRules(semDayCare, lotNutrilon);
    expect(await featuresJob(run, sem)).toMatchObject({ data: { customerId: sem } });
    expect(await featuresJob(run, lot)).toMatchObject({ data: { customerId: lot } });
  });

  it('closes an unfinished run for other rules when newer rules open theirs', async () => {
    const stale = (await queueRecategorisationIfRulesChanged(deps(), 'rules-v1'))!;
    const current = (await queueRecategorisationIfRulesChanged(deps(), 'rules-v2'))!;
    expect(current).not.toBe(stale);
    expect(await runRecategorisation(deps(), stale, { fingerprint: 'rules-v1' })).toMatchObject({ status: 'already-finished' });
    // The same rules again while their run is open: the same run is queued again, not a second one.
    expect(await queueRecategorisationIfRulesChanged(deps(), 'rules-v2')).toBe(current);
    // A worker of another release leaves the run to the workers it belongs to.
    expect(await runRecategorisation(deps(), current)).toMatchObject({ status: 'superseded' });
  });
});
