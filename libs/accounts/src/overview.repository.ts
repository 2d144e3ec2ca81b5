import type { Db } from '@dd/db';

export const overviewRepository = {
  async countUsersByRole(db: Db) {
    const rows = await db
      .selectFrom('users')
      .select(['role', (eb) => eb.fn.countAll<number>().as('count')])
      .groupBy('role')
      .execute();
    return Object.fromEntries(rows.map((r) => [r.role, Number(r.count)])) as Partial<Record<'customer' | 'advertiser' | 'admin', number>>;
  },

  async countOrganisationsByStatus(db: Db) {
    const rows = await db
      .selectFrom('organisations')
      .select(['status', (eb) => eb.fn.countAll<number>().as('count')])
      .groupBy('status')
      .execute();
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.count)])) as Partial<Record<'unverified' | 'verified' | 'rejected', number>>;
  },

  findOrganisation(db: Db, organisationId: string) {
    return db
      .selectFrom('organisations')
      .select(['id', 'name', 'status', 'kvk_number', 'vat_number', 'industry', 'contact_email', 'created_at'])
      .where('id', '=', organisationId)
      .executeTakeFirst();
  },
};
