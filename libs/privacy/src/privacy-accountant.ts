import type { Database, Db, DbTransaction, PrivacyReleaseKind } from '@dd/db';
import { noisyCount } from './discrete-laplace';
import { budgetOwnerOf, poolOf, type LegalEntity } from './legal-entity';
import { deriveNoiseKey } from './noise-key';
import { loadNoiseSecret, readNoiseSecret } from './noise-secret';
import { budgetPeriod, formatEpsilonMicro, microToRational, nextBudgetPeriodStart, type PrivacySettings } from './privacy.settings';
import { privacyLedgerRepository as ledger } from './privacy-ledger.repository';
import { keyedRandomSource, type RandomSource } from './random-source';

/** One value released about members, as the ledger holds it. */
export interface Release<V> {
  id: number;
  value: V;
  epsilonMicro: number;
  period: string;
  createdAt: Date;
  /** False when the key had been released before: the stored value, nothing charged. */
  fresh: boolean;
}

/** Why nothing was released: the pool's monthly budget, or the rolling cap on new releases. */
export type ReleaseRefusal = 'budget' | 'cap';

export type ReleaseOutcome<V> = { status: 'released'; release: Release<V> } | { status: 'refused'; reason: ReleaseRefusal };

export interface ReleaseInput<V> {
  entity: LegalEntity;
  kind: PrivacyReleaseKind;
  /** The question's identity, never derived from the data: the same key always returns the same value. */
  key: string;
  epsilonMicro: number;
  /** The month charged; defaults to the current one. */
  period?: string;
  /** What a member reads on their privacy page about a purchase; null for estimates. */
  label?: string | null;
  /** What must still fit in the pool (at least `epsilonMicro`): a purchase checks its whole cost at its first release. */
  requireMicro?: number;
  /** Paid in advance by this release (a campaign's schedule): stated, recorded, not charged again. */
  prepaidBy?: number;
  /** At most `limit` new releases of this kind per legal entity in any `windowMs` (rolling). */
  cap?: { limit: number; windowMs: number };
  /** Computes the value from the release's own noise stream; runs only for a new key, after the budget said yes. */
  produce: (source: RandomSource) => V | Promise<V>;
}

/** A noisy count: the count plus discrete Laplace noise at the release's epsilon (sensitivity 1). */
export const noisyCountOf = (count: number, epsilonMicro: number) => (source: RandomSource) => noisyCount(count, microToRational(epsilonMicro), source);

/** A legal entity's two monthly pools: what each may spend and has spent (millionths), and when both start again. */
export interface EntityBudget {
  period: string;
  resetsAt: Date;
  purchases: { budgetMicro: number; spentMicro: number };
  estimates: { budgetMicro: number; spentMicro: number };
}

type ReleaseRow = NonNullable<Awaited<ReturnType<typeof ledger.find>>>;

function toRelease<V>(row: ReleaseRow, fresh: boolean): Release<V> {
  return { id: row.id, value: row.value as V, epsilonMicro: Number(row.epsilon_micro), period: row.period, createdAt: row.created_at, fresh };
}

/**
 * The privacy accountant: the one way a value about members reaches an advertiser. Each release
 * states its epsilon, is charged to the legal entity's monthly pool (estimates, or purchases) in
 * the transaction that decides with it, and is stored under its key, so asking again returns the
 * stored value and costs nothing. Outcomes an advertiser sees (a number, a delivery or refusal, an
 * invoice line, a statistic) are computed from released values only; the budget arithmetic makes
 * the sum of what any sequence of questions can learn a bound (docs/PRIVACY.md).
 *
 * Noise comes from a stream keyed to the payer, the kind and the key (HMAC of the platform secret),
 * never to the data: a retry after a crash reproduces the value, and two legal entities asking the
 * same question get independent draws, each paid for.
 */
