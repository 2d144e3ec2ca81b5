import type { Database, Db, DbTransaction, Insertable, Purpose } from '@dd/db';

type Executor = Db | DbTransaction<Database>;

export const consentRepository = {
  /** The latest decision per (category, purpose) recorded at or before `at`: the state at that moment. */
  decisionsAt(db: Executor, customerId: string, at: Date) {
    return db
      .selectFrom('consent_decisions')
      .distinctOn(['category', 'purpose'])
      .select(['category', 'purpose', 'granted', 'expires_at', 'recorded_at'])
      .where('customer_id', '=', customerId)
      .where('recorded_at', '<=', at)
      .orderBy('category')
      .orderBy('purpose')
      .orderBy('recorded_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
  },

  exclusionsAt(db: Executor, customerId: string, at: Date) {
    return db
      .selectFrom('industry_exclusions')
      .distinctOn(['industry'])
      .select(['industry', 'excluded'])
      .where('customer_id', '=', customerId)
      .where('recorded_at', '<=', at)
      .orderBy('industry')
      .orderBy('recorded_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
  },

  insertDecisions(db: Executor, rows: Insertable<Database['consent_decisions']>[]) {
    return rows.length ? db.insertInto('consent_decisions').values(rows).execute() : Promise.resolve([]);
  },

  insertExclusions(db: Executor, rows: Insertable<Database['industry_exclusions']>[]) {
    return rows.length ? db.insertInto('industry_exclusions').values(rows).execute() : Promise.resolve([]);
  },

  decisionHistory(db: Executor, customerId: string) {
    return db
      .selectFrom('consent_decisions')
      .select(['change_id', 'category', 'purpose', 'granted', 'expires_at', 'policy_version', 'source', 'recorded_at'])
      .where('customer_id', '=', customerId)
      .orderBy('id', 'desc')
      .limit(2000)
      .execute();
  },

  exclusionHistory(db: Executor, customerId: string) {
    return db
      .selectFrom('industry_exclusions')
      .select(['change_id', 'industry', 'excluded', 'policy_version', 'recorded_at'])
      .where('customer_id', '=', customerId)
      .orderBy('id', 'desc')
      .limit(2000)
      .execute();
  },

  birthYear(db: Executor, customerId: string) {
    return db
      .selectFrom('users')
      .leftJoin('customer_profiles', 'customer_profiles.user_id', 'users.id')
      .select(['customer_profiles.birth_year', 'users.erasure_requested_at', 'users.role'])
      .where('users.id', '=', customerId)
      .executeTakeFirst();
  },
};

export type PurposeCode = Purpose;
