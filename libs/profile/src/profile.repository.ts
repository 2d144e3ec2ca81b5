import type { Database, Db, DbTransaction } from '@dd/db';

type Executor = Db | DbTransaction<Database>;

export const profileRepository = {
  find(db: Executor, customerId: string) {
    return db
      .selectFrom('customer_profiles')
      .select(['birth_year', 'province', 'municipality', 'household_size', 'interests'])
      .where('user_id', '=', customerId)
      .executeTakeFirst();
  },

  update(
    db: Executor,
    customerId: string,
    values: Partial<{ birth_year: number | null; province: string | null; municipality: string | null; household_size: number | null; interests: string[] }>,
  ) {
    return db
      .insertInto('customer_profiles')
      .values({ user_id: customerId, ...values })
      .onConflict((oc) => oc.column('user_id').doUpdateSet({ ...values, updated_at: new Date() }))
      .returning('updated_at')
      .executeTakeFirstOrThrow();
  },

  findFeatures(db: Executor, customerId: string) {
    return db
      .selectFrom('customer_features')
      .select(['is_adult', 'age_band', 'province', 'municipality', 'household_band', 'interests', 'spend_bands', 'computed_at'])
      .where('customer_id', '=', customerId)
      .executeTakeFirst();
  },

  upsertFeatures(
    db: Executor,
    row: { customer_id: string; is_adult: boolean; age_band: string | null; province: string | null; municipality: string | null; household_band: string | null; interests: string[]; spend_bands: Record<string, number> },
  ) {
    const values = { ...row, spend_bands: JSON.stringify(row.spend_bands) as unknown as Record<string, number>, computed_at: new Date() };
    return db
      .insertInto('customer_features')
      .values(values)
      .onConflict((oc) => oc.column('customer_id').doUpdateSet(values))
      .execute();
  },

  /** Sellable, non-special spending rows since a day, for spend bands. */
  recentSpending(db: Executor, customerId: string, sinceDay: string) {
    return db
      .selectFrom('transactions')
      .select(['booked_on', 'amount_cents', 'category', 'is_reversal'])
      .where('customer_id', '=', customerId)
      .where('booked_on', '>=', sinceDay)
      .where('special', '=', false)
      .where('protected_life_event', '=', false)
      .execute();
  },
};
