import { sql, type Database, type Db, type DbTransaction, type OrganisationStatus } from '@dd/db';

type Executor = Db | DbTransaction<Database>;

/** Every column an organisation's page or the admin's review shows; nothing else leaves. */
const COLUMNS = [
  'id',
  'name',
  'status',
  'kvk_number',
  'vat_number',
  'contact_name',
  'contact_email',
  'industry',
  'created_at',
  'decided_at',
  'rejection_reason',
  'verification_ended_at',
  'verification_end_cause',
  'address_street',
  'address_postcode',
  'address_city',
  'address_country',
] as const;

export interface OrganisationDetailsRow {
  name: string;
  kvk_number: string;
  vat_number: string;
  contact_name: string;
  contact_email: string;
  industry: string;
}

export const organisationRepository = {
  /** The postal address for invoices; not a verified detail, so changing it never sends the organisation back to review. */
  async updateAddress(db: Executor, id: string, address: { street: string; postcode: string; city: string; country: string }): Promise<void> {
    await db
      .updateTable('organisations')
      .set({ address_street: address.street, address_postcode: address.postcode, address_city: address.city, address_country: address.country })
      .where('id', '=', id)
      .execute();
  },

  find(db: Executor, id: string) {
    return db.selectFrom('organisations').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  },

  /** Locks the row until the transaction ends: a decision and a correction never interleave. */
  findForUpdate(trx: DbTransaction<Database>, id: string) {
    return trx.selectFrom('organisations').select(COLUMNS).where('id', '=', id).forUpdate().executeTakeFirst();
  },

  /**
   * One page, keyset-paged on (created_at, id). The waiting queue (unverified) reads oldest first,
   * like any queue; the other lists newest first.
   */
  page(db: Executor, filter: { status: OrganisationStatus | undefined; cursor: string | undefined; limit: number }) {
    const ascending = filter.status === 'unverified';
    let query = db
      .selectFrom('organisations as o')
      .select(COLUMNS.map((column) => `o.${column}` as const))
      .select((eb) =>
        eb
          .selectFrom('users as u')
          .select((inner) => inner.fn.countAll<number>().as('n'))
          .whereRef('u.organisation_id', '=', 'o.id')
          .as('accounts'),
      );
    if (filter.status) query = query.where('o.status', '=', filter.status);
    if (filter.cursor) {
      const after = sql<boolean>`(o.created_at, o.id) ${sql.raw(ascending ? '>' : '<')} (select c.created_at, c.id from organisations c where c.id = ${filter.cursor})`;
      query = query.where(after);
    }
    const direction = ascending ? 'asc' : 'desc';
    return query.orderBy('o.created_at', direction).orderBy('o.id', direction).limit(filter.limit).execute();
  },

  updateDetails(trx: DbTransaction<Database>, id: string, details: OrganisationDetailsRow) {
    return trx.updateTable('organisations').set(details).where('id', '=', id).execute();
  },

  /**
   * A verified organisation whose name, numbers or industry changed is back in review: the
   * verification was about the details it had then.
   */
  reopen(trx: DbTransaction<Database>, id: string, at: Date) {
    return trx
      .updateTable('organisations')
      .set({ status: 'unverified', decided_at: null, decided_by: null, verification_ended_at: at, verification_end_cause: 'detailsChanged' })
      .where('id', '=', id)
      .where('status', '=', 'verified')
      .executeTakeFirst();
  },

  /** An admin ends a verification: the organisation is rejected with the reason, and the row says it had been verified. */
  withdraw(trx: DbTransaction<Database>, id: string, withdrawal: { by: string; at: Date; reason: string }) {
    return trx
      .updateTable('organisations')
      .set({
        status: 'rejected',
        decided_by: withdrawal.by,
        decided_at: withdrawal.at,
        rejection_reason: withdrawal.reason,
        verification_ended_at: withdrawal.at,
        verification_end_cause: 'withdrawn',
      })
      .where('id', '=', id)
      .where('status', '=', 'verified')
      .executeTakeFirst();
  },

  /** A corrected rejected organisation waits for a new decision; the old reason stays in the audit log. */
  resubmit(trx: DbTransaction<Database>, id: string) {
    return trx
      .updateTable('organisations')
      .set({ status: 'unverified', rejection_reason: null, decided_at: null, decided_by: null })
      .where('id', '=', id)
      .where('status', '=', 'rejected')
      .execute();
  },

  decide(trx: DbTransaction<Database>, id: string, decision: { status: 'verified' | 'rejected'; by: string; at: Date; reason: string | null }) {
    return trx
      .updateTable('organisations')
      // A new decision replaces what an ended verification left behind.
      .set({
        status: decision.status,
        decided_by: decision.by,
        decided_at: decision.at,
        rejection_reason: decision.reason,
        verification_ended_at: null,
        verification_end_cause: null,
      })
      .where('id', '=', id)
      .where('status', '=', 'unverified')
      .executeTakeFirst();
  },
};