export function createPrivacyAccountant(deps: { db: Db; settings: PrivacySettings; now?: () => Date }) {
  const { db, settings } = deps;
  const now = deps.now ?? (() => new Date());
  let secret: Buffer | undefined;

  /** What a delivery charges each member: the purchase's whole cost, and never less than its audience release. */
  const memberCostOf = (memberCostMicro: number) => Math.max(memberCostMicro, settings.audienceEpsilonMicro);

  const budgetOf = (kind: PrivacyReleaseKind) => (poolOf(kind) === 'estimates' ? settings.estimateMonthlyEpsilonMicro : settings.advertiserMonthlyEpsilonMicro);

  /**
   * Read on the caller's connection before any lock is taken: fetching it from the pool while
   * holding the budget lock could wait for a connection that a transaction queued behind the lock
   * holds. A secret this transaction had to create is not cached until it is known to be committed.
   */
  async function secretFor(trx: DbTransaction<Database>): Promise<Buffer> {
    if (secret) return secret;
    const found = await readNoiseSecret(trx);
    if (found) return (secret = found);
    return loadNoiseSecret(trx);
  }

  const sourceFor = (key: Buffer, owner: string, kind: PrivacyReleaseKind, releaseKey: string, epsilonMicro: number): RandomSource =>
    keyedRandomSource(deriveNoiseKey(key, 'dd/privacy-release/v1', owner, kind, releaseKey, String(epsilonMicro)));

  async function release<V>(trx: DbTransaction<Database>, input: ReleaseInput<V>): Promise<ReleaseOutcome<V>> {
    if (!Number.isSafeInteger(input.epsilonMicro) || input.epsilonMicro <= 0) throw new RangeError('A release needs a positive epsilon in millionths.');
    const owner = budgetOwnerOf(input.entity);
    const found = await ledger.find(trx, owner, input.kind, input.key);
    if (found) return { status: 'released', release: toRelease<V>(found, false) };
    const noiseSecret = await secretFor(trx);
    const at = now();
    const period = input.period ?? budgetPeriod(at);
    const pool = poolOf(input.kind);
    if (input.prepaidBy === undefined) {
      await ledger.lockPool(trx, owner, pool, period);
      // A twin that committed while this one waited for the lock has answered already.
      const twin = await ledger.find(trx, owner, input.kind, input.key);
      if (twin) return { status: 'released', release: toRelease<V>(twin, false) };
      if (input.cap && (await ledger.countSince(trx, owner, input.kind, new Date(at.getTime() - input.cap.windowMs))) >= input.cap.limit) {
        return { status: 'refused', reason: 'cap' };
      }
      const required = Math.max(input.requireMicro ?? input.epsilonMicro, input.epsilonMicro);
      if ((await ledger.spent(trx, owner, pool, period)) + required > budgetOf(input.kind)) return { status: 'refused', reason: 'budget' };
    }
    const value = await input.produce(sourceFor(noiseSecret, owner, input.kind, input.key, input.epsilonMicro));
    const row = await ledger.insert(trx, {
      budget_owner: owner,
      organisation_id: input.entity.organisationId,
      pool,
      kind: input.kind,
      release_key: input.key,
      period,
      epsilon_micro: input.epsilonMicro,
      prepaid_by: input.prepaidBy ?? null,
      value,
      label: input.label ?? null,
      created_at: at,
    });
    if (row) return { status: 'released', release: toRelease<V>(row, true) };
    // Only a prepaid release takes no lock, so only it can meet a twin here: the twin's value stands.
    const twin = await ledger.find(trx, owner, input.kind, input.key);
    if (!twin) throw new Error(`Release ${input.kind} ${input.key} neither inserted nor found.`);
    return { status: 'released', release: toRelease<V>(twin, false) };
  }

  return {
    release,

    /**
     * The noisy audience of a delivery, in the delivering transaction: each candidate whose month
     * can still afford `memberCostMicro` (what the whole purchase costs a member) is charged it, the
     * others are left out; the count of those charged is released with noise at the audience
     * epsilon, charged to the legal entity's purchases pool (which must fit `requireMicro`, the
     * purchase's whole cost). The delivery, its refusal below k and its invoice are decided on this
     * value alone. A retry returns the same value and the same members.
     */
    async releaseAudience(
      trx: DbTransaction<Database>,
      input: { entity: LegalEntity; key: string; label: string; candidates: readonly string[]; memberCostMicro: number; requireMicro: number },
    ): Promise<{ status: 'released'; release: Release<number>; members: string[] } | { status: 'refused'; reason: ReleaseRefusal }> {
      const epsilonMicro = settings.audienceEpsilonMicro;
      const memberCost = memberCostOf(input.memberCostMicro);
      const period = budgetPeriod(now());
      let charged: string[] = [];
      const outcome = await release<number>(trx, {
        entity: input.entity,
        kind: 'audience',
        key: input.key,
        epsilonMicro,
        period,
        label: input.label,
        requireMicro: input.requireMicro,
        produce: async (source) => {
          charged = [...(await ledger.chargeMembers(trx, input.candidates, period, memberCost, memberCost, settings.memberMonthlyEpsilonMicro))].sort();
          return noisyCountOf(charged.length, epsilonMicro)(source);
        },
      });
      if (outcome.status === 'refused') return outcome;
      if (!outcome.release.fresh) return { status: 'released', release: outcome.release, members: await ledger.chargedMembers(trx, outcome.release.id) };
      await ledger.recordMemberCharges(trx, outcome.release.id, charged, memberCost);
      return { status: 'released', release: outcome.release, members: charged };
    },

    /** A release already made under this key for this legal entity, if any. */
    async find<V>(executor: Db | DbTransaction<Database>, entity: LegalEntity, kind: PrivacyReleaseKind, key: string): Promise<Release<V> | undefined> {
      const row = await ledger.find(executor, budgetOwnerOf(entity), kind, key);
      return row ? toRelease<V>(row, false) : undefined;
    },

    /** A release keyed to a job (purchase:<id>), whoever paid for it. */
    async findByKey<V>(executor: Db | DbTransaction<Database>, kind: PrivacyReleaseKind, key: string): Promise<Release<V> | undefined> {
      const row = await ledger.findByKey(executor, kind, key);
      return row ? toRelease<V>(row, false) : undefined;
    },

    /** The members a release was charged to (a delivery's frozen member set). */
    chargedMembers: (executor: Db | DbTransaction<Database>, releaseId: number) => ledger.chargedMembers(executor, releaseId),

    /** Epsilon (millionths) the legal entity has spent from a pool in a month. */
    spent: (entity: LegalEntity, pool: 'estimates' | 'purchases', period = budgetPeriod(now())) => ledger.spent(db, budgetOwnerOf(entity), pool, period),

    /**
     * The legal entity's own spending this month and what is left, per pool: its own purchases and
     * questions, nothing about members, so the advertiser may see it (the budget meter).
     */
    async entityBudget(entity: LegalEntity): Promise<EntityBudget> {
      const at = now();
      const period = budgetPeriod(at);
      const owner = budgetOwnerOf(entity);
      const [purchases, estimates] = await Promise.all([ledger.spent(db, owner, 'purchases', period), ledger.spent(db, owner, 'estimates', period)]);
      return {
        period,
        resetsAt: nextBudgetPeriodStart(at),
        purchases: { budgetMicro: settings.advertiserMonthlyEpsilonMicro, spentMicro: purchases },
        estimates: { budgetMicro: settings.estimateMonthlyEpsilonMicro, spentMicro: estimates },
      };
    },

    /**
     * Member numbers a delivery costing `memberCostMicro` each would leave out now, by the rule
     * `releaseAudience` charges with; 'everyone' when the cost exceeds a whole month. An exact set:
     * only ever counted into a release (the purchase prediction), never shown.
     */
    async memberNosWithoutBudget(executor: Db | DbTransaction<Database>, memberCostMicro: number): Promise<Set<number> | 'everyone'> {
      const cost = memberCostOf(memberCostMicro);
      if (cost > settings.memberMonthlyEpsilonMicro) return 'everyone';
      return new Set(await ledger.memberNosOverBudget(executor, budgetPeriod(now()), cost, settings.memberMonthlyEpsilonMicro));
    },

    memberSpent: (customerId: string, period = budgetPeriod(now())) => ledger.memberSpent(db, customerId, period),

    /** One member's privacy budget this month: what is used, and by which purchases. */
    async memberUsage(customerId: string) {
      const period = budgetPeriod(now());
      const [spent, charges] = await Promise.all([ledger.memberSpent(db, customerId, period), ledger.memberCharges(db, customerId, period)]);
      return {
        period,
        budget: formatEpsilonMicro(settings.memberMonthlyEpsilonMicro),
        used: formatEpsilonMicro(spent),
        usedShare: spent / settings.memberMonthlyEpsilonMicro,
        reports: charges.map((c) => ({ id: String(c.id), title: c.label ?? c.release_key, advertiser: c.advertiser, at: c.created_at.toISOString(), epsilon: formatEpsilonMicro(Number(c.epsilon_micro)) })),
      };
    },
  };
}

export type PrivacyAccountant = ReturnType<typeof createPrivacyAccountant>;
